"""Staff pages are valid HTML."""

from tests.backoffice.factories import make_request, make_staff, sign_in
from tests.htmlcheck import html_problems


def test_staff_pages_are_valid_html(client, session, tmp_path):
    pages = {path: client.get(path).data for path in ("/admin/login", "/admin/reset")}
    pages["login with errors"] = client.post("/admin/login", data={}).data
    request = make_request(session, name="Aino <b>Asiakas</b>")
    sign_in(client, make_staff(session, orgs=("museokortti",), role="admin"))
    for path in ("/admin/requests", "/admin/requests?state=all&overdue=1",
                 f"/admin/requests/{request.id}", "/admin/account", "/admin/stats",
                 "/admin/audit", "/admin/templates/access"):
        pages[path] = client.get(path).data
    assert html_problems(pages, tmp_path) == []
