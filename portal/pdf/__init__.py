"""PDF rendering with WeasyPrint: tagged PDF/UA-1, bundled fonts, nothing fetched from outside.

PDFs published on the site are web content under Act 306/2019, so they are produced tagged
(``pdf/ua-1``), and :mod:`.structure` mends what WeasyPrint's tagging leaves out. The URL
fetcher only serves files below ``static/``: a notice text can never make the renderer read a
local file or call a remote server.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from .structure import finish

PDF_VARIANT = "pdf/ua-1"


class StaticOnlyFetcher(URLFetcher):
    """Fetch ``file:`` URLs inside one folder; refuse everything else."""

    def __init__(self, root: Path) -> None:
        super().__init__(allowed_protocols={"file"})
        self.root = root.resolve()

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme != "file":
            raise ValueError(f"refused to fetch {url!r}: only bundled static files are allowed")
        path = Path(unquote(parts.path)).resolve()
        if not path.is_relative_to(self.root) or not path.is_file():
            raise ValueError(f"refused to fetch {url!r}: outside the static folder")
        mimetype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), headers={"Content-Type": mimetype})


def render_pdf(html: str, static_root: Path) -> bytes:
    """Render a complete HTML document to tagged PDF bytes.

    Relative URLs in ``html`` (stylesheets, fonts, images) resolve against ``static_root``.
    """
    document = HTML(
        string=html,
        base_url=static_root.resolve().as_uri() + "/",
        url_fetcher=StaticOnlyFetcher(static_root),
    )
    return document.write_pdf(pdf_variant=PDF_VARIANT, finisher=finish)
