"""Four cities as joint controllers of the Helmet libraries' register (issue 15): the page, the
PDF header, the index, the JSON-LD, moving a register and the version comparison."""

from __future__ import annotations

import re

from sqlalchemy import select

from portal.audit import AuditEntry
from portal.notices.models import Register
from tests.backoffice.factories import make_staff, sign_in
from tests.conftest import DEMO_NOTICES, DEMO_OVERRIDE
from tests.htmlcheck import html_problems
from tests.pdf.test_notice_pdf import pdf, text_of

PAGE = "/{lang}/registers/helmet-asiakasrekisteri"
CITIES = {"fi": ["Helsingin kaupunki", "Espoon kaupunki", "Vantaan kaupunki",
                 "Kauniaisten kaupunki"],
          "sv": ["Helsingfors stad", "Esbo stad", "Vanda stad", "Grankulla stad"],
          "en": ["City of Helsinki", "City of Espoo", "City of Vantaa", "City of Kauniainen"]}
JOINT = {"fi": "Yhteisrekisterinpitäjät", "sv": "Gemensamt personuppgiftsansvariga",
         "en": "Joint controllers"}


def test_the_page_names_every_city_with_its_contacts_dpo_and_the_arrangement(client, tmp_path):
    pages = {}
    for lang, cities in CITIES.items():
        response = client.get(PAGE.format(lang=lang))
        html = response.get_data(as_text=True)
        assert response.status_code == 200
        meta = html[html.index('<dl class="notice-meta">'):html.index("</dl>")]
        assert f"<dt>{JOINT[lang]}</dt>" in meta
        assert re.findall(r"<dd>([^<]+)</dd>", meta)[:4] == cities
        for city in cities:
            assert f'<h3 class="controller-name">{city}</h3>' in html
        for dpo in ("tietosuoja@hel.fi", "tietosuoja@espoo.fi", "tietosuoja@vantaa.fi",
                    "tietosuoja@kauniainen.fi"):
            assert f'href="mailto:{dpo}"' in html
        pages[lang] = response.data
    english = pages["en"].decode()
    assert "<h3>The joint controllers' arrangement</h3>" in english
    assert "Contact point for data subjects: City of Helsinki." in english
    assert "Role: Joint controller" in english
    assert "cooperation agreement" in english
    assert html_problems(pages, tmp_path) == []


def test_the_pdf_header_names_the_four_cities(client):
    for lang, cities in CITIES.items():
        reader = pdf(client, f"{PAGE.format(lang=lang)}.pdf")
        first_page = " ".join(reader.pages[0].extract_text().split())  # the header wraps
        assert " · ".join(cities) in first_page
        assert reader.metadata.author == " · ".join(cities)
        assert "tietosuoja@kauniainen.fi" in text_of(reader)


def test_the_index_lists_the_register_under_each_city(client):
    html = client.get("/en/").get_data(as_text=True)
    sections = dict(re.findall(
        r'<h2 id="org-([a-z-]+)">[^<]+</h2>(.*?)</section>', html, re.S))
    for city in ("helsinki", "espoo", "vantaa", "kauniainen"):
        assert "Helmet libraries&#39; customer register" in sections[city], city
    assert "KAMU Espoo City Museum customer register" in sections["espoo"]
    assert "KAMU" not in sections["helsinki"]
    # Found by search under each city, counted once.
    found = client.get("/en/?q=Helmet").get_data(as_text=True)
    assert "1 privacy notice matches" in found and found.count("helmet-asiakasrekisteri") >= 4


def test_the_jsonld_names_each_city_as_an_organisation_and_the_joint_group(client):
    ids = {}
    for lang in CITIES:
        document = client.get(f"{PAGE.format(lang=lang)}.jsonld").get_json()
        nodes = document["dpv:hasDataController"]
        assert [n["schema:name"] for n in nodes] == [
            {"@value": city, "@language": lang} for city in CITIES[lang]]
        ids[lang] = [n["@id"] for n in nodes]
        assert nodes[0]["dpv:hasDataProtectionOfficer"] == {
            "@id": "http://localhost/#org-helsinki-dpo", "@type": "dpv:DataProtectionOfficer",
            "schema:email": "tietosuoja@hel.fi"}
        assert nodes[2]["schema:identifier"] == "0124610-9"
        assert "schema:email" not in nodes[1]  # no empty contact values (Espoo gives a phone)
        assert "dpv:hasDataProtectionOfficer" not in document  # the DPOs are the cities'
        group = document["dpv:hasJointDataControllers"]
        assert group["@type"] == "dpv:JointDataControllers"
        assert group["dpv:hasDataController"] == [{"@id": iri} for iri in ids[lang]]
        assert group["dct:description"]["@language"] == lang
    # One stable identifier per organisation, the same in every language.
    assert ids["fi"] == ids["sv"] == ids["en"] == [
        "http://localhost/#org-helsinki", "http://localhost/#org-espoo",
        "http://localhost/#org-vantaa", "http://localhost/#org-kauniainen"]


def _moved_kamu(tmp_path):
    path = tmp_path / "kamu-asiakasrekisteri.toml"
    text = (DEMO_NOTICES / "kamu-asiakasrekisteri.toml").read_text("utf-8")
    path.write_text(text.replace('slug = "espoo"', 'slug = "espoon-museosaatio"', 1)
                    .replace('en = "City of Espoo"', 'en = "Espoo Museum Foundation"', 1),
                    "utf-8")
    return path


def test_moving_a_register_is_refused_without_a_reason(runner, session, tmp_path):
    result = runner.invoke(args=["notices", "import", "--override", DEMO_OVERRIDE,
                                 str(_moved_kamu(tmp_path))])
    assert result.exit_code == 1
    assert ("kamu-asiakasrekisteri: the register is kept by 'espoo' and the notice names "
            "'espoon-museosaatio'") in result.output
    assert '--move "the reason"' in result.output
    register = session.scalar(select(Register).where(Register.slug == "kamu-asiakasrekisteri"))
    assert register.controller.slug == "espoo" and len(register.versions) == 1


def test_a_move_with_a_reason_is_audited_and_shown_in_the_comparison(client, runner, session,
                                                                     tmp_path):
    result = runner.invoke(args=["notices", "import", "--override", DEMO_OVERRIDE,
                                 "--move", "The museum moved to a foundation on 1 January",
                                 str(_moved_kamu(tmp_path))])
    assert "published as version 2" in result.output, result.output
    register = session.scalar(select(Register).where(Register.slug == "kamu-asiakasrekisteri"))
    assert register.controller.slug == "espoon-museosaatio"
    [entry] = session.scalars(select(AuditEntry).where(AuditEntry.action == "register.move"))
    assert entry.target == "register:kamu-asiakasrekisteri"
    assert entry.before == {"controller": "espoo"}
    assert entry.after == {"controller": "espoon-museosaatio",
                           "reason": "The museum moved to a foundation on 1 January"}
    # Both organisations' admins see it in their audit trail, and no other organisation's.
    assert {c.slug for c in entry.organisations} == {"espoo", "espoon-museosaatio"}
    for org, seen in (("espoo", True), ("espoon-museosaatio", True), ("museokortti", False)):
        admin = client.application.test_client()
        sign_in(admin, make_staff(session, email=f"admin@{org}.example", orgs=(org,),
                                  role="admin"))
        trail = admin.get("/admin/audit").get_data(as_text=True)
        assert ("Register moved to another organisation" in trail) is seen, org
    html = client.get("/en/registers/kamu-asiakasrekisteri/versions/compare?from=1&to=2"
                      ).get_data(as_text=True)
    removed = re.findall(r'<del><span class="marker">\[−</span>(.*?)<span', html, re.S)
    added = re.findall(r'<ins><span class="marker">\[\+</span>(.*?)<span', html, re.S)
    assert any("City" in text for text in removed)
    assert any("Museum Foundation" in text for text in added)


HELMET_PURPOSE = {
    "fi": ("Kirjastopalvelujen tuottaminen", "Laki yleisistä kirjastoista (1492/2016)",
           "Asiakkaat, Huoltajat", "kun kirjastokorttia ei ole käytetty kolmeen vuoteen",
           "Sinua koskevia päätöksiä ei tehdä pelkästään automaattisen"),
    "sv": ("Att tillhandahålla bibliotekstjänster", "Lag om allmänna bibliotek (1492/2016)",
           "Kunder, Vårdnadshavare", "när bibliotekskortet inte har använts på tre år",
           "Inga beslut som enbart grundar sig på automatiserad"),
    "en": ("Providing library services", "Public Libraries Act (1492/2016)",
           "Customers, Guardians", "when the library card has not been used for three years",
           "No decisions based solely on automated processing"),
}


def test_the_helmet_notice_is_format_2_with_its_one_purpose(client):
    from portal.notices.fileformat import read_notice_file

    content = read_notice_file(DEMO_NOTICES / "helmet-asiakasrekisteri.toml")
    assert content["format"] == 2 and content["automated_decisions"] is False
    (purpose,) = content["purposes"]  # the source splits neither bases nor retention by purpose
    assert purpose["legal_bases"] == content["legal_bases"] == ["A6-1-c", "A6-1-e"]
    for lang, shown in HELMET_PURPOSE.items():
        html = client.get(PAGE.format(lang=lang)).get_data(as_text=True)
        for text in shown:
            assert text in html, (lang, text)
    document = client.get("/en/registers/helmet-asiakasrekisteri.jsonld").get_json()
    (process,) = document["dpv:hasProcess"]
    assert process["dpv:hasPurpose"]["@type"] == "dpv:ServiceProvision"
    assert process["dpv:hasApplicableLaw"][0]["schema:legislationIdentifier"] == "1492/2016"
    assert process["dpv:hasDataSubject"] == [{"@id": "dpv:Customer"},
                                             {"@id": "dpv:GuardianOfDataSubject"}]
