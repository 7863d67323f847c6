"""Files a handler attaches to a decision: data extracts and copies of documents.

An access answer must give "a copy of the personal data" (Art. 15(3)); the letter shows each CSV
or JSON file as a table, and the file itself travels as the machine-readable copy (Art. 15(3)
last sentence, Art. 20 where it applies). A copy may also be a copy of documents (CJEU C-487/21):
PDF files and PNG or JPEG images, listed in the letter. Every file is checked by its content,
never by its name alone. A CSV file travels rewritten with every cell guarded against
spreadsheet formulas, since the requester will open it in a spreadsheet. The number of cells is
bounded, because each becomes a table cell of the PDF letter.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

from flask_babel import gettext as _
from PIL import Image, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from .. import csvsafe

#: A CSV or JSON file: each cell becomes a table cell of the letter. Copies of documents (PDF,
#: PNG, JPEG) are bounded only by the staff upload limit of the whole form
#: (``PORTAL_STAFF_UPLOAD_MAX_MB``, :mod:`portal.uploads`): redacted PDFs are often 5-15 MB.
MAX_FILE = 1_000_000
MAX_FILES = 10
MAX_ROWS = 2_000
#: Cells of one file, and of all files of one letter: what the PDF renders in seconds.
MAX_CELLS = 20_000
MAX_CELLS_IN_ALL = 40_000
MIMETYPES = {".csv": "text/csv", ".json": "application/json", ".pdf": "application/pdf",
             ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}
#: What Pillow must find in an image file of each type.
IMAGE_FORMATS = {"image/png": "PNG", "image/jpeg": "JPEG"}


class BadExtract(ValueError):
    """A file that is not valid CSV or JSON, too large, or of another type."""

    def __init__(self, filename: str, reason: str) -> None:
        self.filename, self.reason = filename, reason
        super().__init__(f"{filename}: {reason}")


@dataclass(frozen=True)
class Extract:
    filename: str
    mimetype: str
    data: bytes
    columns: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()

    @property
    def is_table(self) -> bool:
        return self.mimetype in ("text/csv", "application/json")


def _text(filename: str, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BadExtract(filename, _("not UTF-8 text")) from None


def _dialect(text: str):
    try:
        return csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        return csv.excel


def _delimiter(text: str) -> str:
    """The file's own separator, kept when it is rewritten (Finnish files use ``;``)."""
    return _dialect(text).delimiter


def cells(columns: tuple, rows) -> int:
    return max(len(columns), *(len(row) for row in rows), 0) * (len(rows) + 1)


def _from_csv(filename: str, text: str) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    table = [tuple(row) for row in csv.reader(io.StringIO(text), _dialect(text)) if row]
    if not table:
        raise BadExtract(filename, _("the CSV file is empty"))
    return table[0], table[1:]


def _from_json(filename: str, text: str) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    try:
        value = json.loads(text)
        if isinstance(value, dict):
            return ("", ""), [(str(k), _cell(v)) for k, v in value.items()]
        if isinstance(value, list) and all(isinstance(item, dict) for item in value):
            columns = tuple(dict.fromkeys(key for item in value for key in item))
            return columns, [tuple(_cell(item.get(c, "")) for c in columns) for item in value]
    except json.JSONDecodeError as exc:
        raise BadExtract(filename, _("not valid JSON (%(error)s)", error=exc.msg)) from None
    except RecursionError:
        raise BadExtract(filename, _("the JSON is nested too deeply")) from None
    raise BadExtract(filename, _("JSON must be an object or a list of objects"))


def _cell(value) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _check_pdf(filename: str, data: bytes) -> None:
    try:
        if not data.startswith(b"%PDF-") or not PdfReader(io.BytesIO(data)).pages:
            raise BadExtract(filename, _("not a PDF document"))
    except (PyPdfError, ValueError, KeyError, OSError):
        raise BadExtract(filename, _("not a PDF document")) from None


def _check_image(filename: str, data: bytes, mimetype: str) -> None:
    try:
        with Image.open(io.BytesIO(data)) as image:
            found = image.format
            image.verify()
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError,
            ValueError):  # a bomb: far more pixels than any scan has
        found = None
    if found != IMAGE_FORMATS[mimetype]:
        raise BadExtract(filename, _("not a PNG or JPEG image of the type its name says"))


def read_extract(filename: str, data: bytes) -> Extract:
    suffix = filename[filename.rfind("."):].lower() if "." in filename else ""
    if suffix not in MIMETYPES:
        raise BadExtract(filename, _("only CSV, JSON, PDF, PNG and JPEG files can be attached"))
    mimetype = MIMETYPES[suffix]
    safe_name = "".join(c if c.isalnum() or c in "-_." else "_" for c in filename)[-100:]
    if mimetype == "application/pdf":
        _check_pdf(filename, data)
        return Extract(safe_name, mimetype, data)
    if mimetype in IMAGE_FORMATS:
        _check_image(filename, data, mimetype)
        return Extract(safe_name, mimetype, data)
    if len(data) > MAX_FILE:
        raise BadExtract(filename, _("the file is larger than 1 MB"))
    text = _text(filename, data)
    columns, rows = (_from_csv if suffix == ".csv" else _from_json)(filename, text)
    if len(rows) > MAX_ROWS:
        raise BadExtract(filename, _("more than %(num)d rows", num=MAX_ROWS))
    if cells(columns, rows) > MAX_CELLS:
        raise BadExtract(filename, _("more than %(num)d cells", num=MAX_CELLS))
    if suffix == ".csv":
        data = ("\ufeff" + csvsafe.write([columns, *rows], _delimiter(text))).encode("utf-8")
    return Extract(safe_name, mimetype, data, columns, tuple(rows))
