"""CSV cells that spreadsheets open as text, never as formulas (CSV injection, OWASP).

A cell starting with ``=``, ``+``, ``-`` or ``@`` runs as a formula. Finnish Excel splits a
file on ``;``, so a cell ``Aino;=HYPERLINK(...)`` of a comma-separated file becomes two
cells there, the second a formula: every part after any separator (``;``, ``,``, tab, line
break) is guarded too, by a leading apostrophe, whichever separator the reader uses.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable

_TRIGGER = re.compile(r"(^|[;,\t\r\n])( *)(?=[=+\-@])")


def neutralise(value) -> str:
    text = "" if value is None else str(value)
    text = _TRIGGER.sub(r"\1\2'", text)
    return "'" + text if text.startswith(("\t", "\r")) else text


def write(rows: Iterable[Iterable], delimiter: str = ",") -> str:
    """The rows as CSV text with every cell neutralised."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    for row in rows:
        writer.writerow([neutralise(value) for value in row])
    return out.getvalue()
