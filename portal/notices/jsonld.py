"""A notice as JSON-LD in the W3C Data Privacy Vocabulary (DPV 2.x).

There is no normative JSON-LD context for a privacy notice (legal rules §3), so the portal
publishes its own prefixes in ``@context`` and uses DPV, its ``pd`` (personal data) and
``eu-gdpr`` extensions, Dublin Core and schema.org terms for the rest.
"""

from __future__ import annotations

from ..dsr.applicability import NOT_APPLICABLE, applicability
from ..i18n import translated
from ..text import plain_text
from .joint import controllers_jsonld
from .languages import recipient_name

CONTEXT = {
    "dpv": "https://w3id.org/dpv#",
    "pd": "https://w3id.org/dpv/pd#",
    "eu-gdpr": "https://w3id.org/dpv/legal/eu/gdpr#",
    "dct": "http://purl.org/dc/terms/",
    "schema": "https://schema.org/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dct:issued": {"@type": "xsd:dateTime"},
}

#: The DPV ``eu-gdpr`` article of each right a request can invoke.
RIGHT_ARTICLES = {"access": "A15", "rectification": "A16", "erasure": "A17",
                  "restriction": "A18", "portability": "A20", "objection": "A21"}
RIGHT_COMPLAINT = "A77"
RIGHT_WITHDRAW = "A7-3"  # withdrawing consent


def applicable_rights(legal_bases: list[str]) -> list[str]:
    """The GDPR articles a data subject can invoke, given the notice's legal bases."""
    rights = [RIGHT_ARTICLES[code] for code, status in applicability(legal_bases).items()
              if status != NOT_APPLICABLE]
    rights.append(RIGHT_COMPLAINT)
    if "A6-1-a" in legal_bases:
        rights.append(RIGHT_WITHDRAW)
    return sorted(rights)


def _text(content: dict, key: str, lang: str) -> str:
    return plain_text(content["sections"].get(key, {}).get(lang, ""))


def notice_jsonld(content: dict, *, url: str, request_url: str, lang: str, number: int,
                  issued: str) -> dict:
    """Build the JSON-LD document for one version of a notice in one language."""
    controller = content["controller"]
    types = ["dpv:PrivacyNotice"]
    if content["collection"] in {"direct", "both"}:
        types.append("eu-gdpr:DirectDataCollectionNotice")
    if content["collection"] in {"indirect", "both"}:
        types.append("eu-gdpr:IndirectDataCollectionNotice")
    exercised_at = {"@id": request_url}
    document = {
        "@context": CONTEXT,
        "@id": url,
        "@type": types,
        "dct:title": {"@value": content["title"][lang], "@language": lang},
        "dct:language": lang,
        "dct:issued": issued,
        "dct:hasVersion": str(number),
        "dpv:hasDataController": {
            "@type": "dpv:DataController",
            "schema:name": translated(controller["name"], lang),
            "schema:address": controller["address"].get(lang, ""),
            "schema:email": controller["email"],
            "schema:telephone": controller["phone"],
            "schema:url": controller["website"],
            **({"schema:identifier": controller["business_id"]}
               if controller.get("business_id") else {}),
        },
        "dpv:hasDataProtectionOfficer": {
            "@type": "dpv:DataProtectionOfficer",
            "schema:email": controller["dpo_email"],
            "schema:telephone": controller["dpo_phone"],
        },
        "dpv:hasPurpose": {"@type": "dpv:Purpose",
                           "dct:description": _text(content, "purposes", lang)},
        "dpv:hasLegalBasis": [{"@id": f"eu-gdpr:{code}"} for code in (
            content["legal_bases"] + content.get("special_category_conditions", []))],
        "dpv:hasPersonalData": [{"@id": f"pd:{code}"} for code in content["personal_data"]],
        "dpv:hasRecipient": [
            {
                "@type": "dpv:DataProcessor" if r["role"] == "processor" else "dpv:Recipient",
                "schema:name": recipient_name(r, lang),
                "dct:description": plain_text(r["description"].get(lang, "")),
            }
            for r in content["recipients"]
        ],
        "dpv:hasStorageCondition": {
            "@type": "dpv:StorageDuration",
            "dpv:hasDuration": {"@type": "dpv:Duration",
                                "dct:description": _text(content, "retention", lang)},
        },
        "dpv:hasRight": [
            {"@id": f"eu-gdpr:{code}", **({"dpv:isExercisedAt": exercised_at}
                                          if code not in {RIGHT_COMPLAINT, RIGHT_WITHDRAW}
                                          else {})}
            for code in applicable_rights(content["legal_bases"])
        ],
    }
    if content.get("controllers"):  # several controllers (issue 15): an organisation node each
        del document["dpv:hasDataProtectionOfficer"]
        document.update(controllers_jsonld(content, url=url, lang=lang))
    # The notice's own facts (issue 15): when it was drawn up and reviewed, where else it lives.
    for key, term in (("drawn_up", "dct:created"), ("reviewed", "schema:lastReviewed")):
        if key in content:
            document[term] = {"@value": content[key], "@type": "xsd:date"}
    if "source_url" in content:
        document["dct:source"] = {"@id": content["source_url"]}
    sources = _text(content, "sources", lang)
    if sources:
        document["dpv:hasDataSource"] = {"@type": "dpv:DataSource", "dct:description": sources}
    return document
