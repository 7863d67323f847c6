"""Where the templates, static files and compiled catalogs are.

A source checkout keeps them at the top of the repository; an installed package carries copies
inside ``portal/`` (``setup.py`` puts them there when the wheel is built). Nothing else in the
code needs to know which of the two it runs from.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def _folder(name: str) -> Path:
    inside = PACKAGE / name
    return inside if inside.is_dir() else PACKAGE.parent / name


TEMPLATES = _folder("templates")
STATIC = _folder("static")
TRANSLATIONS = _folder("translations")
