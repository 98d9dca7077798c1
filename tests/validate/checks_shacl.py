"""SHACL: the exports conform to the ontology's shapes, and the broken fixture does not (check 4
of check_exports.py)."""
from __future__ import annotations

from pathlib import Path

import pyshacl
import rdflib

from checks_common import SH, CheckFailed
from checks_helpers import need_file, rdflib_parse


# --------------------------------------------------------------------------- 4. SHACL

def shacl_validate(data_files: list[Path], shapes_file: Path):
    data = rdflib.Graph()
    for f in data_files:
        data += rdflib_parse(f, "turtle")
    shapes = rdflib_parse(need_file(shapes_file), "turtle")
    conforms, results_graph, text = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", advanced=True,
        abort_on_first=False, meta_shacl=False, debug=False)
    n = len(set(results_graph.subjects(rdflib.RDF.type,
                                       rdflib.URIRef(SH + "ValidationResult"))))
    return conforms, n, text


def check_shacl_exports(exports: Path, ontology: Path) -> str:
    conforms, n, text = shacl_validate(
        [need_file(exports / "kg.ttl"), need_file(ontology / "kgx.ttl")],
        ontology / "shapes.ttl")
    if not conforms:
        raise CheckFailed(f"kg.ttl ∪ kgx.ttl does not conform to shapes.ttl "
                          f"({n} validation results)", text)
    return "conforms"


def check_shacl_broken(broken: Path, ontology: Path) -> str:
    conforms, n, text = shacl_validate(
        [need_file(broken), need_file(ontology / "kgx.ttl")], ontology / "shapes.ttl")
    if conforms:
        raise CheckFailed(f"{broken.name} ∪ kgx.ttl CONFORMS, but the fixture is meant to "
                          f"be rejected")
    if n < 5:
        raise CheckFailed(f"{broken.name} is rejected with only {n} validation result(s), "
                          f"expected at least 5", text)
    return f"rejected with {n} validation results"
