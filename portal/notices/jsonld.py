"""A notice as JSON-LD in the W3C Data Privacy Vocabulary 2.3 that a DPV consumer can use.

There is no normative JSON-LD context for a privacy notice (legal rules §3), so the portal
publishes its own prefixes in ``@context`` and uses DPV, its ``pd``, ``eu-gdpr``, ``legal-eu``,
``legal-fi`` and ``loc`` extensions, Dublin Core and schema.org terms for the rest. The shape
follows DPV's own examples: one ``dpv:Process`` per purpose (``dpv:hasProcess``) with its purpose,
legal basis, data, data subjects and retention; the controller an organisation node with a stable
``@id`` and its DPO attached to it; rights as instances of the ``eu-gdpr`` right concepts, never
statements about the shared concepts themselves. Every DPV term used is listed by
:func:`vocabulary` and checked against the vendored DPV 2.3 term list (``dpvterms``).
"""

from __future__ import annotations

from ..dsr.applicability import NOT_APPLICABLE, applicability
from ..i18n import translated
from ..text import plain_text
from .dpvterms import pd_term
from .joint import JOINT, controllers_of
from .languages import recipient_name
from .processing import DATA_SUBJECTS, DPV_PURPOSES, SAFEGUARDS
from .sections import LEGAL_BASES, PERSONAL_DATA, SPECIAL_CONDITIONS

CONTEXT = {
    "dpv": "https://w3id.org/dpv#",
    "pd": "https://w3id.org/dpv/pd#",
    "eu-gdpr": "https://w3id.org/dpv/legal/eu/gdpr#",
    "legal-eu": "https://w3id.org/dpv/legal/eu#",
    "legal-fi": "https://w3id.org/dpv/legal/fi#",
    "loc": "https://w3id.org/dpv/loc#",
    "dct": "http://purl.org/dc/terms/",
    "schema": "https://schema.org/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dct:issued": {"@type": "xsd:dateTime"},
}

#: The DPV ``eu-gdpr`` article of each right a request can invoke.
RIGHT_ARTICLES = {"access": "A15", "rectification": "A16", "erasure": "A17",
                  "restriction": "A18", "portability": "A20", "objection": "A21"}
RIGHT_COMPLAINT = "A77"
RIGHT_WITHDRAW = "A7-3"  # withdrawing consent
RIGHT_AUTOMATED = "A22"  # not to be subject to a decision based solely on automated processing
#: The Finnish supervisory authority, the Data Protection Ombudsman (DPV ``legal-fi``).
OMBUDSMAN = "legal-fi:DPA-FI"
APPLICABLE_LAW = "legal-eu:law-GDPR"
JURISDICTION = "loc:FI"

#: The DPV terms this module writes itself; codes of the notice come from the tables below.
FIXED_TERMS = frozenset({
    "dpv:PrivacyNotice", "eu-gdpr:DirectDataCollectionNotice",
    "eu-gdpr:IndirectDataCollectionNotice", "dpv:DataController", "dpv:Organisation",
    "dpv:DataProtectionOfficer", "dpv:Process", "dpv:Purpose", "dpv:Recipient",
    "dpv:DataProcessor", "dpv:StorageDuration", "dpv:Duration", "dpv:TemporalDuration",
    "dpv:UntilEventDuration", "dpv:RightExerciseNotice", "dpv:DataSource", "dpv:Law",
    "dpv:Transfer", OMBUDSMAN, APPLICABLE_LAW, JURISDICTION,
    "dpv:hasDataController", "dpv:hasDataProtectionOfficer", "dpv:hasProcess",
    "dpv:hasPurpose", "dpv:hasLegalBasis", "dpv:hasPersonalData", "dpv:hasDataSubject",
    "dpv:hasRecipient", "dpv:hasDataProcessor", "dpv:hasStorageCondition", "dpv:hasDuration",
    "dpv:hasRight", "dpv:isExercisedAt", "dpv:hasAuthority", "dpv:hasDataSource",
    "dpv:hasApplicableLaw", "dpv:hasJurisdiction", "dpv:hasProcessing", "dpv:hasThirdCountry",
    "dpv:JointDataControllers", "dpv:hasJointDataControllers",
})


def vocabulary() -> set[str]:
    """Every DPV term (``prefix:Name``) this module can emit, countries aside."""
    rights = {*RIGHT_ARTICLES.values(), RIGHT_COMPLAINT, RIGHT_WITHDRAW, RIGHT_AUTOMATED}
    return {
        *FIXED_TERMS,
        *(pd_term(code) for code in PERSONAL_DATA),
        *(f"eu-gdpr:{code}" for code in (*LEGAL_BASES, *SPECIAL_CONDITIONS, *SAFEGUARDS,
                                         *rights)),
        *(concept for concept, _label in DATA_SUBJECTS.values()),
        *(f"dpv:{code}" for code in DPV_PURPOSES),
    }


def applicable_rights(legal_bases: list[str]) -> list[str]:
    """The GDPR articles a data subject can invoke, given the legal bases."""
    rights = [RIGHT_ARTICLES[code] for code, status in applicability(legal_bases).items()
              if status != NOT_APPLICABLE]
    rights.append(RIGHT_COMPLAINT)
    if "A6-1-a" in legal_bases:
        rights.append(RIGHT_WITHDRAW)
    return sorted(rights)


def _lang(text: str, lang: str) -> dict:
    return {"@value": text, "@language": lang}


def _text(content: dict, key: str, lang: str) -> str:
    return plain_text(content["sections"].get(key, {}).get(lang, ""))


def _described(node: dict, key: str, text: str, lang: str) -> dict:
    """``node`` with ``key`` = ``text`` in ``lang``, only when there is text."""
    return {**node, key: _lang(text, lang)} if text else node


def controller_iri(base_url: str, slug: str) -> str:
    """The organisation's stable ``@id``: the same in every notice and language."""
    return f"{base_url.rstrip('/')}/#org-{slug}"


def controller_node(controller: dict, base_url: str, lang: str) -> dict:
    """The controller as an organisation with its contacts and its DPO (no empty values)."""
    iri = controller_iri(base_url, controller["slug"])
    contacts = {"schema:email": controller.get("email", ""),
                "schema:telephone": controller.get("phone", ""),
                "schema:identifier": controller.get("business_id", "")}
    node = {"@id": iri, "@type": ["dpv:DataController", "dpv:Organisation"],
            "schema:name": _lang(translated(controller["name"], lang), lang),
            **{key: value for key, value in contacts.items() if value}}
    if controller.get("website"):
        node["schema:url"] = {"@id": controller["website"]}
    node = _described(node, "schema:address", controller["address"].get(lang, ""), lang)
    dpo = {"schema:email": controller.get("dpo_email", ""),
           "schema:telephone": controller.get("dpo_phone", "")}
    if any(dpo.values()):
        node["dpv:hasDataProtectionOfficer"] = {
            "@id": f"{iri}-dpo", "@type": "dpv:DataProtectionOfficer",
            **{key: value for key, value in dpo.items() if value}}
    return node


def _rights(content: dict, url: str, request_url: str) -> list[dict]:
    """Right instances, each with its own ``@id`` that the processes refer to."""
    notice = {"@id": request_url, "@type": "dpv:RightExerciseNotice"}
    codes = applicable_rights(content["legal_bases"])
    if content.get("automated_decisions"):
        codes.append(RIGHT_AUTOMATED)
    rights = []
    for code in codes:
        right = {"@id": f"{url}#right-{code}", "@type": f"eu-gdpr:{code}"}
        if code == RIGHT_COMPLAINT:
            right["dpv:hasAuthority"] = {"@id": OMBUDSMAN}
        elif code != RIGHT_WITHDRAW:
            right["dpv:isExercisedAt"] = notice
        rights.append(right)
    return rights


def _bases(bases: list[str], conditions: list[str], interests: str, lang: str) -> list[dict]:
    result = []
    for code in bases + conditions:
        if code == "A6-1-f" and interests:  # an instance: the interest is this notice's own
            result.append({"@type": "eu-gdpr:A6-1-f", "dct:description": _lang(interests, lang)})
        else:
            result.append({"@id": f"eu-gdpr:{code}"})
    return result


def _retention(period: str, criterion: str, lang: str) -> list[dict]:
    durations = []
    if period:
        durations.append({"@type": "dpv:TemporalDuration",
                          "rdf:value": {"@value": period, "@type": "xsd:duration"}})
    if criterion:
        durations.append({"@type": "dpv:UntilEventDuration",
                          "dct:description": _lang(criterion, lang)})
    return [{"@type": "dpv:StorageDuration", "dpv:hasDuration": d} for d in durations]


def _process(url: str, purpose: dict, lang: str) -> dict:
    """One purpose of a format-2 notice as a ``dpv:Process``."""
    concept = f"dpv:{purpose['dpv_purpose']}" if purpose["dpv_purpose"] else "dpv:Purpose"
    described = _described({"@type": concept, "schema:name": _lang(purpose["name"][lang], lang)},
                           "dct:description",
                           plain_text(purpose["description"].get(lang, "")), lang)
    laws = [{"@type": "dpv:Law",
             "schema:name": _lang(", ".join(filter(None, (law["name"][lang], law["section"]))),
                                  lang),
             **({"schema:legislationIdentifier": law["number"]} if law["number"] else {}),
             **({"schema:url": {"@id": law["url"]}} if law["url"] else {})}
            for law in purpose["laws"]]
    retention = purpose["retention"]
    process = {
        "@id": f"{url}#purpose-{purpose['key']}",
        "@type": "dpv:Process",
        "dpv:hasPurpose": described,
        "dpv:hasLegalBasis": _bases(
            purpose["legal_bases"], purpose["special_category_conditions"],
            plain_text(purpose["legitimate_interests"].get(lang, "")), lang),
        "dpv:hasPersonalData": [{"@id": pd_term(code)} for code in purpose["personal_data"]],
        "dpv:hasDataSubject": [{"@id": DATA_SUBJECTS[code][0]}
                               for code in purpose["data_subjects"]],
        "dpv:hasStorageCondition": _retention(
            retention["period"], plain_text(retention["criterion"].get(lang, "")), lang),
        "dpv:hasRight": [{"@id": f"{url}#right-{code}"}
                         for code in applicable_rights(purpose["legal_bases"])],
    }
    if laws:
        process["dpv:hasApplicableLaw"] = laws
    return process


def _whole_register(content: dict, url: str, lang: str) -> dict:
    """A notice without per-purpose processing (format 1) as one ``dpv:Process``."""
    purpose = _described({"@type": "dpv:Purpose"}, "dct:description",
                         _text(content, "purposes", lang), lang)
    return {
        "@id": f"{url}#processing",
        "@type": "dpv:Process",
        "dpv:hasPurpose": purpose,
        "dpv:hasLegalBasis": _bases(content["legal_bases"],
                                    content.get("special_category_conditions", []),
                                    _text(content, "legitimate_interests", lang), lang),
        "dpv:hasPersonalData": [{"@id": pd_term(code)} for code in content["personal_data"]],
        "dpv:hasStorageCondition": _retention("", _text(content, "retention", lang), lang),
        "dpv:hasRight": [{"@id": f"{url}#right-{code}"}
                         for code in applicable_rights(content["legal_bases"])],
    }


def _transfer(url: str, index: int, transfer: dict) -> dict:
    return {"@id": f"{url}#transfer-{index}", "@type": "dpv:Process",
            "dpv:hasProcessing": {"@id": "dpv:Transfer"},
            "dpv:hasThirdCountry": {"@id": f"loc:{transfer['country']}"},
            "dpv:hasLegalBasis": {"@id": f"eu-gdpr:{transfer['safeguard']}"}}


def _recipient(recipient: dict, lang: str) -> dict:
    node = {"@type": "dpv:DataProcessor" if recipient["role"] == "processor"
            else "dpv:Recipient", "schema:name": _lang(recipient_name(recipient, lang), lang)}
    return _described(node, "dct:description",
                      plain_text(recipient["description"].get(lang, "")), lang)


def _one_or_list(nodes: list[dict]) -> dict | list[dict]:
    return nodes[0] if len(nodes) == 1 else nodes


def _joint(content: dict, url: str, base_url: str, lang: str) -> dict:
    """Joint controllers (GDPR Art. 26) as one ``dpv:JointDataControllers`` group whose members
    are named by ``dpv:hasDataController``, as DPV's scope note asks, with the essence of their
    arrangement; each member is also the notice's controller node."""
    members = [controller_iri(base_url, c["slug"]) for c in controllers_of(content)
               if c.get("role") == JOINT]
    if not members:
        return {}
    group = {"@id": f"{url}#joint-controllers", "@type": "dpv:JointDataControllers",
             "dpv:hasDataController": [{"@id": iri} for iri in members]}
    essence = content.get("joint_arrangement", {}).get("essence", {}).get(lang, "")
    return {"dpv:hasJointDataControllers": _described(group, "dct:description",
                                                      plain_text(essence), lang)}


def notice_iri(base_url: str, slug: str) -> str:
    """The notice itself, whatever its language: the work its language versions realise."""
    return f"{base_url.rstrip('/')}/#notice-{slug}"


def _language_versions(editions: dict[str, dict[str, str]], iri: str) -> dict:
    """The notice's language versions linked to the one notice (issue 15 part 7).

    ``editions`` maps each declared language to the addresses of its ``page``, ``pdf`` and
    ``jsonld``. The notice is a ``schema:CreativeWork`` whose ``schema:workExample`` is each
    language's page (``schema:inLanguage``, a BCP 47 code); the PDF and JSON-LD of a language
    are the same text in another format (``dct:hasFormat``) with their media type. The page
    this document describes is one of the examples, so a consumer merges the two by ``@id``.
    """
    formats = (("pdf", "application/pdf"), ("jsonld", "application/ld+json"))
    return {"@id": iri, "@type": "schema:CreativeWork", "schema:workExample": [
        {"@id": urls["page"], "schema:inLanguage": lang, "dct:hasFormat": [
            {"@id": urls[kind], "schema:encodingFormat": media, "schema:inLanguage": lang}
            for kind, media in formats]}
        for lang, urls in editions.items()]}


def notice_jsonld(content: dict, *, url: str, request_url: str, lang: str, number: int,
                  issued: str, base_url: str, slug: str,
                  editions: dict[str, dict[str, str]]) -> dict:
    """Build the JSON-LD document for one version of a notice in one language; ``editions``
    gives the addresses of each declared language's versions (:func:`_language_versions`)."""
    types = ["dpv:PrivacyNotice"]
    if content["collection"] in {"direct", "both"}:
        types.append("eu-gdpr:DirectDataCollectionNotice")
    if content["collection"] in {"indirect", "both"}:
        types.append("eu-gdpr:IndirectDataCollectionNotice")
    processes = ([_process(url, purpose, lang) for purpose in content["purposes"]]
                 if content.get("purposes") else [_whole_register(content, url, lang)])
    processes += [_transfer(url, index, transfer)
                  for index, transfer in enumerate(content.get("transfers", []), start=1)]
    recipients = [_recipient(r, lang) for r in content["recipients"]]
    document = {
        "@context": CONTEXT,
        "@id": url,
        "@type": types,
        "dct:title": _lang(translated(content["title"], lang), lang),
        "dct:language": lang,
        "schema:inLanguage": lang,
        "schema:exampleOfWork": _language_versions(editions, notice_iri(base_url, slug)),
        "dct:issued": issued,
        "dct:hasVersion": str(number),
        "dpv:hasApplicableLaw": {"@id": APPLICABLE_LAW},
        "dpv:hasJurisdiction": {"@id": JURISDICTION},
        "dpv:hasDataController": _one_or_list([controller_node(c, base_url, lang)
                                               for c in controllers_of(content)]),
        "dpv:hasProcess": processes,
        "dpv:hasRecipient": [r for r in recipients if r["@type"] == "dpv:Recipient"],
        "dpv:hasDataProcessor": [r for r in recipients if r["@type"] == "dpv:DataProcessor"],
        "dpv:hasRight": _rights(content, url, request_url),
    }
    if content.get("controllers"):
        document.update(_joint(content, url, base_url, lang))
    # The notice's own facts (issue 15): when it was drawn up and reviewed, where else it lives.
    for key, term in (("drawn_up", "dct:created"), ("reviewed", "schema:lastReviewed")):
        if key in content:
            document[term] = {"@value": content[key], "@type": "xsd:date"}
    if "source_url" in content:
        document["dct:source"] = {"@id": content["source_url"]}
    sources = _text(content, "sources", lang)
    if sources:
        document["dpv:hasDataSource"] = {"@type": "dpv:DataSource",
                                         "dct:description": _lang(sources, lang)}
    return document
