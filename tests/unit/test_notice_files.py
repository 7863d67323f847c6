"""Reading notice files: the demo files are valid, and every kind of bad file is refused."""

from __future__ import annotations

import re
import tomllib

import pytest

from portal.notices.fileformat import NoticeFileError, parse_notice, read_notice_file
from tests.conftest import DEMO_NOTICES


def demo(name: str) -> dict:
    return tomllib.loads((DEMO_NOTICES / f"{name}.toml").read_text("utf-8"))


def fields(exc: NoticeFileError) -> set[str]:
    return {error.field for error in exc.errors}


@pytest.mark.parametrize("name", ["kamu-asiakasrekisteri", "museokortti", "tietosuojaportaali",
                                  "helmet-asiakasrekisteri"])
def test_demo_files_are_valid_in_all_three_languages(name):
    content = read_notice_file(DEMO_NOTICES / f"{name}.toml")
    assert content["slug"] == name
    for texts in [content["title"], *content["sections"].values()]:
        assert set(texts) == {"fi", "sv", "en"}


def test_missing_translation_names_the_field_and_language():
    data = demo("museokortti")
    del data["sections"]["purposes"]["sv"]
    with pytest.raises(NoticeFileError) as caught:
        parse_notice(data, "museokortti.toml")
    assert caught.value.errors[0].field == "sections.purposes.sv"
    assert "Swedish" in caught.value.errors[0].reason
    assert "museokortti.toml: sections.purposes.sv" in str(caught.value)


def test_every_problem_is_reported_at_once():
    data = demo("museokortti")
    data["legal_bases"] = ["A6-1-z"]
    data["colour"] = "blue"
    del data["sections"]["retention"]
    data["controller"]["dpo_email"] = "not-an-address"
    data["recipients"] = [{"name": "X", "role": "friend", "description": {"fi": "x"}}]
    with pytest.raises(NoticeFileError) as caught:
        parse_notice(data)
    assert {
        "legal_bases", "colour", "sections.retention", "controller.dpo_email",
        "recipients[1].role", "recipients[1].description.sv",
    } <= fields(caught.value)


def test_required_parts_and_contacts():
    data = demo("tietosuojaportaali")
    for key in ("email", "phone", "dpo_email", "dpo_phone"):
        data["controller"].pop(key, None)
    with pytest.raises(NoticeFileError) as caught:
        parse_notice(data)
    reasons = " ".join(e.reason for e in caught.value.errors)
    assert "13(1)(a)" in reasons and "13(1)(b)" in reasons


@pytest.mark.parametrize("raw, reason", [
    (b"format = 1\nslug = \"x\n", "not valid TOML"),
    (b"\xff\xfe\x00", "not UTF-8"),
])
def test_unreadable_files_are_refused(tmp_path, raw, reason):
    path = tmp_path / "bad.toml"
    path.write_bytes(raw)
    with pytest.raises(NoticeFileError, match=reason):
        read_notice_file(path)


def test_bad_slug_and_wrong_types():
    data = demo("museokortti")
    data["slug"] = "Museo Kortti!"
    data["transfers_outside_eea"] = "no"
    data["title"] = "just one language"
    with pytest.raises(NoticeFileError) as caught:
        parse_notice(data)
    assert {"slug", "transfers_outside_eea", "title"} <= fields(caught.value)


SCRAPING_DEBRIS = [r"\bfr endast\b", r"\bKp\b", r"[\u0400-\u04FF]", r"Berätta för dina vänner",
                   r"ERBJUDANDE", r"WhatsApp"]


@pytest.mark.parametrize("name", ["kamu-asiakasrekisteri", "museokortti"])
def test_seed_debris_is_gone(name):
    text = (DEMO_NOTICES / f"{name}.toml").read_text("utf-8")
    for pattern in SCRAPING_DEBRIS:
        assert not re.search(pattern, text), pattern


SEED_FACTS = {
    "kamu-asiakasrekisteri": {
        "all": ["Liana Technologies", "LianaMailer", "Webropol", "Mercantus", "TimeWorks",
                "STT Info", "Azure", "621/1999", "tietoSuoja@espoo.fi".lower(), "Henttonen"],
    },
    "museokortti": {
        "fi": ["kasvokuva", "lakkaa olemasta voimassa", "044 784 57 45"],
        "sv": ["ansiktsbild", "upphör att gälla", "044 784 57 45"],
        "en": ["facial image", "ceases to be valid", "784 57 45"],
    },
}


@pytest.mark.parametrize("name", SEED_FACTS)
@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_seed_facts_survive_in_every_language(name, lang):
    content = read_notice_file(DEMO_NOTICES / f"{name}.toml")
    text = " ".join([
        *(texts[lang] for texts in content["sections"].values()),
        *(r["name"] + " " + r["description"][lang] for r in content["recipients"]),
        content["controller"]["dpo_email"], content["controller"]["phone"],
    ]).lower()
    facts = SEED_FACTS[name].get("all", []) + SEED_FACTS[name].get(lang, [])
    for fact in facts:
        assert fact.lower() in text, f"{fact!r} missing from the {lang} text of {name}"
