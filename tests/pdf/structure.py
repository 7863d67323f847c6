"""Reading a PDF's structure tree as a screen reader does: roles, attributes and their text."""

from __future__ import annotations

from dataclasses import dataclass, field

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject


@dataclass
class Node:
    role: str
    attributes: dict
    node_id: str = ""
    headers: tuple[str, ...] = ()
    children: list[Node] = field(default_factory=list)
    own_text: str = ""

    @property
    def text(self) -> str:
        return " ".join((self.own_text + " " + " ".join(c.text for c in self.children)).split())

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def find(self, role: str) -> list[Node]:
        return [node for node in self.walk() if node.role == role]


def _marked_text(page) -> dict[int, str]:
    """The text of each marked-content sequence (MCID) on ``page``."""
    texts: dict[int, str] = {}
    stack: list[int | None] = []

    def before(operator, operands, _cm, _tm):
        if operator == b"BDC":
            properties = operands[1] if len(operands) > 1 else {}
            stack.append(properties.get("/MCID") if isinstance(properties, dict) else None)
        elif operator == b"BMC":
            stack.append(None)
        elif operator == b"EMC" and stack:
            stack.pop()

    def text(value, *_args):
        mcid = next((m for m in reversed(stack) if m is not None), None)
        if mcid is not None:
            texts[mcid] = texts.get(mcid, "") + value

    page.extract_text(visitor_operand_before=before, visitor_text=text)
    return texts


def structure(reader: PdfReader) -> Node:
    """The document's structure tree, from ``/StructTreeRoot``'s first element."""
    pages = {page.indirect_reference.idnum: _marked_text(page) for page in reader.pages}
    root = reader.trailer["/Root"]["/StructTreeRoot"]
    first = root["/K"][0] if isinstance(root["/K"], ArrayObject) else root["/K"]
    return _node(first.get_object(), pages, None)


def _node(element: DictionaryObject, pages: dict, page) -> Node:
    page = element.get("/Pg", page)
    attributes = element.get("/A", {})
    if isinstance(attributes, ArrayObject):
        attributes = {k: v for a in attributes for k, v in a.get_object().items()}
    node = Node(str(element.get("/S")), dict(attributes.get_object() if attributes else {}),
                str(element.get("/ID", "")),
                tuple(str(h) for h in attributes.get("/Headers", ())) if attributes else ())
    kids = element.get("/K", [])
    for kid in kids if isinstance(kids, ArrayObject) else [kids]:
        kid = kid.get_object() if hasattr(kid, "get_object") else kid
        if isinstance(kid, int):
            node.own_text += pages.get(page.idnum if page else None, {}).get(kid, "")
        elif isinstance(kid, DictionaryObject) and "/S" in kid:
            node.children.append(_node(kid, pages, page))
        elif isinstance(kid, DictionaryObject) and "/MCID" in kid:
            node.own_text += pages.get(kid.get("/Pg", page).idnum, {}).get(kid["/MCID"], "")
    return node


def id_tree(reader: PdfReader) -> dict[str, object]:
    """The structure tree root's ``/IDTree`` as {ID: element} (a flat name tree)."""
    root = reader.trailer["/Root"]["/StructTreeRoot"]
    if "/IDTree" not in root:
        return {}
    names = root["/IDTree"].get_object().get("/Names", [])
    return {str(names[i]): names[i + 1].get_object() for i in range(0, len(names), 2)}
