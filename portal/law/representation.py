"""A request made for someone else, and when the answer may go out (legal rules §2, §5).

A guardian (huoltaja / vårdnadshavare) exercises a child's rights (Child Custody Act 361/1983
§4), a trustee appointed by a court or the registry (edunvalvoja / intressebevakare) those of the
person in their care (Guardianship Services Act 442/1999 §29), and anyone may act with a power of
attorney, including a continuing one (Act 648/2007). The controller must be sure of the
representative's authority as it must be of a requester's identity (GDPR Art. 12(2), 12(6);
EDPB Guidelines 01/2022 on access, section 3.4): nothing is disclosed, corrected or erased on a
representative's request before a handler has recorded that the authority was verified. A
refusal discloses nothing and may go out at any time.
"""

from __future__ import annotations

GUARDIAN, TRUSTEE, POWER_OF_ATTORNEY = "guardian", "trustee", "power_of_attorney"
AUTHORITIES = (GUARDIAN, TRUSTEE, POWER_OF_ATTORNEY)
MAX_NOTE = 2_000


class RepresentationError(ValueError):
    """Base of the reasons a representation step is refused."""


class VerificationNoteRequired(RepresentationError):
    """Recording a verification says what was checked (the document, the register)."""


class NotRepresented(RepresentationError):
    """The request is the requester's own: there is no authority to verify."""


def check_verification(note: str, *, represented: bool) -> None:
    """Raise unless the handler may record now that the authority was verified."""
    if not represented:
        raise NotRepresented()
    if not note.strip() or len(note) > MAX_NOTE:
        raise VerificationNoteRequired()


def discloses(outcome: str) -> bool:
    """Every answer but a refusal acts on the data or tells about it ("no data" too)."""
    return outcome != "refused"
