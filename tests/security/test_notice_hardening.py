"""Review findings 9, 10 and 16 (issue 10) on notices: only full addresses as links, the
public comparison and search bounded in cost, the organisation's website on https."""

from __future__ import annotations

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.orm import Session

from portal import migrate
from portal.notices import diff, service
from portal.notices.models import SearchText
from portal.text import render_markdown
from tests.conftest import DEMO_NOTICES, DEMO_OVERRIDE
from tests.editor.helpers import EDIT, post_form, signed_in_editor

RELATIVE = "Read [our other notice](/fi/privacy) or [this](//evil.example/notice)."


def test_relative_links_are_refused_in_the_editor_and_in_notice_files(client, session, runner,
                                                                     tmp_path):
    signed_in_editor(client, session)
    response = post_form(client, EDIT.format("tietosuojaportaali"),
                         {"section-retention-en": RELATIVE})
    assert response.status_code == 400
    assert "Every link must be a full address that begins with https://" in response.get_data(
        as_text=True)
    path = tmp_path / "museokortti.toml"
    source = (DEMO_NOTICES / "museokortti.toml").read_text("utf-8")
    path.write_text(source.replace("as long as the customer uses the Museum Card",
                                   "see [the terms](/terms)"), "utf-8")
    result = runner.invoke(args=["notices", "import", "--override", DEMO_OVERRIDE, str(path)])
    assert result.exit_code != 0 and "'/terms' is not a full address" in result.output


def test_a_relative_link_already_published_is_shown_as_words_only():
    html = str(render_markdown(RELATIVE + " [Ombudsman](https://tietosuoja.fi)"))
    assert "our other notice" in html and 'href="/' not in html and "//evil" not in html
    assert 'href="https://tietosuoja.fi"' in html


def test_the_organisations_website_must_be_https(client, session):
    signed_in_editor(client, session)
    response = post_form(client, "/admin/organisations/espoo",
                         {"website": "http://www.espoo.fi"})
    assert response.status_code == 400
    assert "Enter an address that begins with https://." in response.get_data(as_text=True)
    assert post_form(client, "/admin/organisations/espoo",
                     {"website": "https://www.espoo.fi"}).status_code == 302


def _two_versions(runner, tmp_path):
    path = tmp_path / "museokortti.toml"
    source = (DEMO_NOTICES / "museokortti.toml").read_text("utf-8")
    path.write_text(source.replace("as long as the customer uses the Museum Card",
                                   "for two years after the card was last used"), "utf-8")
    assert "version 2" in runner.invoke(
        args=["notices", "import", "--override", DEMO_OVERRIDE, str(path)]).output


def test_a_comparison_is_worked_out_once_per_version_pair(client, runner, tmp_path,
                                                          monkeypatch):
    _two_versions(runner, tmp_path)
    diff._remembered.clear()
    calls = []
    original = diff.compare
    monkeypatch.setattr(diff, "compare", lambda *args: calls.append(1) or original(*args))
    page = "/en/registers/museokortti/versions/compare?from=1&to=2"
    for _ in range(3):
        assert "<ins>" in client.get(page).get_data(as_text=True)
    assert len(calls) == 1


def test_a_part_too_long_to_compare_word_by_word_is_shown_whole():
    old = {"title": {"en": "T"}, "sections": {"retention": {"en": "old words " * 1500}},
           "legal_bases": [], "recipients": []}
    new = {**old, "sections": {"retention": {"en": "new words " * 1500}}}
    [part] = [p for p in diff.compare(old, new, "en", {}) if p.key == "retention"]
    assert part.whole and part.runs == (("removed", old["sections"]["retention"]["en"].strip()),
                                        ("added", new["sections"]["retention"]["en"].strip()))


def test_the_comparison_is_rate_limited(client, runner, tmp_path):
    _two_versions(runner, tmp_path)
    page = "/en/registers/museokortti/versions/compare?from=1&to=2"
    codes = [client.get(page).status_code for _ in range(31)]
    assert codes[:30] == [200] * 30 and codes[30] == 429


def test_search_reads_the_index_without_rendering_any_notice(client, monkeypatch):
    import portal.text

    def no_rendering(*_args, **_kwargs):
        raise AssertionError("a notice was rendered to answer a search")

    monkeypatch.setattr(portal.text.nh3, "clean", no_rendering)
    html = client.get("/en/?q=FACIAL+image").get_data(as_text=True)  # words of a section
    assert '"/en/registers/museokortti"' in html
    assert "/en/registers/kamu-asiakasrekisteri" not in html


def test_the_migration_indexes_versions_published_before_it(empty_database_url):
    migrate.upgrade(empty_database_url)
    engine = create_engine(empty_database_url)
    with Session(engine) as session:
        service.import_notices(session, [DEMO_NOTICES], override_reason=DEMO_OVERRIDE)
        session.commit()
        expected = session.scalar(select(func.count()).select_from(SearchText))
        session.execute(text("DELETE FROM notice_search_texts"))
        session.commit()
    migrate.downgrade(empty_database_url, "0009")
    migrate.upgrade(empty_database_url)
    with Session(engine) as session:
        assert expected == 12 == session.scalar(select(func.count()).select_from(SearchText))
        words = session.scalar(select(SearchText.text).where(SearchText.locale == "sv"))
        assert words == words.casefold() and "**" not in words
    engine.dispose()
