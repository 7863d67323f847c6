"""The parts of a register description, in the order Finnish public bodies number them.

Each part names the GDPR articles it answers (legal rules §3), so the page, the PDF, the notice
file format and the later completeness check all speak of the same list. Titles are lazy: they are
translated when shown, in the reader's language.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l


@dataclass(frozen=True)
class Section:
    key: str
    title: object
    articles: str
    #: Whether every notice needs text here (legal rules §3 "always").
    always: bool = False


SECTIONS: tuple[Section, ...] = (
    Section("controller", _l("Controller"), "13(1)(a), 14(1)(a)", always=True),
    Section("contact", _l("Contact persons for the register"), "13(1)(a)"),
    Section("dpo", _l("Data protection officer"), "13(1)(b), 14(1)(b)", always=True),
    Section("purposes", _l("Purposes of processing"), "13(1)(c), 14(1)(c)", always=True),
    Section("legal_basis", _l("Legal basis for processing"), "13(1)(c), 14(1)(c)", always=True),
    Section("legitimate_interests", _l("Legitimate interests"), "13(1)(d), 14(2)(b)"),
    Section("data_content", _l("Personal data processed"), "14(1)(d)"),
    Section("sources", _l("Where the data comes from"), "14(2)(f)"),
    Section("recipients", _l("Recipients and processors"), "13(1)(e), 14(1)(e)", always=True),
    Section("transfers", _l("Transfers outside the EU and EEA"), "13(1)(f), 14(1)(f)"),
    Section("retention", _l("How long the data is kept"), "13(2)(a), 14(2)(a)", always=True),
    Section("security", _l("How the data is protected"), "32"),
    Section("automated_decisions", _l("Automated decision-making and profiling"),
            "13(2)(f), 14(2)(g)"),
    Section("rights", _l("Your rights"), "13(2)(b), 14(2)(c)", always=True),
    Section("consent_withdrawal", _l("Withdrawing consent"), "13(2)(c), 14(2)(d)"),
    Section("requirement", _l("Whether you must give the data"), "13(2)(e)"),
    Section("complaint", _l("Right to complain"), "13(2)(d), 14(2)(e)", always=True),
    Section("additional", _l("Other information"), ""),
)

SECTION_KEYS = tuple(section.key for section in SECTIONS)
#: Parts built from the controller's details; a notice file may add text to them.
GENERATED = frozenset({"controller", "dpo"})
#: Parts whose text a notice file must give in every language.
REQUIRED_TEXT = tuple(s.key for s in SECTIONS if s.always and s.key not in GENERATED)

#: GDPR Art. 6(1) bases with the codes of the W3C DPV ``eu-gdpr`` vocabulary.
LEGAL_BASES = {
    "A6-1-a": _l("Consent (GDPR Art. 6(1)(a))"),
    "A6-1-b": _l("Contract (GDPR Art. 6(1)(b))"),
    "A6-1-c": _l("Legal obligation (GDPR Art. 6(1)(c))"),
    "A6-1-d": _l("Vital interests (GDPR Art. 6(1)(d))"),
    "A6-1-e": _l("Public task or official authority (GDPR Art. 6(1)(e))"),
    "A6-1-f": _l("Legitimate interests (GDPR Art. 6(1)(f))"),
}

#: GDPR Art. 9(2) conditions for special categories, with the codes of DPV's ``eu-gdpr``.
SPECIAL_CONDITIONS = {
    "A9-2-a": _l("Explicit consent (GDPR Art. 9(2)(a))"),
    "A9-2-b": _l("Obligations in employment and social security law (GDPR Art. 9(2)(b))"),
    "A9-2-c": _l("Vital interests when consent cannot be given (GDPR Art. 9(2)(c))"),
    "A9-2-d": _l("A non-profit body's own members (GDPR Art. 9(2)(d))"),
    "A9-2-e": _l("Made public by the person themselves (GDPR Art. 9(2)(e))"),
    "A9-2-f": _l("Legal claims or courts (GDPR Art. 9(2)(f))"),
    "A9-2-g": _l("Substantial public interest laid down by law (GDPR Art. 9(2)(g))"),
    "A9-2-h": _l("Health or social care, occupational medicine (GDPR Art. 9(2)(h))"),
    "A9-2-i": _l("Public health (GDPR Art. 9(2)(i))"),
    "A9-2-j": _l("Archiving, research or statistics (GDPR Art. 9(2)(j))"),
}

#: What a notice says when it states there is no automated decision-making (Art. 13(2)(f)).
NO_AUTOMATED = _l("No decisions based solely on automated processing, including profiling, "
                  "are made about you.")

#: Recipient roles: a processor acts on the controller's behalf (Art. 28); a recipient gets data.
RECIPIENT_ROLES = {
    "processor": _l("Processor"),
    "recipient": _l("Recipient"),
}

#: How the data is collected: from the person (Art. 13), elsewhere (Art. 14), or both.
COLLECTION = ("direct", "indirect", "both")

#: W3C DPV ``pd:`` personal-data categories a notice file may list (DPV 2.0 term names),
#: with the words the editor shows for them.
PERSONAL_DATA = {
    "Age": _l("Age"),
    "BirthDate": _l("Date of birth"),
    "Behavioral": _l("Behaviour"),
    "BrowsingBehavior": _l("Browsing behaviour"),
    "City": _l("City"),
    "Communication": _l("Communications"),
    "Contact": _l("Contact details"),
    "Country": _l("Country"),
    "DeviceBased": _l("Device data"),
    "EmailAddress": _l("E-mail address"),
    "EmailContent": _l("Content of e-mails"),
    "FacialPrint": _l("Facial image"),
    "Gender": _l("Gender"),
    "IPAddress": _l("IP address"),
    "Identifier": _l("Identifier"),
    "Interest": _l("Interests"),
    "Job": _l("Job"),
    "Language": _l("Language"),
    "LinkClicked": _l("Links clicked"),
    "Locality": _l("Locality"),
    "Location": _l("Location"),
    "Name": _l("Name"),
    "OfficialID": _l("Official identifier"),
    "Opinion": _l("Opinions"),
    "PaymentCard": _l("Payment card"),
    "PhysicalAddress": _l("Postal address"),
    "Picture": _l("Picture"),
    "PostalCode": _l("Postal code"),
    "Preference": _l("Preferences"),
    "Purchase": _l("Purchases"),
    "Residency": _l("Place of residence"),
    "ServiceConsumptionBehavior": _l("Use of services"),
    "TelephoneNumber": _l("Telephone number"),
    "Transactional": _l("Transactions"),
    "UID": _l("User identifier"),
    "UserAgent": _l("Browser and device type"),
    "Username": _l("User name"),
}

#: The special categories of GDPR Art. 9(1), as DPV ``pd:`` concepts under
#: ``dpv:SpecialCategoryPersonalData`` (DPV 2.3); processing them needs an Art. 9(2) condition.
SPECIAL_CATEGORIES = {
    "Race": _l("Racial origin"),
    "EthnicOrigin": _l("Ethnic origin"),
    "PoliticalOpinion": _l("Political opinions"),
    "Religion": _l("Religion"),
    "PhilosophicalBelief": _l("Philosophical beliefs"),
    "TradeUnionMembership": _l("Trade union membership"),
    "Genetic": _l("Genetic data"),
    "Biometric": _l("Biometric data"),
    "Health": _l("Health"),
    "Sexual": _l("Sex life"),
    "SexualPreference": _l("Sexual orientation"),
}
PERSONAL_DATA |= SPECIAL_CATEGORIES
