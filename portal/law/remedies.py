"""Where a requester takes a decision they disagree with, and by when (legal rules §5).

A public authority's refusal or partial decision carries remedy instructions (Administrative
Procedure Act 434/2003 §§46-47, 49a ff.): a request for administrative review (oikaisuvaatimus)
to a named body within 14 days, or an appeal to an administrative court within 30 days (Act
808/2019 §13). A private body makes no administrative decision: the requester may bring
proceedings in a district court (GDPR Art. 79). Time runs from notification; an ordinary
electronic notification is deemed received on the third day after the message was sent (Act
13/2003 §19(2)).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

APPEAL, RECTIFICATION, DISTRICT_COURT = "appeal", "rectification", "district_court"
ROUTES = (APPEAL, RECTIFICATION, DISTRICT_COURT)
#: Days to seek the remedy from notification; a district court action has no such limit.
TIME_LIMITS = {APPEAL: 30, RECTIFICATION: 14, DISTRICT_COURT: None}
#: Routes open to a public authority and to a private body.
PUBLIC_ROUTES = (APPEAL, RECTIFICATION)
PRIVATE_ROUTES = (DISTRICT_COURT,)
LANGS = ("fi", "sv", "en")


class RemedyError(ValueError):
    """The controller's remedy route is incomplete or does not fit the kind of controller."""

    def __init__(self, field_name: str) -> None:
        self.field = field_name
        super().__init__(field_name)


@dataclass(frozen=True)
class Remedy:
    """A controller's remedy route with the body's name and address in each language."""

    route: str
    body: dict[str, str] = field(default_factory=dict)
    address: dict[str, str] = field(default_factory=dict)
    email: str = ""

    @property
    def days(self) -> int | None:
        return TIME_LIMITS[self.route]

    @classmethod
    def from_dict(cls, data: dict | None, *, public_authority: bool) -> Remedy:
        data = data or {}
        default = APPEAL if public_authority else DISTRICT_COURT
        return cls(route=data.get("route") or default, body=dict(data.get("body") or {}),
                   address=dict(data.get("address") or {}), email=data.get("email", ""))

    def as_dict(self) -> dict:
        return {"route": self.route, "body": self.body, "address": self.address,
                "email": self.email}


def check_remedy(remedy: Remedy, *, public_authority: bool) -> None:
    """Raise :class:`RemedyError` naming the first field that is missing or does not fit."""
    allowed = PUBLIC_ROUTES if public_authority else PRIVATE_ROUTES
    if remedy.route not in allowed:
        raise RemedyError("route")
    for lang in LANGS:
        if not remedy.body.get(lang, "").strip():
            raise RemedyError(f"body-{lang}")
        if remedy.route != DISTRICT_COURT and not remedy.address.get(lang, "").strip():
            raise RemedyError(f"address-{lang}")


def deemed_notified(sent_on: date) -> date:
    """The day an ordinary electronic notification is deemed received (Act 13/2003 §19(2))."""
    return sent_on + timedelta(days=3)


def openness_appeal(law: str, route: str) -> bool:
    """Whether the remedy page cites the Openness Act's appeal (§33 of 621/1999): a written
    decision on a document request, when the controller's route is an appeal to the
    administrative court. A municipal authority's route (a request for administrative review
    first) stays as counsel configured it."""
    return law == "openness" and route == APPEAL
