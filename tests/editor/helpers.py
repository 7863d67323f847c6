"""Submitting the editor's forms as a browser would: every field with its current value."""

from __future__ import annotations

from html.parser import HTMLParser

from tests.backoffice.factories import signed_in_staff


class _FormReader(HTMLParser):
    """Collects the successful controls of the form whose action ends with ``action``."""

    def __init__(self, action: str) -> None:
        super().__init__(convert_charrefs=True)
        self.action, self.inside, self.fields = action, False, []
        self._textarea = self._select = None
        self._options: list[tuple[str, bool]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = (a.get("action") or "").endswith(self.action)
        elif not self.inside:
            return
        elif tag == "input":
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind != "submit":
                self.fields.append([a["name"], a.get("value", "")])
        elif tag == "textarea":
            self._textarea = [a["name"], ""]
        elif tag == "select":
            self._select, self._options = a["name"], []
        elif tag == "option" and self._select:
            self._options.append((a.get("value", ""), "selected" in a))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self._textarea is not None:
            value = self._textarea[1].removeprefix("\n")
            self.fields.append([self._textarea[0], value])
            self._textarea = None
        elif tag == "select" and self._select:
            chosen = [v for v, selected in self._options if selected] or [self._options[0][0]]
            self.fields.append([self._select, chosen[0]])
            self._select = None


def form_of(client, path: str, action: str | None = None) -> dict[str, list[str]]:
    """The form at ``path`` (posting to ``action``, default ``path``) as name -> values."""
    reader = _FormReader(action or path)
    reader.feed(client.get(path).get_data(as_text=True))
    fields: dict[str, list[str]] = {}
    for name, value in reader.fields:
        fields.setdefault(name, []).append(value)
    assert fields, f"no form posting to {action or path}"
    return fields


def post_form(client, path: str, changes: dict | None = None, action: str | None = None):
    """Open the form, change some fields (a list value sets a multi-valued field), post it."""
    fields = form_of(client, path, action)
    for name, value in (changes or {}).items():
        fields[name] = value if isinstance(value, list) else [value]
    return client.post(action or path, data=fields)


def signed_in_editor(client, session, *, role="editor", orgs=("espoo",), locale="en"):
    return signed_in_staff(client, session, email=f"{role}@{orgs[0]}.example", orgs=orgs,
                           role=role, locale=locale)


EDIT = "/admin/registers/{}/edit"
OVERVIEW = "/admin/registers/{}"
