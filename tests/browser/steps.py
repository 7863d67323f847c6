"""Steps the Chromium tests share, so that each test reads as its user's journey.

Staff sign in with a password and a computed one-time code; a paper request is entered from the
back office; mail goes through the tests' SMTP server and its status link is followed; each page
is judged by axe-core (WCAG 2.1 AA) and, where a test asks, by the Nu HTML checker. The
fixtures that open tabs and keep pages for the checker are in ``conftest.py`` beside this.
"""

from __future__ import annotations

import io
import re
import uuid
from datetime import datetime, timedelta

from pypdf import PdfReader
from sqlalchemy import select

from portal.backoffice import action_views, decision_views, queue_views
from portal.deadlines import HELSINKI
from portal.dsr import views
from portal.mail.cli import send_once
from portal.mail.models import OutboxMail
from tests.backoffice.factories import PASSWORD, code_for, make_staff
from tests.dsr.helpers import at_helsinki
from tests.htmlcheck import html_problems

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page, axe_source) -> list[str]:
    page.add_script_tag(path=str(axe_source))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
    ]


class PageCheck:
    """``check(tab)``: axe-core finds nothing on the page as it is now; with ``html=True`` its
    HTML is also kept, and ``check.html_problems()`` runs the Nu checker once on all kept pages
    (one Java start, not one a page). The HTML is taken before axe adds its script."""

    def __init__(self, axe_source, folder) -> None:
        self.axe_source, self.folder, self.pages = axe_source, folder, {}

    def __call__(self, tab, *where, html: bool = False) -> None:
        if html:
            self.pages[" ".join(map(str, where)) or tab.url] = tab.content().encode()
        violations = axe_violations(tab, self.axe_source)
        assert violations == [], (*where, tab.url, violations)

    def html_problems(self) -> list[str]:
        self.folder.mkdir(exist_ok=True)
        return html_problems(self.pages, self.folder)


# --- Staff ----------------------------------------------------------------------------------

def new_staff(live, **staff):
    """A staff member of the served app, made as ``make_staff(**staff)`` makes one, with an
    address of their own unless one is given (the served app outlives the test)."""
    org = staff.get("orgs", ("espoo",))[0]
    staff.setdefault("email", f"{staff.get('role', 'dpo')}-{uuid.uuid4().hex[:8]}@{org}.example")
    with live.app.extensions["db_sessionmaker"]() as session, live.app.test_request_context():
        return make_staff(session, **staff)


def sign_in(tab, live, user, moment: datetime | None = None) -> None:
    """Password and the one-time code of ``moment`` (now), sent with Enter as a keyboard user
    would; from the sign-in page the tab is on, or from a new one."""
    if "/admin/login" not in tab.url:
        tab.goto(live + "/admin/login")
    tab.fill("#email", user.email)
    tab.fill("#password", PASSWORD)
    tab.fill("#code", code_for(user, moment))
    with tab.expect_navigation():
        tab.keyboard.press("Enter")


def click(tab, selector: str) -> None:
    """Click what sends a form or follows a link, and wait for the next page."""
    with tab.expect_navigation():
        tab.click(selector)


def fill_paper_request(tab, live, *, days_ago: int, law: str | None = None,
                       right: str | None = None, register: str | None = None,
                       documents: str | None = None, name: str | None = None,
                       email: str | None = None, postal_address: str | None = None,
                       locale: str = "fi") -> None:
    """The entry form filled in for a request that came by letter ``days_ago`` days ago at
    10:30: under ``law`` (left as the form offers it when None), for ``right`` or naming
    ``documents``, with an e-mail address, a postal address or both. Not sent yet."""
    tab.goto(f"{live}/admin/requests/new")
    tab.check("#channel-letter")
    received = datetime.now(HELSINKI).date() - timedelta(days=days_ago)
    tab.fill("#received_date", received.isoformat())
    tab.fill("#received_time", "10:30")
    if law:
        tab.check(f"#law-{law}")
    if right:
        tab.check(f"#right-{right}")
    if register:
        tab.check(f"#registers-{register}")
    for field, value in (("documents", documents), ("name", name), ("email", email),
                         ("postal_address", postal_address)):
        if value is not None:
            tab.fill(f"#{field}", value)
    tab.check(f"#locale-{locale}")


def enter_paper_request(tab, live, **request) -> None:
    """A paper request entered (see ``fill_paper_request``): the tab is on its page."""
    fill_paper_request(tab, live, **request)
    click(tab, "main form button[type=submit]")


# --- Time, mail and the requester's side ------------------------------------------------------

def on(monkeypatch, day: str) -> None:
    """The views that stamp or count days see ``day`` (Helsinki) as today."""
    moment = at_helsinki(day)
    for module in (action_views, decision_views, queue_views, views):
        monkeypatch.setattr(module, "utcnow", lambda: moment)
    monkeypatch.setattr(queue_views, "_today", lambda: moment.date())


def deliver(live) -> list:
    """Send what waits in the outbox; every message the SMTP server has received."""
    with live.app.app_context():
        send_once()
    return live.smtp.messages


def body(mail) -> str:
    return mail.get_body(("plain",)).get_content()


def status_path(mail, lang: str) -> str:
    """The path of the status page a delivered mail links to, in ``lang`` (the outbox keeps no
    usable token once the mail is sent)."""
    return re.search(rf"http://localhost(/{lang}/requests/status/\S+)", body(mail)).group(1)


def newest_link(live, email: str) -> str:
    """The path of the link in the newest outbox mail to ``email`` (sent or not)."""
    with live.app.extensions["db_sessionmaker"]() as session:
        mail = session.scalar(select(OutboxMail).where(OutboxMail.recipient == email)
                              .order_by(OutboxMail.id.desc()))
    return re.search(r"http://localhost(\S+)", mail.body).group(1)


def letter_text(mail, ending: str = ".pdf") -> str:
    """The text of the mail's one PDF letter whose name ends with ``ending``, spaces folded."""
    [letter] = [a for a in mail.iter_attachments() if a.get_filename().endswith(ending)]
    return " ".join(" ".join(p.extract_text() for p in
                             PdfReader(io.BytesIO(letter.get_content())).pages).split())


def pdf_text(tab, url: str) -> str:
    """The text of a PDF the tab's session fetches from ``url``, spaces folded."""
    response = tab.request.get(url)
    assert response.ok and response.headers["content-type"] == "application/pdf", url
    reader = PdfReader(io.BytesIO(response.body()))
    return " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
