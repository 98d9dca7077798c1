#!/usr/bin/env python3
"""External validator for kgexport's exports.

Checks the files that `kgexport` writes (kg.ttl, kg.nt, kg.nq, kg.trig, kg.jsonld,
kg.dot) against each other, against the ontology in ontology/ (kgx.ttl, shapes.ttl,
context.jsonld) and against the seed article's expected content, with independent
tools: rdflib, pyoxigraph, pyld, pyshacl and Graphviz `dot`.

Prints one line per check, "ok <name>" or "FAIL <name>: <reason>" (details, such as a
SHACL report or a diff, follow indented), then a summary line "N passed, N failed".
Exit status: 0 all passed, 1 some check failed, 2 a required tool or library is missing.

Run from the repository root:
    python3 tests/validate/check_exports.py [--exports DIR] [--ontology DIR]
        [--broken FILE] [--query-seed | --no-query-seed]
The checks live in the checks_*.py modules beside this script, grouped by what they look at;
this script finds the tools, runs the checks in order and counts them.
See tests/validate/README.md.
"""
from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from checks_common import CheckFailed

SCRIPT_DIR = Path(__file__).resolve().parent
REPO_ROOT = SCRIPT_DIR.parents[1]
REQUIREMENTS = SCRIPT_DIR / "requirements.txt"

MAX_DETAIL_LINES = 400  # cap for long reports (SHACL); diffs are capped at 20 lines


# --------------------------------------------------------------------------- setup

def require_dependencies() -> None:
    """Exit 2, saying what to install, if a library or tool is missing. Never skip.

    The checks import the libraries themselves; main() loads them only after this."""
    problems = []
    try:
        import rdflib  # noqa: F401
    except ImportError as e:
        problems.append(f"Python package rdflib is missing ({e})")
    try:
        import pyoxigraph as ox
        if not (hasattr(ox, "Dataset") and hasattr(ox.Dataset, "canonicalize")
                and hasattr(ox, "CanonicalizationAlgorithm")):
            problems.append("pyoxigraph is too old (needs Dataset.canonicalize, >= 0.4)")
    except ImportError as e:
        problems.append(f"Python package pyoxigraph is missing ({e})")
    try:
        from pyld import jsonld  # noqa: F401
    except ImportError as e:
        problems.append(f"Python package PyLD (import pyld) is missing ({e})")
    try:
        import pyshacl  # noqa: F401
    except ImportError as e:
        problems.append(f"Python package pyshacl is missing ({e})")
    if problems:
        for p in problems:
            print(f"ERROR: {p}", file=sys.stderr)
        print(f"ERROR: install the Python dependencies with:  "
              f"python3 -m pip install -r {REQUIREMENTS}", file=sys.stderr)
    dot = shutil.which("dot")
    if dot is None:
        print("ERROR: Graphviz `dot` is not on PATH; install it with:  "
              "apt-get install -y graphviz", file=sys.stderr)
    if problems or dot is None:
        sys.exit(2)


class Runner:
    def __init__(self) -> None:
        self.passed = 0
        self.failed = 0

    def run(self, name: str, fn, *args) -> bool:
        try:
            info = fn(*args)
        except CheckFailed as e:
            self._fail(name, e.reason, e.details)
            return False
        except Exception as e:  # an unexpected error in a check is a failure, not a crash
            self._fail(name, f"{type(e).__name__}: {e}")
            return False
        self.passed += 1
        print(f"ok {name}" + (f" ({info})" if info else ""), flush=True)
        return True

    def _fail(self, name: str, reason: str, details: list[str] | None = None) -> None:
        self.failed += 1
        reason = " ".join(str(reason).split()) or "failed"
        print(f"FAIL {name}: {reason}", flush=True)
        details = details or []
        shown = details[:MAX_DETAIL_LINES]
        for line in shown:
            print(f"    {line}")
        if len(details) > len(shown):
            print(f"    ... ({len(details) - len(shown)} more lines)")
        sys.stdout.flush()


# --------------------------------------------------------------------------- main

def resolve(arg: str | None, default_rel: str) -> Path:
    """An explicit path is taken relative to the working directory; a default one is
    relative to the repository root, so the script works from anywhere."""
    if arg is not None:
        return Path(arg)
    return REPO_ROOT / default_rel


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(
        description="Validate kgexport's exports with independent RDF tools.")
    ap.add_argument("--exports", metavar="DIR",
                    help="directory with kg.ttl, kg.nt, kg.nq, kg.trig, kg.jsonld, kg.dot "
                         "(default: exports/ in the repository root)")
    ap.add_argument("--ontology", metavar="DIR",
                    help="directory with kgx.ttl, shapes.ttl, context.jsonld "
                         "(default: ontology/ in the repository root)")
    ap.add_argument("--broken", metavar="FILE",
                    help="instance graph that SHACL must reject "
                         "(default: tests/fixtures/broken.ttl in the repository root)")
    ap.add_argument("--query-seed", action=argparse.BooleanOptionalAction, default=True,
                    help="run the SPARQL checks on the seed article's content "
                         "(default: on; --no-query-seed for exports of other articles)")
    args = ap.parse_args(argv)

    require_dependencies()
    # The checks import the libraries as they load: only now that all of them are there.
    from checks_graphviz import check_dot
    from checks_jsonld import (check_context_valid, check_jsonld_context_is_ontology,
                               check_jsonld_isomorphic, check_jsonld_structure)
    from checks_rdf import (check_all_named, check_nq_trig_graphs, check_ox_parse,
                            check_rdflib_parse, check_same_triples, check_vocabulary_closure)
    from checks_seed import check_seed_claims, check_seed_no_asserted_shipment, check_seed_visit
    from checks_shacl import check_shacl_broken, check_shacl_exports
    exports = resolve(args.exports, "exports")
    ontology = resolve(args.ontology, "ontology")
    broken = resolve(args.broken, "tests/fixtures/broken.ttl")
    print(f"# exports={exports} ontology={ontology} broken={broken}")

    r = Runner()
    # 1. parsing
    r.run("parse-rdflib kg.ttl", check_rdflib_parse, exports / "kg.ttl", "turtle")
    r.run("parse-rdflib kg.nt", check_rdflib_parse, exports / "kg.nt", "nt")
    for name, fmt in (("kg.ttl", "TURTLE"), ("kg.nt", "N_TRIPLES"),
                      ("kg.nq", "N_QUADS"), ("kg.trig", "TRIG")):
        r.run(f"parse-oxigraph {name}", check_ox_parse, exports / name, fmt)
    # 2. the serialisations agree
    r.run("same-triples kg.ttl=kg.nt", check_same_triples, exports, "kg.nt", "N_TRIPLES")
    r.run("same-triples kg.ttl=union(kg.nq)", check_same_triples, exports, "kg.nq", "N_QUADS")
    r.run("same-triples kg.ttl=union(kg.trig)", check_same_triples, exports, "kg.trig", "TRIG")
    r.run("named-graphs-only kg.nq", check_all_named, exports, "kg.nq", "N_QUADS")
    r.run("named-graphs-only kg.trig", check_all_named, exports, "kg.trig", "TRIG")
    r.run("named-graphs-match kg.nq=kg.trig", check_nq_trig_graphs, exports)
    # 3. JSON-LD
    r.run("jsonld-structure", check_jsonld_structure, exports)
    r.run("jsonld-context-is-ontology-context", check_jsonld_context_is_ontology,
          exports, ontology)
    r.run("jsonld-isomorphic-to-ttl", check_jsonld_isomorphic, exports)
    # 4. SHACL
    r.run("shacl-exports-conform", check_shacl_exports, exports, ontology)
    r.run("shacl-broken-fixture-rejected", check_shacl_broken, broken, ontology)
    # 5. Graphviz
    r.run("graphviz kg.dot", check_dot, exports / "kg.dot")
    others = sorted(p for p in exports.glob("*.dot") if p.name != "kg.dot") \
        if exports.is_dir() else []
    for p in others:
        r.run(f"graphviz {p.name}", check_dot, p)
    # 6. seed article content
    if args.query_seed:
        r.run("seed-lavrov-visit-to-pyongyang", check_seed_visit, exports, ontology)
        r.run("seed-shipment-claims-usa-affirms-rus-denies", check_seed_claims,
              exports, ontology)
        r.run("seed-no-asserted-shipment", check_seed_no_asserted_shipment,
              exports, ontology)
    else:
        print("skip seed-* (3 SPARQL checks on the seed article): --no-query-seed given")
    # 7. vocabulary
    r.run("vocabulary-closure", check_vocabulary_closure, exports, ontology)
    # 8. context
    r.run("context-jsonld-valid", check_context_valid, ontology)

    print(f"check_exports: {r.passed} passed, {r.failed} failed")
    return 1 if r.failed else 0


if __name__ == "__main__":
    sys.exit(main())
