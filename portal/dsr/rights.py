"""The rights a request can invoke, explained in plain language (GDPR Arts. 15-21), and the
withdrawal of consent (Art. 7(3)).

The form informs; it does not block. What each right means for a public body follows the
shared legal rules §2: portability never covers public-task processing (Art. 20(3)); objection
only covers processing based on Art. 6(1)(e) or (f) (Art. 21(1)). Consent can be withdrawn
only from registers whose processing relies on it (``law.steps.consent_withdrawable``): the form
offers it for those alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l


@dataclass(frozen=True)
class Right:
    code: str
    article: str
    title: object
    summary: object
    applies: object
    #: Whether the request cannot be handled without the requester's explanation.
    needs_details: bool = False

    @property
    def matter(self):
        """The matter as a noun phrase, for letters and mails (the title is a command)."""
        return MATTERS[self.code]

    @property
    def name(self):
        """The right's name as the GDPR gives it, for lists of rights in a notice."""
        return NAMES[self.code]


RIGHTS: dict[str, Right] = {r.code: r for r in (
    Right("access", "15", _l("See your data (right of access)"),
          _l("Get a copy of the personal data the organisation holds about you and information "
             "on how it is used."),
          _l("Always applies. Other people's data and confidential information may be left out.")),
    Right("rectification", "16", _l("Correct your data (rectification)"),
          _l("Have inaccurate or incomplete data about you corrected."),
          _l("Always applies. Tell us what is wrong and what it should say."),
          needs_details=True),
    Right("erasure", "17", _l("Delete your data (erasure)"),
          _l("Have your data deleted."),
          _l("Does not apply when the law requires the data to be kept, or when it is processed "
             "for a public task or for archiving. If your data cannot be deleted, you are told "
             "why.")),
    Right("restriction", "18", _l("Limit the use of your data (restriction)"),
          _l("Have your data kept but not used."),
          _l("Applies, for example, while the accuracy of the data is being checked or while "
             "an objection is being considered.")),
    Right("objection", "21", _l("Object to the use of your data (objection)"),
          _l("Object to processing on grounds relating to your particular situation."),
          _l("Applies only to processing based on a public task or on legitimate interests "
             "(GDPR Art. 6(1)(e) or (f)). Tell us your grounds."),
          needs_details=True),
    Right("portability", "20", _l("Get your data in a machine-readable form (portability)"),
          _l("Receive the data you have given yourself in a common machine-readable format."),
          _l("Applies only to data processed by automated means on the basis of your consent or "
             "a contract. It never covers processing for a public task.")),
    Right("consent", "7(3)", _l("Withdraw your consent"),
          _l("Withdraw a consent you have given to the processing of your data."),
          _l("Applies only to registers whose processing is based on your consent. The "
             "withdrawal applies from the day it is received; it does not affect processing "
             "before it.")),
)}


#: A request for documents of a public authority (Openness Act 621/1999 §9, legal rules §9). It is
#: not one of the GDPR rights the form offers: a request takes it when its law is "openness".
DOCUMENTS = Right("documents", "", _l("Get documents of an authority (document request)"),
                  _l("Get a copy of documents held by a public authority, or see them there."),
                  _l("Anyone may ask. You need not say who you are or why, unless the documents "
                     "are secret or you ask for personal data from the authority's register "
                     "(Act on the Openness of Government Activities 621/1999, section 13(2))."))


#: The law a request is made under, named for staff (queue, filters, CSV, statistics).
LAW_TITLES = {"gdpr": _l("GDPR"), "openness": _l("Openness Act")}


def right_of(request) -> Right:
    """The right a request invokes as its law reads it: a document request is not Art. 15."""
    return DOCUMENTS if request.law == "openness" else RIGHTS[request.right_code]


#: Each right's request named as a matter: "what was asked" in letters and mails.
MATTERS = {
    "access": _l("Request for access to personal data"),
    "rectification": _l("Request for rectification of personal data"),
    "erasure": _l("Request for erasure of personal data"),
    "restriction": _l("Request for restriction of processing"),
    "objection": _l("Objection to processing"),
    "portability": _l("Request to receive personal data in a machine-readable form"),
    "consent": _l("Withdrawal of consent"),
    "documents": _l("Request for documents under the Act on the Openness of Government "
                    "Activities"),
}

#: Each right by its name in the GDPR's own language versions (Arts. 7 and 15-21 headings).
NAMES = {
    "access": _l("Right of access"),
    "rectification": _l("Right to rectification"),
    "erasure": _l("Right to erasure"),
    "restriction": _l("Right to restriction of processing"),
    "objection": _l("Right to object"),
    "portability": _l("Right to data portability"),
    "consent": _l("Right to withdraw consent"),
}

#: What the notice and the form say about a right that applies only in part, or not at all.
NOTES = {
    ("erasure", "limited"): _l("Erasure does not reach the part of the processing that the law "
                               "requires or that is done for a public task (GDPR Art. "
                               "17(3)(b))."),
    ("erasure", "not_applicable"): _l("Erasure does not apply: the data is processed because "
                                      "the law requires it or for a public task (GDPR Art. "
                                      "17(3)(b))."),
    ("objection", "limited"): _l("You can object only to the processing based on a public task "
                                 "or on legitimate interests (GDPR Art. 21(1))."),
    ("objection", "not_applicable"): _l("Objection does not apply: the processing is not based "
                                        "on a public task or on legitimate interests (GDPR Art. "
                                        "21(1))."),
    ("portability", "limited"): _l("Portability covers only the data processed on the basis of "
                                   "your consent or a contract (GDPR Art. 20(1))."),
    ("portability", "not_applicable"): _l("Portability does not apply: the processing is not "
                                          "based on consent or a contract (GDPR Art. 20(1) and "
                                          "20(3))."),
}
