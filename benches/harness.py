#!/usr/bin/env python3
"""Measures kgexport, the spaCy peer and the `wc -w` floor; writes results.{md,json,svg}.

Called by benches/run.sh, which builds the binary, prepares Python and makes the corpora first.
Standard library only. Every command runs under `/usr/bin/time -v` (peak RSS, exit status);
wall time is taken around it with a monotonic clock (finer than time's 10 ms).
Exit status 0 when everything ran, whether or not the goals were met; 1 when a measured
command failed (the results written still show what ran).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

GOALS = {
    "peer": 100.0,  # kgexport articles/s >= 100 x peer articles/s
    "floor": 5.0,  # kgexport time <= 5 x wc -w time on the same text
    "rss_mb": 100.0,  # peak RSS of nt/nq streaming <= 100 MB
    "speedup": 1.8,  # --jobs 2 at least 1.8 x faster than --jobs 1
}
MB = 1e6
ARTICLE_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/kgexport/ns#Article> "

problems: list[str] = []


def log(msg: str) -> None:
    print(f"== {msg}", file=sys.stderr, flush=True)


def timed(cmd: list[str], work: Path, env: dict | None = None, stdout=subprocess.DEVNULL) -> dict:
    """Runs cmd under /usr/bin/time -v; returns wall seconds, peak RSS (MB), exit status."""
    tfile = work / "time-v.txt"
    efile = work / "stderr.txt"
    full = ["/usr/bin/time", "-v", "-o", str(tfile), *cmd]
    with efile.open("wb") as err:
        t0 = time.perf_counter()
        proc = subprocess.run(full, stdout=stdout, stderr=err, env=env)
        wall = time.perf_counter() - t0
    report = tfile.read_text(errors="replace") if tfile.exists() else ""
    rss_kb = re.search(r"Maximum resident set size \(kbytes\): (\d+)", report)
    status = re.search(r"Exit status: (\d+)", report)
    elapsed = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", report)
    user = re.search(r"User time \(seconds\): ([\d.]+)", report)
    system = re.search(r"System time \(seconds\): ([\d.]+)", report)
    stderr = efile.read_text(errors="replace").strip()
    result = {
        "cmd": " ".join(cmd),
        "wall_s": wall,
        "time_v_elapsed": elapsed.group(1) if elapsed else None,
        "cpu_s": (float(user.group(1)) + float(system.group(1))) if user and system else None,
        "rss_mb": int(rss_kb.group(1)) * 1024 / MB if rss_kb else None,
        "exit": int(status.group(1)) if status else proc.returncode,
        "stderr_tail": stderr[-2000:],
    }
    if result["exit"] != 0:
        problems.append(f"`{result['cmd']}` exited {result['exit']}: {stderr[-300:]}")
        log(f"FAILED ({result['exit']}): {result['cmd']}\n{stderr[-1000:]}")
    return result


def best_of(runs: list[dict]) -> dict:
    """Fastest run, with the peak RSS over all runs."""
    best = dict(min(runs, key=lambda r: r["wall_s"]))
    rss = [r["rss_mb"] for r in runs if r["rss_mb"] is not None]
    best["rss_mb"] = max(rss) if rss else None
    best["runs"] = len(runs)
    best["walls_s"] = [round(r["wall_s"], 4) for r in runs]
    best["exit"] = max(r["exit"] for r in runs)
    return best


def count_lines(path: Path, pattern: str | None = None) -> int | None:
    """Lines of the file (statements of N-Triples/N-Quads), or lines holding pattern."""
    if not path.exists():
        return None
    cmd = ["grep", "-c", "-F", pattern, str(path)] if pattern else ["wc", "-l", str(path)]
    out = subprocess.run(cmd, capture_output=True, text=True)
    return int((out.stdout.split() or ["0"])[0])


def count_stream(cmd: list[str]) -> dict:
    """Runs cmd untimed with its output on a pipe; counts bytes, statements and articles."""
    counts = {"output_bytes": 0, "statements_out": 0, "articles_out": 0}
    marker = ARTICLE_TYPE.encode()
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL) as proc:
        for line in proc.stdout:
            counts["output_bytes"] += len(line)
            counts["statements_out"] += 1
            counts["articles_out"] += marker in line
    return counts


def kgexport(bin_: Path, corpus: Path, fmt: str, jobs: int | None, work: Path, repeat: int, expect: int) -> dict:
    """Timed runs write `-o -` into /dev/null; one more run, untimed, counts what is written."""
    cmd = [str(bin_), "--quiet", "-f", fmt, "-o", "-"]
    if jobs is not None:
        cmd += ["--jobs", str(jobs)]
    cmd.append(str(corpus))
    runs = [timed(cmd, work) for _ in range(repeat)]
    r = best_of(runs)
    if r["exit"] == 0:
        r.update(count_stream(cmd))
        if r["articles_out"] != expect:
            problems.append(f"`{r['cmd']}`: output has {r['articles_out']} articles, expected {expect}")
    return r


def wc_floor(text: Path, work: Path, locale: str) -> dict | None:
    env = dict(os.environ, LC_ALL=locale)
    cmd = ["wc", "-w", str(text)]
    probe = subprocess.run(["locale"], env=env, capture_output=True, text=True)
    if "Cannot set" in probe.stderr or "cannot set" in probe.stderr.lower():
        return None
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL)  # warm the page cache
    r = best_of([timed(cmd, work, env=env) for _ in range(5)])
    r["locale"] = locale
    return r


def rate(n: float, seconds: float | None) -> float | None:
    return n / seconds if seconds else None


def fmt(x, digits=1, suffix=""):
    if x is None:
        return "—"
    if isinstance(x, float):
        if abs(x) >= 100:
            return f"{x:,.0f}{suffix}"
        return f"{x:,.{digits}f}{suffix}"
    return f"{x:,}{suffix}"


def verdict(value, goal, higher_is_better=True):
    if value is None:
        return "N/A"
    ok = value >= goal if higher_is_better else value <= goal
    return "PASS" if ok else "MISS"


def git_info(root: Path) -> dict:
    def git(*args):
        p = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True)
        return p.stdout.strip() if p.returncode == 0 else None

    dirty = git("status", "--porcelain", "--untracked-files=no")
    return {"commit": git("rev-parse", "HEAD"), "dirty": bool(dirty) if dirty is not None else None}


def machine() -> dict:
    cpu = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = None
    try:
        m = re.search(r"MemTotal:\s+(\d+) kB", Path("/proc/meminfo").read_text())
        mem = round(int(m.group(1)) * 1024 / 1e9, 1) if m else None
    except OSError:
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "mem_gb": mem, "os": platform.platform()}


def load() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def version(cmd: list[str]) -> str | None:
    try:
        p = subprocess.run(cmd, capture_output=True, text=True)
        return (p.stdout or p.stderr).strip().splitlines()[0] if p.returncode == 0 else None
    except (OSError, IndexError):
        return None


# ----------------------------------------------------------------------------------------- SVG


def svg_chart(results: dict) -> str:
    sizes = results["sizes"]
    panels = []
    peer_bars = [(f"{s['articles']:,}", s.get("ratio_vs_peer")) for s in sizes]
    if results.get("peer") and results["peer"].get("ratio_same_slice") is not None:
        peer_bars.append((f"{results['peer']['articles']:,} (same slice, 1 thread)", results["peer"]["ratio_same_slice"]))
    panels.append(("kgexport ÷ peer (articles/s)", "×", peer_bars, GOALS["peer"], "≥"))
    panels.append(("kgexport time ÷ wc -w time (per MB)", "×", [(f"{s['articles']:,}", s.get("ratio_vs_floor")) for s in sizes], GOALS["floor"], "≤"))
    rss_bars = []
    for s in sizes:
        rss_bars.append((f"{s['articles']:,} nt", s["nt"].get("rss_mb") if s.get("nt") else None))
        rss_bars.append((f"{s['articles']:,} nq", s["nq"].get("rss_mb") if s.get("nq") else None))
    panels.append(("peak RSS, streaming (MB)", " MB", rss_bars, GOALS["rss_mb"], "≤"))
    panels.append(("speed-up --jobs 1 → 2", "×", [(f"{s['articles']:,}", s.get("speedup")) for s in sizes], GOALS["speedup"], "≥"))

    pw, ph, pad = 460, 300, 20
    width, height = 2 * pw + 3 * pad, 2 * ph + 3 * pad + 40
    colors = ["#4e79a7", "#59a14f", "#f28e2b", "#b07aa1", "#76b7b2", "#edc948"]
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        'font-family="Helvetica, Arial, sans-serif" font-size="12">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
        f'<text x="{pad}" y="26" font-size="16" font-weight="bold">kgexport benchmarks — {esc(results["date"])}, '
        f'{results["machine"]["cores"]} cores, '
        + (
            f'commit {esc((results["git"]["commit"] or "?")[:10])}{" (dirty)" if results["git"].get("dirty") else ""}'
            if results.get("binary_built_here", True)
            else "binary from KGX_BIN"
        )
        + "</text>",
    ]
    for i, (title, unit, bars, goal, sense) in enumerate(panels):
        x0 = pad + (i % 2) * (pw + pad)
        y0 = 40 + pad + (i // 2) * (ph + pad)
        out.append(f'<rect x="{x0}" y="{y0}" width="{pw}" height="{ph}" fill="#fafafa" stroke="#ccc"/>')
        out.append(f'<text x="{x0 + 10}" y="{y0 + 20}" font-size="13" font-weight="bold">{esc(title)}</text>')
        values = [v for _, v in bars if v is not None]
        step = nice_step(max(values + [goal]) * 1.15 / 4)
        top = step * max(1, -(-max(values + [goal]) * 1.15 // step))
        left, right, bottom, upper = x0 + 50, x0 + pw - 15, y0 + ph - 60, y0 + 40
        span = bottom - upper

        def y_of(v):
            return bottom - span * v / top

        # axis and ticks
        out.append(f'<line x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="#333"/>')
        out.append(f'<line x1="{left}" y1="{upper}" x2="{left}" y2="{bottom}" stroke="#333"/>')
        for k in range(int(round(top / step)) + 1):
            v = step * k
            y = y_of(v)
            out.append(f'<line x1="{left - 4}" y1="{y:.1f}" x2="{left}" y2="{y:.1f}" stroke="#333"/>')
            out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="10">{tick(v)}</text>')
        n = max(len(bars), 1)
        slot = (right - left) / n
        bw = min(60, slot * 0.6)
        for j, (label, v) in enumerate(bars):
            cx = left + slot * (j + 0.5)
            color = colors[j % len(colors)]
            if v is None:
                out.append(f'<text x="{cx:.1f}" y="{bottom - 8}" text-anchor="middle" fill="#999">n/a</text>')
            else:
                y = y_of(v)
                passed = v >= goal if sense == "≥" else v <= goal
                out.append(f'<rect x="{cx - bw / 2:.1f}" y="{y:.1f}" width="{bw:.1f}" height="{bottom - y:.1f}" fill="{color}"/>')
                out.append(
                    f'<text x="{cx:.1f}" y="{y - 4:.1f}" text-anchor="middle" font-size="11">{tick(v)}{esc(unit)} '
                    f'<tspan fill="{"#2a7" if passed else "#c33"}" font-weight="bold">{"PASS" if passed else "MISS"}</tspan></text>'
                )
            out.append(label_lines(cx, bottom + 14, label))
        gy = y_of(goal)
        out.append(f'<line x1="{left}" y1="{gy:.1f}" x2="{right}" y2="{gy:.1f}" stroke="#c33" stroke-dasharray="6 4"/>')
        out.append(f'<text x="{right - 2}" y="{gy - 4:.1f}" text-anchor="end" fill="#c33" font-size="11">goal {sense} {tick(goal)}{esc(unit)}</text>')
    out.append(
        f'<text x="{pad}" y="{height - 12}" font-size="10" fill="#555">Corpus: Wikinews articles (CC BY 2.5), replicated; '
        "bars are corpus sizes in articles. See benches/results.md."
        + (
            f" Machine busy (load {fmt_load(results.get('loadavg_start'))}): times are pessimistic."
            if results.get("loadavg_start") and results["loadavg_start"][0] > 0.5
            else ""
        )
        + "</text>"
    )
    out.append("</svg>")
    return "\n".join(out) + "\n"


def label_lines(cx: float, y: float, label: str) -> str:
    words, lines, cur = label.split(" "), [], ""
    for w in words:
        if cur and len(cur) + len(w) > 14:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}".strip()
    lines.append(cur)
    return "".join(
        f'<text x="{cx:.1f}" y="{y + 12 * k:.1f}" text-anchor="middle" font-size="10">{esc(line)}</text>' for k, line in enumerate(lines)
    )


def nice_step(raw: float) -> float:
    """The smallest 1, 2 or 5 times a power of ten that is at least raw."""
    if raw <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


def tick(v: float) -> str:
    if v >= 100:
        return f"{v:,.0f}"
    if v >= 10:
        return f"{v:.1f}".rstrip("0").rstrip(".")
    return f"{v:.2f}".rstrip("0").rstrip(".")


def esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# ----------------------------------------------------------------------------------------- main


def write_results(results: dict, out: Path) -> None:
    md = markdown(results)
    stages = out / "stages.md"
    if stages.exists():
        # benches/stages.sh: one thread's time per pipeline stage, measured on its own
        md += "\n## Time per stage, one thread\n\n" + stages.read_text(encoding="utf-8").strip() + "\n" + STAGES_NOTE
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.md").write_text(md, encoding="utf-8")
    (out / "results.json").write_text(json.dumps(rounded(results), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (out / "results.svg").write_text(svg_chart(results), encoding="utf-8")
    print(md)
    log(f"wrote {out / 'results.md'}, results.json, results.svg")


STAGES_NOTE = (
    "\nFrom `benches/stages.sh`: `KGX_STAGE_TIMES=1 kgexport -f nt --jobs 1 -o -` into `/dev/null`. Each stage's CPU "
    "time is the thread's own (`CLOCK_THREAD_CPUTIME_ID`), summed over threads; time goes to the innermost stage, so "
    "tagging and parsing asked for by the mentions or the events count there only. What no stage holds is start-up "
    "and waiting.\n"
)


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "--render":
        # re-renders results.md and results.svg (beside it) from a results.json
        path = Path(sys.argv[2])
        write_results(json.loads(path.read_text(encoding="utf-8")), path.parent)
        return 0
    ap = argparse.ArgumentParser(usage="%(prog)s --bin BIN --work DIR --sizes 'N ...' --out DIR [...] | %(prog)s --render results.json")
    ap.add_argument("--bin", type=Path, required=True)
    ap.add_argument("--work", type=Path, required=True, help="folder with corpus-<n>.{jsonl,txt,stats.json}")
    ap.add_argument("--sizes", required=True, help="corpus sizes in articles, space-separated")
    ap.add_argument("--peer-size", type=int, default=2000)
    ap.add_argument("--peer-python", default=None, help="Python with spacy and rdflib; empty: skip the peer")
    ap.add_argument("--repeat", type=int, default=1, help="runs of each kgexport command (best wall time kept)")
    ap.add_argument("--out", type=Path, required=True, help="folder for results.{md,json,svg}")
    ap.add_argument("--given-bin", action="store_true", help="the binary was not built from this work tree (KGX_BIN)")
    args = ap.parse_args()

    bench = Path(__file__).resolve().parent
    root = bench.parent
    work = args.work
    sizes = [int(s) for s in args.sizes.split()]
    help_text = subprocess.run([str(args.bin), "--help"], capture_output=True, text=True).stdout
    has_jobs = "--jobs" in help_text
    results = {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "git": git_info(root),
        "kgexport": version([str(args.bin), "--version"]),
        "rustc": version(["rustc", "--version"]),
        "wc": version(["wc", "--version"]),
        "binary": str(args.bin),
        "binary_built_here": not args.given_bin,
        "jobs_supported": has_jobs,
        "loadavg_start": load(),
        "repeat": args.repeat,
        "goals": GOALS,
        "sizes": [],
        "peer": None,
    }
    if results["loadavg_start"] and results["loadavg_start"][0] > 0.5:
        log(f"note: load average {results['loadavg_start']} before the run; other work on this machine skews the times")
    log(f"kgexport {results['kgexport']}; --jobs {'supported' if has_jobs else 'not supported (speed-up not measured)'}")

    for n in sizes:
        corpus, text = work / f"corpus-{n}.jsonl", work / f"corpus-{n}.txt"
        stats = json.loads((work / f"corpus-{n}.stats.json").read_text())
        mb = stats["text_bytes"] / MB
        row = {"articles": n, "text_mb": mb, "jsonl_mb": stats["jsonl_bytes"] / MB}
        log(f"{n} articles ({mb:.1f} MB of text): wc -w floor")
        row["wc"] = wc_floor(text, work, "C")
        row["wc_utf8"] = wc_floor(text, work, "C.UTF-8")
        for fmt_ in ("nt", "nq"):
            log(f"{n} articles: kgexport -f {fmt_}")
            row[fmt_] = kgexport(args.bin, corpus, fmt_, None, work, args.repeat, n)
        if has_jobs:
            for j in (1, 2):
                log(f"{n} articles: kgexport -f nt --jobs {j}")
                row[f"nt_jobs{j}"] = kgexport(args.bin, corpus, "nt", j, work, args.repeat, n)
        for key in ("nt", "nq", "nt_jobs1", "nt_jobs2"):
            r = row.get(key)
            if r and r["exit"] == 0:
                r["mb_per_s"] = rate(mb, r["wall_s"])
                r["articles_per_s"] = rate(n, r["wall_s"])
        nt = row["nt"]
        ok = nt["exit"] == 0
        row["mb_per_s"] = nt.get("mb_per_s")
        row["articles_per_s"] = nt.get("articles_per_s")
        row["rss_mb"] = max((row[k]["rss_mb"] for k in ("nt", "nq") if row[k]["exit"] == 0 and row[k]["rss_mb"]), default=None)
        floors = [w for w in (row["wc"], row["wc_utf8"]) if w and w["exit"] == 0 and w["wall_s"]]
        row["floor"] = min(floors, key=lambda w: w["wall_s"]) if floors else None
        row["floor_mb_per_s"] = rate(mb, row["floor"]["wall_s"]) if row["floor"] else None
        row["ratio_vs_floor"] = nt["wall_s"] / row["floor"]["wall_s"] if ok and row["floor"] else None
        j1, j2 = row.get("nt_jobs1"), row.get("nt_jobs2")
        row["speedup"] = j1["wall_s"] / j2["wall_s"] if j1 and j2 and j1["exit"] == 0 and j2["exit"] == 0 else None
        results["sizes"].append(row)

    # the peer on a slice, and kgexport on the same slice, one thread each
    if args.peer_python:
        n = args.peer_size
        corpus = work / f"corpus-{n}.jsonl"
        stats = json.loads((work / f"corpus-{n}.stats.json").read_text())
        mb = stats["text_bytes"] / MB
        out, pstats = work / "peer.nt", work / "peer.stats.json"
        log(f"peer (spaCy blank + EntityRuler + rdflib) on {n} articles")
        r = timed([args.peer_python, str(bench / "peer_spacy.py"), str(corpus), str(out), "--stats", str(pstats)], work)
        peer = {"articles": n, "text_mb": mb, **r}
        if r["exit"] == 0:
            peer["articles_per_s"] = rate(n, r["wall_s"])
            peer["mb_per_s"] = rate(mb, r["wall_s"])
            peer["output_bytes"] = out.stat().st_size
            peer["statements_out"] = count_lines(out)
            peer["stats"] = json.loads(pstats.read_text())
            if peer["stats"].get("articles") != n:
                problems.append(f"peer processed {peer['stats'].get('articles')} articles, expected {n}")
        out.unlink(missing_ok=True)
        log(f"kgexport -f nt on the same {n} articles{' --jobs 1' if has_jobs else ''}")
        k = kgexport(args.bin, corpus, "nt", 1 if has_jobs else None, work, args.repeat, n)
        if k["exit"] == 0:
            k["articles_per_s"] = rate(n, k["wall_s"])
            k["mb_per_s"] = rate(mb, k["wall_s"])
        peer["kgexport_same_slice"] = k
        peer["ratio_same_slice"] = (
            k["articles_per_s"] / peer["articles_per_s"] if k.get("articles_per_s") and peer.get("articles_per_s") else None
        )
        results["peer"] = peer
        for row in results["sizes"]:
            row["peer_articles_per_s"] = peer.get("articles_per_s")
            row["ratio_vs_peer"] = (
                row["articles_per_s"] / peer["articles_per_s"] if row.get("articles_per_s") and peer.get("articles_per_s") else None
            )

    # goals
    largest = results["sizes"][-1] if results["sizes"] else {}
    rss_all = [r["rss_mb"] for r in results["sizes"] if r.get("rss_mb") is not None]
    peer = results["peer"] or {}
    goals = [
        {
            "goal": f"≥ {GOALS['peer']:.0f}× the peer's throughput (articles/s, "
            + (f"same {peer['articles']:,} articles, one thread each)" if peer else "peer not run)"),
            "value": peer.get("ratio_same_slice"),
            "shown": fmt(peer.get("ratio_same_slice"), 2, "×"),
            "verdict": verdict(peer.get("ratio_same_slice"), GOALS["peer"]),
        },
        {
            "goal": f"within {GOALS['floor']:.0f}× of the wc -w floor (time per MB, {largest.get('articles', 0):,} articles)",
            "value": largest.get("ratio_vs_floor"),
            "shown": fmt(largest.get("ratio_vs_floor"), 1, "×"),
            "verdict": verdict(largest.get("ratio_vs_floor"), GOALS["floor"], higher_is_better=False),
        },
        {
            "goal": f"peak RSS ≤ {GOALS['rss_mb']:.0f} MB for nt/nq streaming (every size)",
            "value": max(rss_all) if rss_all else None,
            "shown": fmt(max(rss_all) if rss_all else None, 1, " MB"),
            "verdict": verdict(max(rss_all) if rss_all else None, GOALS["rss_mb"], higher_is_better=False),
        },
        {
            "goal": f"≥ {GOALS['speedup']}× speed-up from --jobs 1 to --jobs 2 ({largest.get('articles', 0):,} articles)",
            "value": largest.get("speedup"),
            "shown": fmt(largest.get("speedup"), 2, "×") if has_jobs else "— (kgexport has no --jobs yet)",
            "verdict": verdict(largest.get("speedup"), GOALS["speedup"]),
        },
    ]
    results["goal_verdicts"] = goals
    results["loadavg_end"] = load()
    results["problems"] = problems

    write_results(results, args.out)
    return 1 if problems else 0


def rounded(o):
    """Floats to 6 significant digits for results.json."""
    if isinstance(o, float):
        return float(f"{o:.6g}")
    if isinstance(o, dict):
        return {k: rounded(v) for k, v in o.items()}
    if isinstance(o, list):
        return [rounded(v) for v in o]
    return o


def fmt_load(x) -> str:
    return " / ".join(f"{v:.2f}" for v in x) if x else "?"


def markdown(results: dict) -> str:
    m = results["machine"]
    git = results["git"]
    peer = results["peer"] or {}
    lines = [
        "# kgexport benchmark results",
        "",
        f"{results['date']} · {m['cpu'] or 'unknown CPU'}, {m['cores']} cores, {m['mem_gb']} GB · "
        + (
            f"{results['kgexport'] or 'kgexport'} built from `{(git['commit'] or '?')[:12]}`{' with uncommitted changes' if git.get('dirty') else ''} · "
            if results.get("binary_built_here", True)
            else f"{results['kgexport'] or 'kgexport'} given by KGX_BIN (work tree at `{(git['commit'] or '?')[:12]}`) · "
        )
        + f"`--jobs` {'supported' if results['jobs_supported'] else 'not supported yet'} · best of {results['repeat']} run(s) · "
        f"load average {fmt_load(results.get('loadavg_start'))} at the start, {fmt_load(results.get('loadavg_end'))} at the end",
        "",
        f"Binary: `{results['binary']}`.",
        "",
        "| articles | text MB | kgexport MB/s | articles/s | peak RSS MB | speed-up 1→2 threads | peer articles/s | ratio vs peer | ratio vs wc -w floor |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results["sizes"]:
        lines.append(
            f"| {r['articles']:,} | {fmt(r['text_mb'])} | {fmt(r.get('mb_per_s'), 2)} | {fmt(r.get('articles_per_s'))} | "
            f"{fmt(r.get('rss_mb'))} | {fmt(r.get('speedup'), 2, '×')} | {fmt(r.get('peer_articles_per_s'))} | "
            f"{fmt(r.get('ratio_vs_peer'), 2, '×')} | {fmt(r.get('ratio_vs_floor'), 1, '×')} |"
        )
    lines += [
        "",
        "kgexport columns: `-f nt -o - --quiet` into `/dev/null` with the default thread count (all cores); peak RSS is the larger "
        "of the nt and nq runs. Ratio vs peer: kgexport articles/s at that size ÷ the peer's articles/s on its slice "
        "(the goal is judged head to head, below). Ratio vs floor: kgexport's time ÷ the time of `wc -w` over the "
        "same text, extracted to a plain file (both per MB of text; the faster of `LC_ALL=C` and `LC_ALL=C.UTF-8`, "
        "best of 5). MB = 10⁶ bytes; text MB counts the UTF-8 bytes of the `text` fields.",
        "",
        "## Goals",
        "",
        "| goal | measured | verdict |",
        "|---|---:|:---:|",
    ]
    for g in results["goal_verdicts"]:
        lines.append(f"| {g['goal']} | {g['shown']} | **{g['verdict']}** |")
    lines += [
        "",
        "## Every run",
        "",
        "| articles | command | wall s | MB/s | articles/s | peak RSS MB | CPU s | articles per CPU s | output MB | statements | articles in output |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results["sizes"]:
        for key, label in (
            ("nt", "kgexport -f nt"),
            ("nq", "kgexport -f nq"),
            ("nt_jobs1", "kgexport -f nt --jobs 1"),
            ("nt_jobs2", "kgexport -f nt --jobs 2"),
            ("wc", "LC_ALL=C wc -w"),
            ("wc_utf8", "LC_ALL=C.UTF-8 wc -w"),
        ):
            x = r.get(key)
            if not x:
                continue
            ok = x["exit"] == 0
            lines.append(
                f"| {r['articles']:,} | `{label}`{'' if ok else ' **failed**'} | {x['wall_s']:.3f} | "
                f"{fmt(r['text_mb'] / x['wall_s'] if ok else None, 2)} | {fmt(r['articles'] / x['wall_s'] if ok else None)} | "
                f"{fmt(x['rss_mb'])} | {fmt(x.get('cpu_s'), 2)} | {fmt(r['articles'] / x['cpu_s'] if ok and x.get('cpu_s') else None)} | "
                f"{fmt(x['output_bytes'] / MB if x.get('output_bytes') else None)} | "
                f"{fmt(x.get('statements_out'))} | {fmt(x.get('articles_out'))} |"
            )
    if peer:
        k = peer.get("kgexport_same_slice") or {}
        s = peer.get("stats") or {}
        lines += [
            "",
            f"## Head to head with the peer ({peer['articles']:,} articles, {fmt(peer['text_mb'])} MB of text)",
            "",
            "| program | wall s | articles/s | MB/s | CPU s | peak RSS MB | output MB | statements |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
            f"| spaCy {s.get('spacy', '?')} blank pipeline + sentencizer + EntityRuler + PhraseMatcher + rdflib (`benches/peer_spacy.py`) | "
            f"{peer['wall_s']:.2f} | {fmt(peer.get('articles_per_s'))} | {fmt(peer.get('mb_per_s'), 2)} | {fmt(peer.get('cpu_s'), 2)} | {fmt(peer.get('rss_mb'))} | "
            f"{fmt(peer['output_bytes'] / MB if peer.get('output_bytes') else None, 2)} | {fmt(peer.get('statements_out'))} |",
            f"| kgexport `-f nt{' --jobs 1' if results['jobs_supported'] else ''}` | {k.get('wall_s', 0):.2f} | {fmt(k.get('articles_per_s'))} | "
            f"{fmt(k.get('mb_per_s'), 2)} | {fmt(k.get('cpu_s'), 2)} | {fmt(k.get('rss_mb'))} | {fmt(k['output_bytes'] / MB if k.get('output_bytes') else None, 2)} | "
            f"{fmt(k.get('statements_out'))} |",
            "",
            f"Ratio kgexport ÷ peer (articles/s): **{fmt(peer.get('ratio_same_slice'), 2, '×')}** "
            f"(by CPU time, which other load on the machine disturbs less: "
            f"{fmt(peer['cpu_s'] / k['cpu_s'] if peer.get('cpu_s') and k.get('cpu_s') and k.get('exit') == 0 else None, 2, '×')}). "
            + (
                f"The peer's wall time splits into import {s.get('import_s')} s, building the matchers {s.get('setup_s')} s "
                f"({s.get('patterns')} gazetteer patterns), processing {s.get('process_s')} s and serialising {s.get('serialise_s')} s; "
                f"it found {s.get('mentions')} actor mentions and {s.get('events')} trigger events in {s.get('sentences')} sentences "
                f"({s.get('triples')} triples). Processing alone: {fmt(peer['articles'] / s['process_s'] if s.get('process_s') else None)} articles/s"
                f" (kgexport's whole run is {fmt(k['articles_per_s'] / (peer['articles'] / s['process_s']) if k.get('articles_per_s') and s.get('process_s') else None, 2, '×')} that)."
                if s
                else ""
            ),
        ]
    if len(results["sizes"]) >= 2:
        a, b = results["sizes"][0], results["sizes"][-1]
        if a.get("nt", {}).get("rss_mb") and b.get("nt", {}).get("rss_mb"):
            lines += [
                "",
                f"Peak RSS of nt streaming: {fmt(a['nt']['rss_mb'])} MB at {a['articles']:,} articles, {fmt(b['nt']['rss_mb'])} MB at "
                f"{b['articles']:,} ({b['nt']['rss_mb'] / a['nt']['rss_mb']:.2f}× for {b['articles'] / a['articles']:.0f}× the articles; flat means ≈ 1×).",
            ]
    busy = [x for x in (results.get("loadavg_start"), results.get("loadavg_end")) if x and x[0] > 0.5]
    if busy:
        lines += [
            "",
            f"**Caution:** the machine was not idle (1-minute load average {fmt_load(results.get('loadavg_start'))} at the "
            f"start, {fmt_load(results.get('loadavg_end'))} at the end, on {m['cores']} cores). Wall times, throughput and "
            "the speed-up are then pessimistic and noisy; peak RSS, output sizes and CPU-time figures are less affected.",
        ]
    if results["problems"]:
        lines += ["", "## Problems", ""] + [f"* {p}" for p in results["problems"]]
    lines += [
        "",
        "Corpus: real Wikinews articles (CC BY 2.5), replicated with distinct ids and urls by `benches/make_corpus.py`; "
        "reproduce with `benches/run.sh` (see `benches/README.md`).",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
