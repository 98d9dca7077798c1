"""The seed article's content, asked in SPARQL of an Oxigraph store: Lavrov's visit to Pyongyang,
the claims on shipments (the USA affirms, Russia denies), no shipment asserted (check 6 of
check_exports.py)."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from checks_common import KGX, ONTOLOGY_GRAPH, CheckFailed
from checks_helpers import cache, ox_parse


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
    if key not in cache:
        ox_parse(exports / "kg.ttl", "TURTLE")  # raises CheckFailed if unparsable
        store = ox.Store()
        store.load(path=str(exports / "kg.ttl"), format=ox.RdfFormat.TURTLE)
        kgx_ttl = ontology / "kgx.ttl"
        if kgx_ttl.is_file():
            store.load(path=str(kgx_ttl), format=ox.RdfFormat.TURTLE,
                       to_graph=ox.NamedNode(ONTOLOGY_GRAPH))
        cache[key] = store
    return cache[key]


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
