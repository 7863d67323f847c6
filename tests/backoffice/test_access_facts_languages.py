"""An access answer about a register whose notice is not published in the requester's language
starts from the notice's own texts, never from nothing (issue 15, declared languages)."""

from __future__ import annotations

from portal.backoffice.access_facts import access_facts
from tests.backoffice.factories import make_request


def test_a_swedish_requester_of_a_finnish_only_register_gets_the_finnish_facts(app, session):
    request = make_request(session, register="honkalahti-oppilasrekisteri")
    request.locale = "sv"
    with app.test_request_context():
        facts = access_facts(session, request)
    assert "tiedonohjaussuunnitelman mukaisesti" in facts["retention"]
    assert "Opetushallitus (KOSKI-tietovaranto)" in facts["recipients"]
    assert "perusopetusta" in facts["purposes"]
