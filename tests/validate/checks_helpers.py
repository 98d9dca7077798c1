"""The helpers of check_exports.py's checks: files parsed once (pyoxigraph, rdflib), triple sets
compared (canonical blank nodes, a readable diff), literals normalised (numbers, language tags),
and JSON-LD read offline (no remote context is ever fetched)."""
from __future__ import annotations

import json
import math
import re
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import rdflib

from checks_common import XSD, CheckFailed

DOUBLE_TYPES = {XSD + "double", XSD + "float"}
INTEGER_TYPES = {
    XSD + t
    for t in (
        "integer", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger",
        "negativeInteger", "long", "int", "short", "byte", "unsignedLong",
        "unsignedInt", "unsignedShort", "unsignedByte",
    )
}


# --------------------------------------------------------------------------- helpers

cache: dict = {}


def need_file(path: Path) -> Path:
    if not path.is_file():
        raise CheckFailed(f"{path} does not exist")
    return path


def cached_parse(tool: str, path: Path, fmt: str, parse):
    """`parse()` of a file by `tool`, cached with its failure. Raises CheckFailed."""
    key = (tool, str(path), fmt)
    if key not in cache:
        need_file(path)
        try:
            cache[key] = parse()
        except Exception as e:
            cache[key] = e
    val = cache[key]
    if isinstance(val, Exception):
        raise CheckFailed(f"{tool} cannot parse {path.name} as {fmt}: "
                          f"{type(val).__name__}: {val}")
    return val


def ox_parse(path: Path, fmt_name: str) -> list:
    """All quads of a file, parsed by pyoxigraph (cached). Raises CheckFailed."""
    fmt = getattr(ox.RdfFormat, fmt_name)
    return cached_parse("pyoxigraph", path, fmt_name, lambda: list(ox.parse(path=str(path), format=fmt)))


def rdflib_parse(path: Path, fmt: str):
    """The rdflib graph of a file (cached). Raises CheckFailed."""
    def parse():
        g = rdflib.Graph()
        g.parse(str(path), format=fmt)
        return g
    return cached_parse("rdflib", path, fmt, parse)


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
