"""The workflow rules, without Flask or a database."""

from datetime import date

import pytest

from portal.dsr import workflow as wf


@pytest.mark.parametrize("action, state, expected", [
    ("ask_information", "received", "info_requested"),
    ("send_decision", "received", "completed"),
    ("send_decision", "info_requested", "completed"),
    ("prepare_decision", "received", "received"),
    ("withdraw", "info_requested", "withdrawn"),
    ("confirm_identity", "received", "received"),
    ("note", "completed", "completed"),
])
def test_allowed_transitions(action, state, expected):
    assert wf.next_state(action, state, text="x", outcome="granted", reason="identity",
                         today=date(2026, 1, 1), extension_notice_by=date(2026, 2, 1)) == expected


@pytest.mark.parametrize("outcome, state", [("granted", "completed"), ("no_data", "completed"),
                                            ("partly_granted", "completed"),
                                            ("refused", "refused")])
def test_a_sent_decision_closes_the_request_by_its_outcome(outcome, state):
    assert wf.next_state("send_decision", "received", outcome=outcome) == state


@pytest.mark.parametrize("action, state", [
    ("ask_information", "info_requested"),  # wait for the answer first
    ("send_decision", "completed"), ("prepare_decision", "withdrawn"), ("extend", "refused"),
    ("withdraw", "unconfirmed"), ("send_decision", "unconfirmed"), ("teleport", "received"),
])
def test_forbidden_transitions(action, state):
    with pytest.raises(wf.NotAllowed):
        wf.next_state(action, state, text="x", outcome="granted")


@pytest.mark.parametrize("action", ["ask_information", "extend", "note"])
def test_actions_that_need_words(action):
    with pytest.raises(wf.TextRequired):
        wf.next_state(action, "received", text="   ",
                      today=date(2026, 1, 1), extension_notice_by=date(2026, 2, 1))


@pytest.mark.parametrize("reason", ["", "because", "pause"])
def test_a_question_needs_one_of_the_three_reasons(reason):
    with pytest.raises(wf.ReasonRequired):
        wf.next_state("ask_information", "received", text="Which card?", reason=reason)
    assert wf.next_state("ask_information", "received", text="Which card?",
                         reason="other") == "info_requested"


def test_extension_only_until_the_one_month_due_date_and_only_once():
    notice_by = date(2026, 2, 16)
    assert wf.next_state("extend", "received", text="many requests", today=notice_by,
                         extension_notice_by=notice_by) == "received"
    with pytest.raises(wf.ExtensionTooLate):
        wf.next_state("extend", "received", text="many requests", today=date(2026, 2, 17),
                      extension_notice_by=notice_by)
    with pytest.raises(wf.AlreadyExtended):
        wf.next_state("extend", "received", text="again", today=date(2026, 2, 1),
                      extension_notice_by=notice_by, extended=True)


def test_available_actions():
    assert "extend" not in wf.available("received", extended=True)
    assert wf.available("completed", extended=False) == ["note"]


def test_a_withdrawal_is_undoable_until_the_case_is_closed():
    assert wf.withdrawal_undoable("withdrawn", ["submitted", "confirmed", "withdrawn"])
    assert not wf.withdrawal_undoable("withdrawn", ["confirmed", "withdrawn", "closed"])
    assert not wf.withdrawal_undoable("received", ["confirmed"])
    assert not wf.withdrawal_undoable("completed", ["confirmed", "completed"])


@pytest.mark.parametrize("kinds, state", [
    (["confirmed", "withdrawn"], "received"),
    (["confirmed", "info_requested", "withdrawn"], "info_requested"),
    (["confirmed", "info_requested", "info_answered", "withdrawn"], "received"),
    (["confirmed", "info_requested", "withdrawn", "withdrawal_undone", "info_answered",
      "withdrawn"], "received"),
])
def test_undoing_a_withdrawal_returns_to_the_state_it_had(kinds, state):
    assert wf.state_before_withdrawal(kinds) == state


def test_staff_close_only_a_withdrawn_case():
    assert wf.next_state("close", "withdrawn") == "withdrawn"
    assert "close" in wf.available("withdrawn", extended=False)
    assert "close" not in wf.available("withdrawn", extended=False, closed=True)
    for state, closed in (("received", False), ("withdrawn", True)):
        with pytest.raises(wf.NotAllowed):
            wf.next_state("close", state, closed=closed)
