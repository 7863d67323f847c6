"""Finishing WeasyPrint's structure tree so that assistive technology can follow it (PDF/UA-1).

WeasyPrint 70 tags a document page by page: an element that runs over a page break becomes one
structure element per page (a notice read as one article per page, a section cut in two), header
cells carry IDs but no ``/Scope`` and the IDs are in no ``/IDTree``, and a link's description
(``/Contents``) is its target, e.g. an anchor name such as ``legal_basis``. This finisher, run
on the PDF before it is written, mends those three things:

- page fragments of one HTML element become one structure element again (ISO 14289-1 §7.1:
  the logical structure follows the document, not its pages);
- each ``/TH`` gets ``/Scope`` (``/Row`` for ``<th scope="row">``, otherwise ``/Column``, as
  WeasyPrint associates them) and the structure tree root an ``/IDTree`` through which each
  cell's ``/Headers`` resolve (§7.5);
- each link annotation is described by the link's text (§7.18.5).
"""

from __future__ import annotations

import pydyf
from weasyprint.formatting_structure import boxes

#: Roles whose page fragments are joined; links keep their fragments, since each carries its
#: own annotation on its own page.
UNSPLIT_ROLES = frozenset({"/Link"})


def finish(document, pdf) -> None:
    """WeasyPrint ``finisher``: mend the structure tree of ``pdf`` rendered from ``document``."""
    elements = {obj.reference: obj for obj in pdf.objects
                if isinstance(obj, pydyf.Dictionary) and obj.get("Type") == "/StructElem"}
    page_boxes = [page._page_box for page in document.pages]
    _describe_links(page_boxes)
    _scope_header_cells(page_boxes)
    root = next((e for e in elements.values() if e["S"] == "/Document"), None)
    if root is not None:
        _join_fragments(root, _top_level(root, page_boxes, pdf), elements)
    _add_id_tree(pdf, elements)


def _text(box) -> str:
    return " ".join("".join(box.element.itertext()).split())


def _describe_links(page_boxes) -> None:
    for page_box in page_boxes:
        for box in page_box.descendants():
            annotation = getattr(box, "link_annotation", None)
            if annotation is not None and box.element is not None and _text(box):
                annotation["Contents"] = pydyf.String(_text(box))


def _scope_header_cells(page_boxes) -> None:
    for page_box in page_boxes:
        for box in page_box.descendants():
            mark = getattr(box, "mark", None)
            if mark is not None and box.element_tag == "th":
                scope = "/Row" if box.element.get("scope") == "row" else "/Column"
                mark["A"]["Scope"] = scope


def _child_boxes(box) -> list:
    """The boxes under ``box`` that each became one structure element, in order."""
    found = []
    for child in getattr(box, "children", ()):
        found.extend(child.children if isinstance(child, boxes.LineBox) else [child])
    return found


def _body(box):
    """The ``<body>`` box of a page, whose children WeasyPrint hangs under ``/Document``."""
    for child in box.descendants():
        if getattr(child, "element_tag", None) == "body":
            return child
    return None


def _top_level(root, page_boxes, pdf) -> list[tuple]:
    """(structure element reference, box) for each child of ``/Document``, page by page."""
    pairs = []
    for number, page_box in enumerate(page_boxes):
        page = pdf.page_references[number]
        refs = [ref for ref in root["K"] if _page_of(pdf, ref) == page]
        body = _body(page_box)
        child_boxes = _child_boxes(body) if body is not None else []
        if len(refs) != len(child_boxes):
            return []  # an unexpected shape: leave the tree as WeasyPrint made it
        pairs.extend(zip(refs, child_boxes, strict=True))
    return pairs


def _page_of(pdf, ref):
    number = int(ref.split()[0])
    return pdf.objects[number].get("Pg")


def _joinable(element) -> bool:
    return element["S"] not in UNSPLIT_ROLES and all(
        isinstance(kid, bytes) for kid in element["K"])


def _join_fragments(parent, pairs: list[tuple], elements: dict) -> None:
    """Join consecutive children of ``parent`` that are fragments of one HTML element.

    A joined fragment is emptied rather than freed (pydyf would misnumber a freed object in
    its compressed cross-reference stream); nothing refers to it any more.
    """
    kept: list[list] = []  # [element, HTML element, its children as (reference, box) pairs]
    for ref, box in pairs:
        element = elements[ref]
        children = _children_of(element, box, elements)
        if (kept and box.element is not None and kept[-1][1] is box.element
                and kept[-1][0]["S"] == element["S"]
                and _joinable(kept[-1][0]) and _joinable(element)):
            first = kept[-1][0]
            for kid in element["K"]:
                if kid in elements:
                    elements[kid]["P"] = first.reference
                first["K"].append(kid)
            kept[-1][2].extend(children)
            parent["K"].remove(ref)
            element.clear()
            continue
        kept.append([element, box.element, children])
    for element, _html, children in kept:
        _join_fragments(element, children, elements)


def _children_of(element, box, elements) -> list[tuple]:
    refs = [kid for kid in element["K"] if kid in elements]
    child_boxes = _child_boxes(box)
    if len(refs) != len(child_boxes):
        return []
    return list(zip(refs, child_boxes, strict=True))


def _add_id_tree(pdf, elements: dict) -> None:
    """Name every ``/ID`` in the structure tree root's ``/IDTree``, sorted as a name tree is."""
    named = sorted(((element["ID"], element) for element in elements.values()
                    if "ID" in element), key=lambda item: item[0].data)
    if not named:
        return
    names = pydyf.Array()
    for key, element in named:
        names.extend([key, element.reference])
    id_tree = pydyf.Dictionary({"Names": names})
    pdf.add_object(id_tree)
    root = next(obj for obj in pdf.objects
                if isinstance(obj, pydyf.Dictionary) and obj.get("Type") == "/StructTreeRoot")
    root["IDTree"] = id_tree.reference
