"""Importing notice files: versions, idempotence, atomicity; on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from portal.audit import AuditEntry
from portal.notices import service
from portal.notices.models import NoticeVersion, PublishedVersionImmutable, Register
from tests.conftest import DEMO_NOTICES, DEMO_OVERRIDE

#: One version of each demo notice, as the test database was made.
DEMO_VERSIONS = len(list(DEMO_NOTICES.glob("*.toml")))


def version_count(session) -> int:
    return session.scalar(select(func.count()).select_from(NoticeVersion))


def test_demo_import_published_every_register(session):
    slugs = set(session.scalars(select(Register.slug)))
    assert slugs == {"kamu-asiakasrekisteri", "museokortti", "tietosuojaportaali",
                     "honkalahti-oppilasrekisteri", "helmet-asiakasrekisteri",
                     "varhaiskasvatus"}
    assert version_count(session) == DEMO_VERSIONS
    overrides = session.scalars(select(AuditEntry.target).where(
        AuditEntry.action == "notice.override"))
    assert set(overrides) == {"register:kamu-asiakasrekisteri", "register:museokortti"}


def test_importing_unchanged_files_publishes_nothing(runner, session):
    result = runner.invoke(args=["notices", "import", str(DEMO_NOTICES)])
    assert result.exit_code == 0, result.output
    assert "unchanged, still version 1" in result.output
    assert version_count(session) == DEMO_VERSIONS


def test_changed_text_becomes_a_new_version_and_the_old_one_stays(runner, session, tmp_path):
    source = (DEMO_NOTICES / "museokortti.toml").read_text("utf-8")
    changed = tmp_path / "museokortti.toml"
    changed.write_text(source.replace("sparas så länge", "sparas högst så länge"), "utf-8")
    result = runner.invoke(args=["notices", "import", "--override", DEMO_OVERRIDE, str(changed)])
    assert result.exit_code == 0, result.output
    assert "museokortti: published as version 2" in result.output
    versions = session.scalars(
        select(NoticeVersion).join(Register).where(Register.slug == "museokortti")
        .order_by(NoticeVersion.number)
    ).all()
    assert [v.number for v in versions] == [1, 2]
    assert "sparas så länge" in versions[0].content["sections"]["retention"]["sv"]
    assert "högst" in versions[1].content["sections"]["retention"]["sv"]


def test_one_bad_file_means_nothing_is_imported(runner, session, tmp_path):
    good = tmp_path / "a-new.toml"
    good.write_text((DEMO_NOTICES / "museokortti.toml").read_text("utf-8")
                    .replace('slug = "museokortti"\ncollection', 'slug = "uusi"\ncollection'))
    bad = tmp_path / "b-bad.toml"
    bad.write_text('format = 1\nslug = "rikki"\n', "utf-8")
    result = runner.invoke(args=["notices", "import", str(tmp_path)])
    assert result.exit_code != 0
    assert "b-bad.toml" in result.output and "title" in result.output
    assert session.scalar(select(Register).where(Register.slug == "uusi")) is None
    assert version_count(session) == DEMO_VERSIONS


def test_two_files_for_one_register_are_refused(runner, session, tmp_path):
    for name in ("one.toml", "two.toml"):
        (tmp_path / name).write_text((DEMO_NOTICES / "museokortti.toml").read_text("utf-8"))
    result = runner.invoke(args=["notices", "import", str(tmp_path)])
    assert result.exit_code != 0 and "two files describe the same register" in result.output


def test_a_published_version_cannot_be_changed_or_deleted(session):
    version = session.scalars(select(NoticeVersion)).first()
    version.content = {**version.content, "title": {"fi": "x", "sv": "x", "en": "x"}}
    with pytest.raises(PublishedVersionImmutable):
        session.flush()
    session.rollback()
    session.delete(session.scalars(select(NoticeVersion)).first())
    with pytest.raises(PublishedVersionImmutable):
        session.flush()


def test_service_refuses_an_unknown_slug(session):
    with pytest.raises(service.NoticeNotFound):
        service.latest_published(session, "no-such-register")


def _changed_museum_card(tmp_path):
    changed = tmp_path / "museokortti.toml"
    changed.write_text((DEMO_NOTICES / "museokortti.toml").read_text("utf-8")
                       .replace("sparas så länge", "sparas högst så länge"), "utf-8")
    return changed


def _entries(session, action):
    """The entries of ``action`` after the demo notices' own first imports."""
    return [entry for entry in session.scalars(select(AuditEntry).where(
        AuditEntry.action == action)) if entry.after.get("version") != 1]


def test_a_notice_with_findings_is_not_imported_without_a_reason(runner, session, tmp_path):
    result = runner.invoke(args=["notices", "import", str(_changed_museum_card(tmp_path))])
    assert result.exit_code == 1
    assert "automated_decisions: Art. 13(2)(f), automated_decisions (sv)" in result.output
    assert '--override "the reason"' in result.output
    blank = runner.invoke(args=["notices", "import", "--override", "  ",
                                str(_changed_museum_card(tmp_path))])
    assert blank.exit_code == 1
    assert version_count(session) == DEMO_VERSIONS
    assert _entries(session, "notice.import") == []


def test_an_override_publishes_and_the_audit_trail_keeps_findings_and_reason(
        runner, session, tmp_path):
    result = runner.invoke(args=["notices", "import", "--override", "Closing next month.",
                                 str(_changed_museum_card(tmp_path))])
    assert result.exit_code == 0, result.output
    (override,) = _entries(session, "notice.override")
    assert override.target == "register:museokortti" and override.actor_id is None
    assert override.after == {"reason": "Closing next month.", "version": 2}
    assert "automated_decisions: Art. 13(2)(f), automated_decisions (sv)" in (
        override.before["findings"])
    (imported,) = _entries(session, "notice.import")
    assert imported.after == {"version": 2, "file": "museokortti.toml"}
    assert imported.controller_id == session.scalar(
        select(Register.controller_id).where(Register.slug == "museokortti"))


def test_a_complete_notice_imports_without_a_reason_and_is_audited(runner, session, tmp_path):
    path = tmp_path / "tietosuojaportaali.toml"
    path.write_text((DEMO_NOTICES / "tietosuojaportaali.toml").read_text("utf-8")
                    .replace('[title]\nfi = "', '[title]\nfi = "Uusi: '), "utf-8")
    result = runner.invoke(args=["notices", "import", str(path)])
    assert result.exit_code == 0, result.output
    assert "tietosuojaportaali: published as version 2" in result.output
    assert _entries(session, "notice.override") == []
    assert [e.after["version"] for e in _entries(session, "notice.import")] == [2]


def test_a_recipient_named_by_a_number_is_a_format_error_not_a_crash(runner, session, tmp_path):
    path = tmp_path / "museokortti.toml"
    path.write_text((DEMO_NOTICES / "museokortti.toml").read_text("utf-8")
                    + '\n[[recipients]]\nname = 42\nrole = "processor"\n', "utf-8")
    result = runner.invoke(args=["notices", "import", str(path)])
    assert result.exit_code == 1 and not isinstance(result.exception, TypeError)
    assert "recipients[1].name: must be text" in result.output
