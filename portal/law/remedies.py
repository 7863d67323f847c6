"""Where a requester takes a decision they disagree with, and by when (legal rules §5).

A public authority's refusal or partial decision carries remedy instructions (Administrative
Procedure Act 434/2003 §§46-47, 49a ff.): a request for administrative review (oikaisuvaatimus)
to a named body within 14 days, or an appeal to an administrative court within 30 days (Act
808/2019 §13). A private body makes no administrative decision: the requester may bring
proceedings in a district court (GDPR Art. 79). Time runs from notification; an ordinary
electronic notification is deemed received on the third day after the message was sent (Act
13/2003 §19(2)), a letter on the seventh day after it was posted (APA 434/2003 §59(2)).
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
    #: The administrative court that hears appeals against written decisions on document
    #: requests when the route is a request for administrative review (see :meth:`for_law`).
    court: dict[str, str] = field(default_factory=dict)
    court_address: dict[str, str] = field(default_factory=dict)
    court_email: str = ""

    @property
    def days(self) -> int | None:
        return TIME_LIMITS[self.route]

    @classmethod
    def from_dict(cls, data: dict | None, *, public_authority: bool) -> Remedy:
        data = data or {}
        default = APPEAL if public_authority else DISTRICT_COURT
        court = data.get("court") or {}
        return cls(route=data.get("route") or default, body=dict(data.get("body") or {}),
                   address=dict(data.get("address") or {}), email=data.get("email", ""),
                   court=dict(court.get("body") or {}),
                   court_address=dict(court.get("address") or {}),
                   court_email=court.get("email", ""))

    def as_dict(self) -> dict:
        data = {"route": self.route, "body": self.body, "address": self.address,
                "email": self.email}
        if self.court or self.court_address or self.court_email:
            data["court"] = {"body": self.court, "address": self.court_address,
                             "email": self.court_email}
        return data

    def for_law(self, law: str) -> Remedy:
        """The route of a decision under ``law``.

        A written decision on a document request (``law`` "openness") is always appealed to
        the administrative court under Openness Act §33 and Act 808/2019, a municipal one
        included: the Local Government Act's request for review and municipal appeal do not
        apply to it (Deputy Chancellor of Justice, 25.7.2007). A controller whose GDPR route
        is a request for administrative review therefore names its administrative court apart.
        """
        if law != "openness" or self.route != RECTIFICATION:
            return self
        return Remedy(route=APPEAL, body=self.court, address=self.court_address,
                      email=self.court_email)


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
    # Decisions on document requests go to the administrative court (Openness Act §33).
    documents = remedy.for_law("openness")
    if public_authority and documents is not remedy:
        for lang in LANGS:
            if not documents.body.get(lang, "").strip():
                raise RemedyError(f"court-body-{lang}")
            if not documents.address.get(lang, "").strip():
                raise RemedyError(f"court-address-{lang}")


class CourtNotNamed(ValueError):
    """A written decision on a document request would name no administrative court."""


def check_court_named(remedy: Remedy, law: str) -> None:
    """Raise :class:`CourtNotNamed` when a decision under ``law`` goes to a court apart from the
    controller's own route (:meth:`Remedy.for_law`) and the settings do not name it in every
    language: appeal instructions must say where to appeal (Administrative Procedure Act
    434/2003 §47). Settings saved before the court fields existed can lack it.
    """
    route = remedy.for_law(law)
    if route is not remedy and not all(route.body.get(lang, "").strip() for lang in LANGS):
        raise CourtNotNamed()


#: How a decision reaches the requester: by e-mail, by post (a request with no e-mail address
#: is answered by letter), or left on the status page for secure collection.
EMAIL, POST, COLLECT = "email", "post", "collect"
#: Days from sending to the day a decision is deemed notified, per channel.
NOTIFIED_AFTER = {EMAIL: 3, POST: 7}


def notification_channel(email: str, delivery: str) -> str:
    """The channel of a decision: collection on the status page when so delivered, post when
    the request has no e-mail address, e-mail otherwise."""
    if delivery == COLLECT:
        return COLLECT
    return EMAIL if email.strip() else POST


def deemed_notified(sent_on: date, channel: str = EMAIL) -> date | None:
    """The day a decision sent on ``sent_on`` is deemed notified, unless shown otherwise.

    E-mail: the third day after sending (ordinary electronic notification, Act 13/2003 §19(2)).
    Post: the seventh day after posting (ordinary notification by letter, APA 434/2003
    §59(2)). Collection on the status page: None, no fixed day. For counsel: under Act
    13/2003 §18 an electronic document the recipient fetches from the authority is notified
    when it is downloaded (the request's ``answer_downloaded`` event records the day); until
    counsel confirms that reading, the instructions name that day in words, not a date.
    """
    days = NOTIFIED_AFTER.get(channel)
    return sent_on + timedelta(days=days) if days is not None else None


@dataclass(frozen=True)
class CourtFee:
    """The administrative court's fee (Court Fees Act 1455/2015 §2) as a decree of the
    Ministry of Justice sets it for a period; the amounts are revised every three years."""

    euros: int
    decree: str
    start: date
    end: date


#: The fees the portal knows, newest first; a fee after the last period must be added here.
COURT_FEES = (
    CourtFee(310, "1020/2024", date(2025, 1, 1), date(2027, 12, 31)),
    CourtFee(270, "1122/2021", date(2022, 1, 1), date(2024, 12, 31)),
)
#: Days from sending within which an appeal may still be made: notification by post (7), the
#: appeal time (30) and a roll-over past weekends and holidays.
APPEAL_WINDOW = timedelta(days=NOTIFIED_AFTER[POST] + TIME_LIMITS[APPEAL] + 5)


def court_fee(sent_on: date) -> CourtFee | None:
    """The administrative court's fee for an appeal against a decision sent on ``sent_on``,
    or None when its appeal time may reach a period whose fee the portal does not know (the
    instructions then name the Act without an amount). The fee is not charged if the court
    changes the decision in the appellant's favour (§9), and may be waived (§7)."""
    for fee in COURT_FEES:
        if fee.start <= sent_on and sent_on + APPEAL_WINDOW <= fee.end:
            return fee
    return None
