"""``flask --app portal deadline``: the due date and its explanation in fi, sv and en."""

import pytest


@pytest.mark.parametrize("lang, lines", [
    ("fi", ["Määräpäivä: maanantai 13. huhtikuuta 2026",
            "Pyyntö vastaanotettiin 2. maaliskuuta 2026.",
            "Määräaika ei kulunut ajalla 3.3.–13.3.2026",
            "Määräaikaan lisätään 10 päivää",
            "Sunnuntai 12. huhtikuuta 2026 on viikonloppupäivä"]),
    ("sv", ["Sista dag för svar: måndag 13 april 2026",
            "Tidsfristen löpte inte under tiden 3.3.–13.3.2026",
            "10 dagar läggs till",
            "Söndag 12 april 2026 är en veckoslutsdag"]),
    ("en", ["Due date: Monday, April 13, 2026",
            "10 days are added, giving Sunday, April 12, 2026",
            "An extension must be notified by April 13, 2026 at the latest."]),
])
def test_worked_pause_example_in_each_language(runner, lang, lines):
    result = runner.invoke(args=["deadline", "2026-03-02", "--pause", "2026-03-03:2026-03-13",
                                 "--lang", lang])
    assert result.exit_code == 0, result.output
    for line in lines:
        assert line in result.output


def test_holiday_names_come_in_the_readers_language(runner):
    fi = runner.invoke(args=["deadline", "2026-03-03", "--lang", "fi"]).output
    sv = runner.invoke(args=["deadline", "2026-03-03", "--lang", "sv"]).output
    # Holiday names are common nouns in Finnish and Swedish running text: lower case.
    assert "(pitkäperjantai)" in fi and "(toinen pääsiäispäivä)" in fi
    assert "(långfredagen)" in sv and "(annandag påsk)" in sv
    assert "Määräpäivä: tiistai 7. huhtikuuta 2026" in fi


def test_time_of_receipt_uses_helsinki_time(runner):
    result = runner.invoke(args=["deadline", "2026-03-31T22:30:00+00:00", "--lang", "en"])
    assert "Due date: Monday, May 4, 2026" in result.output
    assert "April 1, 2026 at 1:30" in result.output
    assert "public holiday (May Day)" in result.output


def test_extended_deadline(runner):
    result = runner.invoke(args=["deadline", "2026-01-15", "--extended", "--lang", "en"])
    assert "Due date: Wednesday, April 15, 2026" in result.output
    assert "three months from receipt" in result.output


@pytest.mark.parametrize("args, message", [
    (["not-a-date"], "is not a date"),
    (["2026-01-15", "--pause", "2026-01-20"], "FROM:TO"),
    (["2026-01-15", "--pause", "2026-01-20:2026-01-19"], "cannot end"),
    (["2026-01-15", "--lang", "de"], "Invalid value"),
])
def test_bad_input_is_explained(runner, args, message):
    result = runner.invoke(args=["deadline", *args])
    assert result.exit_code != 0 and message in result.output


@pytest.mark.parametrize("lang, lines", [
    ("fi", ["Määräpäivä: tiistai 7. huhtikuuta 2026", "julkisuuslain (621/1999) 14 §:n 4 momentti",
            "(pitkäperjantai)"]),
    ("sv", ["Sista dag för svar: tisdag 7 april 2026",
            "14 § 4 mom. i offentlighetslagen (621/1999)", "(långfredagen)"]),
    ("en", ["Due date: Tuesday, April 7, 2026", "Two weeks is Friday, April 3, 2026",
            "An extension must be notified by April 7, 2026 at the latest."]),
])
def test_a_document_request_has_two_weeks(runner, lang, lines):
    result = runner.invoke(args=["deadline", "2026-03-20", "--law", "openness", "--lang", lang])
    assert result.exit_code == 0, result.output
    for line in lines:
        assert line in result.output


def test_a_specified_document_request_runs_from_the_specification(runner):
    result = runner.invoke(args=["deadline", "2026-01-05", "--law", "openness", "--extended",
                                 "--specified", "2026-01-15", "--lang", "en"])
    assert "Due date: Monday, February 16, 2026" in result.output
    assert "it was specified on January 15, 2026" in result.output
    assert "one month is Sunday, February 15, 2026" in result.output


def test_a_written_decision_runs_from_the_request_for_it(runner):
    result = runner.invoke(args=["deadline", "2026-11-30", "--law", "openness",
                                 "--decision-requested", "2026-12-18", "--lang", "en"])
    assert "Due date: Monday, January 4, 2027" in result.output
    assert "On December 18, 2026 the requester asked for the matter to be taken" in result.output


def test_a_document_request_never_pauses(runner):
    result = runner.invoke(args=["deadline", "2026-01-05", "--law", "openness",
                                 "--pause", "2026-01-06:2026-01-08"])
    assert result.exit_code != 0 and "never pauses" in result.output
