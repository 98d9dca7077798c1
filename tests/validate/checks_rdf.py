"""The RDF files of the exports: each parses (rdflib, pyoxigraph), the serialisations hold the same
triples, N-Quads and TriG put every statement in an article graph, and every kgx: term used is
declared in the ontology (checks 1, 2 and 7 of check_exports.py)."""
from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox

from checks_common import KGX, RDF_TYPE, CheckFailed
from checks_helpers import canonical_lines, compare_sets, diff_lines, ox_parse, rdflib_parse


# --------------------------------------------------------------------------- 1. parsing

def check_rdflib_parse(path: Path, fmt: str) -> str:
    g = rdflib_parse(path, fmt)
    if len(g) == 0:
        raise CheckFailed(f"{path.name} parsed but holds no triples")
    return f"{len(g)} triples"


def check_ox_parse(path: Path, fmt_name: str) -> str:
    quads = ox_parse(path, fmt_name)
    if not quads:
        raise CheckFailed(f"{path.name} parsed but holds no statements")
    graphs = {q.graph_name for q in quads if not isinstance(q.graph_name, ox.DefaultGraph)}
    extra = f", {len(graphs)} named graph(s)" if fmt_name in ("N_QUADS", "TRIG") else ""
    return f"{len(quads)} statements{extra}"


# --------------------------------------------------------------------------- 2. consistency

def check_same_triples(exports: Path, other: str, other_fmt: str) -> str:
    ttl = canonical_lines(ox_parse(exports / "kg.ttl", "TURTLE"))
    oth = canonical_lines(ox_parse(exports / other, other_fmt))
    label = other if other_fmt == "N_TRIPLES" else f"union of named graphs of {other}"
    return compare_sets(ttl, oth, "kg.ttl", label)


def check_all_named(exports: Path, name: str, fmt_name: str) -> str:
    quads = ox_parse(exports / name, fmt_name)
    default = [q for q in quads if isinstance(q.graph_name, ox.DefaultGraph)]
    if default:
        sample = [str(ox.Triple(q.subject, q.predicate, q.object)) for q in default[:10]]
        raise CheckFailed(f"{len(default)} of {len(quads)} statements in {name} are in the "
                          f"default graph (every statement must be in an article graph)",
                          sample)
    graphs = sorted({str(q.graph_name) for q in quads})
    bad = [g for g in graphs if not re.search(r"/graph/[^/]+>$", g)]
    if bad:
        raise CheckFailed(f"graph names in {name} do not look like <.../graph/<key>>", bad[:20])
    return f"{len(graphs)} named graph(s): " + ", ".join(graphs[:5]) + (
        " ..." if len(graphs) > 5 else "")


def check_nq_trig_graphs(exports: Path) -> str:
    nq = ox_parse(exports / "kg.nq", "N_QUADS")
    tg = ox_parse(exports / "kg.trig", "TRIG")
    gn = {str(q.graph_name) for q in nq}
    gt = {str(q.graph_name) for q in tg}
    if gn != gt:
        raise CheckFailed("graph names differ between kg.nq and kg.trig",
                          [f"only in kg.nq: {g}" for g in sorted(gn - gt)]
                          + [f"only in kg.trig: {g}" for g in sorted(gt - gn)])
    a = canonical_lines(nq, keep_graph=True)
    b = canonical_lines(tg, keep_graph=True)
    if a != b:
        raise CheckFailed("kg.nq and kg.trig hold different quads (same graph names)",
                          diff_lines(a, b, "kg.nq", "kg.trig"))
    return f"{len(gn)} graph(s), {len(a)} quads"


# --------------------------------------------------------------------------- 7. vocabulary

def check_vocabulary_closure(exports: Path, ontology: Path) -> str:
    used: dict[str, set[str]] = {}

    def note(term, role):
        if isinstance(term, ox.NamedNode) and term.value.startswith(KGX):
            used.setdefault(term.value, set()).add(role)
        elif isinstance(term, ox.Literal) and term.datatype.value.startswith(KGX):
            used.setdefault(term.datatype.value, set()).add("datatype")

    for q in ox_parse(exports / "kg.ttl", "TURTLE"):
        note(q.subject, "subject")
        note(q.predicate, "predicate")
        note(q.object, "class" if q.predicate.value == RDF_TYPE else "object")
    declared = {q.subject.value for q in ox_parse(ontology / "kgx.ttl", "TURTLE")
                if isinstance(q.subject, ox.NamedNode)}
    missing = sorted(set(used) - declared)
    if missing:
        raise CheckFailed(f"{len(missing)} kgx: term(s) used in kg.ttl are not declared "
                          f"(as a subject) in {ontology.name}/kgx.ttl",
                          [f"kgx:{m[len(KGX):]} (used as {', '.join(sorted(used[m]))})"
                           for m in missing])
    return f"{len(used)} kgx: terms used, all declared"
