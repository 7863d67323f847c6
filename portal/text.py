"""Notice text: Markdown rendered to HTML and then sanitised.

Editors write Markdown; the public sees HTML. Raw HTML in the source is not rendered (markdown-it
with ``html`` off) and the output is still cleaned by nh3 with a short allow-list, so neither a
careless paste nor a hostile editor can put script, styles or event handlers on a public page.
Headings inside a section start at level 3, below the page's section headings.
"""

from __future__ import annotations

import re

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

ALLOWED_TAGS = {
    "p", "br", "ul", "ol", "li", "strong", "em", "a", "h3", "h4", "h5", "h6",
    "blockquote", "code", "pre", "table", "thead", "tbody", "tr", "th", "td", "hr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
#: A link a reader can follow from the page and from the PDF alike. A relative or
#: protocol-relative address (``/page``, ``//host``) has no base in a PDF, where WeasyPrint
#: turns it into a ``file://`` link (security review finding 9).
ABSOLUTE_LINK = re.compile(r"^(https?://[^/\s]|mailto:|tel:|#)", re.IGNORECASE)
TOP_HEADING_LEVEL = 3

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")


def _demote_headings(tokens) -> None:
    for token in tokens:
        if token.type in {"heading_open", "heading_close"}:
            level = int(token.tag[1])
            token.tag = f"h{min(6, max(TOP_HEADING_LEVEL, level + TOP_HEADING_LEVEL - 1))}"


def _links(tokens):
    for token in tokens:
        if token.type == "link_open":
            yield token.attrGet("href") or ""
        yield from _links(token.children or ())


def unsafe_links(source: str) -> list[str]:
    """The link targets in ``source`` that are not full addresses; notices refuse them."""
    return [href for href in _links(_markdown.parse(source or ""))
            if not ABSOLUTE_LINK.match(href)]


def _keep_absolute_links(element: str, attribute: str, value: str) -> str | None:
    if element == "a" and attribute == "href" and not ABSOLUTE_LINK.match(value):
        return None  # older versions may hold one: show the words, drop the link
    return value


def render_markdown(source: str) -> Markup:
    """Render ``source`` to safe HTML for a notice section."""
    tokens = _markdown.parse(source or "")
    _demote_headings(tokens)
    html = _markdown.renderer.render(tokens, _markdown.options, {})
    return Markup(  # noqa: S704 - nh3 has removed everything outside the allow-list
        nh3.clean(
            html,
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes=URL_SCHEMES,
            attribute_filter=_keep_absolute_links,
            link_rel="noopener noreferrer",
        )
    )


def plain_text(source: str) -> str:
    """The words of a Markdown text without markup, for search and PDF metadata."""
    return nh3.clean(str(render_markdown(source)), tags=set()).strip()
