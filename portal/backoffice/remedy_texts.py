"""Remedy instructions in each language: the route's default text, or counsel's own.

A controller's counsel may replace every sentence per language on the organisation page without
a release (issue "Decisions a Finnish authority can sign"). Placeholders use ``string.Template``:
$body, $address, $email, $days and $notified_on; any other ``$`` stays as written. The defaults
follow the content that APA 434/2003 §47 and Act 808/2019 §§13-20 require: where, by when and
from when, what the appeal must contain and include, and the court fee.
"""

from __future__ import annotations

from datetime import date
from string import Template

from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from ..dates import format_date
from ..law.remedies import (
    APPEAL,
    DISTRICT_COURT,
    EMAIL,
    RECTIFICATION,
    Remedy,
    court_fee,
    deemed_notified,
)
from ..notices.models import Controller

TITLES = {
    APPEAL: _l("Appeal instructions"),
    RECTIFICATION: _l("Instructions for requesting an administrative review"),
    DISTRICT_COURT: _l("How to seek a judicial remedy"),
}

DEFAULTS = {
    APPEAL: _l(
        "You may appeal against this decision to $body. Only a party to whom the decision is "
        "addressed or whose right, obligation or interest it directly affects may appeal.\n\n"
        "Time limit: the appeal must be made within $days days of the notification of the "
        "decision. The day of notification is not counted. A decision sent by e-mail is deemed "
        "to have been notified on the third day after the message was sent (Act on Electronic "
        "Services and Communication in the Public Sector 13/2003, section 19), and a decision "
        "sent by post on the seventh day after it was posted (Administrative Procedure Act "
        "434/2003, section 59), unless it is shown otherwise. This decision is deemed to have "
        "been notified on $notified_on. "
        "If the last day of the time limit is a public holiday, Independence Day, May Day, "
        "Christmas Eve, Midsummer Eve or a Saturday, the appeal may be made on the next "
        "working day.\n\n"
        "Contents: the appeal must state the decision appealed against; the part of the "
        "decision appealed against and the change sought; the grounds for the change; what the "
        "right of appeal is based on, if the decision is not addressed to the appellant; and "
        "the appellant's name and contact details and the postal or e-mail address to which "
        "notices in the matter may be sent. If the appellant is represented by a legal "
        "representative or an agent, or someone else has drawn up the appeal, their name and "
        "contact details must also be given.\n\n"
        "Attachments: this decision with these appeal instructions; a statement of the day on "
        "which the decision was notified, or other evidence of when the time limit began; and "
        "the documents the appellant relies on, unless they have already been given to the "
        "authority.\n\n"
        "Delivery: the appeal is delivered to $body, $address, e-mail $email, or through the "
        "courts' e-services. The appeal must reach the court before the end of its office hours "
        "on the last day of the time limit. The sender bears the risk of delivery.\n\n"
        "Court fee: the administrative court charges a court fee under the Court Fees Act "
        "(1455/2015). No fee is charged if the court changes the decision in the appellant's "
        "favour."),
    RECTIFICATION: _l(
        "This decision may not be appealed directly to a court. If you are dissatisfied with "
        "the decision, you may request an administrative review of it in writing from $body.\n\n"
        "Time limit: the request for administrative review must be made within $days days of "
        "the "
        "notification of the decision. The day of notification is not counted. A decision sent "
        "by e-mail is deemed to have been notified on the third day after the message was sent "
        "(Act on Electronic Services and Communication in the Public Sector 13/2003, section "
        "19), and a decision sent by post on the seventh day after it was posted "
        "(Administrative Procedure Act 434/2003, section 59), unless it is shown otherwise. "
        "This decision is deemed to have been notified "
        "on $notified_on.\n\n"
        "Contents: the request must state the decision concerned, the change sought and its "
        "grounds, and your name and contact details.\n\n"
        "Delivery: the request is delivered to $body, $address, e-mail $email, before the end "
        "of office hours on the last day of the time limit. The request is free of charge. The "
        "decision on the request may be appealed to an administrative court."),
    DISTRICT_COURT: _l(
        "This answer is not an administrative decision, so it cannot be appealed.\n\n"
        "Without prejudice to your right to complain to the Data Protection Ombudsman, you may "
        "bring proceedings against the controller in a court if you consider that your rights "
        "under the General Data Protection Regulation have been infringed (GDPR Article 79). "
        "The action is brought in the district court where the controller is established "
        "($body) or where you live.\n\n"
        "The district court charges a court fee under the Court Fees Act (1455/2015)."),
}


def remedy_of(controller: Controller) -> Remedy:
    return Remedy.from_dict(controller.remedy, public_authority=controller.public_authority)


def default_text(route: str, lang: str) -> str:
    with force_locale(lang):
        return str(DEFAULTS[route])


def remedy_text(controller: Controller, lang: str) -> str:
    """Counsel's text in ``lang``, or the route's default, not yet filled in."""
    own = (controller.remedy_texts or {}).get(lang, "").strip()
    return own or default_text(remedy_of(controller).route, lang)


#: Fills $notified_on for a decision left for collection on the status page, which has no fixed
#: day (``portal.law.remedies.deemed_notified``). It follows "notified on" / "tiedoksi" / "den".
ON_DOWNLOAD = _l("the day you download it from your status page")

#: Follows the default appeal text's "Court fee" paragraph when the fee is known for the
#: whole appeal time (:func:`portal.law.remedies.court_fee`).
COURT_FEE = _l("In an appeal against this decision the fee is %(amount)s euros (Ministry of "
               "Justice decree %(decree)s).")

#: Opens the appeal instructions of a decision on a document request (legal rules §9).
OPENNESS_APPEAL = _l(
    "This decision on a document request may be appealed to the administrative court under "
    "section 33 of the Act on the Openness of Government Activities (621/1999) and the "
    "Administrative Judicial Procedure Act (808/2019).")


def remedy_instructions(controller: Controller, lang: str, sent_on: date, *,
                        law: str = "gdpr", channel: str = EMAIL) -> tuple[str, list]:
    """The title and paragraphs of the remedy page of a decision sent on ``sent_on`` by
    ``channel`` (which sets the day it is deemed notified).

    A written decision on a document request (``law`` "openness") is appealed to the
    administrative court under §33 of the Openness Act, whatever the controller's GDPR route
    (:meth:`Remedy.for_law`): the appeal text is opened by a paragraph that says so. Counsel's
    own text is for the controller's route, so it is used only when that route is the appeal.
    The default appeal text states the court fee's amount when it is known (counsel's own text
    says what counsel wants).
    """
    own_route = remedy_of(controller)
    remedy = own_route.for_law(law)
    with force_locale(lang):
        default = default_text(remedy.route, lang)
        text = remedy_text(controller, lang) if remedy is own_route else default
        filled = Template(text).safe_substitute(
            body=remedy.body.get(lang, ""), address=remedy.address.get(lang, ""),
            email=remedy.email, days=remedy.days or "",
            notified_on=format_date(notified, "long") if (
                notified := deemed_notified(sent_on, channel)) else str(ON_DOWNLOAD))
        paragraphs = [p.strip() for p in filled.split("\n\n") if p.strip()]
        fee = court_fee(sent_on)
        if remedy.route == APPEAL and text == default and fee is not None:
            paragraphs[-1] += " " + str(COURT_FEE) % {"amount": fee.euros, "decree": fee.decree}
        title = str(TITLES[remedy.route])
        opening = [str(OPENNESS_APPEAL)] if law == "openness" else []
    return title, opening + paragraphs
