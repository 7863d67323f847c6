"""Notice text: Markdown rendered to HTML and then sanitised.

Editors write Markdown; the public sees HTML. Raw HTML in the source is not rendered (markdown-it
with ``html`` off) and the output is still cleaned by nh3 with a short allow-list, so neither a
careless paste nor a hostile editor can put script, styles or event handlers on a public page.
Headings inside a part start one level below the part's own heading (h2 on the page and in the
PDF), whatever level the editor began with, and never skip a level (WCAG 1.3.1; PDF/UA-1
§7.4.2): a part written with ``####`` and then ``######`` gets h3 and h4.

A passage in another language is marked ``[på svenska]{lang=sv}`` (the attribute syntax of
mdit-py-plugins) and becomes ``<span lang="sv">``, so that a screen reader switches its voice
(WCAG 3.1.2). Only ``lang`` survives the sanitiser, and only with a language tag Babel knows.
A table is put in a region of its own that scrolls sideways on a narrow screen (WCAG 1.4.10).
Links must be full addresses: a relative one has no base in a PDF (security review finding 9).
"""

from __future__ import annotations

import re
from html import escape, unescape

import nh3
from babel import Locale, UnknownLocaleError
from markdown_it import MarkdownIt
from markupsafe import Markup
from mdit_py_plugins.attrs import attrs_plugin

ALLOWED_TAGS = {
    "p", "br", "ul", "ol", "li", "strong", "em", "a", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "code", "pre", "table", "thead", "tbody", "tr", "th", "td", "hr", "span",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "lang"}, "span": {"lang"}, "th": {"scope"},
                      "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
#: A link a reader can follow from the page and from the PDF alike. A relative or
#: protocol-relative address (``/page``, ``//host``) has no base in a PDF, where WeasyPrint
#: turns it into a ``file://`` link (security review finding 9).
ABSOLUTE_LINK = re.compile(r"^(https?://[^/\s]|mailto:|tel:|#)", re.IGNORECASE)
TOP_HEADING_LEVEL = 3

_markdown = (MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
             .use(attrs_plugin, spans=True))


def _links(tokens):
    for token in tokens:
        if token.type == "link_open":
            yield token.attrGet("href") or ""
        yield from _links(token.children or ())


def unsafe_links(source: str) -> list[str]:
    """The link targets in ``source`` that are not full addresses; notices refuse them."""
    return [href for href in _links(_markdown.parse(source or ""))
            if not ABSOLUTE_LINK.match(href)]


#: Reads the same text with HTML recognised, only to find it: rendering never lets it through.
_html_finder = MarkdownIt("commonmark", {"html": True}).enable("table")


def raw_html_lines(source: str) -> list[int]:
    """The lines (from 1) of ``source`` holding raw HTML, which a notice would show as text.

    Texts copied from an old web page often carry ``<br/>`` or ``<p>``; refusing them with the
    line lets the editor write Markdown instead of publishing ``&lt;br/&gt;`` (issue 15).
    """
    lines: set[int] = set()
    for token in _html_finder.parse(source or ""):
        if token.type == "html_block" or (
                token.type == "inline" and any(child.type == "html_inline"
                                               for child in token.children or ())):
            lines.add(token.map[0] + 1 + _first_html_line(token))
    return sorted(lines)


def _first_html_line(token) -> int:
    """Lines into an inline token before its first HTML tag (0 for an HTML block)."""
    if token.type == "html_block":
        return 0
    offset = 0
    for child in token.children:
        if child.type == "html_inline":
            return offset
        offset += child.type in ("softbreak", "hardbreak")
    return offset


def _attribute(tag: str, attribute: str, value: str) -> str | None:
    """Keep a ``lang`` only when it names a language (``sv``, ``se``, ``en-GB``), and a link
    only to a full address (older versions may hold another: the words stay, the link goes)."""
    if tag == "a" and attribute == "href" and not ABSOLUTE_LINK.match(value):
        return None
    if attribute != "lang":
        return value
    try:
        Locale.parse(value, sep="-")
    except (ValueError, UnknownLocaleError):
        return None
    return value


def heading_levels(levels: list[int], top: int = TOP_HEADING_LEVEL) -> list[int]:
    """Levels for headings written at ``levels``: the first at ``top``, none skipping one.

    A heading deeper than the one before goes one level down; one as deep as an earlier
    heading gets that heading's level; one shallower than every earlier heading goes to ``top``.
    """
    result: list[int] = []
    open_headings: list[tuple[int, int]] = []  # (written level, given level), outermost first
    for level in levels:
        while open_headings and open_headings[-1][0] > level:
            open_headings.pop()
        if open_headings and open_headings[-1][0] == level:
            given = open_headings.pop()[1]
        else:
            given = open_headings[-1][1] + 1 if open_headings else top
        given = min(6, given)
        open_headings.append((level, given))
        result.append(given)
    return result


def _place_headings(tokens, top: int) -> None:
    opening = [token for token in tokens if token.type == "heading_open"]
    closing = [token for token in tokens if token.type == "heading_close"]
    for level, start, end in zip(heading_levels([int(t.tag[1]) for t in opening], top),
                                 opening, closing, strict=True):
        start.tag = end.tag = f"h{level}"


_TABLE = re.compile(r"<table>(.*?)</table>", re.S)
_HEADER_CELL = re.compile(r"<th[^>]*>(.*?)</th>", re.S)
_TAG = re.compile(r"<[^>]+>")


def _scrolling_table(match: re.Match) -> str:
    """A table in its own focusable region, named by its column headings (WCAG 1.4.10)."""
    headings = [unescape(_TAG.sub("", cell)).strip() for cell in _HEADER_CELL.findall(match[1])]
    name = escape(", ".join(h for h in headings if h), quote=True)
    return (f'<div class="table-scroll" role="region" tabindex="0" aria-label="{name}">'
            f"{match[0]}</div>")


def render_markdown(source: str, *, top: int = TOP_HEADING_LEVEL) -> Markup:
    """Render ``source`` to safe HTML whose first heading is at level ``top``."""
    tokens = _markdown.parse(source or "")
    _place_headings(tokens, top)
    html = _markdown.renderer.render(tokens, _markdown.options, {})
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_attribute,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        set_tag_attribute_values={"th": {"scope": "col"}},  # Markdown's header row only
    )
    # After cleaning: the wrapper is ours, its name escaped text from the cleaned table.
    return Markup(_TABLE.sub(_scrolling_table, clean))  # noqa: S704


def plain_text(source: str) -> str:
    """The words of a Markdown text without markup, for search and PDF metadata."""
    return nh3.clean(str(render_markdown(source)), tags=set()).strip()
