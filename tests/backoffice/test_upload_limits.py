"""How much a form may carry: 2 MB on public forms, ``PORTAL_STAFF_UPLOAD_MAX_MB`` on the staff
forms that take scans and redacted documents; more gets a translated 413 page naming the limit."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from pypdf import PdfWriter
from sqlalchemy import func, select

from portal.dsr.models import DataRequest, RequestAttachment
from tests.backoffice.factories import decide, signed_in_staff
from tests.backoffice.test_document_clock import document_request
from tests.backoffice.test_entry import PDF, enter, entered
from tests.dsr.helpers import form_fields, valid_request

MB = 1024 * 1024


def scan(megabytes: float) -> bytes:
    """A scanned letter as the entry form checks it: a PDF's first bytes, then its pages."""
    return PDF + b"\x00" * int(megabytes * MB)


def redacted_pdf(megabytes: int) -> bytes:
    """A real PDF of about ``megabytes``, as a redaction tool saves a scanned document."""
    writer, out = PdfWriter(), io.BytesIO()
    writer.add_blank_page(595, 842)
    writer.add_attachment("sivut.bin", bytes(range(256)) * (megabytes * 4096))
    writer.write(out)
    return out.getvalue()


def requests_stored(session) -> int:
    session.expire_all()
    return session.scalar(select(func.count()).select_from(DataRequest))


@pytest.fixture
def handler(client, session):
    return signed_in_staff(client, session, email="handler@museot.example",
                           orgs=("museokortti",), role="handler", locale="sv")


def test_a_five_megabyte_scan_entered_on_paper_is_stored(client, session, handler):
    letter = scan(5)
    response = enter(client, postal_address="Brevgatan 1\n00100 Helsingfors",
                     attachments=(letter, "brev.pdf", "application/pdf"))
    assert response.status_code == 302
    request = entered(session)
    [stored] = session.scalars(select(RequestAttachment).where(
        RequestAttachment.request_id == request.id)).all()
    assert stored.filename == "brev.pdf" and stored.data == letter
    download = client.get(f"/admin/requests/{request.id}/attachments/{stored.id}")
    assert download.data == letter


def test_the_entry_form_tells_the_staff_limit(client, session, handler):
    page = client.get("/admin/requests/new").get_data(as_text=True)
    assert "högst fem filer och sammanlagt högst 20 MB" in page


def test_a_written_decision_carries_a_five_megabyte_redacted_pdf(app, client, session):
    signed_in_staff(client, session, email="tsv@espoo.example", orgs=("espoo",))
    request = document_request(session, "2026-03-02")
    copy = redacted_pdf(5)
    response = decide(client, request, "granted", send=False,
                      files=[(io.BytesIO(copy), "poistettu.pdf")], basis="public")
    assert response.status_code == 302, response.get_data(as_text=True)
    session.expire_all()
    [stored] = session.get(DataRequest, request.id).decision_files
    assert stored.filename == "poistettu.pdf" and stored.data == copy


def test_a_staff_form_over_the_staff_limit_gets_the_413_page_naming_it(app, client, session,
                                                                        handler):
    app.config["PORTAL"] = replace(app.config["PORTAL"], staff_upload_max_mb=3)
    response = enter(client, postal_address="Brevgatan 1",
                     attachments=(scan(3.5), "brev.pdf", "application/pdf"))
    assert response.status_code == 413
    page = response.get_data(as_text=True)
    assert "För mycket data" in page and "3 MB" in page and "bifoga filerna på nytt" in page
    assert requests_stored(session) == 0
    within = enter(client, postal_address="Brevgatan 1",
                   attachments=(scan(2.5), "brev.pdf", "application/pdf"))
    assert within.status_code == 302 and requests_stored(session) == 1


def test_other_staff_forms_and_signed_out_posts_keep_the_public_limit(client, session):
    body = {"csrf_token": "x", "attachments": (io.BytesIO(scan(3)), "brev.pdf")}
    signed_out = client.post("/admin/requests/new", data=body,
                             content_type="multipart/form-data",
                             headers={"Accept-Language": "fi"})
    assert signed_out.status_code == 413 and "2 Mt" in signed_out.get_data(as_text=True)
    signed_in_staff(client, session, email="dpo@museot.example", orgs=("museokortti",))
    other = client.post("/admin/logout", data={"csrf_token": "x", "note": "x" * (3 * MB)})
    assert other.status_code == 413 and "larger than the 2 MB" in other.get_data(as_text=True)


@pytest.mark.parametrize("lang, words", [
    ("fi", ("Liian paljon tietoa", "2 Mt")),
    ("sv", ("För mycket data", "2 MB")),
    ("en", ("Too much data", "2 MB")),
])
def test_a_five_megabyte_file_on_the_public_form_gets_the_413_page_in_the_visitors_language(
        client, session, lang, words):
    proof = (io.BytesIO(PDF + b"\x00" * (5 * MB)), "valtakirja.pdf", "application/pdf")
    response = client.post(f"/{lang}/requests/new", content_type="multipart/form-data", data={
        **form_fields(client, lang), **valid_request(on_behalf="other", authority="guardian",
                                                     represented_name="Eino Asiakas"),
        "authority_proof": proof})
    assert response.status_code == 413
    page = response.get_data(as_text=True)
    assert all(word in page for word in words)
    assert requests_stored(session) == 0


def test_an_editor_and_another_organisations_staff_keep_the_public_limit(app, session):
    """Only staff who may use the form get the larger limit (security review)."""
    request = document_request(session, "2026-03-02")  # Espoo's
    def decision() -> dict:
        return {"csrf_token": "x", "files": (io.BytesIO(scan(3)), "poistettu.pdf")}

    for email, orgs, role in (("toimittaja@espoo.example", ("espoo",), "editor"),
                              ("dpo@museot.example", ("museokortti",), "dpo")):
        client = app.test_client()
        signed_in_staff(client, session, email=email, orgs=orgs, role=role)
        response = client.post(f"/admin/requests/{request.id}/decision", data=decision(),
                               content_type="multipart/form-data")
        assert response.status_code == 413, email
    own = app.test_client()
    signed_in_staff(own, session, email="dpo@espoo.example", orgs=("espoo",))
    response = own.post(f"/admin/requests/{request.id}/decision", data=decision(),
                        content_type="multipart/form-data")
    assert response.status_code == 400  # read, and refused for its missing token
