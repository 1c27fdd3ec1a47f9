"""`make bench`: Briefing against SQLite FTS5 on a deterministic synthetic corpus.

    python -m benchmarks.run --sizes 1000,10000 [--gui] [--no-gui]

For each size: generate the corpus (cached under bench-results/corpus-N), then, each in a fresh
process (so peak RSS and cold start are the phase's own):

- import end to end (read + parse + entities + index, committed) into a fresh library; time until
  the first documents are searchable; re-scan of the unchanged library; one changed document;
- open the library cold and run the first query, then term, AND, phrase, prefix and filtered
  queries, each with snippets for the top 20 and facet counts (p50/p95);
- the same corpus and queries in SQLite FTS5 (stdlib sqlite3), for Briefing/FTS5 ratios.

A GUI probe (benchmarks.gui_probe) and the GUI stall while searching in and out of the window's
process (benchmarks.search_stall) run at the largest size up to 10k. Prints tables and writes
bench-results/bench-<timestamp>.json. Read the ratios: the machine is shared and noisy. Then
the import work per format (benchmarks.format_throughput: PDF, Word, HTML, e-mail beside .txt)
and the search quality figures of benchmarks.search_quality (word forms, issue #17).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.corpus import generate_corpus
from benchmarks.phases import QUERY_KINDS

RESULTS = Path("bench-results")
QUERIES_PER_KIND = 40
GUI_PROBE_MAX_SIZE = 10_000
_WORD = re.compile(r"[^\W\d_]{5,}")


def corpus(size: int) -> Path:
    folder = RESULTS / f"corpus-{size}"
    marker = folder / ".complete"
    if not marker.exists():
        shutil.rmtree(folder, ignore_errors=True)
        generate_corpus(folder, size)
        marker.touch()
    return folder


def sample_queries(folder: Path, seed: int = 7) -> dict[str, list[str]]:
    """Queries drawn from the corpus itself, so every one of them finds something."""
    rng = random.Random(seed)
    files = sorted(folder.rglob("*.txt"))
    queries: dict[str, list[str]] = {kind: [] for kind in QUERY_KINDS}
    for path in rng.sample(files, min(len(files), QUERIES_PER_KIND)):
        words = _WORD.findall(path.read_text("utf-8").split("\n", 1)[1])
        if len(words) < 4:
            continue
        first, second = rng.sample(words, 2)
        at = rng.randrange(len(words) - 1)
        queries["term"].append(first)
        queries["and"].append(f"{first} {second}")
        queries["phrase"].append(f'"{words[at]} {words[at + 1]}"')
        queries["prefix"].append(first[:5] + "*")
        queries["filtered"].append(second)
    return queries


def top_country(data_dir: Path) -> str:
    db = sqlite3.connect(data_dir / "library.sqlite3")
    row = db.execute(
        "SELECT key, COUNT(*) n FROM document_entities WHERE type = 'country' "
        "GROUP BY key ORDER BY n DESC LIMIT 1"
    ).fetchone()
    db.close()
    return str(row[0]) if row else "nl"


def run_phase(*args: str, env: dict[str, str] | None = None) -> Any:
    completed = subprocess.run(
        [sys.executable, "-m", *args],
        check=True,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )
    return json.loads(completed.stdout.strip().splitlines()[-1])


def bench_size(size: int, workdir: Path, gui: bool) -> dict[str, Any]:
    folder = corpus(size).resolve()
    data_dir = (workdir / f"library-{size}").resolve()
    log(f"{size}: import")
    imported = run_phase("benchmarks.phases", "import", str(folder), str(data_dir))
    queries: dict[str, Any] = dict(sample_queries(folder))
    queries["country"] = top_country(data_dir)
    queries_file = workdir / f"queries-{size}.json"
    queries_file.write_text(json.dumps(queries, ensure_ascii=False), "utf-8")
    log(f"{size}: search")
    searched = run_phase("benchmarks.phases", "search", str(data_dir), str(queries_file))
    log(f"{size}: fts5")
    fts5 = run_phase(
        "benchmarks.phases",
        "fts5",
        str(folder),
        str(workdir / f"fts5-{size}.sqlite3"),
        str(queries_file),
        str(data_dir),
    )
    result: dict[str, Any] = {
        "size": size,
        "entities": entity_speed(folder),
        **imported,
        **searched,
        "fts5": fts5,
        "filter_country": queries["country"],
    }
    if gui:
        log(f"{size}: GUI stall while searching, in and out of the window's process")
        try:
            result["search_stall"] = run_phase(
                "benchmarks.search_stall",
                str(data_dir),
                str(queries_file),
                env={"QT_QPA_PLATFORM": "offscreen"},
            )
        except subprocess.CalledProcessError as error:
            result["search_stall"] = {"failed": f"exited with {error.returncode}"}
        log(f"{size}: gui probe")
        import_corpus = corpus(2000).resolve()
        try:
            result["gui"] = run_phase(
                "benchmarks.gui_probe",
                str(data_dir),
                str(import_corpus),
                str(queries_file),
                env={"QT_QPA_PLATFORM": "offscreen"},
            )
        except subprocess.CalledProcessError as error:  # keep the other figures of the run
            result["gui"] = {"failed": f"gui probe exited with {error.returncode}"}
    return result


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def ratio(ours: float | None, theirs: float | None) -> str:
    if not ours or not theirs:
        return "-"
    return f"{ours / theirs:.1f}x"


def entity_speed(folder: Path, count: int = 200) -> dict[str, float]:
    """Extraction alone, on one core, over the first `count` documents of the corpus."""
    from briefing_app.documents import read_document
    from briefing_app.entities import extract_entities

    documents = [read_document(p) for p in sorted(folder.rglob("*.txt"))[:count]]
    extract_entities(documents[0].text, documents[0].language)  # load gazetteers first
    words = sum(len(d.text.split()) for d in documents) / len(documents)
    started = time.perf_counter()
    for document in documents:
        extract_entities(document.text, document.language)
    per_doc = (time.perf_counter() - started) * 1000 / len(documents)
    return {
        "docs": len(documents),
        "ms_per_doc": round(per_doc, 2),
        "mean_words": round(words),
        "ms_per_600_words": round(per_doc * 600 / words, 2),
    }


def print_tables(results: list[dict[str, Any]]) -> None:
    print()
    print("IMPORT (end to end: read + parse + entities + index, committed)")
    print(
        f"{'docs':>7} {'import s':>9} {'docs/s':>7} {'FTS5/s':>7} {'FTS5 faster':>11} "
        f"{'1st searchable s':>16} {'rescan s':>9} {'update 1 s':>10} {'RSS MB main+wrk':>16}"
    )
    for r in results:
        rss = r["import_peak_rss_mb"]
        print(
            f"{r['size']:>7} {r['import_s']:>9.1f} {r['import_docs_per_s']:>7.1f} "
            f"{r['fts5']['docs_per_s']:>7.0f} "
            f"{ratio(r['fts5']['docs_per_s'], r['import_docs_per_s']):>11} "
            f"{r['first_searchable_s'] or float('nan'):>16.2f} {r['rescan_unchanged_s']:>9.2f} "
            f"{r['update_one_s']:>10.3f} {rss['self']:>9.0f}+{rss['children']:.0f}"
        )
    print()
    print("SEARCH (top 20 with snippets + facet counts), ms; ratio = Briefing / FTS5")
    print(
        f"{'docs':>7} {'query':<9} {'p50':>8} {'p95':>8} {'FTS5 p50':>9} {'FTS5 p95':>9} "
        f"{'p50 x':>7} {'p95 x':>7}"
    )
    for r in results:
        for kind in QUERY_KINDS:
            ours, theirs = r["latency"][kind], r["fts5"]["latency"][kind]
            print(
                f"{r['size']:>7} {kind:<9} {ours['p50_ms']:>8.2f} {ours['p95_ms']:>8.2f} "
                f"{theirs['p50_ms']:>9.2f} {theirs['p95_ms']:>9.2f} "
                f"{ratio(ours['p50_ms'], theirs['p50_ms']):>7} "
                f"{ratio(ours['p95_ms'], theirs['p95_ms']):>7}"
            )
    print()
    print("COLD START (fresh process) and peak RSS of searching")
    print(
        f"{'docs':>7} {'imports ms':>10} {'open ms':>8} {'1st query ms':>12} "
        f"{'process→results ms':>18} {'search RSS MB':>13} {'FTS5 RSS MB':>11}"
    )
    for r in results:
        c = r["cold"]
        print(
            f"{r['size']:>7} {c['python_imports_ms']:>10.0f} {c['open_ms']:>8.0f} "
            f"{c['first_query_ms']:>12.0f} {c['process_start_to_first_results_ms']:>18.0f} "
            f"{r['search_peak_rss_mb']['self']:>13.0f} {r['fts5']['peak_rss_mb']['self']:>11.0f}"
        )
    print()
    print("SEARCH WITHOUT snippets and facets (the same queries, run second), ms p50 / p95")
    for r in results:
        plain = r.get("latency_without_snippets", {})
        cells = "  ".join(
            f"{kind} {plain[kind]['p50_ms']:.1f}/{plain[kind]['p95_ms']:.1f}"
            for kind in QUERY_KINDS
            if kind in plain
        )
        print(f"{r['size']:>7}  {cells}")
    if results and "entities" in results[0]:
        e = results[0]["entities"]
        print()
        print(
            f"ENTITY EXTRACTION (one core): {e['ms_per_600_words']:.2f} ms per 600 words "
            f"({e['docs']} documents, mean {e['mean_words']:.0f} words)"
        )
    for r in results:
        if "gui" in r:
            g = r["gui"]
            print()
            print(f"GUI PROBE ({r['size']} documents, offscreen)")
            for key, value in g.items():
                print(f"  {key}: {value}")
        stall = r.get("search_stall")
        if stall:
            print(f"GUI STALL, 80 searches back to back ({r['size']} documents)")
            for mode, figures in stall.items():
                print(f"  searches in the {mode.replace('_', ' ')}: {figures}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--no-gui", action="store_true", help="skip the GUI probe")
    parser.add_argument(
        "--no-quality", action="store_true", help="skip the search quality figures (issue #17)"
    )
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    RESULTS.mkdir(exist_ok=True)
    workdir = RESULTS / "work"
    workdir.mkdir(exist_ok=True)
    gui_size = max((s for s in sizes if s <= GUI_PROBE_MAX_SIZE), default=None)
    results = []
    for size in sizes:
        results.append(bench_size(size, workdir, gui=not args.no_gui and size == gui_size))
    print_tables(results)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    out = RESULTS / f"bench-{stamp}.json"
    meta = {
        "python": sys.version.split()[0],
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "when": stamp,
        "sqlite": sqlite3.sqlite_version,
    }
    out.write_text(json.dumps({"meta": meta, "results": results}, indent=2))
    print(f"\nwrote {out}")
    # Import work per format (PDF, Word, HTML, e-mail beside .txt): its own process too.
    print(flush=True)
    subprocess.run([sys.executable, "-m", "benchmarks.format_throughput"], check=False)
    if not args.no_quality:
        # Word forms and real documents (benchmarks/search_quality.py), about a minute; a
        # process of its own, so that it prints after the tables above.
        print(flush=True)
        log("search quality")
        subprocess.run([sys.executable, "-m", "benchmarks.search_quality"], check=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
