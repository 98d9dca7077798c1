#!/usr/bin/env python3
"""Builds a benchmark corpus by replicating the Wikinews development corpus.

    make_corpus.py OUT.jsonl [N] [--corpus-dir DIR] [--text-out FILE] [--stats FILE]

Reads `wikinews-de.jsonl` and `wikinews-en.jsonl` (real Wikinews articles, CC BY 2.5; the
German selection comes from uhh-lt/german-news-quotation-attribution-2024, CC BY-NC-SA 4.0)
and writes N articles (default 100000) as JSON Lines to OUT.jsonl.

* The two languages are interleaved in proportion (988 German : 287 English), so every prefix
  of the output has the same language mix.
* The first 1,275 lines are the original articles, unchanged. Copy n (n >= 1) of an article
  gets `-copy-<n>` appended to its `id` and `#copy-<n>` to its `url`, so ids and urls (and so
  kgexport's article keys, a hash of the url) are all distinct. `title`, `date`, `lang`,
  `license` and `text` are kept as they are; `url` and `license` stay on every line.
* Deterministic: the same sources and N give the same bytes, and the corpus of N articles is a
  prefix of the corpus of any larger N.

--text-out writes the `text` fields, one article after the other, each followed by a newline
(the input of the `wc -w` floor). --stats writes a JSON summary, including `text_bytes`, the sum
of the UTF-8 bytes of the `text` fields (the figure MB/s is computed from).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from fractions import Fraction
from pathlib import Path

SOURCES = ("wikinews-de.jsonl", "wikinews-en.jsonl")
FIELDS = ("id", "title", "date", "lang", "url", "license", "text")


def default_corpus_dir() -> Path:
    env = os.environ.get("KGX_CORPUS_DIR")
    if env:
        return Path(env)
    repo = Path(__file__).resolve().parent.parent
    for candidate in (repo.parent / "shared" / "corpus", Path("/work/shared/corpus")):
        if all((candidate / s).is_file() for s in SOURCES):
            return candidate
    return repo.parent / "shared" / "corpus"


def load(path: Path) -> list[dict]:
    articles = []
    with path.open(encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            a = json.loads(line)
            missing = [k for k in ("id", "url", "license", "text") if k not in a]
            if missing:
                sys.exit(f"{path}:{number}: missing field(s) {', '.join(missing)}")
            articles.append(a)
    if not articles:
        sys.exit(f"{path}: no articles")
    return articles


def interleave(groups: list[list[dict]]) -> list[dict]:
    """Merges the lists so that each takes its share of every prefix (stable, deterministic)."""
    keyed = []
    for g, items in enumerate(groups):
        n = len(items)
        for i, item in enumerate(items):
            # the middle of item i's share of [0, 1), compared exactly; ties go to the first list
            keyed.append((Fraction(2 * i + 1, 2 * n), g, i, item))
    keyed.sort(key=lambda k: k[:3])
    return [k[3] for k in keyed]


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("out", type=Path, help="output JSON Lines file")
    p.add_argument("n", type=int, nargs="?", default=100_000, help="number of articles (default 100000)")
    p.add_argument("--corpus-dir", type=Path, default=None, help="folder with wikinews-{de,en}.jsonl")
    p.add_argument("--text-out", type=Path, help="also write the text fields here (plain text)")
    p.add_argument("--stats", type=Path, help="also write a JSON summary here")
    args = p.parse_args()
    if args.n < 1:
        sys.exit("N must be at least 1")
    corpus_dir = args.corpus_dir or default_corpus_dir()
    base = interleave([load(corpus_dir / s) for s in SOURCES])
    ids = [a["id"] for a in base]
    urls = [a["url"] for a in base]
    if len(set(ids)) != len(ids) or len(set(urls)) != len(urls):
        sys.exit(f"{corpus_dir}: ids or urls of the source articles are not distinct")

    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp_out = args.out.with_name(args.out.name + ".tmp")
    tmp_text = args.text_out.with_name(args.text_out.name + ".tmp") if args.text_out else None
    text_bytes = jsonl_bytes = 0
    langs: dict[str, int] = {}
    text_file = tmp_text.open("w", encoding="utf-8", newline="\n") if tmp_text else None
    try:
        with tmp_out.open("w", encoding="utf-8", newline="\n") as out:
            for i in range(args.n):
                a = base[i % len(base)]
                copy = i // len(base)
                record = {k: a[k] for k in FIELDS if k in a}
                record.update({k: v for k, v in a.items() if k not in record})
                if copy:
                    record["id"] = f"{a['id']}-copy-{copy}"
                    record["url"] = f"{a['url']}#copy-{copy}"
                line = json.dumps(record, ensure_ascii=False) + "\n"
                out.write(line)
                jsonl_bytes += len(line.encode("utf-8"))
                text = record["text"]
                text_bytes += len(text.encode("utf-8"))
                langs[record.get("lang", "?")] = langs.get(record.get("lang", "?"), 0) + 1
                if text_file:
                    text_file.write(text)
                    text_file.write("\n")
    finally:
        if text_file:
            text_file.close()
    tmp_out.replace(args.out)
    if tmp_text:
        tmp_text.replace(args.text_out)
    stats = {
        "articles": args.n,
        "distinct_source_articles": len(base),
        "copies": (args.n - 1) // len(base) + 1,
        "text_bytes": text_bytes,
        "jsonl_bytes": jsonl_bytes,
        "langs": dict(sorted(langs.items())),
        "sources": [str(corpus_dir / s) for s in SOURCES],
        "license": "Wikinews text CC BY 2.5; German selection CC BY-NC-SA 4.0 (uhh-lt/german-news-quotation-attribution-2024)",
    }
    if args.stats:
        args.stats.parent.mkdir(parents=True, exist_ok=True)
        args.stats.write_text(json.dumps(stats, indent=2) + "\n", encoding="utf-8")
    print(
        f"make_corpus: {args.n} articles ({text_bytes / 1e6:.1f} MB of text, {jsonl_bytes / 1e6:.1f} MB JSONL) -> {args.out}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
