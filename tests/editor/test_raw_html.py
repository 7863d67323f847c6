"""Raw HTML in a notice text (issue 15): refused with its line, in the editor and in files,
instead of being published as ``&lt;br/&gt;``."""

from __future__ import annotations

import pytest

from portal.text import raw_html_lines
from tests.conftest import DEMO_NOTICES, DEMO_OVERRIDE
from tests.editor.helpers import EDIT, post_form, signed_in_editor

COPIED = "Asiakastiedot säilytetään\nkaksi vuotta.<br/>\n\n<p>Sen jälkeen ne poistetaan.</p>"


@pytest.mark.parametrize(("source", "lines"), [
    (COPIED, [2, 4]),
    ("- nimi\n- osoite\n  ja <b>puhelin</b>", [3]),
    ("Katso <https://example.fi> ja 3 < 4.", []),
])
def test_the_lines_holding_html_are_found(source, lines):
    assert raw_html_lines(source) == lines


def test_the_editor_names_the_line_of_the_html(client, session):
    signed_in_editor(client, session)
    response = post_form(client, EDIT.format("tietosuojaportaali"),
                         {"section-retention-fi": COPIED})
    assert response.status_code == 400
    assert "Line 2 contains HTML, which would be shown as text." in response.get_data(as_text=True)


def test_a_notice_file_with_html_is_not_imported(runner, tmp_path):
    path = tmp_path / "museokortti.toml"
    source = (DEMO_NOTICES / "museokortti.toml").read_text("utf-8")
    assert "sparas så länge" in source
    path.write_text(source.replace("sparas så länge", "sparas<br>så länge"), "utf-8")
    result = runner.invoke(args=["notices", "import", "--override", DEMO_OVERRIDE, str(path)])
    assert result.exit_code == 1
    assert "holds HTML, which is shown as text" in result.output
