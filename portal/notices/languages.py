"""The languages a notice is published in, and which one a reader of another language sees.

Most Finnish municipalities publish their notices in Finnish only, or in Finnish and Swedish;
the portal serves Finnish, Swedish and English. A notice therefore declares its languages
(``languages = ["fi"]``, issue 15), and a page in a portal language the notice lacks shows the
notice in a declared language, marked with that language (WCAG 3.1.2), with a note in the
reader's language. GDPR Art. 12(1) asks for intelligible information, not for every language:
the completeness check judges each declared language and never an undeclared one.

A notice without the field is published in all three languages, as every notice was before
the field existed; the field is kept in the content only when it says something else, so the
content (and digest) of those notices stays as it was. Pure functions: no Flask, no database.
"""

from __future__ import annotations

#: The portal's languages, in the order a notice falls back to them (the national languages
#: first, legal rules: Language Act 423/2003).
ALL = ("fi", "sv", "en")


def declared(content: dict) -> tuple[str, ...]:
    """The languages ``content`` is published in, in the portal's order."""
    given = content.get("languages") or ALL
    return tuple(lang for lang in ALL if lang in given)


def shown_language(content: dict, wanted: str) -> str:
    """The language a reader who asked for ``wanted`` reads the notice in."""
    languages = declared(content)
    return wanted if wanted in languages else languages[0]


def canonical(languages: list[str]) -> list[str] | None:
    """The value kept in the content: None (no field) for all three, else in the portal order."""
    ordered = [lang for lang in ALL if lang in languages]
    return None if ordered == list(ALL) else ordered


def recipient_name(recipient: dict, lang: str) -> str:
    """A recipient's or processor's name in ``lang``: one name for every language, or a table
    of names per language (a city's department is named differently in Swedish)."""
    name = recipient["name"]
    if isinstance(name, str):
        return name
    return name.get(lang) or next((name[code] for code in ALL if name.get(code)), "")


def text_language(texts: dict | None, lang: str) -> str:
    """The language of the text ``portal.i18n.translated`` picks from ``texts`` for ``lang``
    (the language asked for, else Finnish, else the first there is)."""
    texts = texts or {}
    if texts.get(lang):
        return lang
    return next((code for code in ("fi", *texts) if texts.get(code)), lang)
