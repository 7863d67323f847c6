"""The PDFs' structure trees, as a screen reader walks them (WCAG 1.3.1, PDF/UA-1 §7)."""

from __future__ import annotations

import io
import itertools

import pytest
from flask_babel import force_locale
from pypdf import PdfReader

from portal.backoffice.extracts import read_extract
from portal.backoffice.letters import render_decision
from portal.dsr import receipt, service
from portal.law.decisions import Decision
from tests.backoffice.factories import make_request, make_staff
from tests.dsr.helpers import at_helsinki
from tests.pdf.structure import id_tree, structure


def notice(client, path: str) -> PdfReader:
    return PdfReader(io.BytesIO(client.get(path).data))


@pytest.mark.parametrize("lang", ["fi", "en"])
@pytest.mark.parametrize("register", ["kamu-asiakasrekisteri", "helmet-asiakasrekisteri"])
def test_a_notice_is_one_article_with_one_section_per_part(client, lang, register):
    tree = structure(notice(client, f"/{lang}/registers/{register}.pdf"))
    assert len(tree.find("/Art")) == 1  # not one article per page
    sections = tree.find("/Sect")
    contents = [link.text for link in tree.find("/Art")[0].children[1].find("/Link")]
    assert len(sections) == len(contents) >= 10
    for section, title in zip(sections, contents, strict=True):
        assert section.children[0].role == "/H2"  # no section starts at a page break
        assert section.children[0].text.endswith(title)


def test_contents_links_are_described_by_their_text(client):
    reader = notice(client, "/en/registers/museokortti.pdf")
    described = [str(annotation.get_object()["/Contents"])
                 for page in reader.pages for annotation in page.get("/Annots", [])
                 if "/Dest" in annotation.get_object()]
    assert "Controller" in described and "Your rights" in described
    assert not any("_" in text for text in described)  # no anchor names such as legal_basis


@pytest.mark.parametrize("path", ["/fi/registers/kamu-asiakasrekisteri.pdf",
                                  "/sv/registers/museokortti.pdf",
                                  "/sv/registers/helmet-asiakasrekisteri.pdf"])
def test_heading_levels_never_skip(client, path):
    headings = [int(node.role[2]) for node in structure(notice(client, path)).walk()
                if node.role in {"/H1", "/H2", "/H3", "/H4", "/H5", "/H6"}]
    assert headings[0] == 1
    for before, after in itertools.pairwise(headings):
        assert after <= before + 1, headings


def rows_of(table) -> list[list]:
    return [row.children for row in table.walk() if row.role == "/TR"]


def test_the_receipt_pairs_each_label_with_its_value(app, session):
    request = make_request(session)
    with app.test_request_context(), force_locale("en"):
        request.locale = "en"
        pdf = receipt.render(request, service.deadline_of(request), ["Museum Card"])
    tree = structure(PdfReader(io.BytesIO(pdf)))
    assert not any("Reference" in items.text for items in tree.find("/L"))
    facts = {cells[0].text: cells[1].text for table in tree.find("/Table")
             for cells in rows_of(table)}
    assert facts["Reference"] == request.reference
    assert facts["Name"] == "Aino Asiakas"
    for table in tree.find("/Table"):
        for cells in rows_of(table):
            assert [c.role for c in cells] == ["/TH", "/TD"]
            assert cells[0].attributes["/Scope"] == "/Row"


def test_letter_tables_have_scoped_headers_that_resolve(app, session):
    request = make_request(session)
    staff = make_staff(session, orgs=("museokortti",))
    extract = read_extract("loans.csv", b"Date,Object\n2026-01-02,Vase\n2026-02-03,Lamp\n")
    with app.test_request_context():
        pdf = render_decision(request, Decision("granted", text="Here is your data."),
                              files=(extract,), preparer=staff, signer=staff,
                              now=at_helsinki("2026-03-10"))
    reader = PdfReader(io.BytesIO(pdf))
    tree, ids = structure(reader), id_tree(reader)
    letterhead, data = tree.find("/Table")[0], tree.find("/Table")[-1]
    assert [[c.text for c in cells] for cells in rows_of(letterhead)][1][0] == "Viite"
    assert all(cells[0].attributes["/Scope"] == "/Row" for cells in rows_of(letterhead))
    headers = [cell for cell in data.walk() if cell.role == "/TH"]
    assert [h.text for h in headers] == ["Date", "Object"]
    assert all(h.attributes["/Scope"] == "/Column" for h in headers)
    cells = [cell for cell in data.walk() if cell.role == "/TD"]
    assert cells and all(cell.headers for cell in cells)
    for cell in cells:
        for header in cell.headers:
            assert ids[header]["/S"] == "/TH"  # each /Headers entry resolves through the IDTree
    vase = next(cell for cell in cells if cell.text == "Vase")
    assert [str(ids[h]["/ID"]) for h in vase.headers] == [headers[1].node_id]
