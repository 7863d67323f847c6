"""Data extracts: CSV and JSON become tables; anything else is refused with the reason."""

import io
import struct
import zlib

import pytest
from pypdf import PdfWriter

from portal.backoffice.extracts import BadExtract, read_extract


def png_header(width: int, height: int) -> bytes:
    """A PNG that claims ``width`` x ``height`` one-bit pixels in a few bytes."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0,
                                                                   0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b""))


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
    ("pommi.png", png_header(20_000, 20_000), "not a PNG or JPEG image"),
])
def test_bad_files_are_refused_with_the_reason(name, data, reason):
    with pytest.raises(BadExtract, match=reason):
        read_extract(name, data)


def test_path_characters_are_removed_from_names():
    assert read_extract("../../etc/x.csv", b"a\n1\n").filename == ".._.._etc_x.csv"


def test_a_redacted_pdf_of_several_megabytes_is_a_copy_of_documents():
    """Only tables are held to 1 MB; a scanned, redacted PDF is often 5-15 MB."""
    writer, out = PdfWriter(), io.BytesIO()
    writer.add_blank_page(595, 842)
    writer.add_attachment("skannaus.bin", bytes(range(256)) * (5 * 4096))
    writer.write(out)
    assert len(out.getvalue()) > 5_000_000
    extract = read_extract("poistettu.pdf", out.getvalue())
    assert extract.mimetype == "application/pdf" and not extract.is_table
