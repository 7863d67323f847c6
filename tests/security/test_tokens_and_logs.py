"""Review findings 3 and 8 (issue 10): no usable link at rest or in any log line, and a double
click on confirm or withdraw answered kindly, not with a 500."""

from __future__ import annotations

import logging
import re
import threading
import urllib.error
import urllib.request
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from portal.db import utcnow
from portal.dsr import service
from portal.dsr.models import DataRequest, RequestEvent
from portal.mail.models import OutboxMail
from portal.mail.sender import deliver_pending
from portal.mail.transport import SmtpTransport
from tests.backoffice.factories import make_request, make_staff
from tests.dsr.helpers import csrf, post_request

LINK = re.compile(r"http://localhost(/\w\w/requests/(?:confirm|status)/([\w-]+))")


def _deliver(app, at=utcnow):
    with app.app_context():
        return deliver_pending(app.extensions["db_sessionmaker"],
                               SmtpTransport(app.extensions["mail"]), "tietosuoja@portal.example",
                               at)


def test_sent_mail_keeps_no_usable_link_in_the_outbox(mail_app, smtp, session):
    client = mail_app.test_client()
    post_request(client, "fi")
    path, token = LINK.search(session.scalar(select(OutboxMail)).body).groups()
    client.post(path, data={"csrf_token": csrf(client, path)})
    _deliver(mail_app)
    sent = "\n".join(m.get_body(("plain",)).get_content() for m in smtp.messages)
    assert token in sent and "/fi/requests/status/" in sent  # the requester got real links
    session.expire_all()
    bodies = " ".join(session.scalars(select(OutboxMail.body)))
    assert "/fi/requests/confirm/[token]" in bodies and "/fi/requests/status/[token]" in bodies
    assert token not in bodies and not LINK.search(bodies)


def test_reset_mails_are_deleted_an_hour_after_they_were_written(mail_app, smtp, session):
    user = make_staff(session)
    client = mail_app.test_client()
    page = client.get("/admin/reset").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    client.post("/admin/reset", data={"csrf_token": token, "email": user.email})
    _deliver(mail_app)
    assert len(smtp.messages) == 1 and session.scalar(select(func.count(OutboxMail.id))) == 1
    _deliver(mail_app, lambda: utcnow() + timedelta(minutes=61))
    assert session.scalar(select(func.count(OutboxMail.id))) == 0


def test_a_status_link_ends_some_time_after_the_request_was_closed(app, client, session):
    request = make_request(session)
    token = service.new_status_link(request)
    service.withdraw(request, now=utcnow())
    session.commit()
    assert client.get(f"/fi/requests/status/{token}").status_code == 200
    withdrawn = session.scalar(select(RequestEvent).where(RequestEvent.kind == "withdrawn"))
    withdrawn.created_at = utcnow() - timedelta(days=91)  # PORTAL_STATUS_LINK_DAYS is 90
    session.commit()
    assert client.get(f"/fi/requests/status/{token}").status_code == 404


def test_an_error_on_a_link_page_logs_no_token(app, caplog, monkeypatch):
    app.testing = False  # as in production: the error is logged and answered with a 500

    def broken(*_args, **_kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(service, "by_status_token", broken)
    caplog.set_level(logging.INFO)
    secret = "Zm9vYmFyLXNlY3JldC10b2tlbi10aGF0LXNob3VsZC1ub3Q"
    assert app.test_client().get(f"/fi/requests/status/{secret}").status_code == 500
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "/fi/requests/status/[token]" in logged and secret not in logged


def test_the_development_server_logs_no_token(app, caplog):
    from werkzeug.serving import make_server

    caplog.set_level(logging.INFO)
    server = make_server("127.0.0.1", 0, app)
    thread = threading.Thread(target=server.handle_request)
    thread.start()
    secret = "c2VjcmV0LXJlc2V0LXRva2VuLW9mLWEtc3RhZmYtbWVtYmVy"
    with pytest.raises(urllib.error.HTTPError, match="404"):
        urllib.request.urlopen(f"http://127.0.0.1:{server.port}/admin/reset/{secret}")
    thread.join()
    server.server_close()
    logged = "\n".join(r.getMessage() for r in caplog.records if r.name == "werkzeug")
    assert "/admin/reset/[token]" in logged and secret not in logged


def _race(monkeypatch, name: str, calls):
    """Run ``calls`` in parallel, each held after ``service.<name>`` until all have read."""
    original, together = getattr(service, name), threading.Barrier(len(calls))

    def read_then_wait(*args, **kwargs):
        found = original(*args, **kwargs)
        together.wait(timeout=30)
        return found

    results = [None] * len(calls)

    def run(index):
        try:
            results[index] = calls[index]().status_code
        except Exception as error:  # a 500 in testing mode raises here
            results[index] = repr(error)

    with monkeypatch.context() as patch:
        patch.setattr(service, name, read_then_wait)
        threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    return results


def test_two_clicks_on_confirm_at_once_confirm_once_and_explain(app, session, monkeypatch):
    first, second = app.test_client(), app.test_client()
    post_request(first, "en")
    path = LINK.search(session.scalar(select(OutboxMail)).body).group(1)
    tokens = [csrf(first, path), csrf(second, path)]
    results = _race(monkeypatch, "unconfirmed_by_token", [
        lambda: first.post(path, data={"csrf_token": tokens[0]}),
        lambda: second.post(path, data={"csrf_token": tokens[1]})])
    assert sorted(results) == [302, 409]
    assert session.scalar(select(DataRequest.reference)).endswith("-0001")
    assert session.scalar(select(func.count(OutboxMail.id))) == 2  # confirmation, receipt


def test_two_clicks_on_withdraw_at_once_withdraw_once_and_explain(app, session, monkeypatch):
    request = make_request(session)
    token = service.new_status_link(request)
    session.commit()
    page = f"/en/requests/status/{token}"
    clients = [app.test_client(), app.test_client()]
    tokens = [csrf(c, f"{page}/withdraw") for c in clients]
    results = _race(monkeypatch, "by_status_token", [
        lambda i=i: clients[i].post(f"{page}/withdraw", data={"csrf_token": tokens[i]})
        for i in range(2)])
    assert results == [302, 302]
    assert session.scalar(select(func.count(RequestEvent.id)).where(
        RequestEvent.kind == "withdrawn")) == 1
    notes = " ".join(c.get(page).get_data(as_text=True) for c in clients)
    assert "changed at the same moment" in notes
