"""Checks kgexport's flat tables and network against its N-Triples, with outside readers.

Usage: check_tables.py --nt kg.nt [--csv kg.csv] [--plover kg.plover.jsonl] [--graphml kg.graphml]

The events of the RDF are the subjects typed kgx:Visit, kgx:Meeting, kgx:Invitation,
kgx:Shipment or kgx:Event (read with pyoxigraph). The CSV (Python's csv module) must hold one
row per event, the same event IRIs, and each row the event's kgx:factuality; the PLOVER file
(json, line by line) one object per event with the same ids, factualities and PLOVER codes;
the GraphML (networkx) must say how many events it read, and its edges may only name RDF
events whose count is the number drawn. Prints one line per check and ends with
'check_tables: N passed, N failed'. Exit status 0 when all pass, 1 otherwise.
"""

import argparse
import csv
import json
import sys

import networkx
import pyoxigraph

KGX = "https://w3id.org/kgexport/ns#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
EVENT_CLASSES = {KGX + c for c in ("Visit", "Meeting", "Invitation", "Shipment", "Event")}

results = []


def check(name, ok, detail=""):
    results.append(ok)
    print(("ok " if ok else "FAIL ") + name + (f" ({detail})" if detail else ""))


def rdf_events(path):
    events, factuality, plover = set(), {}, {}
    with open(path, "rb") as f:
        for t in pyoxigraph.parse(f, format=pyoxigraph.RdfFormat.N_TRIPLES):
            s, p, o = t.subject.value, t.predicate.value, t.object
            if p == RDF_TYPE and o.value in EVENT_CLASSES:
                events.add(s)
            elif p == KGX + "factuality":
                factuality[s] = o.value[len(KGX):]
            elif p == KGX + "eventType" and o.value.startswith("PLOVER:"):
                plover[s] = o.value[len("PLOVER:"):]
    return events, factuality, plover


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--nt", required=True)
    ap.add_argument("--csv")
    ap.add_argument("--plover")
    ap.add_argument("--graphml")
    args = ap.parse_args()
    events, factuality, plover = rdf_events(args.nt)
    print(f"rdf events: {len(events)}")
    if args.csv:
        with open(args.csv, newline="", encoding="utf-8") as f:
            reader = csv.reader(f)
            header = next(reader)
            raw = list(reader)
        check("csv-rectangular", all(len(r) == len(header) for r in raw), f"{len(header)} columns")
        rows = [dict(zip(header, r)) for r in raw]
        check("csv-one-row-per-event", len(rows) == len(events), f"{len(rows)} rows, {len(events)} events")
        check("csv-same-events", {r["event"] for r in rows} == events)
        wrong = [r["event"] for r in rows if factuality.get(r["event"]) != r["factuality"]]
        check("csv-factuality-as-in-rdf", not wrong, ", ".join(wrong[:3]))
        for column in ("article", "url", "published", "class", "cameo", "plover", "start_date", "latest_date",
                       "visitor", "visitor_iri", "visitor_country", "recipient_country", "claim_speakers",
                       "claim_stances", "evidence"):
            if column not in header:
                check(f"csv-column-{column}", False)
    if args.plover:
        with open(args.plover, encoding="utf-8") as f:
            objects = [json.loads(line) for line in f if line.strip()]
        check("plover-one-object-per-event", len(objects) == len(events), f"{len(objects)} objects")
        check("plover-same-events", {o["id"] for o in objects} == events)
        wrong = [o["id"] for o in objects if o["factuality"] != factuality.get(o["id"])
                 or o["event_type"] != plover.get(o["id"])]
        check("plover-factuality-and-type-as-in-rdf", not wrong, ", ".join(wrong[:3]))
        fields = {"id", "date", "event_type", "mode", "context", "actor", "actor_country", "recipient",
                  "recipient_country", "location", "factuality", "claims", "evidence"}
        missing = [o["id"] for o in objects if not fields <= o.keys()]
        check("plover-fields", not missing, ", ".join(missing[:3]))
    if args.graphml:
        g = networkx.read_graphml(args.graphml)
        check("graphml-events-read", g.graph.get("events") == len(events), f"{g.graph.get('events')} read")
        named = set()
        for _, _, data in g.edges(data=True):
            named.update(data["events"].split())
            if data["count"] != len(data["events"].split()):
                check("graphml-edge-count", False, str(data))
        check("graphml-edges-name-rdf-events", named <= events, f"{len(named)} events drawn")
        check("graphml-events-drawn", g.graph.get("events_drawn") == len(named))
        kinds = {d.get("kind") for _, d in g.nodes(data=True)}
        check("graphml-node-kinds", kinds <= {"state", "person", "group", "organisation", "place"}, str(sorted(kinds)))
        check("graphml-labels", all(d.get("label") for _, d in g.nodes(data=True)))
    passed = sum(results)
    print(f"check_tables: {passed} passed, {len(results) - passed} failed")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
