"""Refusal grounds by right, each with the provisions it cites (shared legal rules §6).

A ground belongs to certain rights only: section 34 of the Data Protection Act limits the right
of access and nothing else, Art. 17(3) only erasure, and so on. The form offers a right's own
grounds and :func:`check_grounds` refuses any other. Codes are stored; words and citations are
rendered in the reader's language when shown, never frozen in the staff member's language.
"""

from __future__ import annotations

from dataclasses import dataclass

from .citations import Provision, dpa, gdpr, openness, recital

ALL_RIGHTS = frozenset({"access", "rectification", "erasure", "restriction", "objection",
                        "portability", "consent"})
#: The article each right is exercised under (GDPR Arts. 15-21; consent is withdrawn under
#: Art. 7(3)).
RIGHT_ARTICLES = {"access": (15,), "rectification": (16,), "erasure": (17,), "restriction": (18,),
                  "objection": (21,), "portability": (20,), "consent": (7, 3)}
#: The ground whose provision the DPO writes in three languages (another Act).
OTHER_ACT = "other_act"


@dataclass(frozen=True)
class Ground:
    code: str
    rights: frozenset[str]
    #: The provisions cited; per right where one ground spans rights (Arts. 15(4), 20(4)).
    provisions: dict[str, tuple[Provision, ...]]
    #: The row of legal rules §6 it belongs to, where that row has several points.
    family: str = ""
    #: The law of the requests it answers: the GDPR's rights, or a document request under the
    #: Openness Act (621/1999).
    law: str = "gdpr"

    def provisions_for(self, right: str) -> tuple[Provision, ...]:
        return self.provisions.get(right, self.provisions.get("*", ()))


def _ground(code: str, rights, *provisions: Provision, family: str = "") -> Ground:
    return Ground(code, frozenset(rights), {"*": provisions}, family or code)


_RESEARCH = ("access", "rectification", "restriction", "objection")

GROUNDS: dict[str, Ground] = {g.code: g for g in (
    _ground("identity_not_established", ALL_RIGHTS, gdpr(12, 2), gdpr(12, 6)),
    # The requester did not say what they ask for although asked to (Recital 63).
    _ground("not_specified", ALL_RIGHTS, gdpr(12, 2), recital(63)),
    _ground("manifestly_unfounded", ALL_RIGHTS, gdpr(12, 5)),
    _ground("excessive", ALL_RIGHTS, gdpr(12, 5)),
    Ground("others_rights", frozenset({"access", "portability"}),
           {"access": (gdpr(15, 4),), "portability": (gdpr(20, 4),)}, "others_rights"),
    _ground("dpa_34_1", {"access"}, dpa(34, 1, 1), family="dpa_34"),
    _ground("dpa_34_2", {"access"}, dpa(34, 1, 2), family="dpa_34"),
    _ground("dpa_34_3", {"access"}, dpa(34, 1, 3), family="dpa_34"),
    _ground("research_statistics", _RESEARCH, dpa(31), family="research_archiving"),
    _ground("archiving", _RESEARCH, dpa(32), family="research_archiving"),
    _ground("accurate", {"rectification"}, gdpr(16)),
    _ground("no_erasure_ground", {"erasure"}, gdpr(17, 1)),
    *(_ground(f"erasure_exception_{point}", {"erasure"}, gdpr(17, 3, point),
              family="erasure_exception") for point in "abcde"),
    _ground("restriction_conditions", {"restriction"}, gdpr(18, 1)),
    _ground("objection_not_applicable", {"objection"}, gdpr(21, 1)),
    _ground("compelling_grounds", {"objection"}, gdpr(21, 1)),
    _ground("portability_not_applicable", {"portability"}, gdpr(20, 1), gdpr(20, 3)),
    _ground(OTHER_ACT, ALL_RIGHTS),
    # Refusals of a document request that rest on the Openness Act itself, not on §24(1): a
    # document request, not a GDPR access request, for personal data from a register
    # (§§13(2), 16(3)), and a document that is not the authority's official document (§§4-5).
    Ground("openness_16_3", frozenset({"access"}), {"*": (openness(16, 3),)},
           "openness_16_3", "openness"),
    Ground("not_official_document", frozenset({"access"}), {"*": (openness(4), openness(5))},
           "not_official_document", "openness"),
)}


class GroundError(ValueError):
    """Base of the reasons a set of grounds cannot be used."""


class GroundNotForRight(GroundError):
    """The ground does not belong to the right the request invokes."""

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(code)


class OtherActCitationRequired(GroundError):
    """"Another Act" needs the provision written in Finnish, Swedish and English."""


def grounds_for(right: str, law: str = "gdpr") -> list[str]:
    """The codes of the grounds a refusal or partial decision of ``right`` may rest on. A
    document request withholds under the points of §24(1) or §11(2) (:mod:`.openness`), the
    Openness Act's own grounds, or another Act."""
    if law == "openness":
        return [code for code, ground in GROUNDS.items() if ground.law == law] + [OTHER_ACT]
    return [code for code, ground in GROUNDS.items()
            if right in ground.rights and ground.law == law]


def check_grounds(right: str, codes, other_act: dict[str, str] | None = None,
                  law: str = "gdpr") -> None:
    """Raise unless every code is a ground of ``right`` and another Act is cited in full."""
    offered = grounds_for(right, law)
    for code in codes:
        if code not in offered:
            raise GroundNotForRight(code)
    if OTHER_ACT in codes and not all((other_act or {}).get(lang, "").strip()
                                      for lang in ("fi", "sv", "en")):
        raise OtherActCitationRequired()


def uses_section_34(codes) -> bool:
    """Whether Data Protection Act §34 is applied: §34(3) then adds its own sentences."""
    return any(GROUNDS[code].family == "dpa_34" for code in codes if code in GROUNDS)
