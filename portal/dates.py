"""Dates and times as Finland writes them, in each of the portal's languages.

Babel's Swedish is Sweden's ("2026-02-16 10:15"); Finland-Swedish public bodies write the
Finnish way, "16.2.2026 kl. 10.15", and Finnish "16.2.2026 klo 10.15" (Kotimaisten kielten
keskus, Kielitoimiston ohjepankki: päiväys ja kellonaika; Svenska språkbyrån i Finland:
datum och klockslag). English keeps Babel's forms. The named
formats ("short", "long", "full") stay Babel's names, so templates and code ask for a kind of
date, never a pattern; the patterns per language live here only.
"""

from __future__ import annotations

import datetime as dt

from babel import dates
from flask import Flask
from flask_babel import get_locale, to_user_timezone

#: The Babel locale whose month and weekday names each portal language uses.
BABEL_LOCALE = {"fi": "fi", "sv": "sv_FI", "en": "en"}

#: Patterns that differ from Babel's for that locale, by "kind.format".
PATTERNS = {
    "fi": {
        "date.short": "d.M.yyyy",
        "datetime.short": "d.M.yyyy 'klo' H.mm",
        "time.short": "H.mm",
    },
    "sv": {
        "date.short": "d.M.yyyy",
        "datetime.short": "d.M.yyyy 'kl.' H.mm",
        "time.short": "H.mm",
    },
    "en": {},
}


def _lang(lang: str | None) -> str:
    lang = lang or str(get_locale())
    return lang if lang in BABEL_LOCALE else "en"


def _pattern(kind: str, format: str, lang: str) -> str:
    return PATTERNS[lang].get(f"{kind}.{format}", format)


def format_date(value: dt.date | dt.datetime, format: str = "long", lang: str | None = None) -> str:
    """A date ("16.2.2026" short, "16. helmikuuta 2026" long) in the reader's language."""
    lang = _lang(lang)
    if isinstance(value, dt.datetime):
        value = to_user_timezone(value)
    return dates.format_date(value, _pattern("date", format, lang), locale=BABEL_LOCALE[lang])


def format_datetime(value: dt.datetime, format: str = "short", lang: str | None = None) -> str:
    """A moment in Finnish time: "16.2.2026 klo 10.15", "16.2.2026 kl. 10.15"."""
    lang = _lang(lang)
    return dates.format_datetime(to_user_timezone(value), _pattern("datetime", format, lang),
                                 locale=BABEL_LOCALE[lang])


def format_time(value: dt.datetime | dt.time, format: str = "short",
                lang: str | None = None) -> str:
    """A time of day: "10.15" in Finnish and Swedish."""
    lang = _lang(lang)
    if isinstance(value, dt.datetime):
        value = to_user_timezone(value)
    return dates.format_time(value, _pattern("time", format, lang), locale=BABEL_LOCALE[lang])


def format_date_range(start: dt.date, end: dt.date, lang: str | None = None) -> str:
    """Two days as one range, the year written once: "16.2.–20.2.2026" in Finnish and Swedish
    (an en dash, no spaces), "February 16 – 20, 2026" in English."""
    lang = _lang(lang)
    if lang == "en":
        return dates.format_interval(start, end, "yMMMMd", locale=BABEL_LOCALE[lang])
    first = f"{start.day}.{start.month}." + (str(start.year) if start.year != end.year else "")
    return f"{first}\u2013{end.day}.{end.month}.{end.year}"


def format_month(year_month: str, lang: str | None = None) -> str:
    """A month of the statistics ("2026-03") in words: "maaliskuu 2026", "mars 2026"."""
    lang = _lang(lang)
    year, month = (int(part) for part in year_month.split("-"))
    return dates.format_date(dt.date(year, month, 1), "LLLL y", locale=BABEL_LOCALE[lang])


def init_app(app: Flask) -> None:
    """Replace Flask-Babel's date filters with these, so that every template writes dates the
    Finnish way without naming a pattern."""
    app.jinja_env.filters.update(dateformat=format_date, datetimeformat=format_datetime,
                                 timeformat=format_time, daterange=format_date_range,
                                 monthformat=format_month)
