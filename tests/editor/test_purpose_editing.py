"""The editor edits each purpose of processing and each transfer (issue 15, legal rules §3):
a purpose's basis, Art. 9(2) condition, law, data, data subjects and retention; adding,
removing and reordering purposes; third countries with their safeguards. Problems are tied to
their fields and nothing is half-saved; completeness findings link to the purpose."""

from __future__ import annotations

from sqlalchemy import select

from portal.audit import AuditEntry
from portal.editor.models import NoticeDraft
from portal.notices.models import NoticeVersion, Register
from tests.backoffice.factories import csrf_of
from tests.editor.helpers import EDIT, OVERVIEW, form_of, post_form, signed_in_editor
from tests.htmlcheck import html_problems

PURPOSES = "/admin/registers/{}/purposes"
SCHOOL = "honkalahti-oppilasrekisteri"
DAYCARE = "varhaiskasvatus"
#: A new purpose of the school register: health data under Art. 9(2)(g) and national law.
HEALTH = {
    "purpose-1-name-fi": "Oppilashuolto", "purpose-1-legal_bases": ["A6-1-e"],
    "purpose-1-personal_data": ["Name", "Health"], "purpose-1-data_subjects": ["pupils"],
    "purpose-1-special_category_conditions": ["A9-2-g"], "purpose-1-dpv_purpose": "PublicBenefit",
    "purpose-1-law-1-name-fi": "Oppilas- ja opiskelijahuoltolaki",
    "purpose-1-law-1-number": "1287/2013", "purpose-1-law-1-section": "20 §",
    "purpose-1-law-1-url": "https://www.finlex.fi/fi/laki/ajantasa/2013/20131287",
    "purpose-1-retention-period": "10", "purpose-1-retention-unit": "Y",
}


def _content(session, slug) -> dict:
    session.expire_all()
    register = session.scalar(select(Register).where(Register.slug == slug))
    return session.scalars(select(NoticeVersion).where(NoticeVersion.register_id == register.id)
                           .order_by(NoticeVersion.number.desc())).first().content


def _draft(session, slug) -> dict | None:
    session.expire_all()
    draft = session.get(NoticeDraft, session.scalar(select(Register.id).where(
        Register.slug == slug)))
    return draft.content if draft else None


def _publish(client, slug, **extra):
    overview = OVERVIEW.format(slug)
    return post_form(client, overview, extra, action=f"{overview}/publish")


def test_an_unchanged_form_changes_nothing(client, session):
    signed_in_editor(client, session)
    assert post_form(client, PURPOSES.format(DAYCARE)).status_code == 302
    assert _publish(client, DAYCARE).status_code == 400  # nothing to publish
    assert _draft(session, DAYCARE)["purposes"] == _content(session, DAYCARE)["purposes"]


def test_a_finnish_only_notice_gets_a_purpose_with_health_data_and_law(client, session):
    signed_in_editor(client, session, role="dpo", orgs=("honkalahti",))
    fields = form_of(client, PURPOSES.format(SCHOOL))
    assert "purpose-1-name-fi" in fields
    assert not [name for name in fields if name.endswith(("-sv", "-en"))]
    # A notice without purposes offers its register-wide codes to its first purpose.
    assert "Health" in fields["purpose-1-personal_data"]
    response = post_form(client, PURPOSES.format(SCHOOL), HEALTH)
    assert response.status_code == 302, response.get_data(as_text=True)
    assert _publish(client, SCHOOL).status_code == 302
    content = _content(session, SCHOOL)
    assert content["format"] == 2
    (purpose,) = content["purposes"]
    assert purpose["key"] == "oppilashuolto"
    assert purpose["special_category_conditions"] == ["A9-2-g"]
    assert purpose["laws"] == [{"name": {"fi": "Oppilas- ja opiskelijahuoltolaki"},
                                "number": "1287/2013", "section": "20 §",
                                "url": "https://www.finlex.fi/fi/laki/ajantasa/2013/20131287"}]
    assert purpose["retention"]["period"] == "P10Y" and purpose["data_subjects"] == ["pupils"]
    assert content["legal_bases"] == ["A6-1-e"]  # the register's codes are its purpose's
    page = client.get(f"/fi/registers/{SCHOOL}").get_data(as_text=True)
    assert "Oppilashuolto" in page and "Oppilas- ja opiskelijahuoltolaki (1287/2013)" in page
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "notice.save")).one()
    assert entry.after["purposes[1].laws[1].number"] == "1287/2013"


def test_problems_are_tied_to_their_fields_and_nothing_is_saved(client, session, tmp_path):
    signed_in_editor(client, session, orgs=("honkalahti",))
    response = post_form(client, PURPOSES.format(SCHOOL), {
        **HEALTH, "purpose-1-law-1-number": "1287", "purpose-1-retention-period": "ten",
        "purpose-1-law-1-url": "www.finlex.fi"})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert ('<a href="#purpose-1-law-1-number">Purpose 1: Number of the Act 1: Enter the '
            'number as the Statute Book gives it, such as 628/1998.</a>') in html
    assert ('<a href="#purpose-1-retention-period">Purpose 1: Retention period: Enter the '
            'period as a whole number from 1 to 999.</a>') in html
    assert 'href="#purpose-1-law-1-url"' in html
    # A new purpose written without its name is not dropped but asked for.
    response = post_form(client, PURPOSES.format(SCHOOL), {"purpose-1-retention-period": "5"})
    assert response.status_code == 400
    assert ('<a href="#purpose-1-name-fi">Purpose 1: Name of the purpose (Suomi): Write the '
            'Finnish text.</a>') in response.get_data(as_text=True)
    assert 'id="purpose-1-law-1-number" name="purpose-1-law-1-number" value="1287"' in html
    assert _draft(session, SCHOOL) is None
    assert html_problems({"errors": response.data,
                          "form": client.get(PURPOSES.format(SCHOOL)).data}, tmp_path) == []


def test_purposes_are_reordered_and_removed_and_a_transfer_changed(client, session):
    signed_in_editor(client, session)
    before = [p["key"] for p in _content(session, DAYCARE)["purposes"]]
    assert form_of(client, PURPOSES.format(DAYCARE))["transfer-1-country"] == ["US"]
    response = post_form(client, PURPOSES.format(DAYCARE), {
        "purpose-1-place": "9", "purpose-2-remove": "1",
        "purpose-3-retention-period": "8", "purpose-3-legal_bases": ["A6-1-c", "A6-1-e"],
        "transfer-1-safeguard": "A46-2-c", "transfer-2-country": "JP",
        "transfer-2-safeguard": "A45-3"})
    assert response.status_code == 302, response.get_data(as_text=True)
    assert _publish(client, DAYCARE).status_code == 302
    content = _content(session, DAYCARE)
    assert [p["key"] for p in content["purposes"]] == [*before[2:], before[0]]
    assert content["purposes"][0]["retention"]["period"] == "P8Y"
    assert content["purposes"][0]["legal_bases"] == ["A6-1-c", "A6-1-e"]
    assert content["transfers"] == [{"country": "US", "safeguard": "A46-2-c"},
                                    {"country": "JP", "safeguard": "A45-3"}]
    page = client.get(f"/en/registers/{DAYCARE}").get_data(as_text=True)
    assert "Japan" in page and "8 years" in page


def test_a_transfer_to_an_eea_country_is_refused(client, session, tmp_path):
    signed_in_editor(client, session)
    response = post_form(client, PURPOSES.format(DAYCARE), {"transfer-2-country": "SE",
                                                            "transfer-2-safeguard": "A45-3"})
    assert response.status_code == 400
    assert ('<a href="#transfer-2-country">Transfer 2: Country: Choose a country outside the '
            'EU and EEA.</a>') in response.get_data(as_text=True)
    assert html_problems({"purposes and transfers with errors": response.data}, tmp_path) == []


def test_findings_on_a_purpose_link_to_its_field(client, session):
    signed_in_editor(client, session, orgs=("honkalahti",))
    response = post_form(client, PURPOSES.format(SCHOOL), {
        **HEALTH, "purpose-1-special_category_conditions": [],
        "purpose-1-legal_bases": ["A6-1-f"]})
    assert response.status_code == 302
    overview = client.get(OVERVIEW.format(SCHOOL)).get_data(as_text=True)
    link = f"/admin/registers/{SCHOOL}/purposes#purpose-1-"
    assert f'href="{link}special_category_conditions">Purpose 1: Conditions' in overview
    assert f'href="{link}legal_bases">Purpose 1: Legal basis</a>: A public authority' in overview
    assert f'href="{link}legitimate_interests-fi">' in overview


def test_a_form_without_its_csrf_token_is_refused(client, session):
    signed_in_editor(client, session, orgs=("honkalahti",))
    fields = form_of(client, PURPOSES.format(SCHOOL))
    del fields["csrf_token"]
    assert client.post(PURPOSES.format(SCHOOL), data=fields).status_code == 400
    assert _draft(session, SCHOOL) is None


def test_the_main_form_cannot_deny_the_transfers_the_notice_lists(client, session):
    signed_in_editor(client, session)
    response = post_form(client, EDIT.format(DAYCARE), {"transfers_outside_eea": []})
    assert response.status_code == 400
    assert ('<a href="#transfers_outside_eea">Data is transferred outside the EU and EEA: The '
            'notice lists transfers') in response.get_data(as_text=True)
    assert _draft(session, DAYCARE) is None


def test_a_notice_with_purposes_edited_in_the_main_form_previews_and_publishes(client, session):
    """Its register-wide codes are derived from the purposes, never read beside them."""
    signed_in_editor(client, session)
    response = post_form(client, EDIT.format(DAYCARE), {"summary-en": "A shorter summary."})
    assert response.status_code == 302
    assert client.get(f"/admin/registers/{DAYCARE}/preview/en").status_code == 200
    assert _publish(client, DAYCARE).status_code == 302
    content = _content(session, DAYCARE)
    assert content["summary"]["en"] == "A shorter summary."
    assert content["legal_bases"] == ["A6-1-c", "A6-1-a"]


def test_another_organisations_editor_cannot_open_or_post_the_page(client, session):
    signed_in_editor(client, session, orgs=("espoo",))
    assert client.get(PURPOSES.format(SCHOOL)).status_code == 404
    token = csrf_of(client, "/admin/registers/new")
    assert client.post(PURPOSES.format(SCHOOL), data={
        "csrf_token": token, "purposes": "1", "purpose-1-name-fi": "X"}).status_code == 404
    assert _draft(session, SCHOOL) is None
