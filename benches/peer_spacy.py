#!/usr/bin/env python3
"""The peer: what a user would otherwise build with spaCy and rdflib.

    peer_spacy.py INPUT.jsonl OUTPUT.nt [--data-dir DIR] [--batch-size 256] [--stats FILE]

A straightforward gazetteer-and-trigger pipeline over the same data kgexport uses:

* `spacy.blank("de")` / `spacy.blank("en")` (tokenizer only, no model download) with the
  `sentencizer` and an `entity_ruler` whose phrase patterns are the `forms` and `surnames`
  columns of `data/gazetteer/*.tsv` (case-sensitive, as written there; the pattern id is the
  gazetteer key, so all forms of an actor resolve to one node);
* a `PhraseMatcher` on lower-cased tokens with the trigger forms of `data/lang/<lang>.toml`
  (`[[triggers]]`: `kind`, `forms`, optional `particle`; a group with a particle, like German
  "traf ... ein", counts only when the particle follows in the same sentence, and is tried first);
* for each sentence, every trigger becomes an event node `rdf:type kgx:<kind>` with
  `kgx:participant` links to the actors found in the same sentence and `kgx:appearsIn` the
  article; actors get `rdf:type kgx:<class>` and `rdfs:label`s; each article gets a node with its
  url, headline, language and date;
* the triples go into one rdflib `Graph`, serialised as N-Triples at the end.

Matchers are built once; documents go through `nlp.pipe(..., batch_size=...)` in chunks per
language. Instance IRIs follow kgexport's scheme (article key = first 12 hex digits of SHA-256
of the url), so the outputs can be compared.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
import time
from pathlib import Path

try:
    import tomllib
except ImportError:  # Python < 3.11
    import tomli as tomllib  # type: ignore[no-redef]

T0 = time.perf_counter()

import spacy  # noqa: E402
from spacy.matcher import PhraseMatcher  # noqa: E402
from rdflib import Graph, Literal, Namespace, URIRef  # noqa: E402
from rdflib.namespace import RDF, RDFS, XSD  # noqa: E402

KGX = Namespace("https://w3id.org/kgexport/ns#")
SCHEMA = Namespace("https://schema.org/")
BASE = "https://w3id.org/kgexport/id/"
LANGS = ("de", "en")

# gazetteer file -> class of its actors
CLASSES = {
    "states": "State",
    "cities": "Place",
    "governments": "Government",
    "agencies": "NewsAgency",
    "organizations": "Organization",
    "persons": "Person",
}


def read_gazetteer(folder: Path):
    """Phrase patterns for the entity ruler, and per actor its class and labels."""
    patterns, actors = [], {}
    for path in sorted(folder.glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f, delimiter="\t"))
        if not rows:
            continue
        columns = [c for c in ("forms", "surnames") if c in rows[0]]
        if not columns:
            continue  # positions.tsv, titles.tsv: no actor forms
        cls = CLASSES.get(path.stem, "Actor")
        key_column = "key" if "key" in rows[0] else next(iter(rows[0]))
        for row in rows:
            key = f"{path.stem}-{row[key_column]}"
            labels = [
                (row[c], c.rsplit("_", 1)[1] if "_" in c else None)
                for c in ("label", "label_de", "label_en")
                if row.get(c)
            ]
            actors[key] = (cls, labels)
            forms = {f.strip() for c in columns for f in (row.get(c) or "").split("|") if f.strip()}
            patterns.extend({"label": cls, "pattern": form, "id": key} for form in sorted(forms))
    return patterns, actors


def read_triggers(path: Path):
    """Lower-case form -> the trigger groups it belongs to: (kind, particle), particle groups first."""
    with path.open("rb") as f:
        groups = tomllib.load(f).get("triggers", [])
    by_form: dict[str, list[tuple[str, str | None]]] = {}
    ordered = [g for g in groups if g.get("particle")] + [g for g in groups if not g.get("particle")]
    for g in ordered:
        for form in g["forms"]:
            entry = (g["kind"], g.get("particle"))
            by_form.setdefault(form.lower(), [])
            if entry not in by_form[form.lower()]:
                by_form[form.lower()].append(entry)
    return by_form


class Peer:
    def __init__(self, data: Path, lang: str, patterns):
        self.nlp = spacy.blank(lang)
        self.nlp.add_pipe("sentencizer")
        ruler = self.nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH"})
        ruler.add_patterns(patterns)
        self.triggers = read_triggers(data / "lang" / f"{lang}.toml")
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.matcher.add("TRIGGER", list(self.nlp.tokenizer.pipe(sorted(self.triggers))))


def article_key(a: dict) -> str:
    basis = a.get("url") or (a.get("id", "") + a.get("text", ""))
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:12]


def add_article(g: Graph, a: dict, key: str, lang: str) -> URIRef:
    node = URIRef(f"{BASE}article/{key}")
    g.add((node, RDF.type, KGX.Article))
    if a.get("url"):
        g.add((node, SCHEMA.url, URIRef(a["url"])))
    if a.get("title"):
        g.add((node, SCHEMA.headline, Literal(a["title"])))
    g.add((node, SCHEMA.inLanguage, Literal(lang)))
    date = a.get("date")
    if date:
        g.add((node, SCHEMA.datePublished, Literal(date, datatype=XSD.date) if len(date) == 10 else Literal(date)))
    return node


def process(doc, peer: Peer, g: Graph, article: URIRef, key: str, actors, seen: set, counts):
    matches = sorted((s, e) for _, s, e in peer.matcher(doc))
    ents = list(doc.ents)
    mi = ei = 0
    for sent in doc.sents:
        counts["sentences"] += 1
        # actors of this sentence
        participants = []
        while ei < len(ents) and ents[ei].start < sent.end:
            ent = ents[ei]
            ei += 1
            if ent.start < sent.start:
                continue
            actor = ent.ent_id_
            counts["mentions"] += 1
            node = URIRef(f"{BASE}entity/{actor}")
            if node not in participants:
                participants.append(node)
            if actor not in seen:
                seen.add(actor)
                cls, labels = actors[actor]
                g.add((node, RDF.type, KGX[cls]))
                for text, tag in labels:
                    g.add((node, RDFS.label, Literal(text, lang=tag)))
        # triggers of this sentence
        while mi < len(matches) and matches[mi][0] < sent.end:
            start, end = matches[mi]
            mi += 1
            if start < sent.start:
                continue
            span = doc[start:end]
            kind = None
            for k, particle in peer.triggers.get(span.text.lower(), ()):
                if particle is None or any(t.lower_ == particle for t in doc[end:sent.end]):
                    kind = k
                    break
            if kind is None:
                continue
            counts["events"] += 1
            event = URIRef(f"{BASE}event/{key}-{kind.lower()}-{span.start_char}")
            g.add((event, RDF.type, KGX[kind]))
            g.add((event, KGX.appearsIn, article))
            for p in participants:
                g.add((event, KGX.participant, p))


def read_jsonl(path: Path):
    with path.open(encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                yield json.loads(line)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", type=Path, help="JSON Lines articles (id, title, date, lang, url, text)")
    ap.add_argument("output", type=Path, help="N-Triples output file")
    ap.add_argument("--data-dir", type=Path, default=Path(__file__).resolve().parent.parent / "data")
    ap.add_argument("--batch-size", type=int, default=256, help="nlp.pipe batch size")
    ap.add_argument("--chunk", type=int, default=2000, help="articles read before they are split by language and piped")
    ap.add_argument("--stats", type=Path, help="write timings and counts as JSON here")
    args = ap.parse_args()

    t_setup = time.perf_counter()
    patterns, actors = read_gazetteer(args.data_dir / "gazetteer")
    peers = {lang: Peer(args.data_dir, lang, patterns) for lang in LANGS}
    t_process = time.perf_counter()

    g = Graph()
    seen: set[str] = set()
    counts = {"articles": 0, "sentences": 0, "mentions": 0, "events": 0}

    def run(chunk):
        for lang in LANGS:
            items = [(a["text"], a) for a in chunk if a["_lang"] == lang]
            for doc, a in peers[lang].nlp.pipe(items, as_tuples=True, batch_size=args.batch_size):
                key = article_key(a)
                node = add_article(g, a, key, lang)
                process(doc, peers[lang], g, node, key, actors, seen, counts)
                counts["articles"] += 1

    chunk = []
    for a in read_jsonl(args.input):
        lang = a.get("lang") if a.get("lang") in LANGS else "en"
        a["_lang"] = lang
        chunk.append(a)
        if len(chunk) >= args.chunk:
            run(chunk)
            chunk = []
    if chunk:
        run(chunk)

    t_serialise = time.perf_counter()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    g.serialize(destination=str(args.output), format="nt", encoding="utf-8")
    t_end = time.perf_counter()
    stats = {
        **counts,
        "triples": len(g),
        "patterns": len(patterns),
        "import_s": round(t_setup - T0, 3),
        "setup_s": round(t_process - t_setup, 3),
        "process_s": round(t_serialise - t_process, 3),
        "serialise_s": round(t_end - t_serialise, 3),
        "total_s": round(t_end - T0, 3),
        "spacy": spacy.__version__,
        "batch_size": args.batch_size,
    }
    if args.stats:
        args.stats.write_text(json.dumps(stats, indent=2) + "\n", encoding="utf-8")
    print(
        f"peer_spacy: {counts['articles']} articles, {counts['events']} events, {len(g)} triples "
        f"in {stats['total_s']} s (import {stats['import_s']}, setup {stats['setup_s']}, "
        f"process {stats['process_s']}, serialise {stats['serialise_s']}) -> {args.output}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
