"""The W3C Data Privacy Vocabulary 2.3 terms the portal uses, vendored with their kind.

Every IRI a notice's JSON-LD emits must exist in the DPV 2.3 release as the kind it is used as:
a class (``rdfs:Class``/``skos:Concept``, used as ``@type`` or as a concept value) or a property
(``rdf:Property``, used as a key) (legal rules §3). ``dpv-2.3-terms.tsv`` beside this module
lists them; it is derived from the release's Turtle files, never written by hand::

    python -m portal.notices.dpvterms ../shared/vocab/dpv-2.3 > portal/notices/dpv-2.3-terms.tsv

(needs ``rdflib``, a test dependency). Which terms are needed is the code's own list
(``jsonld.vocabulary``) plus every country of DPV's ``loc`` (a transfer may name any).
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path

TERMS_FILE = Path(__file__).with_name("dpv-2.3-terms.tsv")
NAMESPACES = {
    "dpv": "https://w3id.org/dpv#",
    "pd": "https://w3id.org/dpv/pd#",
    "eu-gdpr": "https://w3id.org/dpv/legal/eu/gdpr#",
    "legal-eu": "https://w3id.org/dpv/legal/eu#",
    "legal-fi": "https://w3id.org/dpv/legal/fi#",
    "loc": "https://w3id.org/dpv/loc#",
}
#: The release's files that define the namespaces above.
SOURCES = ("dpv/dpv.ttl", "pd/pd.ttl", "legal/eu/gdpr/eu-gdpr.ttl", "legal/eu/legal-eu.ttl",
           "legal/fi/legal-fi.ttl", "loc/loc.ttl")
#: DPV 2.2 respelled these ``pd:`` concepts; published versions keep the code they were stored
#: with, and the JSON-LD names the 2.3 term.
RESPELLED = {"Behavioral": "Behavioural", "BrowsingBehavior": "BrowsingBehaviour",
             "ServiceConsumptionBehavior": "ServiceConsumptionBehaviour"}


@functools.cache
def terms() -> dict[str, str]:
    """``{"dpv:Process": "class", "dpv:hasProcess": "property", ...}``"""
    result = {}
    for line in TERMS_FILE.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            term, kind = line.split("\t")
            result[term] = kind
    return result


@functools.cache
def countries() -> frozenset[str]:
    """ISO 3166 codes of the countries DPV 2.3's ``loc`` names (``loc:US``)."""
    return frozenset(term.removeprefix("loc:") for term in terms() if term.startswith("loc:"))


def pd_term(code: str) -> str:
    """The 2.3 ``pd:`` term of a stored personal-data code."""
    return f"pd:{RESPELLED.get(code, code)}"


def derive(release: Path, needed: set[str]) -> dict[str, str]:
    """The kind of each needed term, and of every country, in the Turtle files of ``release``.

    Raises ``KeyError`` naming the needed terms the release does not define.
    """
    from rdflib import RDF, RDFS, Graph, URIRef
    from rdflib.namespace import SKOS

    graph = Graph()
    for name in SOURCES:
        graph.parse(release / name, format="turtle")
    kinds = {}
    for prefix, base in NAMESPACES.items():
        for subject in set(graph.subjects()):
            if not (isinstance(subject, URIRef) and subject.startswith(base)):
                continue
            name = f"{prefix}:{subject.removeprefix(base)}"
            types = set(graph.objects(subject, RDF.type))
            if RDF.Property in types:
                kinds[name] = "property"
            elif RDFS.Class in types or SKOS.Concept in types:
                kinds[name] = "class"
    missing = needed - set(kinds)
    if missing:
        raise KeyError(f"not in DPV 2.3: {', '.join(sorted(missing))}")
    country = URIRef(NAMESPACES["dpv"] + "Country")
    countries = {f"loc:{s.removeprefix(NAMESPACES['loc'])}"
                 for s in graph.subjects(RDF.type, country)}
    return {term: kinds[term] for term in sorted(needed | countries)}


def main(argv: list[str]) -> int:
    from .jsonld import vocabulary

    release = Path(argv[0])
    table = derive(release, vocabulary())
    print("# W3C Data Privacy Vocabulary 2.3 terms this project uses, with their kind.")
    print("# Derived by `python -m portal.notices.dpvterms DPV-2.3-FOLDER`; do not edit by hand.")
    print("# Release: w3c/dpv tag dpv-2.3 (cbcd21567808812677eeb3bb0f05b2ff2c2211a5), folder 2.3/.")
    for term, kind in table.items():
        print(f"{term}\t{kind}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
