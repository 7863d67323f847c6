"""Dates, times and provisions as a Finnish authority writes them in fi and sv (issue 17)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from flask import Flask
from flask_babel import Babel, force_locale

from portal.dates import (
    format_date,
    format_date_range,
    format_datetime,
    format_month,
    format_time,
)
from portal.law.citations import cite_gdpr_list, parse_gdpr

MOMENT = datetime(2026, 2, 16, 8, 15, tzinfo=UTC)  # 10.15 in Helsinki


@pytest.fixture
def babel_app():
    app = Flask(__name__)
    Babel(app, default_timezone="Europe/Helsinki")
    with app.test_request_context():
        yield app


@pytest.mark.parametrize("lang, moment, day, time, long", [
    ("fi", "16.2.2026 klo 10.15", "16.2.2026", "10.15", "16. helmikuuta 2026"),
    ("sv", "16.2.2026 kl. 10.15", "16.2.2026", "10.15", "16 februari 2026"),
])
def test_finland_writes_dates_and_times_the_same_way_in_both_languages(
        babel_app, lang, moment, day, time, long):
    with force_locale(lang):
        assert format_datetime(MOMENT) == moment
        assert format_date(MOMENT, "short") == day
        assert format_time(MOMENT) == time
        assert format_date(date(2026, 2, 16)) == long


@pytest.mark.parametrize("start, end, expected", [
    (date(2026, 2, 16), date(2026, 2, 20), "16.2.–20.2.2026"),
    (date(2026, 2, 26), date(2026, 3, 2), "26.2.–2.3.2026"),
    (date(2026, 12, 30), date(2027, 1, 4), "30.12.2026–4.1.2027"),
])
def test_date_ranges_write_the_year_once_with_an_en_dash(babel_app, start, end, expected):
    for lang in ("fi", "sv"):
        assert format_date_range(start, end, lang) == expected


def test_the_templates_use_these_forms(babel_app):
    from portal import i18n

    app = Flask(__name__)
    i18n.init_app(app)
    with app.test_request_context(), force_locale("sv"):
        rendered = app.jinja_env.from_string('{{ moment|datetimeformat("short") }}').render(
            moment=MOMENT)
    assert rendered == "16.2.2026 kl. 10.15"


@pytest.mark.parametrize("lang, expected", [
    ("fi", "tietosuoja-asetuksen 13 artiklan 1 kohdan a alakohta ja 14 artiklan 1 kohdan a "
           "alakohta"),
    ("sv", "artiklarna 13.1 a och 14.1 a i dataskyddsförordningen"),
    ("en", "Articles 13(1)(a) and 14(1)(a) GDPR"),
])
def test_several_provisions_name_the_regulation_once(lang, expected):
    assert cite_gdpr_list(parse_gdpr("13(1)(a), 14(1)(a)"), lang) == expected


def test_a_whole_article_and_a_bad_notation():
    assert cite_gdpr_list(parse_gdpr("32"), "fi") == "tietosuoja-asetuksen 32 artikla"
    with pytest.raises(ValueError):
        parse_gdpr("Art. 32")


@pytest.mark.parametrize("lang, expected", [("fi", "maaliskuu 2026"), ("sv", "mars 2026"),
                                            ("en", "March 2026")])
def test_a_month_of_the_statistics_in_words(babel_app, lang, expected):
    assert format_month("2026-03", lang) == expected
