"""Drafting, publishing and withdrawing register descriptions, and organisations' details.

Every function works on an explicit session, writes its audit entry in the caller's transaction
and raises a named error; callers commit. Who may do what is decided here, not in the views:
editors and DPOs edit their own organisations' registers, and only a DPO may publish a notice
that the completeness check finds lacking (GDPR Arts. 13-14, legal rules §3).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, object_session
from sqlalchemy.orm.exc import StaleDataError

from .. import audit
from ..notices import service as notices
from ..notices.completeness import Finding, check, describe
from ..notices.fileformat import FORMAT_VERSION, content_digest, parse_notice
from ..notices.models import Controller, NoticeVersion, Register
from ..notices.processing import DERIVED
from . import joint
from .changes import changes
from .models import NoticeDraft

EDITOR_ROLES = frozenset({"editor", "dpo"})
OVERRIDE_ROLES = frozenset({"dpo"})
CONTROLLER_FIELDS = ("name", "address", "email", "phone", "website", "dpo_email", "dpo_phone")


class EditorError(Exception):
    """Base of the editor's refusals."""


class SlugTaken(EditorError):
    """Another register already has this address."""


class DraftConflict(EditorError):
    """Someone saved, published or discarded the draft after this form was opened."""


class NothingToPublish(EditorError):
    """There is no draft, or it says exactly what the published version says."""


class IncompleteNotice(EditorError):
    """The draft lacks what the law requires; only the DPO may publish it anyway."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        super().__init__(f"{len(findings)} findings")


class OverrideRefused(EditorError):
    """The override was asked for by someone who is not a DPO, or without a reason."""


def may_edit(role: str) -> bool:
    return role in EDITOR_ROLES


def may_override(role: str) -> bool:
    return role in OVERRIDE_ROLES


def controller_details(controller: Controller) -> dict:
    """The controller's details in the notice file structure."""
    details = {key: getattr(controller, key) for key in CONTROLLER_FIELDS}
    if controller.business_id:  # only when given, so older notices' content stays the same
        details["business_id"] = controller.business_id
    if controller.remedy:  # decision settings, as a notice file gives them (legal rules §5)
        details |= {"public_authority": controller.public_authority,
                    "remedy": dict(controller.remedy)}
    return {"slug": controller.slug, **details, "address": dict(controller.address or {})}


def draft_of(session: Session, register: Register) -> NoticeDraft | None:
    return session.get(NoticeDraft, register.id)


def editable_content(session: Session, register: Register) -> dict:
    """What the editor opens: the saved draft, else the newest published version."""
    draft = draft_of(session, register)
    if draft is not None:
        return dict(draft.content)
    latest = notices.latest_of(session, register.id)
    content = dict(session.get(NoticeVersion, latest.id).content)
    content.pop("controller", None)
    return content


def full_content(register: Register, draft_content: dict) -> dict:
    """The notice as it would be published now: the draft with the controller's details
    (each controller's, when it has several: ``editor.joint``)."""
    if draft_content.get("controllers"):
        draft_content = {key: value for key, value in draft_content.items()
                         if key != "controller"}
        return joint.current_details(object_session(register), draft_content,
                                     controller_details)
    return {**draft_content, "controller": controller_details(register.controller)}


def draft_notice(register: Register, draft_content: dict) -> dict:
    """The draft parsed as the notice it would publish. A format-2 notice's register-wide codes
    are derived from its purposes again rather than read, since a notice file may not give
    both (``processing.DERIVED``)."""
    content = full_content(register, draft_content)
    if content.get("purposes"):
        content = {key: value for key, value in content.items() if key not in DERIVED}
    return parse_notice(content, register.slug, complete=False)


def create_register(session: Session, controller: Controller, slug: str, title: dict,
                    actor_id: int, *, languages: list[str] | None = None) -> Register:
    """A new register with a first draft; the public sees nothing until it is published.

    ``languages``: the languages it is published in (None: all three, ``notices.languages``).
    """
    if session.scalar(select(Register.id).where(Register.slug == slug)) is not None:
        raise SlugTaken(slug)
    register = Register(slug=slug, controller=controller)
    session.add(register)
    session.flush()
    content = parse_notice({"format": FORMAT_VERSION, "slug": slug, "title": title,
                            "sections": {}, "controller": controller_details(controller),
                            **({"languages": languages} if languages else {})},
                           complete=False)
    content.pop("controller")
    session.add(NoticeDraft(register_id=register.id, content=content, updated_by=actor_id))
    audit.record(session, "register.create", actor_id=actor_id, target=f"register:{slug}",
                 controller_id=controller.id, after={"slug": slug, "title": title})
    session.flush()
    return register


def save_draft(session: Session, register: Register, content: dict, lock: int | None,
               actor_id: int) -> NoticeDraft:
    """Keep ``content`` (parsed with ``complete=False``) as the register's draft.

    ``lock`` is the draft's counter when the form was opened (None: there was no draft).
    """
    draft = draft_of(session, register)
    before = editable_content(session, register)
    if (draft.lock if draft else None) != lock:
        raise DraftConflict(register.slug)
    content = {key: value for key, value in content.items() if key != "controller"}
    if draft is None:
        latest = notices.latest_of(session, register.id)
        draft = NoticeDraft(register_id=register.id, content=content, updated_by=actor_id,
                            based_on=latest.number if latest else None)
        session.add(draft)
    else:
        draft.content = content
        draft.updated_by = actor_id
    old, new = changes(before, content)
    audit.record(session, "notice.save", actor_id=actor_id, target=f"register:{register.slug}",
                 controller_id=register.controller_id, before=old, after=new)
    _flush(session, register)
    return draft


def discard_draft(session: Session, register: Register, lock: int, actor_id: int) -> None:
    """Drop the draft; the published version stays as it is."""
    draft = draft_of(session, register)
    if draft is None or draft.lock != lock:
        raise DraftConflict(register.slug)
    if notices.latest_of(session, register.id) is None:
        raise NothingToPublish(register.slug)  # a new register's only text; keep it
    audit.record(session, "notice.discard", actor_id=actor_id,
                 target=f"register:{register.slug}", controller_id=register.controller_id,
                 before={"draft": draft.content})
    session.delete(draft)
    _flush(session, register)


def publish_draft(session: Session, register: Register, lock: int, actor, *,
                  override_reason: str = "") -> NoticeVersion:
    """Publish the draft as the register's next immutable version, recording who and when.

    A draft with completeness findings needs the DPO's override with a reason; the override is
    audited with the findings it passed over.
    """
    draft = draft_of(session, register)
    if draft is None and lock is None:
        raise NothingToPublish(register.slug)
    if draft is None or draft.lock != lock:  # published, discarded or saved by someone else
        raise DraftConflict(register.slug)
    content = draft_notice(register, draft.content)
    latest = notices.latest_of(session, register.id)
    if latest is not None and latest.content_sha256 == content_digest(content):
        raise NothingToPublish(register.slug)
    findings = check(content)
    override_reason = override_reason.strip()
    if findings and not override_reason:
        raise IncompleteNotice(findings)
    if findings and not may_override(actor.role):
        raise OverrideRefused(actor.role)
    before = session.get(NoticeVersion, latest.id).content if latest else {}
    try:
        result = notices.publish(session, content, published_by=actor.id)
    except IntegrityError:  # another publisher took this version number first
        raise DraftConflict(register.slug) from None
    target, org = f"register:{register.slug}", register.controller_id
    if findings:
        audit.record(session, "notice.override", actor_id=actor.id, target=target,
                     controller_id=org, before={"findings": [describe(f) for f in findings]},
                     after={"reason": override_reason, "version": result.version})
    old, new = changes(before, content)
    audit.record(session, "notice.publish", actor_id=actor.id, target=target, controller_id=org,
                 before={"version": latest.number if latest else None, **old},
                 after={"version": result.version, **new})
    session.delete(draft)
    _flush(session, register)
    return notices.version_by_number(session, register.slug, result.version)


def set_listed(session: Session, register: Register, listed: bool, actor_id: int) -> None:
    """Withdraw a register from the public index, or return it; its versions stay readable."""
    if register.listed == listed:
        return
    audit.record(session, "notice.withdraw" if not listed else "notice.relist",
                 actor_id=actor_id, target=f"register:{register.slug}",
                 controller_id=register.controller_id,
                 before={"listed": register.listed}, after={"listed": listed})
    register.listed = listed
    session.flush()


def save_controller(session: Session, controller: Controller, details: dict,
                    actor_id: int) -> None:
    """Update an organisation's details; each register shows them from its next version on."""
    before = controller_details(controller)
    for key in CONTROLLER_FIELDS:
        setattr(controller, key, details[key])
    controller.business_id = details.get("business_id", "")
    old, new = changes(before, controller_details(controller))
    audit.record(session, "controller.save", actor_id=actor_id,
                 target=f"controller:{controller.slug}", controller_id=controller.id,
                 before=old, after=new)
    session.flush()


def _flush(session: Session, register: Register) -> None:
    try:
        session.flush()
    except (StaleDataError, IntegrityError):  # another save won the race
        raise DraftConflict(register.slug) from None
