"""Turning a stored notice into what the public reads: an HTML article and a tagged PDF.

A published version never changes, so each rendering is made once per language and stored
(:func:`service.rendition`). The key includes a build id: a hash of the templates, catalogs,
styles and code that render, so a deployment with new templates renders afresh.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path

from flask import current_app, render_template
from markupsafe import Markup

from ..assets import PACKAGE, STATIC, TEMPLATES, TRANSLATIONS
from ..dates import format_date
from ..dsr.applicability import applicability
from ..dsr.rights import NOTES, RIGHTS
from ..mail.compose import absolute_link
from ..pdf import render_pdf
from ..text import render_markdown
from . import processing_view
from .joint import ROLE_LABELS, controllers_of
from .languages import recipient_name
from .models import NoticeVersion
from .sections import (
    LEGAL_BASES,
    NO_AUTOMATED,
    RECIPIENT_ROLES,
    SECTIONS,
    SPECIAL_CONDITIONS,
)

RENDER_INPUTS = (TEMPLATES, TRANSLATIONS, STATIC / "css", PACKAGE)
RENDER_SUFFIXES = {".html", ".mo", ".css", ".py"}
#: Parts that open with the generated contact details, before any free text.
CONTACT_FIRST = frozenset({"controller", "dpo"})


@dataclass(frozen=True)
class SectionView:
    key: str
    number: int
    title: str
    body: Markup


@functools.cache
def _hash_tree(base_url: str) -> str:
    digest = hashlib.sha256(base_url.encode())  # absolute links are part of the rendering
    for folder in RENDER_INPUTS:
        for path in sorted(folder.rglob("*")):
            if path.suffix in RENDER_SUFFIXES and path.is_file():
                digest.update(str(path.relative_to(folder.parent)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def build_id() -> str:
    """Identify what renders notices (code, templates, catalogs, the base URL of its links);
    recomputed on every call in debug mode."""
    if current_app.debug:
        _hash_tree.cache_clear()
    return _hash_tree(current_app.config["PORTAL"].base_url)


def sections(content: dict, lang: str) -> list[SectionView]:
    """The notice's parts that have something to say, numbered in the Finnish order."""
    shown = []
    for section in SECTIONS:
        text = content["sections"].get(section.key, {}).get(lang, "")
        extra = _generated(section.key, content, lang)
        if not (text or extra):
            continue
        parts = [extra, render_markdown(text)]
        if section.key not in CONTACT_FIRST:
            parts.reverse()
        body = Markup("").join(parts)
        shown.append(SectionView(section.key, len(shown) + 1, str(section.title), body))
    return shown


def _generated(key: str, content: dict, lang: str) -> Markup:
    """Parts built from structured data: contacts, coded legal bases, the recipients list."""
    template = {
        "controller": "notices/parts/controller.html",
        "dpo": "notices/parts/dpo.html",
        "legal_basis": "notices/parts/legal_bases.html",
        "recipients": "notices/parts/recipients.html",
        "rights": "notices/parts/rights.html",
        # Format 2 (issue 15): per-purpose processing, transfers, "there is none".
        "purposes": "notices/parts/purposes.html",
        "transfers": "notices/parts/transfers.html",
        "automated_decisions": "notices/parts/automated_decisions.html",
    }.get(key)
    if template is None or (key == "legal_basis" and content.get("purposes")):
        return Markup("")  # per-purpose bases are shown with each purpose
    html = render_template(
        template, content=content, lang=lang, legal_bases=LEGAL_BASES, roles=RECIPIENT_ROLES,
        purposes=processing_view.purposes(content, lang),
        transfers=processing_view.transfers(content, lang), no_automated=NO_AUTOMATED,
        special_conditions=SPECIAL_CONDITIONS, recipient_name=recipient_name,
        controllers=controllers_of(content), role_labels=ROLE_LABELS, markdown=render_markdown,
        rights=RIGHTS, notes=NOTES, applicability=applicability(content["legal_bases"]),
        # Absolute, so that the same article works in the PDF.
        request_url=absolute_link("dsr.new", lang_code=lang, register=content["slug"]),
    )
    return Markup(html)  # noqa: S704 - output of an autoescaped template


def article_html(version: NoticeVersion, lang: str) -> bytes:
    """The notice body (contents list and sections), shared by the page and the PDF."""
    html = render_template(
        "notices/article.html",
        content=version.content,
        lang=lang,
        sections=sections(version.content, lang),
        # The summary stands under the title (h1), before the parts.
        summary=render_markdown(version.content["summary"].get(lang, ""), top=2),
    )
    return html.encode("utf-8")


def pdf_bytes(version: NoticeVersion, lang: str, article: bytes) -> bytes:
    """The notice as a tagged PDF in ``lang``, with the version date on every page."""
    html = render_template(
        "pdf/notice.html",
        content=version.content,
        lang=lang,
        version=version,
        published=format_date(version.published_at, "long"),
        article=Markup(article.decode("utf-8")),  # noqa: S704 - our autoescaped rendering
    )
    return render_pdf(html, Path(current_app.static_folder))
