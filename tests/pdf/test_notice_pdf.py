"""The notice PDF: tagged PDF/UA, in the page's language, with the seed facts and page numbers."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader


def pdf(client, url) -> PdfReader:
    response = client.get(url)
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    return PdfReader(io.BytesIO(response.data))


def text_of(reader: PdfReader) -> str:
    return " ".join(page.extract_text() for page in reader.pages)


@pytest.mark.parametrize("lang, words", [
    ("fi", ["Museokortin asiakasrekisteri", "Rekisterinpitäjä", "kasvokuva", "Sivu 1 /"]),
    ("sv", ["Museikortets kundregister", "Personuppgiftsansvarig", "ansiktsbild", "Sida 1 /"]),
    ("en", ["Museum Card customer register", "Controller", "facial image", "Page 1 /"]),
])
def test_museum_card_pdf_is_in_the_pages_language(client, lang, words):
    reader = pdf(client, f"/{lang}/registers/museokortti.pdf")
    text = text_of(reader)
    for word in words:
        assert word in text
    assert reader.trailer["/Root"]["/Lang"] == lang


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_kamu_pdf_holds_the_processors_and_the_azure_note(client, lang):
    text = text_of(pdf(client, f"/{lang}/registers/kamu-asiakasrekisteri.pdf"))
    for fact in ("Liana Technologies", "Webropol", "Mercantus", "TimeWorks", "STT Info", "Azure"):
        assert fact in text


def test_pdf_is_tagged_with_a_title_and_bundled_fonts(client):
    reader = pdf(client, "/fi/registers/kamu-asiakasrekisteri.pdf")
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert reader.metadata.title == "KAMU Espoon kaupunginmuseon asiakasrekisteri"
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert fonts and all("Portal-Sans" in name for name in fonts)  # the bundled @font-face
    assert len(reader.pages) >= 3
