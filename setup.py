"""The one build step setuptools cannot declare: a wheel carries templates, static files and
compiled catalogs.

They live at the top of the repository, where designers and translators work on them. A built
package (``pip install .``, not editable) gets copies under ``portal/``, where
``portal.assets`` finds them, with every ``.po`` compiled to ``.mo`` so that an installed portal
speaks Finnish and Swedish with no separate step (the ``.mo`` files are not in git).
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithAssets(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install reads the folders in place
            return
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        package = Path(self.build_lib) / "portal"
        for folder in ("templates", "static", "translations"):
            shutil.rmtree(package / folder, ignore_errors=True)  # nothing left from a last build
        for folder in ("templates", "static"):
            shutil.copytree(folder, package / folder)
        for po in Path("translations").glob("*/LC_MESSAGES/messages.po"):
            mo = package / po.with_suffix(".mo")
            mo.parent.mkdir(parents=True, exist_ok=True)
            with po.open("rb") as source, mo.open("wb") as target:
                write_mo(target, read_po(source, locale=po.parts[1]))


setup(cmdclass={"build_py": BuildWithAssets})
