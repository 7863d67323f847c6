"""Developer tool for ``make translations``: keep the English catalog complete.

The source strings are English, so an English entry is its own translation. After
``pybabel update`` adds new strings, this fills each empty English ``msgstr`` with its ``msgid``
(and clears the fuzzy flag that a guess would carry), so the completeness test can demand that
every catalog, English included, translates every string.

Run: ``python -m portal.catalogs translations/en/LC_MESSAGES/messages.po``
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po


def fill_english(path: Path) -> int:
    """Fill empty or fuzzy English entries from their source text; return how many changed."""
    with path.open("rb") as handle:
        catalog = read_po(handle, locale="en")
    changed = 0
    for message in catalog:
        if not message.id:
            continue
        source = message.id if isinstance(message.id, tuple) else (message.id,)
        wanted = source if message.pluralizable else source[0]
        if message.fuzzy or message.string != wanted:
            message.string = wanted
            message.flags.discard("fuzzy")
            changed += 1
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100, omit_header=False, include_previous=False)
    return changed


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(f"{name}: {fill_english(Path(name))} English entries filled")
