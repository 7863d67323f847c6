"""The editor edits a register's joint controllers and their arrangement (issue 15)."""

from __future__ import annotations

from sqlalchemy import select

from portal.audit import AuditEntry
from portal.notices.models import NoticeVersion, Register
from tests.editor.helpers import EDIT, OVERVIEW, form_of, post_form, signed_in_editor
from tests.htmlcheck import html_problems

SLUG = "helmet-asiakasrekisteri"


def _publish(client):
    overview = OVERVIEW.format(SLUG)
    return post_form(client, overview, action=f"{overview}/publish")


def _latest(session) -> dict:
    register = session.scalar(select(Register).where(Register.slug == SLUG))
    session.expire_all()
    return session.scalars(select(NoticeVersion).where(NoticeVersion.register_id == register.id)
                           .order_by(NoticeVersion.number.desc())).first().content


def test_the_form_shows_the_cities_roles_and_an_unchanged_form_changes_nothing(client, session):
    signed_in_editor(client, session, orgs=("helsinki",))
    fields = form_of(client, EDIT.format(SLUG))
    assert fields["controller-espoo"] == fields["controller-vantaa"] == ["joint_controller"]
    assert fields["controller-kauniainen"] == ["joint_controller"]
    assert fields["controller-museokortti"] == [""]
    assert "controller-helsinki" not in fields  # the keeper is the editor's own organisation
    assert fields["contact_point"] == ["helsinki"]
    assert fields["arrangement-essence-sv"][0].startswith("Städerna har i Helmet-bibliotekens")
    assert post_form(client, EDIT.format(SLUG)).status_code == 302
    response = _publish(client)
    assert response.status_code == 400
    assert "nothing to publish" in response.get_data(as_text=True)
    assert len(session.scalars(select(NoticeVersion).join(Register)
                               .where(Register.slug == SLUG)).all()) == 1


def test_a_city_leaves_and_the_contact_point_moves(client, session):
    signed_in_editor(client, session, orgs=("helsinki",))
    response = post_form(client, EDIT.format(SLUG), {
        "controller-kauniainen": "", "contact_point": "espoo",
        "arrangement-essence-en": "Helsinki, Espoo and Vantaa share one library system."})
    assert response.status_code == 302, response.get_data(as_text=True)
    assert _publish(client).status_code == 302
    content = _latest(session)
    assert [c["slug"] for c in content["controllers"]] == ["helsinki", "espoo", "vantaa"]
    assert content["joint_arrangement"]["contact_point"] == "espoo"
    assert content["joint_arrangement"]["essence"]["en"] == (
        "Helsinki, Espoo and Vantaa share one library system.")
    # Each city's details are its own page's, not typed in by the editor.
    assert content["controllers"][2]["dpo_email"] == "tietosuoja@vantaa.fi"
    page = client.get(f"/en/registers/{SLUG}").get_data(as_text=True)
    assert "City of Kauniainen" not in page
    assert "Contact point for data subjects: City of Espoo." in page
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "notice.publish")).one()
    assert entry.after["joint_arrangement.contact_point"] == "espoo"


def test_a_contact_point_that_is_not_a_joint_controller_is_refused(client, session, tmp_path):
    signed_in_editor(client, session, orgs=("helsinki",))
    response = post_form(client, EDIT.format(SLUG), {"contact_point": "museokortti"})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert '<a href="#contact_point">Contact point for data subjects: Check this field.</a>' in html
    assert 'id="contact_point" name="contact_point"' in html
    assert '<option value="museokortti" selected>' in html  # shown again as sent
    assert html_problems({"edit": response.data,
                          "page": client.get(EDIT.format(SLUG)).data}, tmp_path) == []


def test_an_organisation_becomes_a_joint_controller_of_its_register(client, session):
    signed_in_editor(client, session, role="dpo", orgs=("museokortti",))
    response = post_form(client, EDIT.format("museokortti"), {
        "controller-espoo": "joint_controller",
        **{f"arrangement-essence-{lang}": text for lang, text in {
            "fi": "Museokortti ja Espoo päättävät yhdessä.",
            "sv": "Museikortet och Esbo bestämmer tillsammans.",
            "en": "The Museum Card and Espoo decide together."}.items()}})
    assert response.status_code == 302, response.get_data(as_text=True)
    overview = OVERVIEW.format("museokortti")
    published = post_form(client, overview, {"override": "1",
                                             "reason": "Sources never stated two items"},
                          action=f"{overview}/publish")
    assert published.status_code == 302, published.get_data(as_text=True)
    page = client.get("/fi/registers/museokortti").get_data(as_text=True)
    assert "<dt>Yhteisrekisterinpitäjät</dt>" in page and "<dd>Espoon kaupunki</dd>" in page
    index = client.get("/en/").get_data(as_text=True)
    espoo = index[index.index('id="org-espoo"'):]
    assert "Museum Card" in espoo[:espoo.index("</section>")]


def test_the_checklist_asks_for_the_essence_in_every_language(client, session):
    signed_in_editor(client, session, orgs=("helsinki",))
    response = post_form(client, EDIT.format(SLUG), {"arrangement-essence-sv": ""})
    assert response.status_code == 302
    html = client.get(OVERVIEW.format(SLUG)).get_data(as_text=True)
    assert (f'<a href="/admin/registers/{SLUG}/edit#arrangement-essence-sv">The essence of the '
            'arrangement</a>') in html
    assert "Required by Article 26(2) GDPR." in html
