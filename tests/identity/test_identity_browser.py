"""In Chromium, against the local OpenID provider: a requester identifies strongly on the
form and files an access request; the DPO sees "strong (substantial)" and a matching name and
sends the granted answer by secure collection; the requester downloads it after identifying
again; a lower level than required is refused with a page and no session."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from sqlalchemy import select

from portal.dsr import service
from portal.dsr.models import DataRequest
from portal.mail.models import OutboxMail
from tests.backoffice.factories import make_staff
from tests.browser.steps import axe_violations, sign_in
from tests.conftest import BACKENDS, need, serve, served_database
from tests.identity.conftest import CODE_KEY
from tests.idp import provider as idp

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module", params=BACKENDS)
def identity_live(tmp_path_factory, request, portal_keys):
    need(idp.available(), "node and oidc-provider (npm ci)")
    folder = tmp_path_factory.mktemp("identity-live")
    port = idp.free_port()
    with serve(folder, served_database(request.param, folder, request),
               oidc_issuer=idp.issuer_at(port), oidc_client_id="portal",
               identity_code_key=CODE_KEY, **portal_keys) as live:
        # The links the portal builds (its redirect URI) use the address it is served at.
        live.app.config["PORTAL"] = replace(live.app.config["PORTAL"], base_url=str(live))
        provider = idp.Provider(folder, portal_keys, [f"{live}/identify/callback"], port=port)
        yield live
        provider.stop()


def _identify(page, level: str) -> None:
    """From the identification page, through the provider's page, back to the portal."""
    page.click("a.button:has-text('Tunnistaudu')")
    page.wait_for_selector("text=Test identity provider")
    page.select_option("#acr", label=level)
    with page.expect_navigation():
        page.click("button[type=submit]")


def test_identified_request_reaches_the_dpo_with_its_level(browser, identity_live, axe_source):
    live = identity_live
    context = browser.new_context(locale="fi-FI")  # the portal's CSP enforced
    page = context.new_page()
    page.goto(f"{live}/fi/requests/new")
    with page.expect_navigation():
        page.click("#identification-title + p + p a")
    _identify(page, "substantial")
    assert "Olet tunnistautunut nimellä Matti Meikäläinen" in page.content()
    assert "vahva (korotettu)" in page.content()
    with page.expect_navigation():
        page.click("text=Tee tietosuojapyyntö")
    assert "Olet tunnistautunut nimellä Matti Meikäläinen" in page.content()
    page.check("#right-access")
    page.check("#registers-kamu-asiakasrekisteri")
    page.fill("#name", "Matti Meikäläinen")
    page.fill("#email", "matti@example.fi")
    with page.expect_navigation():
        page.click("form:has(#name) button[type=submit]")
    assert "/fi/requests/sent" in page.url
    context.close()

    with live.app.extensions["db_sessionmaker"]() as session, live.app.test_request_context():
        data_request = session.scalar(select(DataRequest).where(
            DataRequest.email == "matti@example.fi"))
        service.confirm(session, data_request, now=data_request.received_at)
        dpo = make_staff(session, email="tsv@espoo.example", orgs=("espoo",))
        session.commit()
        request_id, reference = data_request.id, data_request.reference

    staff = browser.new_context(bypass_csp=True).new_page()
    sign_in(staff, live, dpo)
    staff.goto(f"{live}/admin/requests/{request_id}")
    panel = staff.locator("#identification + dl").inner_text()
    assert "strong (substantial)" in panel and "matches the name given" in panel
    assert "010180-9026" not in staff.content()
    assert axe_violations(staff, axe_source) == []
    staff.check("#outcome-granted")
    with staff.expect_navigation():
        staff.click("form:has(#outcome-granted) button[type=submit]")
    staff.fill("#decision-text", "Tässä tietosi.")
    with staff.expect_navigation():
        staff.click("form:has(#decision-text) button[type=submit]")
    staff.check("#delivery-collect")
    with staff.expect_navigation():
        staff.click("#send-decision")
    assert "The decision was sent." in staff.content()
    staff.context.close()

    # The mail only says the answer is ready; the requester identifies again to download it.
    with live.app.extensions["db_sessionmaker"]() as session:
        mail = session.scalar(select(OutboxMail).where(
            OutboxMail.template == "dsr_decision_collect"))
        assert mail.attachments == []
        link = re.search(r"https?://\S+/requests/status/\S+", mail.body).group(0)
    context = browser.new_context(locale="fi-FI", bypass_csp=True)  # for axe
    page = context.new_page()
    page.goto(link)
    assert axe_violations(page, axe_source) == []
    with page.expect_navigation():
        page.click("#collect a.button")
    page.wait_for_selector("text=Test identity provider")
    page.select_option("#acr", label="substantial")
    with page.expect_navigation():
        page.click("button[type=submit]")
    assert "Olet tunnistautunut. Lataa alla olevat tiedostot" in page.content()
    assert axe_violations(page, axe_source) == []
    with page.expect_download() as download:
        page.click(f"#collect a:has-text('{reference}-decision.pdf')")
    assert download.value.path().read_bytes().startswith(b"%PDF")
    page.reload()
    assert "Latasit vastauksen" in page.content()
    context.close()


def test_a_lower_level_than_required_is_refused_in_the_browser(browser, identity_live,
                                                               axe_source):
    live = identity_live
    live.app.config["PORTAL"] = replace(live.app.config["PORTAL"], oidc_level="high")
    try:
        context = browser.new_context(locale="fi-FI", bypass_csp=True)
        page = context.new_page()
        page.goto(f"{live}/fi/identify")
        _identify(page, "substantial")
        assert "Tunnistautuminen ei onnistunut" in page.content()
        assert "ei ollut tähän palveluun riittävän vahva" in page.content()
        assert axe_violations(page, axe_source) == []
        page.goto(f"{live}/fi/requests/new")
        assert "Olet tunnistautunut" not in page.content()
        context.close()
    finally:
        live.app.config["PORTAL"] = replace(live.app.config["PORTAL"], oidc_level="substantial")
