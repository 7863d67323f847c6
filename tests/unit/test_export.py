"""Export writes the import format: import then export gives the same file (both databases)."""

import pytest

from tests.conftest import DEMO_NOTICES, DEMO_OVERRIDE


@pytest.mark.parametrize("slug", ["kamu-asiakasrekisteri", "museokortti", "tietosuojaportaali",
                                  "helmet-asiakasrekisteri"])
def test_import_then_export_gives_the_same_file(runner, slug):
    result = runner.invoke(args=["notices", "export", slug])
    assert result.exit_code == 0, result.output
    assert result.output == (DEMO_NOTICES / f"{slug}.toml").read_text("utf-8")


def test_an_exported_edit_imports_as_a_new_version(runner, tmp_path):
    path = tmp_path / "museokortti.toml"
    runner.invoke(args=["notices", "export", "museokortti", "-o", str(path)])
    path.write_text(path.read_text("utf-8").replace("Museikortet är personligt.",
                                                    "Museikortet är alltid personligt."))
    assert "published as version 2" in runner.invoke(
        args=["notices", "import", "--override", DEMO_OVERRIDE, str(path)]).output
    exported = runner.invoke(args=["notices", "export", "museokortti"]).output
    assert exported == path.read_text("utf-8")


def test_unknown_register(runner):
    result = runner.invoke(args=["notices", "export", "nothing-here"])
    assert result.exit_code != 0 and "no register 'nothing-here'" in result.output
