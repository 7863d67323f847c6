"""The editor and declared languages (issue 15): the form shows only the declared languages'
columns, a register can be created in Finnish only, and no language can be left without."""

from __future__ import annotations

from sqlalchemy import select

from portal.editor.models import NoticeDraft
from portal.notices.models import NoticeVersion, Register
from tests.backoffice.factories import csrf_of
from tests.editor.helpers import EDIT, OVERVIEW, form_of, post_form, signed_in_editor

SCHOOL = "honkalahti-oppilasrekisteri"


def _draft(session, slug):
    return session.get(NoticeDraft, session.scalar(select(Register.id).where(
        Register.slug == slug)))


def test_the_form_of_a_finnish_only_notice_has_finnish_columns_only(client, session):
    signed_in_editor(client, session, orgs=("honkalahti",))
    fields = form_of(client, EDIT.format(SCHOOL))
    assert fields["languages"] == ["fi"]
    assert "section-purposes-fi" in fields and "recipient-1-name-fi" in fields
    assert not [name for name in fields if name.endswith(("-sv", "-en"))]
    overview = client.get(OVERVIEW.format(SCHOOL)).get_data(as_text=True)
    assert f"/admin/registers/{SCHOOL}/preview/fi" in overview
    assert f"/admin/registers/{SCHOOL}/preview/sv" not in overview
    assert client.get(f"/admin/registers/{SCHOOL}/preview/sv").status_code == 404
    assert client.get(f"/admin/registers/{SCHOOL}/preview/fi").status_code == 200


def test_a_notice_needs_at_least_one_language(client, session):
    signed_in_editor(client, session, orgs=("honkalahti",))
    response = post_form(client, EDIT.format(SCHOOL), {"languages": []})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'href="#languages"' in html
    assert "Choose at least one language the notice is published in." in html
    assert _draft(session, SCHOOL) is None


def test_an_unchanged_form_saves_unchanged_content(client, session):
    signed_in_editor(client, session)
    post_form(client, EDIT.format("kamu-asiakasrekisteri"))
    draft = _draft(session, "kamu-asiakasrekisteri")
    published = session.scalars(select(NoticeVersion).join(Register).where(
        Register.slug == "kamu-asiakasrekisteri")).one().content
    assert draft.content == {k: v for k, v in published.items() if k != "controller"}
    assert "languages" not in draft.content
    assert all(isinstance(r["name"], str) for r in draft.content["recipients"])


def test_a_register_is_created_in_finnish_only(client, session):
    signed_in_editor(client, session, orgs=("honkalahti",))
    response = client.post("/admin/registers/new", data={
        "csrf_token": csrf_of(client, "/admin/registers/new"), "controller": "honkalahti",
        "slug": "esiopetus", "languages-given": "1", "languages": ["fi"],
        "title-fi": "Esiopetuksen oppilasrekisteri", "title-sv": "", "title-en": ""})
    assert response.status_code == 302
    draft = _draft(session, "esiopetus")
    assert draft.content["languages"] == ["fi"]
    assert draft.content["title"] == {"fi": "Esiopetuksen oppilasrekisteri"}
