"""The parts of a decision on a document request that the GDPR has not (legal rules §9).

The handler chooses the basis (anyone's right, §9; a party's, §11; or a person's own, §12) and,
for each part that is withheld, what it is and its point of §24(1), or for a party and a person
asking about themselves of §11(2) (§10). The form
offers ``PART_ROWS`` rows and works without JavaScript. The rules are :mod:`portal.law.openness`.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from ..dsr.models import DataRequest
from ..i18n import current_locale
from ..law import openness
from ..law.citations import capitalised, cite, point_label
from ..law.fees import fee_grounds

PART_ROWS = 3

BASIS_TITLES = {
    "public": _l("Anyone's right of access to a public document (section 9)"),
    "party": _l("A party's right of access to documents that may affect or may have affected "
                "the consideration of their case, even if secret (section 11)"),
    "own": _l("A person's right of access to the information about themselves in an "
              "authority's document, with the limits of section 11(2) and (3) (section 12)"),
}
#: The withholding grounds, grouped in the form's list by the bases they serve.
GROUND_GROUPS = {"24-1": _l("Anyone: section 24(1)"),
                 "11-2": _l("A party, or a person about themselves: section 11(2)")}


def _text(form, name: str) -> str:
    return form.get(name, "").replace("\r\n", "\n").strip()


def parts_from_form(form) -> tuple[dict, ...]:
    """The withheld parts filled in on the form; an empty row is left out."""
    rows = ({"what": _text(form, f"secret-{n}-what"), "point": _text(form, f"secret-{n}-point")}
            for n in range(1, PART_ROWS + 1))
    return tuple(row for row in rows if row["what"] or row["point"])


def document_fields(form, outcome: str) -> dict:
    """The Decision fields of a document request from the decision form."""
    return {"basis": form.get("basis", ""),
            "secret_parts": parts_from_form(form) if outcome != "granted" else ()}


def document_context(data_request: DataRequest, draft, form, outcome: str) -> dict:
    """What the decision form of a document request shows, in the staff member's language."""
    fee_codes = fee_grounds(data_request.right_code, data_request.law)
    if data_request.law != "openness":
        return {"documents_request": False, "officials_answer": False, "fee_codes": fee_codes}
    lang = current_locale()
    values: dict = {"basis": "public"}
    if form:
        values.update({key: form.get(key, "") for key in form})
    elif draft is not None and outcome == draft.outcome:
        values["basis"] = draft.basis or "public"
        for number, part in enumerate(draft.secret_parts, 1):
            values[f"secret-{number}-what"] = part["what"]
            values[f"secret-{number}-point"] = str(part["point"])
    official = draft is not None and openness.official_answer(
        draft.outcome in ("partly_granted", "refused"), data_request.openness_step)
    return {"documents_request": True, "basis_titles": BASIS_TITLES, "part_rows": PART_ROWS,
            "officials_answer": official, "fee_codes": fee_codes,
            "document_values": values,
            "secrecy_points": [(GROUND_GROUPS[group], [
                (key, point_label(provision.point, lang), openness.description(key, lang))
                for key, (provision, _texts) in openness.GROUNDS[group].items()])
                for group in openness.GROUNDS],
            "secrecy_labels": {key: capitalised(cite(provision, lang)) + ": "
                               + openness.description(key, lang)
                               for key, (provision, _texts) in openness.ALL_POINTS.items()}}
