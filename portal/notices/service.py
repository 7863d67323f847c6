"""Notice operations on an explicit session: import files, find what is published, cache renders.

Callers commit. Every function raises a named error rather than returning ``None`` so that views
and commands turn failures into one clear message.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, defer, joinedload

from .. import audit
from ..i18n import translated
from . import moves, pagecache, search
from .completeness import Finding, check, describe
from .fileformat import FieldError, NoticeFileError, content_digest, read_notice_file
from .joint import controllers_of
from .models import Controller, NoticeVersion, Register, Rendition, SearchText


class NoticeNotFound(LookupError):
    """No published notice has this slug."""


class NoticeImportError(ValueError):
    """One or more notice files were refused; nothing was imported."""

    def __init__(self, errors: list[NoticeFileError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


class IncompleteImport(ValueError):
    """Files lack what the law requires and no override reason was given; nothing was imported."""

    def __init__(self, findings: dict[Path, list[Finding]]) -> None:
        self.findings = findings
        lines = [f"  {path}: {describe(f)}" for path, found in findings.items() for f in found]
        super().__init__("\n".join([
            "not imported: the notices lack what GDPR Arts. 13-14 require:", *lines,
            'publish them anyway only with --override "the reason"']))


@dataclass(frozen=True)
class ImportResult:
    slug: str
    version: int
    created: bool


def notice_files(paths: Iterable[Path]) -> list[Path]:
    """Expand folders to the ``*.toml`` files in them, in name order."""
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(path.glob("*.toml")) if path.is_dir() else [path])
    return files


def import_notices(session: Session, paths: Iterable[Path], *,
                   override_reason: str = "", move_reason: str = "") -> list[ImportResult]:
    """Validate every file first, then import all of them, or none if any is bad.

    A file that would publish a new version while the completeness check finds it lacking
    (GDPR Arts. 13-14) is refused unless ``override_reason`` says why it is published anyway,
    the same gate as the editor's; the import, the findings passed over and the reason are
    recorded in the audit trail (Art. 5(2) accountability).
    """
    contents, errors = [], []
    for path in notice_files(paths):
        try:
            contents.append((path, read_notice_file(path)))
        except NoticeFileError as exc:
            errors.append(exc)
    seen: dict[str, int] = {}
    for _path, content in contents:
        seen[content["slug"]] = seen.get(content["slug"], 0) + 1
    errors.extend(
        NoticeFileError(slug, [FieldError("slug", "two files describe the same register")])
        for slug, n in seen.items()
        if n > 1
    )
    if errors:
        raise NoticeImportError(errors)
    override_reason = override_reason.strip()
    findings = {path: check(content) for path, content in contents
                if not _unchanged(session, content)}
    lacking = {path: found for path, found in findings.items() if found}
    if lacking and not override_reason:
        raise IncompleteImport(lacking)
    results = []
    for path, content in contents:
        result = publish(session, content, move_reason=move_reason)
        results.append(result)
        if result.created:
            _audit_import(session, path, result, findings[path], override_reason)
    return results


def _unchanged(session: Session, content: dict) -> bool:
    register_id = session.scalar(select(Register.id).where(Register.slug == content["slug"]))
    latest = latest_of(session, register_id) if register_id is not None else None
    return latest is not None and latest.content_sha256 == content_digest(content)


def _audit_import(session: Session, path: Path, result: ImportResult,
                  findings: list[Finding], reason: str) -> None:
    """The import and, when it passed over findings, the override, as the editor records them."""
    target = f"register:{result.slug}"
    controller_id = session.scalar(
        select(Register.controller_id).where(Register.slug == result.slug))
    if findings:
        audit.record(session, "notice.override", target=target, controller_id=controller_id,
                     before={"findings": [describe(f) for f in findings]},
                     after={"reason": reason, "version": result.version})
    audit.record(session, "notice.import", target=target, controller_id=controller_id,
                 after={"version": result.version, "file": path.name})


def upsert_controller(session: Session, details: dict) -> Controller:
    """Create the controller or bring its details up to date from a notice."""
    controller = session.scalar(select(Controller).where(Controller.slug == details["slug"]))
    if controller is None:
        controller = Controller(slug=details["slug"])
        session.add(controller)
    for key, value in details.items():
        if key != "slug" and getattr(controller, key) != value:
            setattr(controller, key, value)
    return controller


def publish(session: Session, content: dict, published_by: int | None = None, *,
            move_reason: str = "") -> ImportResult:
    """Publish ``content`` as the register's next version, unless it equals the latest one.

    A notice that names another keeper moves the register only with ``move_reason``
    (:mod:`.moves`).
    """
    controller = upsert_controller(session, content["controller"])
    moves.upsert_others(session, content, upsert_controller)
    register = session.scalar(select(Register).where(Register.slug == content["slug"]))
    if register is None:
        register = Register(slug=content["slug"], controller=controller)
        session.add(register)
        session.flush()
    elif register.controller.slug != controller.slug:
        moves.move(session, register, controller, move_reason, published_by)
    digest = content_digest(content)
    latest = latest_of(session, register.id)
    if latest is not None and latest.content_sha256 == digest:
        return ImportResult(register.slug, latest.number, created=False)
    number = (latest.number if latest else 0) + 1
    pagecache.clear()
    version = NoticeVersion(register=register, number=number, content=content,
                            content_sha256=digest, published_by=published_by)
    session.add(version)
    session.flush()
    session.add_all(search.rows_for(version.id, content))
    session.flush()
    return ImportResult(register.slug, number, created=True)


def latest_of(session: Session, register_id: int) -> NoticeVersion | None:
    """The register's newest version (content not loaded), or None before its first."""
    return session.scalar(
        select(NoticeVersion)
        .where(NoticeVersion.register_id == register_id)
        .order_by(NoticeVersion.number.desc())
        .limit(1)
        .options(defer(NoticeVersion.content))
    )


def latest_published(session: Session, slug: str) -> NoticeVersion:
    """The newest published version of a register, listed or withdrawn."""
    version = session.scalar(
        select(NoticeVersion)
        .join(Register)
        .where(Register.slug == slug)
        .order_by(NoticeVersion.number.desc())
        .limit(1)
        .options(defer(NoticeVersion.content))
    )
    if version is None:
        raise NoticeNotFound(slug)
    return version


def versions_of(session: Session, slug: str) -> list[NoticeVersion]:
    """Every published version of a register, newest first (its old versions stay public)."""
    versions = list(session.scalars(
        select(NoticeVersion).join(Register).where(Register.slug == slug)
        .order_by(NoticeVersion.number.desc()).options(defer(NoticeVersion.content))))
    if not versions:
        raise NoticeNotFound(slug)
    return versions


def version_by_number(session: Session, slug: str, number: int) -> NoticeVersion:
    version = session.scalar(select(NoticeVersion).join(Register).where(
        Register.slug == slug, NoticeVersion.number == number))
    if version is None:
        raise NoticeNotFound(f"{slug} {number}")
    return version


def latest_content(session: Session, slug: str) -> dict:
    """The content of the register's newest version (for export)."""
    return session.get(NoticeVersion, latest_published(session, slug).id).content


def published_index(session: Session, query: str = "", lang: str = "fi") -> list[NoticeVersion]:
    """Latest versions of listed registers, by controller and title; filtered by ``query``."""
    newest = (
        select(NoticeVersion.register_id, func.max(NoticeVersion.number).label("number"))
        .group_by(NoticeVersion.register_id)
        .subquery()
    )
    statement = (
        select(NoticeVersion)
        .join(newest, (NoticeVersion.register_id == newest.c.register_id)
              & (NoticeVersion.number == newest.c.number))
        .join(Register)
        .where(Register.listed.is_(True))
        .options(joinedload(NoticeVersion.register).joinedload(Register.controller))
    )
    words = query.casefold().split()[:10]
    if words:
        statement = statement.join(SearchText, (SearchText.version_id == NoticeVersion.id)
                                   & (SearchText.locale == lang)).where(search.matches(words))
    versions = session.scalars(statement).all()
    return sorted(
        versions,
        key=lambda v: (v.register.controller.name.get(lang, ""),
                       translated(v.content["title"], lang)),
    )


def rendition(
    session: Session, version_id: int, locale: str, kind: str, build: str,
    produce: Callable[[], bytes],
) -> bytes:
    """Return the stored rendering, producing and storing it on first use.

    Two workers rendering the same version at once both succeed; the second insert is dropped.
    """
    stored = session.get(Rendition, (version_id, locale, kind, build))
    if stored is not None:
        return stored.body
    body = produce()
    try:
        with session.begin_nested():
            session.add(
                Rendition(version_id=version_id, locale=locale, kind=kind, build=build, body=body)
            )
    except IntegrityError:
        pass  # another worker stored the same bytes first
    return body


def index_groups(session: Session, versions: list[NoticeVersion], lang: str
                 ) -> list[tuple[Controller, list[NoticeVersion]]]:
    """The index by organisation: a register of several controllers is listed under each
    (``[[controllers]]``), so a reader finds it under every city that holds it."""
    slugs = {c["slug"] for v in versions for c in controllers_of(v.content)}
    by_slug = {c.slug: c for c in session.scalars(
        select(Controller).where(Controller.slug.in_(slugs)))}
    groups: dict[str, list[NoticeVersion]] = {}
    for version in versions:
        for listed in controllers_of(version.content):
            if listed["slug"] in by_slug:
                groups.setdefault(listed["slug"], []).append(version)
    return sorted(((by_slug[slug], members) for slug, members in groups.items()),
                  key=lambda group: group[0].name.get(lang, ""))
