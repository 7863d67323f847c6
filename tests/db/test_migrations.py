"""Alembic migrations: from an empty database to the newest schema, every step reversible, and
the schema they make is the one the models describe (so no change is left out of a migration)."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect

from portal import migrate
from portal.models import Base


def _differences(url: str) -> list:
    engine = create_engine(url)
    with engine.connect() as connection:
        found = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    return found


def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    names = set(inspect(engine).get_table_names()) - {"alembic_version"}
    engine.dispose()
    return names


def test_upgrade_from_empty_gives_the_schema_of_the_models(empty_database_url):
    migrate.upgrade(empty_database_url)
    assert _tables(empty_database_url) == set(Base.metadata.tables)
    assert _differences(empty_database_url) == []


def test_every_migration_steps_down_and_up_again(empty_database_url):
    url = empty_database_url
    revisions = [script.revision for script in
                 ScriptDirectory.from_config(migrate.alembic_config(url)).walk_revisions()]
    migrate.upgrade(url)
    for _ in revisions:  # newest first, down to an empty database
        migrate.downgrade(url, "-1")
        migrate.upgrade(url, "+1")
        migrate.downgrade(url, "-1")
    assert _tables(url) == set()
    migrate.upgrade(url)
    assert _differences(url) == []
