"""Editing, publishing, withdrawing and the organisation's details, through the staff pages."""

from __future__ import annotations

import json
import re

from sqlalchemy import select

from portal.audit import AuditEntry
from portal.editor.models import NoticeDraft
from portal.notices.models import Controller, NoticeVersion, Register
from tests.backoffice.factories import csrf_of
from tests.editor.helpers import EDIT, OVERVIEW, form_of, post_form, signed_in_editor

SLUG = "tietosuojaportaali"  # complete in every language, so an editor may publish it
NEW_RETENTION = {"fi": "Tietoja säilytetään kolme vuotta.", "sv": "Uppgifterna sparas i tre år.",
                 "en": "The data is kept for three years."}


def _retention_changes() -> dict:
    return {f"section-retention-{lang}": text for lang, text in NEW_RETENTION.items()}


def _publish(client, slug=SLUG, **extra):
    overview = OVERVIEW.format(slug)
    return post_form(client, overview, extra, action=f"{overview}/publish")


def _entries(session, action):
    return session.scalars(select(AuditEntry).where(AuditEntry.action == action)
                           .order_by(AuditEntry.id)).all()


def test_an_editor_saves_a_draft_the_public_does_not_see(client, session):
    editor = signed_in_editor(client, session)
    response = post_form(client, EDIT.format(SLUG), _retention_changes())
    assert response.status_code == 302
    assert response.headers["Location"].endswith(OVERVIEW.format(SLUG))
    draft = session.get(NoticeDraft, session.scalar(
        select(Register.id).where(Register.slug == SLUG)))
    assert draft.content["sections"]["retention"] == NEW_RETENTION
    assert draft.updated_by == editor.id and draft.based_on == 1
    public = client.get(f"/en/registers/{SLUG}").get_data(as_text=True)
    assert "three years" not in public
    reopened = form_of(client, EDIT.format(SLUG))
    assert reopened["section-retention-sv"] == [NEW_RETENTION["sv"]]
    # The audit trail holds what changed, before and after, and nothing else.
    (entry,) = _entries(session, "notice.save")
    assert set(entry.after) == {f"sections.retention.{lang}" for lang in NEW_RETENTION}
    assert entry.after["sections.retention.en"] == NEW_RETENTION["en"]
    assert entry.before["sections.retention.en"].startswith("")
    assert entry.before["sections.retention.en"] != NEW_RETENTION["en"]
    assert entry.actor_id == editor.id


def test_publishing_makes_a_new_version_that_the_public_reads(client, session):
    editor = signed_in_editor(client, session)
    post_form(client, EDIT.format(SLUG), _retention_changes())
    response = _publish(client)
    assert response.status_code == 302
    version = session.scalar(select(NoticeVersion).join(Register).where(
        Register.slug == SLUG, NoticeVersion.number == 2))
    assert version.published_by == editor.id
    assert version.content["sections"]["retention"] == NEW_RETENTION
    assert session.scalars(select(NoticeDraft)).all() == []
    for lang, text in NEW_RETENTION.items():
        assert text in client.get(f"/{lang}/registers/{SLUG}").get_data(as_text=True)
        document = json.loads(client.get(f"/{lang}/registers/{SLUG}.jsonld").data)
        assert text in json.dumps(document, ensure_ascii=False)
    versions = client.get(f"/en/registers/{SLUG}/versions").get_data(as_text=True)
    assert "/versions/1" in versions and "/versions/2" in versions
    diff = client.get(f"/en/registers/{SLUG}/versions/compare?from=1&to=2").get_data(as_text=True)
    assert "<ins" in diff and "three" in diff and "<del" in diff
    (entry,) = _entries(session, "notice.publish")
    assert entry.before["version"] == 1 and entry.after["version"] == 2
    assert entry.after["sections.retention.fi"] == NEW_RETENTION["fi"]
    # The staff page names who published.
    overview = client.get(OVERVIEW.format(SLUG)).get_data(as_text=True)
    assert editor.email in overview


def test_publishing_an_unchanged_draft_is_refused(client, session):
    signed_in_editor(client, session)
    post_form(client, EDIT.format(SLUG))  # saved exactly as published
    response = _publish(client)
    assert response.status_code == 400
    assert "nothing to publish" in response.get_data(as_text=True)
    assert len(session.scalars(select(NoticeVersion).join(Register).where(
        Register.slug == SLUG)).all()) == 1


def test_a_stale_form_is_refused_and_nothing_is_lost(client, session):
    signed_in_editor(client, session)
    post_form(client, EDIT.format(SLUG), {"section-retention-fi": "Ensimmäinen."})
    stale = form_of(client, EDIT.format(SLUG))
    post_form(client, EDIT.format(SLUG), {"section-retention-fi": "Toinen."})
    stale["section-retention-fi"] = ["Kolmas."]
    response = client.post(EDIT.format(SLUG), data=stale)
    assert response.status_code == 409
    assert "Kolmas." in response.get_data(as_text=True)  # the editor's text is shown back
    draft = session.scalars(select(NoticeDraft)).one()
    assert draft.content["sections"]["retention"]["fi"] == "Toinen."


def test_bad_input_is_explained_next_to_the_field(client, session):
    signed_in_editor(client, session)
    response = post_form(client, EDIT.format(SLUG), {
        "title-sv": "  ", "section-purposes-en": "x" * 20_001,
        "recipients": "1", "recipient-1-name-fi": "", "recipient-1-description-fi": "Jotain."})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'href="#title-sv"' in html and "Write the Swedish text." in html
    assert 'href="#section-purposes-en"' in html and "too long" in html
    assert 'href="#recipient-1-name-fi"' in html
    assert re.search(r'id="title-sv"[^>]*aria-describedby="title-sv-error" aria-invalid="true"',
                     html)
    assert session.scalars(select(NoticeDraft)).all() == []


def test_recipients_are_added_and_removed(client, session):
    signed_in_editor(client, session)
    path = EDIT.format("kamu-asiakasrekisteri")
    fields = form_of(client, path)
    blank = int(fields["recipients"][0])
    assert blank > 2 and fields[f"recipient-{blank}-name-fi"] == [""]
    post_form(client, path, {
        **{f"recipient-{blank}-name-{lang}": "Kirjastopalvelu Oy" for lang in ("fi", "sv", "en")},
        f"recipient-{blank}-role": "processor",
        f"recipient-{blank}-description-fi": "Ylläpitää järjestelmää.",
        "recipient-1-remove": "1"})
    draft = session.scalars(select(NoticeDraft)).one()
    names = [r["name"] for r in draft.content["recipients"]]
    assert names[-1] == "Kirjastopalvelu Oy" and len(names) == blank - 1
    assert draft.content["recipients"][-1]["description"] == {"fi": "Ylläpitää järjestelmää."}


def test_withdrawing_hides_the_register_from_the_index_only(client, session):
    signed_in_editor(client, session)
    overview = OVERVIEW.format("kamu-asiakasrekisteri")
    response = post_form(client, overview, action=f"{overview}/listing")
    assert response.status_code == 302
    index = client.get("/en/").get_data(as_text=True)
    assert "/registers/kamu-asiakasrekisteri" not in index
    assert client.get("/en/registers/kamu-asiakasrekisteri").status_code == 200
    assert client.get("/en/registers/kamu-asiakasrekisteri/versions/1").status_code == 200
    (entry,) = _entries(session, "notice.withdraw")
    assert entry.before == {"listed": True} and entry.after == {"listed": False}
    post_form(client, overview, action=f"{overview}/listing")
    assert "/registers/kamu-asiakasrekisteri" in client.get("/en/").get_data(as_text=True)
    assert len(_entries(session, "notice.relist")) == 1


def test_a_new_register_is_public_only_once_published(client, session):
    signed_in_editor(client, session)
    response = client.post("/admin/registers/new", data={
        "csrf_token": csrf_of(client, "/admin/registers/new"), "controller": "espoo",
        "slug": "kirjasto-asiakkaat", "title-fi": "Kirjaston asiakasrekisteri",
        "title-sv": "Bibliotekets kundregister", "title-en": "Library customer register"})
    assert response.status_code == 302
    assert client.get("/en/registers/kirjasto-asiakkaat").status_code == 404
    overview = client.get(OVERVIEW.format("kirjasto-asiakkaat")).get_data(as_text=True)
    assert "Not yet published" in overview
    assert 'href="/admin/registers/kirjasto-asiakkaat/edit#section-retention-sv"' in overview
    # An editor cannot publish it while the law's items are missing.
    assert _publish(client, "kirjasto-asiakkaat").status_code == 400
    assert client.get("/en/registers/kirjasto-asiakkaat").status_code == 404
    taken = client.post("/admin/registers/new", data={
        "csrf_token": csrf_of(client, "/admin/registers/new"), "controller": "espoo",
        "slug": "kirjasto-asiakkaat", "title-fi": "a", "title-sv": "b", "title-en": "c"})
    assert taken.status_code == 400 and "already uses this address" in taken.get_data(True)
    bad = client.post("/admin/registers/new", data={
        "csrf_token": csrf_of(client, "/admin/registers/new"), "controller": "espoo",
        "slug": "Kirjasto Asiakkaat", "title-fi": "a", "title-sv": "", "title-en": "c"})
    assert bad.status_code == 400
    assert 'href="#slug"' in bad.get_data(True) and 'href="#title-sv"' in bad.get_data(True)
    assert session.scalars(select(Register).where(Register.slug.like("kirjasto%"))).all()[0
           ].slug == "kirjasto-asiakkaat"
    assert len(_entries(session, "register.create")) == 1


def test_a_draft_is_discarded_but_a_new_registers_only_text_is_kept(client, session):
    signed_in_editor(client, session)
    post_form(client, EDIT.format(SLUG), {"section-retention-fi": "Luonnos."})
    overview = OVERVIEW.format(SLUG)
    assert post_form(client, overview, action=f"{overview}/discard").status_code == 302
    assert session.scalars(select(NoticeDraft)).all() == []
    assert len(_entries(session, "notice.discard")) == 1


def test_the_organisations_details_go_into_the_next_version(client, session):
    signed_in_editor(client, session)
    path = "/admin/organisations/espoo"
    bad = post_form(client, path, {"dpo_email": "not an address", "name-sv": ""})
    assert bad.status_code == 400
    assert 'href="#dpo_email"' in bad.get_data(True) and 'href="#name-sv"' in bad.get_data(True)
    assert post_form(client, path, {"dpo_email": "dpo@espoo.example"}).status_code == 302
    controller = session.scalar(select(Controller).where(Controller.slug == "espoo"))
    assert controller.dpo_email == "dpo@espoo.example"
    (entry,) = _entries(session, "controller.save")
    assert entry.after == {"dpo_email": "dpo@espoo.example"}
    assert "dpo@espoo.example" not in client.get(f"/en/registers/{SLUG}").get_data(True)
    post_form(client, EDIT.format(SLUG), _retention_changes())
    _publish(client)
    assert "dpo@espoo.example" in client.get(f"/en/registers/{SLUG}").get_data(True)
    first = client.get(f"/en/registers/{SLUG}/versions/1").get_data(True)
    assert "dpo@espoo.example" not in first  # what the public was told then stays


def test_previews_show_the_draft_in_each_language(client, session):
    signed_in_editor(client, session)
    post_form(client, EDIT.format(SLUG), _retention_changes())
    for lang, text in NEW_RETENTION.items():
        page = client.get(f"/admin/registers/{SLUG}/preview/{lang}")
        assert page.status_code == 200 and text in page.get_data(as_text=True)
        assert page.headers["Cache-Control"] == "no-store"
        pdf = client.get(f"/admin/registers/{SLUG}/preview/{lang}.pdf")
        assert pdf.mimetype == "application/pdf" and pdf.data.startswith(b"%PDF")
    assert client.get(f"/admin/registers/{SLUG}/preview/de").status_code == 404
