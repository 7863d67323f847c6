"""An installed portal, as ``pip install`` of a release gives it: not the repository checkout.

Finnish and Swedish pages once came up in English from an installed copy (the ``.mo`` files
are not in git and nothing compiled them), and an installed copy could not find its templates.
The wheel built here is installed into a venv of its own, run from a folder far from the
repository, and serves Finnish and Swedish pages, static files and PDFs.
"""

from __future__ import annotations

import json
import subprocess
import sys
import sysconfig
import zipfile

from tests.conftest import DEMO_OVERRIDE, PROJECT_ROOT

SERVE = """
import json, sys
import portal
from portal import create_app
assert portal.__file__.startswith(sys.prefix), portal.__file__
client = create_app().test_client()
answers = {}
for path in ("/fi/registers/museokortti", "/sv/registers/museokortti", "/static/css/portal.css",
             "/fi/registers/museokortti.pdf"):
    answer = client.get(path)
    answers[path] = [answer.status_code, answer.mimetype, answer.get_data()[:40000].decode(
        errors="replace")]
print(json.dumps(answers))
"""


def test_a_built_wheel_installed_elsewhere_speaks_finnish_and_swedish(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir",
                    str(dist), str(PROJECT_ROOT)], check=True, capture_output=True, timeout=300)
    [wheel] = dist.glob("*.whl")
    assert "portal/translations/sv/LC_MESSAGES/messages.mo" in zipfile.ZipFile(wheel).namelist()

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                          capture_output=True, text=True, check=True).stdout.strip()
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
                    "--no-deps", str(wheel)], check=True, capture_output=True, timeout=300)
    # The dependencies come from the test venv; the portal itself only from the wheel.
    (venv / site / "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    run = tmp_path / "run"
    run.mkdir()
    env = {"PATH": "/usr/bin:/bin", "PORTAL_INSTANCE_PATH": str(run / "instance")}
    for command in (["db", "upgrade"], ["notices", "import", "--override", DEMO_OVERRIDE,
                                        f"{site}/portal/demo/notices"]):
        subprocess.run([python, "-m", "flask", "--app", "portal", *command], cwd=run, env=env,
                       check=True, capture_output=True, timeout=120)
    served = subprocess.run([python, "-c", SERVE], cwd=run, env=env, capture_output=True,
                            text=True, timeout=120)
    assert served.returncode == 0, served.stderr
    answers = json.loads(served.stdout)
    assert answers["/fi/registers/museokortti"][0] == 200
    assert "Siirry pääsisältöön" in answers["/fi/registers/museokortti"][2]
    assert "Hoppa till huvudinnehållet" in answers["/sv/registers/museokortti"][2]
    assert answers["/static/css/portal.css"][:2] == [200, "text/css"]
    assert answers["/fi/registers/museokortti.pdf"][:2] == [200, "application/pdf"]
