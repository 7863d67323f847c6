"""``flask --app portal db backup`` refuses clearly and leaves nothing half-written."""

from __future__ import annotations

from portal.ops.backup import pg_dump_command


def test_a_password_goes_to_pg_dump_by_environment_not_by_argument():
    command, env = pg_dump_command("postgresql+psycopg://portal:s3cret@db.internal:5433/portal")
    assert command[-1] == "postgresql://portal@db.internal:5433/portal"
    assert env == {"PGPASSWORD": "s3cret"} and "s3cret" not in " ".join(command)


def test_backup_refuses_sqlite_and_a_missing_key_and_writes_nothing(app, tmp_path, db_backend):
    (tmp_path / "key.asc").write_text("not a key")
    runner = app.test_cli_runner()
    missing = runner.invoke(args=["db", "backup", str(tmp_path / "b"), "--key",
                                  str(tmp_path / "ei-ole.asc")])
    assert missing.exit_code == 1 and "no public key file" in missing.output
    result = runner.invoke(args=["db", "backup", str(tmp_path / "b"), "--key",
                                 str(tmp_path / "key.asc")])
    assert result.exit_code == 1
    if db_backend == "sqlite":
        assert "PostgreSQL" in result.output
    else:
        assert "gpg failed" in result.output
    assert list((tmp_path / "b").glob("*")) == []
