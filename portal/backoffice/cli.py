"""``flask --app portal staff ...``: create staff accounts; a demo DPO for development."""

from __future__ import annotations

import click
import pyotp
import segno
from flask import current_app
from flask.cli import AppGroup
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from .. import audit
from ..db import get_session, utcnow
from ..deadlines import HELSINKI
from ..dsr import service, written_decision
from ..dsr.models import DataRequest
from ..dsr.workflow import OPEN
from ..mail.compose import absolute_link, queue_mail
from ..notices.models import Controller
from . import accounts, reminders
from .models import ROLES

staff_cli = AppGroup("staff", help="Staff accounts of the back office.")
deadlines_cli = AppGroup("deadlines", help="Deadline reminders for the staff.")

DEMO_EMAIL = "dpo@demo.invalid"
DEMO_PASSWORD = "demo-password-1"  # noqa: S105 - development only, refused in production


def _print_enrolment(user) -> None:
    uri = accounts.provisioning_uri(user)
    click.echo(f"Authenticator (TOTP) provisioning URI:\n{uri}")
    segno.make(uri, error="m").terminal(compact=True)


@staff_cli.command("create")
@click.argument("email")
@click.option("--org", "orgs", multiple=True, required=True, help="Controller slug; repeatable.")
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.option("--name", default="")
@click.option("--lang", type=click.Choice(["fi", "sv", "en"]), default="fi")
@click.option("--decision-maker/--no-decision-maker", default=None,
              help="May send refusals and partial decisions (default: only a DPO).")
@click.option("--invite", is_flag=True,
              help="Mail the person a link to set their password and authenticator app, "
                   "instead of asking for a password here.")
@click.option("--password", help="At least 12 characters (asked for unless --invite).")
def create(email: str, orgs: tuple[str, ...], role: str, name: str, lang: str,
           decision_maker: bool | None, invite: bool, password: str | None) -> None:
    """Create a staff account: invite the person by mail, or print its otpauth:// URI."""
    session = get_session()
    if accounts.by_email(session, email) is not None:
        raise click.ClickException(f"{email} already has an account")
    details = {"email": email, "role": role, "controller_slugs": list(orgs), "name": name,
               "locale": lang, "decision_maker": decision_maker}
    try:
        if invite:
            user, token = accounts.invite_staff(session, **details, now=utcnow())
            queue_mail(session, recipient=user.email, lang=user.locale,
                       subject=_l("Your privacy portal staff account"), template="staff_invite",
                       context={"link": absolute_link("backoffice.reset", token=token,
                                                      lang=user.locale)})
        else:
            password = password or click.prompt("Password", hide_input=True,
                                                confirmation_prompt=True)
            user = accounts.create_staff(session, password=password, **details)
    except accounts.CommonPassword:
        raise click.ClickException("this password is too common or has appeared in data "
                                   "breaches: choose another one") from None
    except accounts.WeakPassword:
        raise click.ClickException(f"use at least {accounts.MIN_PASSWORD} characters") from None
    except accounts.UnknownController as exc:
        raise click.ClickException(f"no controller with slug {exc}") from None
    audit.record(session, "staff.create", target=f"staff:{user.id}",
                 organisations=user.controllers,
                 after={"email": user.email, "role": role, "orgs": list(orgs), "invited": invite,
                        "decision_maker": user.decision_maker})
    session.commit()
    click.echo(f"Created {user.email} ({role}) for {', '.join(orgs)}.")
    if invite:
        click.echo("An invitation to set a password and the authenticator app was mailed; "
                   "the link is valid for seven days.")
    else:
        _print_enrolment(user)


@staff_cli.command("demo")
def demo() -> None:
    """(Development only) create the demo DPO of every controller and print how to sign in."""
    settings = current_app.config["PORTAL"]
    if settings.is_production:
        raise click.ClickException("the demo account is not available in production")
    session = get_session()
    user = accounts.by_email(session, DEMO_EMAIL)
    if user is None:
        slugs = list(session.scalars(select(Controller.slug)))
        user = accounts.create_staff(session, email=DEMO_EMAIL, password=DEMO_PASSWORD,
                                     role="dpo", controller_slugs=slugs, name="Demo DPO")
        session.commit()
    code = pyotp.TOTP(user.totp_secret).at(utcnow())
    click.echo(f"Staff sign-in: {settings.base_url}/admin/login\n"
               f"  e-mail {DEMO_EMAIL}, password {DEMO_PASSWORD}, one-time code {code}\n"
               "  (a code is valid for 30 seconds and only once: add the URI below to an\n"
               "  authenticator app, or run `flask --app portal staff demo` for a new code)")
    _print_enrolment(user)


@deadlines_cli.command("recompute")
def recompute() -> None:
    """Store every open request's due date again under this release's rules. Run once after an
    upgrade that changes how a time limit is counted (as the written decision's own time did,
    Openness Act §14(3)-(4)): the queue, filters and reminders read the stored date. Each
    change is in the audit trail."""
    session = get_session()
    changed = 0
    for request in session.scalars(select(DataRequest).where(DataRequest.state.in_(OPEN))):
        before = request.due_on
        service.refresh_due(request)
        if request.due_on != before:
            changed += 1
            audit.record(session, "request.due_recomputed", target=f"request:{request.id}",
                         controller_id=request.controller_id,
                         before={"due_on": before.isoformat() if before else None},
                         after={"due_on": request.due_on.isoformat()})
    session.commit()
    click.echo(f"due dates changed: {changed}")


@deadlines_cli.command("remind")
def remind() -> None:
    """Mail each DPO and handler what is overdue or due within a week (at most once a day),
    remind requesters of questions left unanswered ``PORTAL_QUESTION_REMINDER_DAYS``, and close
    document requests whose requester did not say within ``PORTAL_OPENNESS_ANSWER_DAYS``
    whether they want a written decision (Openness Act §14(3))."""
    session = get_session()
    now = utcnow()
    settings = current_app.config["PORTAL"]
    # Mails link to pages: a request context gives url_for its routes (the host part of each
    # link is the configured base URL, never this context's).
    with current_app.test_request_context():
        count = reminders.send_reminders(session, now.astimezone(HELSINKI).date())
        reminded = reminders.remind_requesters(session, now,
                                               after_days=settings.question_reminder_days)
        closed = written_decision.close_unanswered(
            session, today=now.astimezone(HELSINKI).date(),
            days=settings.openness_answer_days, now=now)
    session.commit()
    click.echo(f"digests queued: {count}\nrequesters reminded: {reminded}\n"
               f"written-decision questions closed unanswered: {closed}")
