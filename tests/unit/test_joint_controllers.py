"""Several controllers in notice files and the rules of whom a request goes to (issue 15)."""

from __future__ import annotations

import tomllib

import pytest

from portal.notices import joint
from portal.notices.completeness import check
from portal.notices.fileformat import NoticeFileError, parse_notice, read_notice_file
from tests.conftest import DEMO_NOTICES

HELMET = DEMO_NOTICES / "helmet-asiakasrekisteri.toml"


def helmet() -> dict:
    return tomllib.loads(HELMET.read_text("utf-8"))


def problems(data: dict) -> dict[str, str]:
    with pytest.raises(NoticeFileError) as caught:
        parse_notice(data, "helmet.toml")
    return {error.field: error.reason for error in caught.value.errors}


def test_the_four_cities_are_joint_controllers_helsinki_keeps_the_register():
    content = read_notice_file(HELMET)
    assert [(c["slug"], c["role"]) for c in content["controllers"]] == [
        ("helsinki", "joint_controller"), ("espoo", "joint_controller"),
        ("vantaa", "joint_controller"), ("kauniainen", "joint_controller")]
    # The keeper is also the notice's one ``controller``, as every single-controller part reads.
    assert content["controller"]["slug"] == "helsinki"
    assert "role" not in content["controller"]
    assert content["controller"]["name"]["sv"] == "Helsingfors stad"
    assert content["joint_arrangement"]["contact_point"] == "helsinki"
    assert set(content["joint_arrangement"]["essence"]) == {"fi", "sv", "en"}
    assert joint.is_joint(content) and joint.contact_point(content) == "helsinki"


def test_a_file_with_one_controller_keeps_its_content():
    content = read_notice_file(DEMO_NOTICES / "museokortti.toml")
    assert "controllers" not in content and "joint_arrangement" not in content
    assert joint.controllers_of(content) == [{**content["controller"], "role": "controller"}]
    assert not joint.is_joint(content)


def test_each_controllers_problem_is_named_by_its_entry():
    data = helmet()
    data["controllers"][2]["email"] = "not an address"
    data["controllers"][1]["role"] = "owner"
    del data["controllers"][3]["name"]["sv"]
    found = problems(data)
    assert found["controllers[3].email"] == "is not an e-mail address"
    assert found["controllers[2].role"] == "must be one of controller, joint_controller"
    assert "controllers[4].name.sv" in found


def test_one_controller_table_or_a_list_not_both():
    data = helmet()
    data["controller"] = data["controllers"][0]
    assert problems(data)["controllers"] == (
        "give either [controller] or [[controllers]], not both")


def test_a_joint_controller_needs_another():
    data = helmet()
    data["controllers"] = data["controllers"][:1]
    data.pop("joint_arrangement")
    assert "at least one other joint controller" in problems(data)["controllers"]


def test_the_same_city_twice_is_refused():
    data = helmet()
    data["controllers"][3]["slug"] = "espoo"
    assert problems(data)["controllers"] == "lists the same controller (slug) twice"


def test_the_contact_point_is_one_of_the_joint_controllers():
    data = helmet()
    data["joint_arrangement"]["contact_point"] = "turku"
    assert problems(data)["joint_arrangement.contact_point"] == (
        "must be the slug of one of the joint controllers")


def test_an_arrangement_needs_joint_controllers():
    data = helmet()
    for controller in data["controllers"]:
        controller["role"] = "controller"
    assert "joint_arrangement" in problems(data)
    single = tomllib.loads((DEMO_NOTICES / "museokortti.toml").read_text("utf-8"))
    single["joint_arrangement"] = {"contact_point": "museokortti"}
    assert problems(single)["joint_arrangement"] == "is given only with [[controllers]]"


def test_the_essence_refuses_html_and_relative_links():
    data = helmet()
    data["joint_arrangement"]["essence"]["en"] = "See <b>this</b>\nand [the agreement](/x)."
    with pytest.raises(NoticeFileError) as caught:
        parse_notice(data, "helmet.toml")
    reasons = [e.reason for e in caught.value.errors if e.field == "joint_arrangement.essence.en"]
    assert sorted(reasons) == [
        "line 1 holds HTML, which is shown as text; write it in Markdown",
        "link '/x' is not a full address (https://...)"]


def content_of(*slugs: str, contact: str = "") -> dict:
    controllers = [{"slug": slug, "name": {"fi": slug.title()}, "role": "joint_controller"}
                   for slug in slugs]
    content = {"controller": controllers[0], "controllers": controllers}
    if contact:
        content["joint_arrangement"] = {"contact_point": contact}
    return content


def single(slug: str) -> dict:
    return {"controller": {"slug": slug, "name": {"fi": slug.title()}}}


def test_a_request_goes_to_the_joint_controller_chosen():
    helmet_like = content_of("helsinki", "espoo", "vantaa", contact="espoo")
    assert joint.request_controller([helmet_like], "vantaa") == "vantaa"


def test_without_a_choice_it_goes_to_the_contact_point_else_the_keeper():
    assert joint.request_controller([content_of("helsinki", "espoo", contact="espoo")]) == "espoo"
    assert joint.request_controller([content_of("helsinki", "espoo")]) == "helsinki"
    # A choice that is not one of the register's controllers is not followed.
    assert joint.request_controller([content_of("helsinki", "espoo")], "turku") == "helsinki"


def test_registers_together_go_to_the_controller_they_share():
    both = [content_of("helsinki", "espoo", contact="helsinki"), single("espoo")]
    assert joint.request_controller(both) == "espoo"
    assert joint.choices(both, "fi") == [("espoo", "Espoo")]
    with pytest.raises(joint.NoCommonController):
        joint.request_controller([content_of("helsinki", "espoo"), single("museokortti")])


def test_a_request_staff_enter_goes_to_their_own_organisation_or_its_contact_point():
    helmet_like = content_of("helsinki", "espoo", "vantaa", contact="helsinki")
    assert joint.entered_controller([helmet_like], ["vantaa"]) == "vantaa"
    assert joint.entered_controller([helmet_like], ["vantaa", "helsinki"]) == "helsinki"
    assert joint.entered_controller([helmet_like, single("espoo")], ["espoo"]) == "espoo"
    assert joint.entered_controller([single("espoo")], ["espoo", "museokortti"]) == "espoo"
    for contents, own in (([helmet_like], ["museokortti"]),
                          ([helmet_like, single("espoo")], ["vantaa"])):
        with pytest.raises(joint.NoCommonController):
            joint.entered_controller(contents, own)
    assert joint.controls(helmet_like, ["vantaa"]) and not joint.controls(helmet_like, ["turku"])


def test_only_a_jointly_held_register_offers_a_choice():
    assert joint.choices([single("espoo")], "fi") == []
    assert joint.choices([content_of("helsinki", "espoo")], "fi") == [
        ("helsinki", "Helsinki"), ("espoo", "Espoo")]


def test_joint_controllers_without_the_essence_of_their_arrangement_is_a_finding():
    data = helmet()
    del data["joint_arrangement"]
    findings = check(parse_notice(data))
    assert [(f.item, f.article, f.lang) for f in findings] == [
        ("joint_arrangement", "26(2)", lang) for lang in ("fi", "sv", "en")]
    assert check(read_notice_file(HELMET)) == []
