"""Every published version stays readable, and any two can be compared."""

from __future__ import annotations

import re

import pytest

from tests.conftest import DEMO_NOTICES, DEMO_OVERRIDE
from tests.htmlcheck import html_problems


@pytest.fixture
def two_versions(runner, tmp_path):
    path = tmp_path / "museokortti.toml"
    text = (DEMO_NOTICES / "museokortti.toml").read_text("utf-8")
    path.write_text(text.replace("så länge kunden använder Museikortet",
                                 "i högst två år efter att kunden slutat använda Museikortet")
                    .replace("as long as the customer uses the Museum Card",
                             "for at most two years after the customer stops using the card"),
                    "utf-8")
    assert "version 2" in runner.invoke(
        args=["notices", "import", "--override", DEMO_OVERRIDE, str(path)]).output


def test_versions_list_and_old_version_pages(client, two_versions):
    html = client.get("/sv/registers/museokortti/versions").get_data(as_text=True)
    assert re.findall(r">version (\d)</a>", html) == ["2", "1"]
    old = client.get("/sv/registers/museokortti/versions/1").get_data(as_text=True)
    assert "Det här är en tidigare version" in old and "så länge kunden använder" in old
    current = client.get("/sv/registers/museokortti").get_data(as_text=True)
    assert "i högst två år" in current and "(version 2)" in current
    assert 'href="/sv/registers/museokortti/versions"' in current


def test_the_difference_is_marked_without_relying_on_colour(client, two_versions):
    html = client.get("/en/registers/museokortti/versions/compare?from=1&to=2").get_data(
        as_text=True)
    assert "Changes from version 1 to version 2" in html
    removed = re.findall(r'<del><span class="marker">\[−</span>(.*?)<span', html)
    added = re.findall(r'<ins><span class="marker">\[\+</span>(.*?)<span', html)
    assert any("as long as" in text for text in removed)
    assert any("two years" in text for text in added)
    assert "How long the data is kept" in html and "Purposes of processing" not in html


def test_unknown_versions_are_404(client):
    assert client.get("/fi/registers/museokortti/versions/9").status_code == 404
    assert client.get("/fi/registers/museokortti/versions/compare?from=1&to=9"
                      ).status_code == 404
    assert client.get("/fi/registers/nothing/versions").status_code == 404


def test_diff_page_is_valid_html(client, two_versions, tmp_path):
    pages = {lang: client.get(f"/{lang}/registers/museokortti/versions/compare?from=1&to=2"
                              ).data for lang in ("fi", "sv", "en")}
    assert html_problems(pages, tmp_path) == []


def test_the_notice_page_etag_changes_when_a_new_version_appears(client, runner, tmp_path):
    before = client.get("/fi/registers/museokortti/versions/1").headers["ETag"]
    path = tmp_path / "museokortti.toml"
    path.write_text((DEMO_NOTICES / "museokortti.toml").read_text("utf-8").replace(
        "Museokortti on henkilökohtainen.", "Museokortti on aina henkilökohtainen."), "utf-8")
    runner.invoke(args=["notices", "import", "--override", DEMO_OVERRIDE, str(path)])
    after = client.get("/fi/registers/museokortti/versions/1")
    assert after.headers["ETag"] != before  # it now links to the newer version
    assert "Lue voimassa oleva versio" in after.get_data(as_text=True)
