"""gunicorn settings for production, as ``deploy/systemd/portal@.service`` runs gunicorn.

Values come from the environment so that one file serves every instance (docs/deployment.md).
The access log holds no personal data: no client address, no query string (staff search by
e-mail address), and the secret part of confirmation, status and password-reset links is
replaced by ``[token]`` (a logged link would let anyone who reads the log act on a request).
"""

from __future__ import annotations

import multiprocessing
import os

from gunicorn.glogging import Logger

from portal.logs import redact_tokens

bind = os.environ.get("PORTAL_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("PORTAL_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
#: PDF letters with large extracts take seconds; anything slower is a fault worth a restart.
timeout = int(os.environ.get("PORTAL_WORKER_TIMEOUT", "60"))
graceful_timeout = 30
#: Recycle workers now and then, so memory that PDF rendering leaves behind is returned.
max_requests = 2000
max_requests_jitter = 200
#: The reverse proxy on the same machine; the app trusts X-Forwarded-* per PORTAL_TRUSTED_PROXIES.
forwarded_allow_ips = os.environ.get("PORTAL_FORWARDED_ALLOW_IPS", "127.0.0.1")
#: gunicorn's control socket lives in the instance's own runtime directory (systemd's
#: RuntimeDirectory= of portal@.service), so two instances on one machine never share one;
#: without such a directory there is none.
if runtime_directory := os.environ.get("RUNTIME_DIRECTORY"):
    control_socket = os.path.join(runtime_directory, "gunicorn.ctl")
else:
    control_socket_disable = True
accesslog = os.environ.get("PORTAL_ACCESS_LOG", "-")
errorlog = "-"
access_log_format = '%(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(M)sms'


class RedactingLogger(Logger):
    """gunicorn's logger with the secret parts of paths and every query string removed."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        atoms["U"] = redact_tokens(atoms["U"])
        atoms["r"] = f"{atoms['m']} {atoms['U']} {atoms['H']}"
        atoms["q"] = atoms["h"] = atoms["f"] = "-"
        return atoms


logger_class = RedactingLogger
