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
See tests/validate/README.md.
"""
from __future__ import annotations

import argparse
import json
import math
import re
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

KGX = "https://w3id.org/kgexport/ns#"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
SH = "http://www.w3.org/ns/shacl#"
ONTOLOGY_GRAPH = "urn:x-kgexport-validate:ontology"

SCRIPT_DIR = Path(__file__).resolve().parent
REPO_ROOT = SCRIPT_DIR.parents[1]
REQUIREMENTS = SCRIPT_DIR / "requirements.txt"

DOUBLE_TYPES = {XSD + "double", XSD + "float"}
INTEGER_TYPES = {
    XSD + t
    for t in (
        "integer", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger",
        "negativeInteger", "long", "int", "short", "byte", "unsignedLong",
        "unsignedInt", "unsignedShort", "unsignedByte",
    )
}
MAX_DETAIL_LINES = 400  # cap for long reports (SHACL); diffs are capped at 20 lines

# Filled in by require_dependencies().
rdflib = None
ox = None
jsonld = None
pyshacl = None
DOT = None


# --------------------------------------------------------------------------- setup

def require_dependencies() -> None:
    """Exit 2, saying what to install, if a library or tool is missing. Never skip."""
    global rdflib, ox, jsonld, pyshacl, DOT
    problems = []
    try:
        import rdflib as _rdflib
        rdflib = _rdflib
    except ImportError as e:
        problems.append(f"Python package rdflib is missing ({e})")
    try:
        import pyoxigraph as _ox
        ox = _ox
        if not (hasattr(_ox, "Dataset") and hasattr(_ox.Dataset, "canonicalize")
                and hasattr(_ox, "CanonicalizationAlgorithm")):
            problems.append("pyoxigraph is too old (needs Dataset.canonicalize, >= 0.4)")
    except ImportError as e:
        problems.append(f"Python package pyoxigraph is missing ({e})")
    try:
        from pyld import jsonld as _jsonld
        jsonld = _jsonld
    except ImportError as e:
        problems.append(f"Python package PyLD (import pyld) is missing ({e})")
    try:
        import pyshacl as _pyshacl
        pyshacl = _pyshacl
    except ImportError as e:
        problems.append(f"Python package pyshacl is missing ({e})")
    if problems:
        for p in problems:
            print(f"ERROR: {p}", file=sys.stderr)
        print(f"ERROR: install the Python dependencies with:  "
              f"python3 -m pip install -r {REQUIREMENTS}", file=sys.stderr)
    DOT = shutil.which("dot")
    if DOT is None:
        print("ERROR: Graphviz `dot` is not on PATH; install it with:  "
              "apt-get install -y graphviz", file=sys.stderr)
    if problems or DOT is None:
        sys.exit(2)


class CheckFailed(Exception):
    def __init__(self, reason: str, details: list[str] | str | None = None):
        super().__init__(reason)
        self.reason = reason
        if isinstance(details, str):
            details = details.splitlines()
        self.details = details or []


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


# --------------------------------------------------------------------------- helpers

_cache: dict = {}


def need_file(path: Path) -> Path:
    if not path.is_file():
        raise CheckFailed(f"{path} does not exist")
    return path


def ox_parse(path: Path, fmt_name: str) -> list:
    """All quads of a file, parsed by pyoxigraph (cached). Raises CheckFailed."""
    key = ("ox", str(path), fmt_name)
    if key not in _cache:
        need_file(path)
        fmt = getattr(ox.RdfFormat, fmt_name)
        try:
            _cache[key] = list(ox.parse(path=str(path), format=fmt))
        except Exception as e:
            _cache[key] = e
    val = _cache[key]
    if isinstance(val, Exception):
        raise CheckFailed(f"pyoxigraph cannot parse {path.name} as {fmt_name}: "
                          f"{type(val).__name__}: {val}")
    return val


def rdflib_parse(path: Path, fmt: str):
    key = ("rdflib", str(path), fmt)
    if key not in _cache:
        need_file(path)
        g = rdflib.Graph()
        try:
            g.parse(str(path), format=fmt)
            _cache[key] = g
        except Exception as e:
            _cache[key] = e
    val = _cache[key]
    if isinstance(val, Exception):
        raise CheckFailed(f"rdflib cannot parse {path.name} as {fmt}: "
                          f"{type(val).__name__}: {val}")
    return val


def is_bnode(t) -> bool:
    return isinstance(t, ox.BlankNode)


def has_bnodes(quads) -> bool:
    return any(is_bnode(q.subject) or is_bnode(q.object) or is_bnode(q.graph_name)
               for q in quads)


def canonical_lines(quads, keep_graph: bool = False) -> set[str]:
    """A set of N-Quads lines for the quads, graph names dropped unless keep_graph.

    Blank nodes (if any) are renamed canonically with pyoxigraph, so isomorphic inputs
    give equal sets; without blank nodes the terms are compared as they are.
    """
    if keep_graph:
        items = list(quads)
    else:
        items = [ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in quads]
    ds = ox.Dataset(items)
    if has_bnodes(items):
        ds.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return {line for line in str(ds).splitlines() if line.strip()}


def diff_lines(left: set[str], right: set[str], lname: str, rname: str,
               limit: int = 20) -> list[str]:
    only_l = left - right
    only_r = right - left
    out = [f"{len(only_l)} only in {lname}, {len(only_r)} only in {rname}"
           f" (symmetric difference, first {limit} lines):"]
    if any("_:" in x for x in only_l | only_r):
        out.append("(blank-node labels are canonical per side; when the graphs differ they "
                   "may shift, so ground triples are listed first)")

    def order(item):  # ground triples first; pair up lines that differ only in bnode labels
        line = item[1]
        return ("_:" in line, re.sub(r"_:\S+", "_:", line), item[0])

    merged = sorted([("-", x) for x in only_l] + [("+", x) for x in only_r], key=order)
    merged = [f"- {lname}: {x}" if sign == "-" else f"+ {rname}: {x}" for sign, x in merged]
    out.extend(merged[:limit])
    if len(merged) > limit:
        out.append(f"... {len(merged) - limit} more")
    return out


def compare_sets(left: set[str], right: set[str], lname: str, rname: str) -> str:
    if left != right:
        raise CheckFailed(f"{lname} and {rname} differ",
                          diff_lines(left, right, lname, rname))
    return f"{len(left)} triples"


def canon_double(lex: str) -> str:
    """Canonical XSD lexical form of a double: '9.2E-1', '1.0E0', '0.0E0', 'INF', 'NaN'."""
    s = lex.strip()
    if s in ("INF", "+INF", "-INF", "NaN"):
        return s.lstrip("+")
    f = float(s)  # ValueError for junk: caller keeps the literal as it is
    if math.isnan(f):
        return "NaN"
    if math.isinf(f):
        return "INF" if f > 0 else "-INF"
    if f == 0.0:
        return "-0.0E0" if math.copysign(1.0, f) < 0 else "0.0E0"
    sign, digits, exp = Decimal(repr(f)).as_tuple()
    digits = list(digits)
    while len(digits) > 1 and digits[-1] == 0:
        digits.pop()
        exp += 1
    exponent = exp + len(digits) - 1
    rest = "".join(map(str, digits[1:])) or "0"
    return f"{'-' if sign else ''}{digits[0]}.{rest}E{exponent}"


def normalise_term(t):
    """Lower-case language tags; canonical numerals for xsd:double/float and integers."""
    if not isinstance(t, ox.Literal):
        return t
    if t.language:
        return ox.Literal(t.value, language=t.language.lower())
    dt = t.datatype.value
    try:
        if dt in DOUBLE_TYPES:
            return ox.Literal(canon_double(t.value), datatype=t.datatype)
        if dt in INTEGER_TYPES:
            return ox.Literal(str(int(t.value.strip())), datatype=t.datatype)
    except ValueError:
        pass  # not a valid number: compare as written
    return t


def normalise_quads(quads) -> list:
    return [ox.Quad(q.subject, q.predicate, normalise_term(q.object), q.graph_name)
            for q in quads]


class RemoteContextRefused(Exception):
    pass


def make_offline_loader(requested: list[str]):
    """A pyld documentLoader that never touches the network and records what was asked."""
    def loader(url, options=None):
        requested.append(url)
        raise RemoteContextRefused(
            f"refusing to fetch {url!r}: the context must be embedded, no network")
    return loader


def find_remote_contexts(node, path="$") -> list[str]:
    """Places where a document refers to a context by IRI (string @context or @import)."""
    found = []
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "@context":
                for i, c in enumerate(v if isinstance(v, list) else [v]):
                    if isinstance(c, str):
                        found.append(f"{path}.@context[{i}] = {c!r}")
            if k == "@import" and isinstance(v, str):
                found.append(f"{path}.@import = {v!r}")
            found.extend(find_remote_contexts(v, f"{path}.{k}"))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            found.extend(find_remote_contexts(v, f"{path}[{i}]"))
    return found


def load_json(path: Path):
    need_file(path)
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except (ValueError, UnicodeDecodeError) as e:
        raise CheckFailed(f"{path.name} is not valid JSON: {e}")


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


# --------------------------------------------------------------------------- 3. JSON-LD

def graph_key_aliases(ctx) -> set[str]:
    aliases = {"@graph"}
    for c in ctx if isinstance(ctx, list) else [ctx]:
        if isinstance(c, dict):
            for k, v in c.items():
                if v == "@graph" or (isinstance(v, dict) and v.get("@id") == "@graph"):
                    aliases.add(k)
    return aliases


def check_jsonld_structure(exports: Path) -> str:
    doc = load_json(exports / "kg.jsonld")
    if not isinstance(doc, dict):
        raise CheckFailed("top level of kg.jsonld is not a JSON object "
                          "(expected {\"@context\": {...}, \"@graph\": [...]})")
    remote = find_remote_contexts(doc)
    if remote:
        raise CheckFailed("kg.jsonld refers to a remote context (the context must be "
                          "embedded)", remote[:20])
    if "@context" not in doc:
        raise CheckFailed("kg.jsonld has no top-level @context")
    ctx = doc["@context"]
    if not (isinstance(ctx, dict) or (isinstance(ctx, list)
                                      and all(isinstance(c, dict) for c in ctx))):
        raise CheckFailed("top-level @context is not an embedded object")
    keys = graph_key_aliases(ctx) & set(doc)
    if not keys:
        raise CheckFailed("kg.jsonld has neither @graph nor an alias of it (e.g. \"graph\")")
    key = sorted(keys)[0]
    if not isinstance(doc[key], list):
        raise CheckFailed(f"kg.jsonld's {key!r} is not an array")
    return f"@context embedded, {len(doc[key])} top-level nodes under {key!r}"


def check_jsonld_context_is_ontology(exports: Path, ontology: Path) -> str:
    doc = load_json(exports / "kg.jsonld")
    ctxfile = load_json(ontology / "context.jsonld")
    if not isinstance(doc, dict) or "@context" not in doc:
        raise CheckFailed("kg.jsonld has no top-level @context")
    if not isinstance(ctxfile, dict) or "@context" not in ctxfile:
        raise CheckFailed("ontology/context.jsonld has no @context")
    emb, ref = doc["@context"], ctxfile["@context"]
    if emb == ref or (isinstance(emb, list) and ref in emb):
        return "embedded context equals ontology/context.jsonld"
    if isinstance(emb, dict) and isinstance(ref, dict):
        diffs = [f"{k}: kg.jsonld={emb.get(k, '<absent>')!r} "
                 f"context.jsonld={ref.get(k, '<absent>')!r}"
                 for k in sorted(set(emb) | set(ref)) if emb.get(k) != ref.get(k)]
    else:
        diffs = []
    raise CheckFailed("the @context embedded in kg.jsonld is not that of "
                      "ontology/context.jsonld", diffs[:20])


def check_jsonld_isomorphic(exports: Path) -> str:
    doc = load_json(exports / "kg.jsonld")
    remote = find_remote_contexts(doc)
    if remote:
        raise CheckFailed("kg.jsonld refers to a remote context", remote[:20])
    requested: list[str] = []
    try:
        nq = jsonld.to_rdf(doc, {"format": "application/n-quads",
                                 "documentLoader": make_offline_loader(requested)})
    except Exception as e:
        if requested:
            raise CheckFailed(f"pyld tried to load remote document(s) {requested}")
        raise CheckFailed(f"pyld to_rdf failed: {type(e).__name__}: {e}")
    if requested:
        raise CheckFailed(f"pyld tried to load remote document(s) {requested}")
    try:
        jl_quads = list(ox.parse(input=nq, format=ox.RdfFormat.N_QUADS))
    except Exception as e:
        raise CheckFailed(f"pyld's N-Quads output does not parse: {e}")
    if not jl_quads:
        raise CheckFailed("kg.jsonld yields no triples (relative IRIs without @base are "
                          "dropped by JSON-LD to-RDF)")
    ttl_quads = ox_parse(exports / "kg.ttl", "TURTLE")
    a = canonical_lines(normalise_quads(ttl_quads))
    b = canonical_lines(normalise_quads(jl_quads))
    return compare_sets(a, b, "kg.ttl", "kg.jsonld")


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


# --------------------------------------------------------------------------- 5. Graphviz

def check_dot(path: Path) -> str:
    need_file(path)
    try:
        proc = subprocess.run([DOT, "-Tsvg", str(path), "-o", "/dev/null"],
                              capture_output=True, text=True, timeout=300)
    except subprocess.TimeoutExpired:
        raise CheckFailed("dot did not finish within 300 s")
    err = proc.stderr.strip()
    if proc.returncode != 0:
        raise CheckFailed(f"dot exited {proc.returncode}", err)
    if err:
        raise CheckFailed("dot printed warnings on stderr", err)
    return "renders with no warnings"


# --------------------------------------------------------------------------- 6. seed SPARQL

PREFIXES = f"""
PREFIX kgx: <{KGX}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


def isa(var: str, cls: str) -> str:
    """?var is a kgx:cls, directly or through a sub-class declared in kgx.ttl."""
    return (f"{{ {var} a kgx:{cls} }} UNION "
            f"{{ {var} a ?_c_{var[1:]} . GRAPH <{ONTOLOGY_GRAPH}> "
            f"{{ ?_c_{var[1:]} rdfs:subClassOf+ kgx:{cls} }} }}")


def seed_store(exports: Path, ontology: Path):
    key = ("store", str(exports), str(ontology))
    if key not in _cache:
        ox_parse(exports / "kg.ttl", "TURTLE")  # raises CheckFailed if unparsable
        store = ox.Store()
        store.load(path=str(exports / "kg.ttl"), format=ox.RdfFormat.TURTLE)
        kgx_ttl = ontology / "kgx.ttl"
        if kgx_ttl.is_file():
            store.load(path=str(kgx_ttl), format=ox.RdfFormat.TURTLE,
                       to_graph=ox.NamedNode(ONTOLOGY_GRAPH))
        _cache[key] = store
    return _cache[key]


def check_seed_visit(exports: Path, ontology: Path) -> str:
    store = seed_store(exports, ontology)
    q = PREFIXES + f"""
    SELECT DISTINCT ?visit ?place WHERE {{
      {isa('?visit', 'Visit')}
      ?visit kgx:visitor ?who .
      ?who rdfs:label ?wl . FILTER(REGEX(STR(?wl), "Lawrow|Lavrov"))
      ?visit kgx:destination|kgx:host|kgx:location ?place .
      {{ ?place rdfs:label ?pl . FILTER(REGEX(STR(?pl), "Pjöngjang|Pyongyang")) }}
      UNION {{ ?place kgx:isoCode "PRK" }}
      UNION {{ ?place kgx:country/kgx:isoCode "PRK" }}
    }}"""
    rows = list(store.query(q))
    if not rows:
        raise CheckFailed("no kgx:Visit with a visitor labelled /Lawrow|Lavrov/ and a "
                          "destination/host/location that is Pjöngjang/Pyongyang or "
                          "(in) the state with kgx:isoCode \"PRK\"")
    visits = sorted({str(r["visit"]) for r in rows})
    return f"{len(visits)} visit(s): " + ", ".join(visits[:3])


def check_seed_claims(exports: Path, ontology: Path) -> str:
    store = seed_store(exports, ontology)
    q_all = PREFIXES + f"""
    SELECT DISTINCT ?claim ?stance WHERE {{
      {isa('?claim', 'Claim')}
      ?claim kgx:claimTarget ?ship .
      {isa('?ship', 'Shipment')}
      OPTIONAL {{ ?claim kgx:stance ?stance }}
    }}"""
    rows = list(store.query(q_all))
    claims = {str(r["claim"]) for r in rows}

    def speaker_of(stance: str, iso: str) -> set[str]:
        q = PREFIXES + f"""
        SELECT DISTINCT ?claim WHERE {{
          {isa('?claim', 'Claim')}
          ?claim kgx:claimTarget ?ship ; kgx:stance kgx:{stance} ; kgx:speaker ?sp .
          {isa('?ship', 'Shipment')}
          {{ ?sp kgx:isoCode "{iso}" }} UNION {{ ?sp kgx:country/kgx:isoCode "{iso}" }}
        }}"""
        return {str(r["claim"]) for r in store.query(q)}

    affirm_usa = speaker_of("Affirms", "USA")
    deny_rus = speaker_of("Denies", "RUS")
    problems = []
    if len(claims) < 2:
        problems.append(f"{len(claims)} kgx:Claim(s) target a kgx:Shipment, expected at least 2")
    if not affirm_usa:
        problems.append("no kgx:Affirms claim about a shipment whose speaker is (or has "
                        "kgx:country) the state with kgx:isoCode \"USA\"")
    if not deny_rus:
        problems.append("no kgx:Denies claim about a shipment whose speaker is (or has "
                        "kgx:country) the state with kgx:isoCode \"RUS\"")
    if problems:
        raise CheckFailed("; ".join(problems),
                          [f"claim {str(r['claim'])} stance "
                           f"{str(r['stance']) if r['stance'] is not None else '<none>'}"
                           for r in rows][:20])
    return (f"{len(claims)} claims on shipments; {len(affirm_usa)} affirm by USA, "
            f"{len(deny_rus)} deny by RUS")


def check_seed_no_asserted_shipment(exports: Path, ontology: Path) -> str:
    store = seed_store(exports, ontology)
    q = PREFIXES + f"""
    SELECT DISTINCT ?ship WHERE {{
      {isa('?ship', 'Shipment')}
      ?ship kgx:factuality kgx:Asserted .
    }}"""
    bad = sorted({str(r["ship"]) for r in store.query(q)})
    if bad:
        raise CheckFailed(f"{len(bad)} kgx:Shipment(s) have kgx:factuality kgx:Asserted "
                          f"(the article only attributes the shipment)", bad[:20])
    q_n = PREFIXES + f"SELECT DISTINCT ?ship WHERE {{ {isa('?ship', 'Shipment')} }}"
    n = len({str(r["ship"]) for r in store.query(q_n)})
    return f"{n} shipment(s), none Asserted"


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


# --------------------------------------------------------------------------- 8. context

def check_context_valid(ontology: Path) -> str:
    ctxfile = load_json(ontology / "context.jsonld")
    if not isinstance(ctxfile, dict) or "@context" not in ctxfile:
        raise CheckFailed("context.jsonld is not an object with an @context member")
    remote = find_remote_contexts(ctxfile)
    if remote:
        raise CheckFailed("context.jsonld refers to remote context(s)", remote[:20])
    doc = {"@context": ctxfile["@context"], "@id": "event/validator-probe",
           "@type": "Visit", "factuality": "Planned"}
    requested: list[str] = []
    try:
        expanded = jsonld.expand(doc, {"documentLoader": make_offline_loader(requested)})
    except Exception as e:
        if requested:
            raise CheckFailed(f"expanding with the context tried to load {requested}")
        raise CheckFailed(f"pyld cannot expand a document with this context: "
                          f"{type(e).__name__}: {e}")
    if requested:
        raise CheckFailed(f"expanding with the context tried to load {requested}")
    if len(expanded) != 1:
        raise CheckFailed(f"probe document expanded to {len(expanded)} nodes, expected 1",
                          json.dumps(expanded, indent=1))
    node = expanded[0]
    problems = []
    if KGX + "Visit" not in node.get("@type", []):
        problems.append(f"\"@type\": \"Visit\" expands to {node.get('@type')}, "
                        f"expected kgx:Visit")
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", node.get("@id", "")):
        problems.append(f"relative @id did not become an absolute IRI: {node.get('@id')!r} "
                        f"(is @base set?)")
    fact = node.get(KGX + "factuality")
    if fact != [{"@id": KGX + "Planned"}]:
        problems.append(f"\"factuality\": \"Planned\" expands to {fact}, expected "
                        f"[{{'@id': kgx:Planned}}] (enumerations as plain strings)")
    if problems:
        raise CheckFailed("; ".join(problems), json.dumps(expanded, indent=1))
    return f"probe expands to @id {node['@id']}"


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
