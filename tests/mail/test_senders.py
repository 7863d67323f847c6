"""Several senders and crashed senders: every mail is delivered exactly once.

Senders claim rows with ``FOR UPDATE SKIP LOCKED`` on PostgreSQL; a sender killed in the middle of
a delivery leaves its transaction uncommitted, so the mail is still pending after a restart.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import replace

from sqlalchemy import select

from portal import create_app
from portal.db import utcnow
from portal.mail.models import OutboxMail
from portal.mail.sender import deliver_pending
from portal.mail.transport import SmtpTransport
from tests.conftest import make_settings
from tests.mail.test_outbox import Clock, queue, send, states


class SlowTransport(SmtpTransport):
    """Real SMTP, a little slower, so that two senders certainly overlap."""

    def __init__(self, mail, counts: list[int], index: int) -> None:
        super().__init__(mail)
        self.counts, self.index = counts, index

    def send(self, mail, sender):
        time.sleep(0.01)
        super().send(mail, sender)
        self.counts[self.index] += 1


def test_two_senders_at_once_deliver_each_mail_exactly_once(postgres_url, tmp_path, smtp):
    apps = [create_app(replace(make_settings(tmp_path / f"i{n}", postgres_url),
                               mail_server="127.0.0.1", mail_port=smtp.port)) for n in (1, 2)]
    ids = [queue(apps[0], recipient=f"r{n}@example.fi") for n in range(40)]
    counts, start = [0, 0], threading.Barrier(2)

    def run(index: int) -> None:
        app = apps[index]
        with app.app_context():
            start.wait()
            deliver_pending(app.extensions["db_sessionmaker"],
                            SlowTransport(app.extensions["mail"], counts, index),
                            "tietosuoja@portal.example", utcnow)

    threads = [threading.Thread(target=run, args=(i,)) for i in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    delivered = sorted(str(m["To"]) for m in smtp.messages)
    assert delivered == sorted(f"r{n}@example.fi" for n in range(40))  # each once
    assert all(counts) and sum(counts) == len(ids)  # both senders worked
    assert states(apps[0]) == [("sent", 1)] * 40
    for app in apps:
        app.extensions["db_engine"].dispose()


def test_a_sender_killed_mid_delivery_sends_the_mail_once_after_restart(
        mail_app, smtp, database_url, tmp_path):
    queue(mail_app, recipient="kaisa@example.fi")
    smtp.hold = True
    env = {**os.environ, "PORTAL_ENV": "testing", "PORTAL_DATABASE_URL": database_url,
           "PORTAL_SECRET_KEY": "test-only-secret-key-0123456789abcdef",
           "PORTAL_INSTANCE_PATH": str(tmp_path / "worker"), "PORTAL_MAIL_SERVER": "127.0.0.1",
           "PORTAL_MAIL_PORT": str(smtp.port)}
    worker = subprocess.Popen([sys.executable, "-m", "flask", "--app", "portal", "mail", "send"],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert smtp.reached.wait(timeout=30), "the sender never reached the SMTP server"
        worker.send_signal(signal.SIGKILL)  # in the middle of the SMTP conversation
        worker.wait(timeout=10)
    finally:
        smtp.release.set()
        if worker.poll() is None:
            worker.kill()
    smtp.hold = False
    assert smtp.messages == []
    assert states(mail_app) == [("pending", 0)]  # the claim was never committed
    report = send(mail_app, Clock())
    assert report.sent == 1
    assert [str(m["To"]) for m in smtp.messages] == ["kaisa@example.fi"]
    with mail_app.extensions["db_sessionmaker"]() as session:
        assert session.scalar(select(OutboxMail.state)) == "sent"
