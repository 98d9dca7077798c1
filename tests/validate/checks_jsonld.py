"""JSON-LD: kg.jsonld embeds the ontology's context and says what kg.ttl says, and the context
expands a probe document as the ontology means, all offline (checks 3 and 8 of check_exports.py)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pyoxigraph as ox
from pyld import jsonld

from checks_common import KGX, CheckFailed
from checks_helpers import (canonical_lines, compare_sets, find_remote_contexts, load_json,
                            make_offline_loader, normalise_quads, ox_parse)


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
