#!/usr/bin/env python3
"""Build compact lemma and word-cluster tables from spacy-lookups-data 1.0.5.

Usage:
    python3 data/syntax/build_lexicon.py [WHEEL] [--out-dir DIR]
    python3 data/syntax/build_lexicon.py --lookup WORD LANG [--out-dir DIR]

Without WHEEL the wheel is fetched with
    pip download --no-deps spacy-lookups-data==1.0.5 -d <tmpdir>

Outputs (in DIR, default: the directory holding this script):
    de.lemmas.tsv, en.lemmas.tsv    form<TAB>edit   (see LEXICON.md)
    de.clusters.tsv, en.clusters.tsv word<TAB>cluster
    LEXICON.md                       provenance, licences, formats

Output is deterministic: the same wheel gives byte-identical files.
Python 3.11, standard library only.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import zipfile

PACKAGE = "spacy-lookups-data"
VERSION = "1.0.5"
DATA_PREFIX = "spacy_lookups_data/data/"
DIST_INFO = f"spacy_lookups_data-{VERSION}.dist-info/"
REPO_URL = "https://github.com/explosion/spacy-lookups-data"
PYPI_URL = f"https://pypi.org/project/{PACKAGE}/{VERSION}/"

CLUSTER_TOP_N = 120_000
TOTAL_BUDGET = 9 * 1024 * 1024  # 9 MiB (9,437,184 bytes), all four .tsv files together
DE_LEMMA_BUDGET = 6_000_000  # bytes; above this German lemmas are pruned
DE_PRUNE_TOP_N = 400_000

LANGS = ("de", "en")
ASCII_DIGITS = frozenset("0123456789")
BAD_CHARS = frozenset("\t\n\r")


# --------------------------------------------------------------------------
# Reading the wheel


class Wheel:
    def __init__(self, path: str) -> None:
        self.path = path
        with open(path, "rb") as fh:
            self.sha256 = hashlib.sha256(fh.read()).hexdigest()
        self.zip = zipfile.ZipFile(path)
        names = set(self.zip.namelist())
        if DIST_INFO + "METADATA" not in names:
            sys.exit(f"error: {path} is not {PACKAGE} {VERSION} (no {DIST_INFO}METADATA)")

    def table(self, name: str) -> dict:
        raw = gzip.decompress(self.zip.read(f"{DATA_PREFIX}{name}.json.gz"))
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict):
            sys.exit(f"error: table {name} is not a JSON object")
        return data

    def text(self, member: str) -> str:
        return self.zip.read(member).decode("utf-8")


def fetch_wheel(tmpdir: str) -> str:
    cmd = [
        sys.executable, "-m", "pip", "download", "--no-deps",
        f"{PACKAGE}=={VERSION}", "-d", tmpdir,
    ]
    print("fetching:", " ".join(cmd[2:]), file=sys.stderr)
    subprocess.run(cmd, check=True)
    wheels = sorted(f for f in os.listdir(tmpdir) if f.endswith(".whl"))
    if len(wheels) != 1:
        sys.exit(f"error: expected one wheel in {tmpdir}, found {wheels}")
    return os.path.join(tmpdir, wheels[0])


# --------------------------------------------------------------------------
# Lemma edit encoding


def common_prefix_len(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


def encode_edit(form: str, lemma: str) -> str:
    """'N<suffix>': drop the last N code points of form, append suffix."""
    p = common_prefix_len(form, lemma)
    return f"{len(form) - p}{lemma[p:]}"


def decode_edit(form: str, edit: str) -> str:
    i = 0
    while i < len(edit) and edit[i] in ASCII_DIGITS:
        i += 1
    if i == 0:
        raise ValueError(f"bad edit {edit!r}")
    drop = int(edit[:i])
    if drop > len(form):
        raise ValueError(f"edit {edit!r} drops more than {form!r} has")
    return form[: len(form) - drop] + edit[i:]


def valid_string(s: object) -> bool:
    return isinstance(s, str) and s != "" and not (BAD_CHARS & set(s))


class Stats(dict):
    def add(self, key: str, n: int = 1) -> None:
        self[key] = self.get(key, 0) + n


def build_lemma_pairs(wheel: Wheel, lang: str, stats: Stats) -> dict[str, str]:
    """form -> lemma, identity entries included (filtered later)."""
    lookup = wheel.table(f"{lang}_lemma_lookup")
    stats["lookup_entries"] = len(lookup)
    pairs: dict[str, str] = {}
    for form, lemma in lookup.items():
        pairs[form] = lemma
    if lang == "en":
        exc = wheel.table("en_lemma_exc")
        added = 0
        for pos in sorted(exc):  # adj, adv, noun, verb
            for form, lemmas in exc[pos].items():
                if form in pairs:
                    continue  # lookup (or an earlier POS) wins
                if not isinstance(lemmas, list) or not lemmas:
                    stats.add("exc_no_lemma")
                    continue
                pairs[form] = lemmas[0]
                added += 1
        stats["exc_forms_added"] = added
    return pairs


def encode_lemmas(pairs: dict[str, str], stats: Stats) -> dict[str, str]:
    """form -> edit, after dropping identities and unencodable entries."""
    out: dict[str, str] = {}
    for form, lemma in pairs.items():
        if not valid_string(form) or not valid_string(lemma):
            stats.add("skipped_invalid")
            continue
        if form == lemma:
            stats.add("skipped_identity")
            continue
        suffix = lemma[common_prefix_len(form, lemma):]
        if suffix and suffix[0] in ASCII_DIGITS:
            # 'N<suffix>' would be ambiguous (e.g. eighth -> 8 gives '58').
            stats.add("skipped_digit_suffix")
            continue
        edit = encode_edit(form, lemma)
        assert decode_edit(form, edit) == lemma
        out[form] = edit
    return out


# --------------------------------------------------------------------------
# Frequency ranking / clusters


def eligible_word(w: object) -> bool:
    return isinstance(w, str) and w != "" and not any(c.isspace() for c in w)


def top_words(prob: dict, n: int) -> list[str]:
    """Top-n eligible words by log probability; ties by UTF-8 byte order."""
    ranked = sorted(
        (-float(p), w.encode("utf-8"), w) for w, p in prob.items() if eligible_word(w)
    )
    return [w for _, _, w in ranked[:n]]


def build_clusters(wheel: Wheel, lang: str, stats: Stats) -> dict[str, int]:
    cluster = wheel.table(f"{lang}_lexeme_cluster")
    prob = wheel.table(f"{lang}_lexeme_prob")
    stats["prob_entries"] = len(prob)
    stats["skipped_whitespace"] = sum(1 for w in prob if not eligible_word(w))
    out: dict[str, int] = {}
    for w in top_words(prob, CLUSTER_TOP_N):
        c = cluster.get(w)
        if not isinstance(c, int) or isinstance(c, bool):
            stats.add("no_cluster")
            continue
        out[w] = c
    stats["min_logprob_kept"] = min(float(prob[w]) for w in out) if out else None
    return out


# --------------------------------------------------------------------------
# Writing


def render_tsv(rows: dict[str, object]) -> bytes:
    lines = sorted(
        (k.encode("utf-8"), str(v).encode("utf-8")) for k, v in rows.items()
    )
    return b"".join(k + b"\t" + v + b"\n" for k, v in lines)


def write_file(path: str, data: bytes) -> None:
    tmp = path + ".tmp"
    with open(tmp, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)


def prune_german(edits: dict[str, str], wheel: Wheel, stats: Stats) -> dict[str, str]:
    prob = wheel.table("de_lexeme_prob")
    top = set(top_words(prob, DE_PRUNE_TOP_N))
    top_lower = {w.lower() for w in top}
    kept: dict[str, str] = {}
    exact = lower = 0
    for form, edit in edits.items():
        if form in top:
            exact += 1
        elif form.lower() in top_lower:
            lower += 1
        else:
            continue
        kept[form] = edit
    stats["pruned_dropped"] = len(edits) - len(kept)
    stats["pruned_kept_exact"] = exact
    stats["pruned_kept_lower"] = lower
    return kept


def fmt_int(n: int) -> str:
    return f"{n:,}"


def fmt_table(stats: Stats) -> str:
    return ", ".join(f"{k}={v}" for k, v in sorted(stats.items()))


def render_markdown(wheel: Wheel, files: dict[str, bytes], counts: dict[str, int],
                    stats: dict[str, Stats]) -> str:
    mit = wheel.text(DIST_INFO + "LICENSE").rstrip("\n")
    wordnet = wheel.text(DATA_PREFIX + "en_license.txt").rstrip("\n")
    total = sum(len(b) for b in files.values())
    de = stats["de.lemmas.tsv"]
    en = stats["en.lemmas.tsv"]

    rows = "\n".join(
        f"| `{name}` | {fmt_int(counts[name])} | {fmt_int(len(files[name]))} |"
        for name in sorted(files)
    )

    if "pruned_dropped" in de:
        prune_note = (
            f"The unpruned German lemma file exceeded {fmt_int(DE_LEMMA_BUDGET)} bytes "
            f"({fmt_int(de['unpruned_bytes'])} bytes, {fmt_int(de['unpruned_entries'])} entries), "
            f"so German entries whose form is not among the top {fmt_int(DE_PRUNE_TOP_N)} words "
            f"of `de_lexeme_prob` (exact match, else lower-cased form against the lower-cased "
            f"top words) were dropped: {fmt_int(de['pruned_dropped'])} entries removed, "
            f"{fmt_int(de['pruned_kept_exact'])} kept by exact match, "
            f"{fmt_int(de['pruned_kept_lower'])} kept by lower-case match."
        )
    else:
        prune_note = (
            f"The German lemma file is under {fmt_int(DE_LEMMA_BUDGET)} bytes, so no "
            f"frequency pruning was applied (all usable `de_lemma_lookup` entries are kept)."
        )

    return f"""# Syntax lexicon data (`data/syntax/`)

Generated by `build_lexicon.py` — do not edit the `.tsv` files or this file by hand.

## Source

* Package: `{PACKAGE}` {VERSION} from PyPI ({PYPI_URL})
* Upstream: {REPO_URL}
* Wheel: `{os.path.basename(wheel.path)}`, sha256 `{wheel.sha256}`
* Licence: MIT (text below, copied from the wheel's `{DIST_INFO}LICENSE`)

Tables used (all in `{DATA_PREFIX}` inside the wheel):

* `de_lemma_lookup`, `en_lemma_lookup` — form → lemma
* `en_lemma_exc` — English irregular forms, POS → {{form: [lemma, ...]}}
* `de_lexeme_cluster`, `en_lexeme_cluster` — word → Brown cluster id (integer)
* `de_lexeme_prob`, `en_lexeme_prob` — word → log probability

The English lemma tables (`en_lemma_lookup`, `en_lemma_exc`) derive from
WordNet 3.0; its licence (copied from `{DATA_PREFIX}en_license.txt`) is
reproduced below and applies to `en.lemmas.tsv`.

## Files

| file | entries | bytes |
|---|---:|---:|
{rows}
| **total** | | **{fmt_int(total)}** |

All files are UTF-8, one entry per line, `\\n` line ends, no header, two
TAB-separated columns, sorted by the byte order of the UTF-8 key (first
column). Keys are unique and never contain TAB, CR, LF; they are never empty.

### `{{de,en}}.lemmas.tsv` — `form<TAB>edit`

`edit` is `N<suffix>`: `N` is the (maximal) run of leading ASCII digits,
`suffix` is the rest of the field (possibly empty). The lemma is obtained by
dropping the last `N` characters — Unicode code points, not bytes — of `form`
and appending `suffix`. `N` is minimal, i.e. `form` minus its last `N` code
points is the longest common prefix of form and lemma.

Examples: `lieferte → liefern` is `lieferte<TAB>2n`; `went → go` is
`went<TAB>4go`; `ships → ship` is `ships<TAB>1`.

Lookups are exact and case-sensitive. A form that is not listed is its own
lemma (identity entries are omitted). Lemmas that differ from the form only
in the case of the first letter are encoded normally (e.g. `Ab → ab` is `2ab`).

Rules applied:

* English: all of `en_lemma_lookup`, plus forms from `en_lemma_exc` that are
  not in the lookup, using the first listed lemma (POS tables visited in the
  order adj, adv, noun, verb; the first one wins — in 1.0.5 no form added
  this way has conflicting lemmas across POS). A form present in the lookup
  keeps the lookup's lemma. {fmt_int(en.get('exc_forms_added', 0))} forms were added from `en_lemma_exc`.
* Entries with lemma == form are skipped (German: {fmt_int(de.get('skipped_identity', 0))},
  English: {fmt_int(en.get('skipped_identity', 0))}).
* Entries with an empty string or a TAB/CR/LF in form or lemma are skipped
  (German: {fmt_int(de.get('skipped_invalid', 0))}, English: {fmt_int(en.get('skipped_invalid', 0))}).
* Entries whose suffix would start with an ASCII digit are skipped because
  `N<suffix>` would be ambiguous (German: {fmt_int(de.get('skipped_digit_suffix', 0))},
  English: {fmt_int(en.get('skipped_digit_suffix', 0))}; in English these are ordinals mapped to
  numerals, e.g. `eighth → 8`).

{prune_note}

### `{{de,en}}.clusters.tsv` — `word<TAB>cluster`

`cluster` is the decimal integer Brown cluster id from `*_lexeme_cluster`
(0 is what spaCy uses for "no cluster"; such words are still listed).
Only the {fmt_int(CLUSTER_TOP_N)} most frequent words according to `*_lexeme_prob` are
kept: words are ranked by descending log probability, ties broken by UTF-8
byte order; words that are empty or contain any whitespace character
(Python `str.isspace`) are excluded before ranking (German:
{fmt_int(stats['de.clusters.tsv'].get('skipped_whitespace', 0))}, English: {fmt_int(stats['en.clusters.tsv'].get('skipped_whitespace', 0))} excluded). The
lowest log probability kept is {stats['de.clusters.tsv'].get('min_logprob_kept')} (German) and
{stats['en.clusters.tsv'].get('min_logprob_kept')} (English). Lookups are exact and
case-sensitive; unlisted words have no cluster information.

## Regenerating

```
python3 data/syntax/build_lexicon.py [WHEEL]
```

Without `WHEEL` the script runs
`pip download --no-deps {PACKAGE}=={VERSION} -d <tmpdir>`. Python 3.11,
standard library only. The output is deterministic (same wheel → same bytes).
To inspect an entry: `python3 data/syntax/build_lexicon.py --lookup WORD LANG`.

## Licence: spacy-lookups-data (MIT)

```
{mit}
```

## Licence: WordNet 3.0 (English lemma data)

```
{wordnet}
```
"""


def build(wheel: Wheel, out_dir: str) -> int:
    files: dict[str, bytes] = {}
    counts: dict[str, int] = {}
    stats: dict[str, Stats] = {}

    for lang in LANGS:
        name = f"{lang}.lemmas.tsv"
        st = stats[name] = Stats()
        edits = encode_lemmas(build_lemma_pairs(wheel, lang, st), st)
        data = render_tsv(edits)
        if lang == "de" and len(data) > DE_LEMMA_BUDGET:
            st["unpruned_bytes"] = len(data)
            st["unpruned_entries"] = len(edits)
            edits = prune_german(edits, wheel, st)
            data = render_tsv(edits)
        files[name], counts[name] = data, len(edits)

    for lang in LANGS:
        name = f"{lang}.clusters.tsv"
        st = stats[name] = Stats()
        rows = build_clusters(wheel, lang, st)
        files[name], counts[name] = render_tsv(rows), len(rows)

    os.makedirs(out_dir, exist_ok=True)
    for name in sorted(files):
        write_file(os.path.join(out_dir, name), files[name])
        print(f"{name}: {counts[name]} entries, {len(files[name])} bytes  [{fmt_table(stats[name])}]")
    md = render_markdown(wheel, files, counts, stats).encode("utf-8")
    write_file(os.path.join(out_dir, "LEXICON.md"), md)
    print(f"LEXICON.md: {len(md)} bytes")

    total = sum(len(b) for b in files.values())
    print(f"total .tsv: {total} bytes (budget {TOTAL_BUDGET})")
    if total > TOTAL_BUDGET:
        print("error: size budget exceeded", file=sys.stderr)
        return 1
    return 0


# --------------------------------------------------------------------------
# --lookup


def lookup(word: str, lang: str, out_dir: str) -> int:
    if lang not in LANGS:
        sys.exit(f"error: LANG must be one of {LANGS}")
    key = word.encode("utf-8")

    def find(name: str) -> str | None:
        with open(os.path.join(out_dir, name), "rb") as fh:
            for line in fh:
                k, _, v = line.rstrip(b"\n").partition(b"\t")
                if k == key:
                    return v.decode("utf-8")
        return None

    edit = find(f"{lang}.lemmas.tsv")
    if edit is None:
        print(f"{lang} {word}: lemma {word} (not listed: identity)")
    else:
        print(f"{lang} {word}: lemma {decode_edit(word, edit)} (edit {edit})")
    cluster = find(f"{lang}.clusters.tsv")
    print(f"{lang} {word}: cluster {cluster if cluster is not None else '(not listed)'}")
    return 0


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("wheel", nargs="?", help=f"path to {PACKAGE}-{VERSION} wheel")
    ap.add_argument("--out-dir", default=os.path.dirname(os.path.abspath(__file__)),
                    help="output directory (default: this script's directory)")
    ap.add_argument("--lookup", nargs=2, metavar=("WORD", "LANG"),
                    help="decode WORD from the generated files instead of building")
    args = ap.parse_args(argv)

    if args.lookup:
        return lookup(args.lookup[0], args.lookup[1], args.out_dir)
    if args.wheel:
        return build(Wheel(args.wheel), args.out_dir)
    with tempfile.TemporaryDirectory() as tmp:
        return build(Wheel(fetch_wheel(tmp)), args.out_dir)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
