"""Views of the public notices. Thin: look up, render once, answer conditional requests."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime

from flask import Response, abort, current_app, render_template, request, url_for
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from markupsafe import Markup
from werkzeug.http import is_resource_modified

from ..db import get_session
from ..extensions import limiter
from ..i18n import current_locale
from . import bp, diff, pagecache, render, service
from .jsonld import notice_jsonld
from .languages import declared, shown_language, text_language
from .models import NoticeVersion
from .sections import SECTIONS


@bp.app_template_filter("isodate")
def isodate(value: str) -> date:
    """A notice's own date (stored as ``2025-01-31``) as a date, for ``dateformat``."""
    return date.fromisoformat(value)


@bp.app_template_global("lang_attr")
def lang_attr(texts: dict | None) -> Markup:
    """`` lang="fi"`` when the ``tr`` filter shows ``texts`` in another language than the
    page's (a notice not published in it), so a screen reader reads it right (WCAG 3.1.2)."""
    page = current_locale()
    code = text_language(texts, page)
    return Markup(' lang="{0}"').format(code) if code != page else Markup("")


def _conditional(etag: str, modified: datetime, mimetype: str,
                 produce: Callable[[], bytes]) -> Response:
    """Answer 304 when the client's copy is current; otherwise produce the body.

    Responses may be cached but must be revalidated, so a new version shows at once.
    """
    response = Response(mimetype=mimetype)
    response.set_etag(etag)
    response.last_modified = modified
    response.cache_control.public = True
    response.cache_control.no_cache = True
    if not is_resource_modified(request.environ, etag=etag, last_modified=modified):
        response.status_code = 304
        return response
    response.set_data(produce())
    return response


def _version(slug: str) -> NoticeVersion:
    try:
        return service.latest_published(get_session(), slug)
    except service.NoticeNotFound:
        abort(404)


def _article(version: NoticeVersion, lang: str, build: str) -> bytes:
    """The article in ``lang``, one of the notice's declared languages, headings included."""
    def produce() -> bytes:
        with force_locale(lang):
            return render.article_html(version, lang)

    return service.rendition(get_session(), version.id, lang, "html", build, produce)


def _respond(version: NoticeVersion, kind: str, mimetype: str,
             produce: Callable[[str], bytes]) -> Response:
    lang, build = current_locale(), render.build_id()
    etag = f"{version.id}-{lang}-{kind}-{build}"

    def body() -> bytes:
        data = produce(build)
        get_session().commit()  # keep what was rendered for the next reader
        return data

    return _conditional(etag, version.published_at, mimetype, body)


@bp.get("/")
def index():
    query = request.args.get("q", "", type=str)[:200]
    session, lang = get_session(), current_locale()
    versions = service.published_index(session, query, lang)
    return render_template("notices/index.html", versions=versions, query=query,
                           groups=service.index_groups(session, versions, lang))


def _notice_page(slug: str, version: NoticeVersion | None = None) -> Response:
    """The current notice, or with ``version`` one numbered version (titled with its number)."""
    latest = _version(slug)
    numbered = version is not None
    version = version or latest
    shown = shown_language(version.content, current_locale())

    def page(build: str) -> bytes:
        article = _article(version, shown, build)
        return render_template(
            "notices/notice.html", version=version, content=version.content,
            article=article.decode("utf-8"), latest=latest, numbered=numbered,
            shown=shown, declared=declared(version.content),
        ).encode("utf-8")

    # The page links to the newest version, so its ETag must change when a new one appears.
    kind = f"page{latest.number}{'-numbered' if numbered else ''}"
    return _respond(version, kind, "text/html", page)


@bp.get("/registers/<slug:slug>")
@pagecache.cacheable
def notice(slug: str):
    return _notice_page(slug)


@bp.get("/privacy")
@pagecache.cacheable
def privacy():
    """The portal's own privacy notice: the portal keeps requesters' data, so it is a register."""
    return _notice_page(current_app.config["PORTAL"].privacy_register)


@bp.get("/registers/<slug:slug>.pdf")
@pagecache.cacheable
def notice_pdf(slug: str):
    version = _version(slug)
    lang = shown_language(version.content, current_locale())  # the PDF is in one language

    def produce(build: str) -> bytes:
        with force_locale(lang):
            return render.pdf_bytes(version, lang, _article(version, lang, build))

    def pdf(build: str) -> bytes:
        return service.rendition(get_session(), version.id, lang, "pdf", build,
                                 lambda: produce(build))

    response = _respond(version, "pdf", "application/pdf", pdf)
    response.headers["Content-Disposition"] = f'inline; filename="{slug}-{lang}.pdf"'
    return response


def _editions(slug: str, languages: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """The addresses of the notice's page, PDF and JSON-LD in each of its ``languages``."""
    endpoints = {"page": "notices.notice", "pdf": "notices.notice_pdf",
                 "jsonld": "notices.notice_jsonld_view"}
    return {lang: {kind: url_for(endpoint, slug=slug, lang_code=lang, _external=True)
                   for kind, endpoint in endpoints.items()}
            for lang in languages}


@bp.get("/registers/<slug:slug>.jsonld")
@pagecache.cacheable
def notice_jsonld_view(slug: str):
    version = _version(slug)
    lang = shown_language(version.content, current_locale())  # declared languages only

    def document(_build: str) -> bytes:
        data = notice_jsonld(
            version.content,
            url=url_for("notices.notice", slug=slug, lang_code=lang, _external=True),
            request_url=url_for("dsr.new", register=slug, lang_code=lang, _external=True),
            lang=lang,
            number=version.number,
            issued=version.published_at.isoformat(),
            base_url=current_app.config["PORTAL"].base_url,
            slug=slug,
            editions=_editions(slug, declared(version.content)),
        )
        return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")

    return _respond(version, "jsonld", "application/ld+json", document)


@bp.get("/registers/<slug:slug>/versions")
def versions(slug: str):
    try:
        found = service.versions_of(get_session(), slug)
    except service.NoticeNotFound:
        abort(404)
    latest = get_session().get(NoticeVersion, found[0].id)
    return render_template("notices/versions.html", versions=found, slug=slug,
                           title=latest.content["title"])


@bp.get("/registers/<slug:slug>/versions/<int:number>")
@pagecache.cacheable
def version_page(slug: str, number: int):
    try:
        version = service.version_by_number(get_session(), slug, number)
    except service.NoticeNotFound:
        abort(404)
    return _notice_page(slug, version)


@bp.get("/registers/<slug:slug>/versions/compare")
@limiter.limit("30 per minute")
def compare(slug: str):
    """What changed between two versions (``?from=1&to=2``), in the reader's language."""
    session = get_session()
    try:
        old = service.version_by_number(session, slug, request.args.get("from", 0, type=int))
        new = service.version_by_number(session, slug, request.args.get("to", 0, type=int))
    except service.NoticeNotFound:
        abort(404)
    titles = {"title": str(_l("Title")), **{s.key: str(s.title) for s in SECTIONS}}
    shown = shown_language(new.content, current_locale())
    parts = diff.cached_compare(old.content_sha256, old.content, new.content_sha256,
                                new.content, shown, titles)
    return render_template("notices/compare.html", old=old, new=new, parts=parts, slug=slug,
                           title=new.content["title"])
