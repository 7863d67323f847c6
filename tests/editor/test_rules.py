"""Who may do what in the editor: the publish gate, the DPO's override, isolation, hostile text."""

from __future__ import annotations

import json
from html.parser import HTMLParser

from sqlalchemy import select

from portal.audit import AuditEntry
from portal.editor.models import NoticeDraft
from portal.notices import service
from portal.notices.models import NoticeVersion, Register
from tests.backoffice.factories import csrf_of, make_staff, sign_in, signed_in_staff
from tests.editor.helpers import EDIT, OVERVIEW, form_of, post_form, signed_in_editor

KAMU = "kamu-asiakasrekisteri"  # its source states nothing on automated decisions


def _versions(session, slug):
    return session.scalars(select(NoticeVersion).join(Register).where(
        Register.slug == slug)).all()


def _publish(client, slug, **extra):
    overview = OVERVIEW.format(slug)
    return post_form(client, overview, extra, action=f"{overview}/publish")


def test_the_checklist_names_each_gap_per_language_and_links_to_the_field(client, session):
    signed_in_editor(client, session)
    post_form(client, EDIT.format(KAMU), {"section-retention-sv": "", "section-retention-en": ""})
    html = client.get(OVERVIEW.format(KAMU)).get_data(as_text=True)
    for lang in ("sv", "en"):
        assert f'href="/admin/registers/{KAMU}/edit#section-retention-{lang}"' in html
    assert f'href="/admin/registers/{KAMU}/edit#section-retention-fi"' not in html
    assert 'edit#section-automated_decisions-fi">Automated decision-making' in html
    assert "Required by Article 13(2)(a) GDPR." in html
    # Each language cites the provision the way its lawyers write it, never in GDPR notation.
    fi = client.get(OVERVIEW.format(KAMU) + "?lang=fi").get_data(as_text=True)
    assert "Vaaditaan: tietosuoja-asetuksen 13 artiklan 2 kohdan a alakohta." in fi
    sv = client.get(OVERVIEW.format(KAMU) + "?lang=sv").get_data(as_text=True)
    assert "Krävs enligt artikel 13.2 a i dataskyddsförordningen." in sv
    # The link's target exists on the edit page.
    assert 'id="section-retention-sv"' in client.get(EDIT.format(KAMU)).get_data(as_text=True)


def test_a_public_authority_on_legitimate_interests_is_in_the_checklist(client, session):
    signed_in_editor(client, session)
    post_form(client, EDIT.format(KAMU), {
        "legal_bases": ["A6-1-e", "A6-1-f"],
        **{f"section-legitimate_interests-{lang}": "Museum statistics." for lang in
           ("fi", "sv", "en")}})
    html = client.get(OVERVIEW.format(KAMU)).get_data(as_text=True)
    assert f'href="/admin/registers/{KAMU}/edit#legal_bases"' in html
    assert ("A public authority cannot rely on legitimate interests for its public tasks "
            "(GDPR Art. 6(1), last subparagraph).") in html


def test_an_editor_cannot_publish_a_notice_with_gaps(client, session):
    signed_in_editor(client, session)
    post_form(client, EDIT.format(KAMU), {"section-retention-en": "Three years."})
    refused = _publish(client, KAMU)
    assert refused.status_code == 400 and "lacks what the law requires" in refused.get_data(True)
    forced = _publish(client, KAMU, override="1", reason="Tried anyway")
    assert forced.status_code == 403
    assert len(_versions(session, KAMU)) == 1
    assert session.scalars(select(AuditEntry).where(
        AuditEntry.action.in_(("notice.publish", "notice.override")),
        AuditEntry.actor_id.is_not(None))).all() == []


def test_the_dpo_publishes_with_gaps_only_by_explicit_override_with_a_reason(client, session):
    dpo = signed_in_editor(client, session, role="dpo")
    post_form(client, EDIT.format(KAMU), {"section-retention-en": "Three years."})
    assert _publish(client, KAMU).status_code == 400
    assert _publish(client, KAMU, reason="no tick").status_code == 400
    assert _publish(client, KAMU, override="1", reason="   ").status_code == 400
    assert len(_versions(session, KAMU)) == 1
    done = _publish(client, KAMU, override="1", reason="The register is closing next month.")
    assert done.status_code == 302
    assert len(_versions(session, KAMU)) == 2
    (entry,) = session.scalars(select(AuditEntry).where(
        AuditEntry.action == "notice.override", AuditEntry.actor_id.is_not(None))).all()
    assert entry.actor_id == dpo.id
    assert entry.after == {"reason": "The register is closing next month.", "version": 2}
    assert "automated_decisions: Art. 13(2)(f), automated_decisions (sv)" in entry.before[
        "findings"]


def test_staff_reach_only_their_own_organisations_registers(client, session):
    signed_in_editor(client, session, orgs=("espoo",))
    token = csrf_of(client, "/admin/registers")
    assert "museokortti" not in client.get("/admin/registers").get_data(as_text=True)
    for path in (EDIT, OVERVIEW, "/admin/registers/{}/preview/fi",
                 "/admin/registers/{}/preview/fi.pdf"):
        assert client.get(path.format("museokortti")).status_code == 404, path
    for action in ("edit", "publish", "discard", "listing"):
        response = client.post(f"/admin/registers/museokortti/{action}",
                               data={"csrf_token": token, "listed": "0", "lock": "1"})
        assert response.status_code == 404, action
    assert client.get("/admin/organisations/museokortti").status_code == 404
    assert client.post("/admin/organisations/museokortti", data={
        "csrf_token": token, "name-fi": "x", "name-sv": "x", "name-en": "x"}).status_code == 404
    created = client.post("/admin/registers/new", data={
        "csrf_token": token, "controller": "museokortti", "slug": "vieras",
        "title-fi": "a", "title-sv": "b", "title-en": "c"})
    assert created.status_code == 404
    museum = session.scalar(select(Register).where(Register.slug == "museokortti"))
    assert museum.listed and session.scalars(select(NoticeDraft)).all() == []


def test_editors_see_no_requests(client, session):
    from tests.backoffice.factories import make_request

    request = make_request(session, register="kamu-asiakasrekisteri", name="Salla Salainen")
    signed_in_editor(client, session)
    landing = client.get("/admin/requests")
    assert landing.status_code == 302 and landing.headers["Location"] == "/admin/registers"
    for path in (f"/admin/requests/{request.id}", "/admin/requests.csv", "/admin/stats",
                 "/admin/stats.csv", "/admin/audit", "/admin/templates/access"):
        assert client.get(path).status_code == 403, path
    page = client.get("/admin/registers").get_data(as_text=True)
    assert "Salla Salainen" not in page and 'href="/admin/requests"' not in page
    assert client.get("/admin/account").status_code == 200


def test_handlers_do_not_edit_notices(client, session):
    handler = make_staff(session, email="handler@espoo.example", role="handler")
    sign_in(client, handler)
    assert client.get("/admin/registers").status_code == 403
    assert client.get(EDIT.format(KAMU)).status_code == 403
    assert "/admin/registers" not in client.get("/admin/requests").get_data(as_text=True)


HOSTILE = {
    "fi": "<script>alert('fi')</script> [klikkaa](javascript:alert(1))",
    "sv": '<img src="x" onerror="alert(2)"> <a href="javascript:alert(3)">x</a>',
    "en": "<iframe src='https://evil.example'></iframe> **kept** <style>body{}</style>",
}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "script" and (dict(attrs).get("src") or "").startswith("/static/js/"):
            return  # the portal's own staff script
        if tag in ("script", "iframe", "style", "object", "embed"):
            self.found.append(tag)
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"{tag} {name}={value}")


def _dangerous(html: str) -> list[str]:
    """Elements and attributes that could run script, as a browser would parse the page."""
    parser = _Tags()
    parser.feed(html)
    return parser.found


def test_hostile_markdown_is_refused_and_an_older_version_holding_it_is_harmless(client,
                                                                                session):
    signed_in_editor(client, session)
    changes = {f"section-retention-{lang}": text for lang, text in HOSTILE.items()}
    refused = post_form(client, EDIT.format("tietosuojaportaali"), changes)
    assert refused.status_code == 400
    assert "Line 1 contains HTML" in refused.get_data(as_text=True)
    # A version published before raw HTML was refused still holds it.
    content = service.latest_content(session, "tietosuojaportaali")
    service.publish(session, {**content, "sections": {**content["sections"],
                                                      "retention": HOSTILE}})
    session.commit()
    pages = [client.get(f"/{lang}/registers/tietosuojaportaali") for lang in HOSTILE]
    pages.append(client.get("/en/registers/tietosuojaportaali/versions/compare?from=1&to=2"))
    for page in pages:
        assert page.status_code == 200
        assert _dangerous(page.get_data(as_text=True)) == [], page.request.path
    assert "<strong>kept</strong>" in pages[2].get_data(as_text=True)
    document = client.get("/en/registers/tietosuojaportaali.jsonld").get_data(as_text=True)
    assert "<iframe" not in document and "<script" not in json.dumps(json.loads(document))


def test_two_publishers_of_one_draft_make_one_version(app, session):
    """Two DPOs press "publish" at the same moment: one version, the other told (409)."""
    first, second = app.test_client(), app.test_client()
    signed_in_editor(first, session, role="dpo")
    signed_in_staff(second, session, email="dpo2@espoo.example", role="dpo", orgs=("espoo",))
    post_form(first, EDIT.format("tietosuojaportaali"), {"section-retention-fi": "Uusi."})
    overview = OVERVIEW.format("tietosuojaportaali")
    forms = [form_of(client, overview, f"{overview}/publish") for client in (first, second)]
    assert first.post(f"{overview}/publish", data=forms[0]).status_code == 302
    assert second.post(f"{overview}/publish", data=forms[1]).status_code == 409
    assert len(_versions(session, "tietosuojaportaali")) == 2
