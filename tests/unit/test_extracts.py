"""Data extracts: CSV and JSON become tables; anything else is refused with the reason."""

import pytest

from portal.backoffice.extracts import BadExtract, read_extract


def test_csv_with_semicolons_and_a_bom():
    extract = read_extract("käynnit.csv", "\ufeffpvm;museo\n2026-01-02;KAMU\n".encode())
    assert extract.columns == ("pvm", "museo") and extract.rows == (("2026-01-02", "KAMU"),)
    assert extract.mimetype == "text/csv" and extract.filename == "käynnit.csv"


def test_json_list_and_object():
    listed = read_extract("v.json", b'[{"a": 1, "b": "x"}, {"a": 2, "c": [1]}]')
    assert listed.columns == ("a", "b", "c")
    assert listed.rows == (("1", "x", ""), ("2", "", "[1]"))
    single = read_extract("p.json", b'{"nimi": "Aino"}')
    assert single.rows == (("nimi", "Aino"),)


@pytest.mark.parametrize("name, data, reason", [
    ("x.exe", b"MZ", "only CSV, JSON, PDF, PNG and JPEG files"),
    ("x.json", b"{not json", "not valid JSON"),
    ("x.json", b"[1, 2]", "object or a list of objects"),
    ("x.csv", b"\xff\xfe\x00a", "not UTF-8"),
    ("x.csv", b"", "empty"),
    ("x.csv", b"a\n" * 600_000, "larger than 1 MB"),
])
def test_bad_files_are_refused_with_the_reason(name, data, reason):
    with pytest.raises(BadExtract, match=reason):
        read_extract(name, data)


def test_path_characters_are_removed_from_names():
    assert read_extract("../../etc/x.csv", b"a\n1\n").filename == ".._.._etc_x.csv"
