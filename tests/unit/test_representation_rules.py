"""A representative's request: nothing but a refusal goes out before the authority is verified."""

from __future__ import annotations

import pytest

from portal.law import decisions as d
from portal.law import representation as r


def _send(outcome, **kwargs):
    d.check_sending(outcome, decision_maker=True, late=False, late_confirmed=False,
                    right="access", identity_level="email", required_level="email", **kwargs)


@pytest.mark.parametrize("outcome", ["granted", "partly_granted", "no_data"])
def test_an_answer_for_someone_else_waits_for_the_verified_authority(outcome):
    with pytest.raises(d.AuthorityNotVerified):
        _send(outcome, represented=True, authority_verified=False)
    _send(outcome, represented=True, authority_verified=True)
    _send(outcome)


def test_a_refusal_discloses_nothing_and_may_go_at_once():
    _send("refused", represented=True, authority_verified=False)


def test_verifying_needs_a_representative_and_a_note_of_what_was_checked():
    r.check_verification("Valtakirja 2.3.2026 tarkistettu.", represented=True)
    with pytest.raises(r.NotRepresented):
        r.check_verification("Valtakirja", represented=False)
    with pytest.raises(r.VerificationNoteRequired):
        r.check_verification("  ", represented=True)
    with pytest.raises(r.VerificationNoteRequired):
        r.check_verification("x" * (r.MAX_NOTE + 1), represented=True)
