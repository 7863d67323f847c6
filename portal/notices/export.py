"""Writing a notice back to a notice file: the format ``fileformat`` reads, in canonical form.

Export then import gives the same content, and import then export gives the same file for any
file already in canonical form (the demo files are). Long texts are TOML multi-line literal
strings, so Markdown stays readable and needs no escaping.
"""

from __future__ import annotations

import json

from .fileformat import FORMAT_VERSION, LANGUAGES, NOTICE_DATES
from .languages import declared
from .processing import DERIVED
from .sections import SECTION_KEYS

TOP_FLAGS = ("transfers_outside_eea", "automated_decisions")
CONTROLLER_FIELDS = ("email", "phone", "website", "dpo_email", "dpo_phone", "business_id")


def _string(text: str) -> str:
    if "\n" in text and "'''" not in text:
        return f"'''\n{text}\n'''"
    return json.dumps(text, ensure_ascii=False)  # a TOML basic string


def _list(values: list[str]) -> str:
    return "[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in values) + "]"


def _languages(header: str, texts: dict[str, str]) -> list[str]:
    if not texts:
        return []
    return ["", f"[{header}]",
            *(f"{lang} = {_string(texts[lang])}" for lang in LANGUAGES if lang in texts)]


def _controller(controller: dict, header: str) -> list[str]:
    """A controller's fields, after its ``[controller]`` or ``[[controllers]]`` line."""
    lines = [f"slug = {_string(controller['slug'])}"]
    lines += [f"{key} = {_string(controller[key])}" for key in CONTROLLER_FIELDS
              if controller.get(key)]
    if "public_authority" in controller:
        lines.append(f"public_authority = {'true' if controller['public_authority'] else 'false'}")
    lines += _languages(f"{header}.name", controller["name"])
    lines += _languages(f"{header}.address", controller["address"])
    if "remedy" in controller:
        remedy = controller["remedy"]
        lines += ["", f"[{header}.remedy]", f"route = {_string(remedy['route'])}"]
        lines += [f"email = {_string(remedy['email'])}"] if remedy["email"] else []
        lines += _languages(f"{header}.remedy.body", remedy["body"])
        lines += _languages(f"{header}.remedy.address", remedy["address"])
        if "court" in remedy:
            court = remedy["court"]
            lines += ["", f"[{header}.remedy.court]"]
            lines += [f"email = {_string(court['email'])}"] if court["email"] else []
            lines += _languages(f"{header}.remedy.court.body", court["body"])
            lines += _languages(f"{header}.remedy.court.address", court["address"])
    return lines


def _several_controllers(content: dict) -> list[str]:
    """``[[controllers]]`` with their roles and the ``[joint_arrangement]`` (issue 15)."""
    lines: list[str] = []
    for controller in content["controllers"]:
        lines += ["", "[[controllers]]", f"role = {_string(controller['role'])}",
                  *_controller(controller, "controllers")]
    arrangement = content.get("joint_arrangement")
    if arrangement is not None:
        lines += ["", "[joint_arrangement]"]
        if "contact_point" in arrangement:
            lines.append(f"contact_point = {_string(arrangement['contact_point'])}")
        lines += _languages("joint_arrangement.essence", arrangement.get("essence", {}))
    return lines


def notice_file(content: dict) -> str:
    """The notice file text for ``content`` (as ``fileformat.parse_notice`` returns it)."""
    title = content["title"][declared(content)[0]]
    per_purpose = bool(content.get("purposes"))  # then the codes are the purposes' own
    lines = [
        f"# Tietosuojaseloste / Dataskyddsbeskrivning / Privacy notice: {title}",
        "# Format: docs/notice-files.md",
        f"format = {content.get('format', 1)}",
        f"slug = {_string(content['slug'])}",
        *([f"languages = {_list(content['languages'])}"] if "languages" in content else []),
        f"collection = {_string(content['collection'])}",
        *(f"{key} = {_list(content[key])}" for key in DERIVED
          if key in content and not per_purpose),
        *(f"{flag} = {'true' if content[flag] else 'false'}" for flag in TOP_FLAGS
          if content[flag] is not None),  # format 2: absent is "not stated"
    ]
    lines += [f"{key} = {content[key]}" for key in NOTICE_DATES if key in content]  # TOML dates
    lines += [f"source_url = {_string(content['source_url'])}"] if "source_url" in content else []
    lines += _languages("title", content["title"])
    lines += _languages("summary", content["summary"])
    if content.get("controllers"):
        lines += _several_controllers(content)
    else:
        lines += ["", "[controller]", *_controller(content["controller"], "controller")]
    for key in SECTION_KEYS:
        lines += _languages(f"sections.{key}", content["sections"].get(key, {}))
    for recipient in content["recipients"]:
        name = recipient["name"]
        lines += ["", "[[recipients]]",
                  *([f"name = {_string(name)}"] if isinstance(name, str) else []),
                  f"role = {_string(recipient['role'])}"]
        lines += _languages("recipients.name", name) if isinstance(name, dict) else []
        lines += _languages("recipients.description", recipient["description"])
    for purpose in content.get("purposes", []):
        lines += _purpose(purpose)
    for transfer in content.get("transfers", []):
        lines += ["", "[[transfers]]", f"country = {_string(transfer['country'])}",
                  f"safeguard = {_string(transfer['safeguard'])}"]
    return "\n".join(lines) + "\n"


def _purpose(purpose: dict) -> list[str]:
    """One ``[[purposes]]`` table; its laws last, since they are tables of their own."""
    lines = ["", "[[purposes]]", f"key = {_string(purpose['key'])}"]
    if purpose["dpv_purpose"]:
        lines.append(f"dpv_purpose = {_string(purpose['dpv_purpose'])}")
    lines += [f"{key} = {_list(purpose[key])}" for key in (
        "legal_bases", "special_category_conditions", "personal_data", "data_subjects")
        if purpose[key]]
    for key in ("name", "description", "legitimate_interests"):
        lines += _languages(f"purposes.{key}", purpose[key])
    retention = purpose["retention"]
    if retention["period"] or retention["criterion"]:
        lines += ["", "[purposes.retention]"]
        lines += [f"period = {_string(retention['period'])}"] if retention["period"] else []
        lines += _languages("purposes.retention.criterion", retention["criterion"])
    for law in purpose["laws"]:
        lines += ["", "[[purposes.laws]]"]
        lines += [f"{key} = {_string(law[key])}" for key in ("number", "section", "url")
                  if law[key]]
        lines += _languages("purposes.laws.name", law["name"])
    return lines


def upgraded(content: dict) -> dict:
    """A format-1 notice as format 2, saying the same.

    Format 1's ``automated_decisions = false`` cannot tell "none" from "not stated", so it
    becomes "not stated": only the organisation can say there is none. The codes stay the
    whole register's (format 2 reads them so without ``[[purposes]]``).
    """
    if content.get("format", 1) >= FORMAT_VERSION:
        return content
    return {**content, "format": FORMAT_VERSION,
            "automated_decisions": True if content["automated_decisions"] else None}
