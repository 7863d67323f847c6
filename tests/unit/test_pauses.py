"""Which questions pause the clock (shared legal rules §1.3, §7): pure rules and properties."""

from datetime import UTC, date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from portal.deadlines import due_date
from portal.dsr.pauses import (
    CLARIFY,
    IDENTITY,
    OTHER,
    PROVISIONS,
    Question,
    counted_pauses,
    pauses_the_clock,
    reminder_due,
)
from portal.law.citations import cite

RECEIVED = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # Mon 2 Mar: due Thu 2 Apr without pauses


def due(questions, **kwargs) -> date:
    return due_date(RECEIVED, pauses=counted_pauses(RECEIVED, questions, **kwargs))


def test_the_worked_example_an_identity_question_adds_its_days():
    assert due([Question(date(2026, 3, 3), IDENTITY, date(2026, 3, 13))]) == date(2026, 4, 13)


def test_a_clarifying_question_pauses_like_an_identity_question():
    assert due([Question(date(2026, 3, 3), CLARIFY, date(2026, 3, 13))]) == date(2026, 4, 13)


def test_another_reason_never_pauses():
    assert due([Question(date(2026, 3, 3), OTHER, date(2026, 3, 13))]) == date(2026, 4, 2)


def test_a_question_after_the_due_date_does_not_revive_the_time_limit():
    assert due([Question(date(2026, 4, 3), IDENTITY, date(2026, 4, 20))]) == date(2026, 4, 2)


def test_a_question_on_the_due_date_still_pauses():
    assert due([Question(date(2026, 4, 2), IDENTITY, date(2026, 4, 7))]) == date(2026, 4, 7)


def test_an_earlier_pause_moves_the_due_date_a_later_question_is_measured_against():
    first = Question(date(2026, 3, 3), IDENTITY, date(2026, 3, 13))  # due now 13 Apr
    second = Question(date(2026, 4, 10), CLARIFY, date(2026, 4, 14))
    assert due([second, first]) == date(2026, 4, 16)  # 12 Apr + 14 days -> Thu 16 Apr


def test_an_extension_counts_only_from_the_day_it_was_notified():
    late_question = Question(date(2026, 4, 10), IDENTITY, date(2026, 4, 15))
    assert pauses_the_clock(RECEIVED, [], late_question, extension_notified_on=date(2026, 3, 20))
    assert not pauses_the_clock(RECEIVED, [], late_question,
                                extension_notified_on=date(2026, 4, 12))


def test_an_unanswered_question_adds_nothing_yet():
    assert counted_pauses(RECEIVED, [Question(date(2026, 3, 3), IDENTITY)]) == []


def test_each_reason_cites_its_provision_in_the_requesters_language():
    assert cite(PROVISIONS[IDENTITY], "en") == "Article 12(6) GDPR"
    assert cite(PROVISIONS[IDENTITY], "fi") == "tietosuoja-asetuksen 12 artiklan 6 kohta"
    assert cite(PROVISIONS[CLARIFY], "fi") == (
        "tietosuoja-asetuksen johdanto-osan 63 perustelukappale")
    assert cite(PROVISIONS[CLARIFY], "sv") == "skäl 63 i dataskyddsförordningen"
    assert cite(PROVISIONS[CLARIFY], "en") == "Recital 63 GDPR"
    assert OTHER not in PROVISIONS


def test_the_reminder_comes_after_the_configured_days_and_only_while_unanswered():
    asked = date(2026, 3, 3)
    assert not reminder_due(Question(asked, IDENTITY), date(2026, 3, 16), after_days=14)
    assert reminder_due(Question(asked, IDENTITY), date(2026, 3, 17), after_days=14)
    assert not reminder_due(Question(asked, IDENTITY, date(2026, 3, 10)), date(2026, 4, 1),
                            after_days=14)


moments = st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2028, 12, 31),
                       timezones=st.just(UTC))
question_specs = st.lists(st.tuples(st.integers(0, 120), st.integers(0, 40),
                                    st.sampled_from([IDENTITY, CLARIFY, OTHER])), max_size=4)


def _questions(received: datetime, spec) -> list[Question]:
    start = received.date()
    return [Question(start + timedelta(days=offset), reason,
                     start + timedelta(days=offset + length))
            for offset, length, reason in spec]


@given(moments, question_specs)
def test_a_pause_never_shortens_the_due_date(received, spec):
    questions = _questions(received, spec)
    assert (due_date(received, pauses=counted_pauses(received, questions))
            >= due_date(received))


@given(moments, question_specs)
def test_other_questions_never_move_the_due_date(received, spec):
    questions = _questions(received, spec)
    without_other = [q for q in questions if q.reason != OTHER]
    assert (counted_pauses(received, questions) == counted_pauses(received, without_other))


@given(moments, st.integers(1, 200), st.integers(0, 60),
       st.sampled_from([IDENTITY, CLARIFY, OTHER]))
def test_a_question_after_the_due_date_never_moves_it(received, late_by, length, reason):
    before = due_date(received)
    asked = before + timedelta(days=late_by)
    question = Question(asked, reason, asked + timedelta(days=length))
    assert due_date(received, pauses=counted_pauses(received, [question])) == before
