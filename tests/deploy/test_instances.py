"""Several app instances share what must be shared: rate limits live in Redis, not in a
process, so an address cannot send ten requests an hour to each instance behind the proxy."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace

import redis

from portal import create_app
from tests.conftest import PROJECT_ROOT, make_settings
from tests.dsr.helpers import form_fields

#: Another instance in another process: one post to the request form, the status printed.
OTHER_INSTANCE = """
from portal import create_app
from tests.dsr.helpers import form_fields
client = create_app().test_client()
print(client.post("/fi/requests/new", data=form_fields(client)).status_code)
"""


def test_rate_limits_hold_across_instances_through_redis(tmp_path, database_url, redis_url):
    app = create_app(replace(make_settings(tmp_path / "one", database_url),
                             ratelimit_storage_uri=redis_url))
    client = app.test_client()
    fields = form_fields(client)
    answers = [client.post("/fi/requests/new", data=fields).status_code for _ in range(10)]
    assert answers == [400] * 10  # incomplete forms: refused, but counted
    assert redis.Redis.from_url(redis_url).keys("LIMITS*")
    env = {**os.environ, "PORTAL_ENV": "testing", "PORTAL_DATABASE_URL": database_url,
           "PORTAL_SECRET_KEY": "test-only-secret-key-0123456789abcdef",
           "PORTAL_INSTANCE_PATH": str(tmp_path / "two"),
           "PORTAL_RATELIMIT_STORAGE_URI": redis_url}
    other = subprocess.run([sys.executable, "-c", OTHER_INSTANCE], env=env, cwd=PROJECT_ROOT,
                           capture_output=True, text=True, check=True, timeout=60)
    assert other.stdout.strip() == "429"  # the eleventh post, at another instance
    app.extensions["db_engine"].dispose()
