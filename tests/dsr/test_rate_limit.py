"""Rate limits per address on the request form (Flask-Limiter), answered in the user's language."""

from tests.dsr.helpers import form_fields, valid_request


def test_too_many_requests_from_one_address_get_a_translated_429(client):
    fields = form_fields(client, "sv")
    codes = []
    for n in range(11):
        data = {**fields, **valid_request(email=f"n{n}@example.fi"), "submission": f"key-{n:020d}"}
        codes.append(client.post("/sv/requests/new", data=data).status_code)
    assert codes[:10] == [302] * 10 and codes[10] == 429
    response = client.post("/sv/requests/new", data=fields)
    assert response.status_code == 429
    assert "För många försök" in response.get_data(as_text=True)
    assert client.get("/sv/requests/new").status_code == 200  # reading is never limited
