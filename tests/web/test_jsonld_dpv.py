"""The JSON-LD a DPV consumer reads (issue 15 part 7): expanded offline by a JSON-LD processor
(pyld), every DPV IRI in it exists in the DPV 2.3 release as the kind it is used as, and the
shape is DPV's own: processes per purpose, right instances, the controller as an organisation
with its DPO, texts with their language, no empty values."""

from __future__ import annotations

import pytest
from pyld import jsonld

from portal.notices.dpvterms import NAMESPACES, terms
from portal.notices.jsonld import vocabulary
from tests.conftest import DEMO_NOTICES, DEMO_OVERRIDE

REGISTERS = ("kamu-asiakasrekisteri", "museokortti", "tietosuojaportaali", "varhaiskasvatus",
             "helmet-asiakasrekisteri", "honkalahti-oppilasrekisteri")
LANGS = ("fi", "sv", "en")
SCHEMA = "https://schema.org/"
DCT = "http://purl.org/dc/terms/"
#: Properties whose values are words in a language, so each needs its ``@language``.
TEXTS = {f"{SCHEMA}name", f"{SCHEMA}address", f"{DCT}title", f"{DCT}description"}


def offline_loader(url, options=None):
    """No network: the documents carry their context inline, so nothing may be fetched."""
    raise jsonld.JsonLdError(f"no network in tests: {url}", "loading document failed")


def expanded(client, slug: str, lang: str) -> list[dict]:
    document = client.get(f"/{lang}/registers/{slug}.jsonld").get_json()
    return jsonld.expand(document, {"documentLoader": offline_loader})


def _dpv(iri: str) -> str | None:
    """``dpv:Process`` for a DPV IRI; None for any other vocabulary."""
    for prefix, base in sorted(NAMESPACES.items(), key=lambda item: -len(item[1])):
        if iri.startswith(base):
            return f"{prefix}:{iri.removeprefix(base)}"
    return None


def problems(node: dict, where: str = "") -> list[str]:
    """Every IRI of a DPV namespace that DPV 2.3 lacks or that is used as the wrong kind,
    every empty value and every text without its language, in an expanded node."""
    found, known = [], terms()
    if _dpv(node.get("@id", "")):  # e.g. {"@id": "eu-gdpr:A15", "dpv:isExercisedAt": ...}
        found.append(f"{where}: says something about the shared DPV term {node['@id']}")
    for iri in node.get("@type", []):
        if _dpv(iri) and known.get(_dpv(iri)) != "class":
            found.append(f"{where}: @type {iri} is not a DPV 2.3 class")
    for key, values in node.items():
        if key.startswith("@"):
            continue
        if _dpv(key) and known.get(_dpv(key)) != "property":
            found.append(f"{where}: {key} is not a DPV 2.3 property")
        for value in values:
            if "@value" in value:
                if value["@value"] in ("", None):
                    found.append(f"{where}: {key} is empty")
                if key in TEXTS and "@language" not in value:
                    found.append(f"{where}: {key} has no @language")
            elif set(value) == {"@id"}:  # a concept used as a value
                if _dpv(value["@id"]) and known.get(_dpv(value["@id"])) != "class":
                    found.append(f"{where}: {key} -> {value['@id']} is not a DPV 2.3 concept")
            else:
                found += problems(value, f"{where}/{key}")
    return found


def test_every_term_the_code_can_emit_is_in_dpv_2_3():
    known = terms()
    assert sorted(vocabulary() - set(known)) == []
    properties = {t for t in vocabulary() if t.split(":")[1].startswith(("has", "is"))}
    assert {known[t] for t in properties} == {"property"}
    assert {known[t] for t in vocabulary() - properties} == {"class"}


@pytest.mark.parametrize("slug", REGISTERS)
def test_every_notice_expands_offline_with_only_dpv_2_3_terms_of_the_right_kind(client, slug):
    for lang in LANGS:
        (notice,) = expanded(client, slug, lang)
        assert problems(notice, f"{slug}/{lang}") == []


def test_the_check_finds_what_older_documents_did_wrong():
    older = {"@id": "https://w3id.org/dpv/legal/eu/gdpr#A15",
             "https://w3id.org/dpv#isExercisedAt": [{"@id": "https://example.fi/new"}],
             "https://schema.org/email": [{"@value": ""}],
             "https://w3id.org/dpv/pd#BrowsingBehavior": [{"@value": "x"}]}
    assert len(problems(older)) == 3


def test_respelled_terms_are_the_2_3_spelling_while_stored_codes_stay(client):
    document = client.get("/en/registers/museokortti.jsonld").get_json()
    data = {d["@id"] for d in document["dpv:hasProcess"][0]["dpv:hasPersonalData"]}
    assert {"pd:ServiceConsumptionBehaviour", "pd:BrowsingBehaviour"} <= data
    assert not any(code.endswith("Behavior") for code in data)


def test_one_process_per_purpose_with_its_own_basis_data_and_retention(client):
    document = client.get("/en/registers/varhaiskasvatus.jsonld").get_json()
    processes = {p["@id"].rsplit("#", 1)[1]: p for p in document["dpv:hasProcess"]}
    assert set(processes) == {"purpose-provision", "purpose-support", "purpose-fees",
                              "purpose-photos", "transfer-1"}
    support = processes["purpose-support"]
    assert support["dpv:hasPurpose"]["@type"] == "dpv:ServiceProvision"
    assert support["dpv:hasLegalBasis"] == [{"@id": "eu-gdpr:A6-1-c"}, {"@id": "eu-gdpr:A9-2-g"}]
    assert support["dpv:hasPersonalData"] == [{"@id": "pd:Name"}, {"@id": "pd:Health"}]
    assert support["dpv:hasDataSubject"] == [{"@id": "dpv:Child"}]
    assert support["dpv:hasApplicableLaw"][0]["schema:legislationIdentifier"] == "540/2018"
    (fees_storage,) = processes["purpose-fees"]["dpv:hasStorageCondition"]
    assert fees_storage["dpv:hasDuration"]["rdf:value"] == {"@value": "P6Y",
                                                            "@type": "xsd:duration"}
    fee_rights = {r["@id"].rsplit("-", 1)[1] for r in processes["purpose-fees"]["dpv:hasRight"]}
    assert "A17" not in fee_rights and "A21" not in fee_rights and "A15" in fee_rights
    photo_rights = {r["@id"] for r in processes["purpose-photos"]["dpv:hasRight"]}
    assert f"{document['@id']}#right-A7-3" in photo_rights
    assert processes["transfer-1"]["dpv:hasThirdCountry"] == {"@id": "loc:US"}
    assert processes["transfer-1"]["dpv:hasLegalBasis"] == {"@id": "eu-gdpr:A45-3"}
    assert document["dpv:hasApplicableLaw"] == {"@id": "legal-eu:law-GDPR"}
    assert document["dpv:hasJurisdiction"] == {"@id": "loc:FI"}


def test_rights_are_instances_exercised_at_the_request_page(client):
    document = client.get("/fi/registers/varhaiskasvatus.jsonld").get_json()
    rights = {r["@type"]: r for r in document["dpv:hasRight"]}
    assert rights["eu-gdpr:A15"]["@id"] == f"{document['@id']}#right-A15"
    assert rights["eu-gdpr:A15"]["dpv:isExercisedAt"] == {
        "@id": "http://localhost/fi/requests/new?register=varhaiskasvatus",
        "@type": "dpv:RightExerciseNotice"}
    assert rights["eu-gdpr:A77"]["dpv:hasAuthority"] == {"@id": "legal-fi:DPA-FI"}
    assert "eu-gdpr:A22" not in rights  # there is no automated decision-making


def test_a22_when_automated_decisions_are_described(client, runner, tmp_path):
    source = (DEMO_NOTICES / "varhaiskasvatus.toml").read_text("utf-8")
    path = tmp_path / "varhaiskasvatus.toml"
    path.write_text(source.replace("automated_decisions = false", "automated_decisions = true"))
    result = runner.invoke(args=["notices", "import", "--override", DEMO_OVERRIDE, str(path)])
    assert "published as version 2" in result.output, result.output
    document = client.get("/en/registers/varhaiskasvatus.jsonld").get_json()
    (a22,) = [r for r in document["dpv:hasRight"] if r["@type"] == "eu-gdpr:A22"]
    assert a22["dpv:isExercisedAt"]["@type"] == "dpv:RightExerciseNotice"


def test_the_controller_is_one_organisation_with_its_dpo_and_no_empty_contacts(client):
    nodes = [client.get(f"/{lang}/registers/{slug}.jsonld").get_json()["dpv:hasDataController"]
             for slug in ("tietosuojaportaali", "varhaiskasvatus") for lang in ("fi", "sv")]
    assert {node["@id"] for node in nodes} == {"http://localhost/#org-espoo"}
    controller = nodes[0]
    assert controller["@type"] == ["dpv:DataController", "dpv:Organisation"]
    assert controller["schema:name"] == {"@value": "Espoon kaupunki", "@language": "fi"}
    assert "schema:email" not in controller  # the file gives a phone number only
    assert controller["dpv:hasDataProtectionOfficer"] == {
        "@id": "http://localhost/#org-espoo-dpo", "@type": "dpv:DataProtectionOfficer",
        "schema:email": "tietosuoja@espoo.fi"}
    assert "dpv:hasDataProtectionOfficer" not in client.get(
        "/fi/registers/varhaiskasvatus.jsonld").get_json()
