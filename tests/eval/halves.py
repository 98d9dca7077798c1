#!/usr/bin/env python3
"""Scores a dev set's fixed tune and check halves separately.

The halves are fixed by position: the articles that have a gold file, sorted by file name;
even positions (0, 2, 4, ...) are the tune half, odd positions the check half. Rules are
written against tune; a change that raises tune but not check is fitted, and goes.

    python3 tests/eval/halves.py --kgexport ./target/release/kgexport tests/dev-de [...]
"""
import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def halves(folder: Path) -> dict[str, list[Path]]:
    articles = sorted(p for p in folder.glob("*.txt") if p.with_suffix("").with_suffix(".gold.json").exists()
                      or (folder / (p.stem + ".gold.json")).exists())
    return {"tune": articles[0::2], "check": articles[1::2]}


def score(kgexport: str, articles: list[Path]) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        for a in articles:
            os.symlink(a.resolve(), Path(tmp) / a.name)
            gold = a.parent / (a.stem + ".gold.json")
            os.symlink(gold.resolve(), Path(tmp) / gold.name)
        out = subprocess.run([sys.executable, str(HERE / "score.py"), "--kgexport", kgexport, "-q", tmp],
                             capture_output=True, text=True)
        lines = [l for l in out.stdout.splitlines() if l.strip()]
        if not lines:
            return out.stderr.strip()
        dates = next((w for l in lines if l.startswith("TOTAL") for w in l.replace(";", "").split() if w.startswith("dates=")), "")
        return f"{lines[-1].removeprefix('events: ')} {dates}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kgexport", default=os.environ.get("KGEXPORT", "kgexport"))
    ap.add_argument("--list", action="store_true", help="print which files are in which half")
    ap.add_argument("folders", nargs="+", type=Path)
    args = ap.parse_args()
    for folder in args.folders:
        for name, articles in halves(folder).items():
            if args.list:
                print(f"{folder} {name}: " + " ".join(a.stem for a in articles))
            else:
                print(f"{folder} {name} ({len(articles)}): {score(args.kgexport, articles)}")


if __name__ == "__main__":
    main()
