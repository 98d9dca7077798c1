#!/usr/bin/env python3
"""SHACL check of kgexport's graph for every article of JSON Lines corpora, one article at a time.

Not part of CI (it runs kgexport once per article); use it after changing extraction rules:
    python3 tests/validate/shacl_corpus.py ../shared/corpus/wikinews-de.jsonl ../shared/corpus/wikinews-en.jsonl
Articles without events are skipped. Exit status 1 if any graph does not conform.
"""
import json
import os
import subprocess
import sys
import tempfile

import pyshacl
import rdflib

KGX = "https://w3id.org/kgexport/ns#"


def main() -> int:
    binary = os.environ.get("KGEXPORT", "target/release/kgexport")
    ontology = rdflib.Graph().parse("ontology/kgx.ttl")
    shapes = rdflib.Graph().parse("ontology/shapes.ttl")
    checked = failed = 0
    for corpus in sys.argv[1:]:
        for line in open(corpus, encoding="utf-8"):
            article = json.loads(line)
            with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as one:
                one.write(line)
            try:
                ttl = subprocess.run([binary, "-q", "-f", "ttl", "-o", "-", one.name],
                                     check=True, capture_output=True).stdout
            finally:
                os.unlink(one.name)
            graph = rdflib.Graph().parse(data=ttl, format="turtle")
            if next(graph.triples((None, rdflib.URIRef(KGX + "factuality"), None)), None) is None:
                continue
            checked += 1
            ok, _, text = pyshacl.validate(graph, shacl_graph=shapes, ont_graph=ontology, advanced=True)
            if not ok:
                failed += 1
                print("NOT CONFORMING", article.get("id"))
                print(text)
    print(f"{checked} articles with events checked, {failed} not conforming")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
