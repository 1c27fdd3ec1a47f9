"""`make bench`: import throughput and query latency on a deterministic synthetic corpus.

    python -m benchmarks.run --sizes 1000,10000

For each size: generate the corpus (cached under bench-results/corpus-N), import it end to end
(read + parse + entities + index, committed) into a fresh library, then time term, AND,
phrase and prefix queries with and without snippets. Prints a table and writes
bench-results/bench-<timestamp>.json. Figures are for comparing runs on the same machine.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import re
import resource
import shutil
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.corpus import generate_corpus
from briefing_app.documents import read_document
from briefing_app.entities import extract_entities
from briefing_app.library import Library
from briefing_app.search import SearchRequest

RESULTS = Path("bench-results")
QUERIES_PER_KIND = 40
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
    queries: dict[str, list[str]] = {"term": [], "and": [], "phrase": [], "prefix": []}
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
    return queries


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def time_queries(library: Library, queries: list[str], *, snippets: bool) -> dict[str, float]:
    timings = []
    for query in queries:
        started = time.perf_counter()
        library.search(SearchRequest(query=query, limit=20, snippets=snippets, facets=snippets))
        timings.append((time.perf_counter() - started) * 1000)
    return {"p50_ms": percentile(timings, 0.5), "p95_ms": percentile(timings, 0.95)}


def entity_speed(folder: Path, count: int = 200) -> dict[str, float]:
    documents = [read_document(p) for p in sorted(folder.rglob("*.txt"))[:count]]
    words = statistics.mean(len(d.text.split()) for d in documents)
    started = time.perf_counter()
    for document in documents:
        extract_entities(document.text, document.language)
    per_doc = (time.perf_counter() - started) * 1000 / len(documents)
    return {"ms_per_doc": per_doc, "mean_words": words, "ms_per_600_words": per_doc * 600 / words}


def bench_size(size: int, workdir: Path) -> dict[str, Any]:
    folder = corpus(size)
    data_dir = workdir / f"library-{size}"
    shutil.rmtree(data_dir, ignore_errors=True)
    with Library(data_dir) as library:
        started = time.perf_counter()
        report = library.import_paths([folder])
        import_s = time.perf_counter() - started
        assert not report.failed, report.failed[:3]
        started = time.perf_counter()
        rescan = library.import_paths([folder])
        rescan_s = time.perf_counter() - started
        assert len(rescan.unchanged) == size
        queries = sample_queries(folder)
        latency = {
            kind: {
                "snippets": time_queries(library, qs, snippets=True),
                "plain": time_queries(library, qs, snippets=False),
            }
            for kind, qs in queries.items()
        }
    return {
        "size": size,
        "import_s": round(import_s, 2),
        "import_docs_per_s": round(size / import_s, 1),
        "rescan_unchanged_s": round(rescan_s, 2),
        "latency": latency,
        "entities": entity_speed(folder),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def print_table(results: list[dict[str, Any]]) -> None:
    print()
    print(f"{'docs':>7} {'import s':>9} {'docs/s':>8} {'rescan s':>9} {'entity ms/600w':>15}")
    for r in results:
        print(
            f"{r['size']:>7} {r['import_s']:>9.1f} {r['import_docs_per_s']:>8.1f} "
            f"{r['rescan_unchanged_s']:>9.2f} {r['entities']['ms_per_600_words']:>15.2f}"
        )
    print()
    header = (
        f"{'docs':>7} {'query':<7} {'p50 ms':>8} {'p95 ms':>8} {'p50 +snip':>10} {'p95 +snip':>10}"
    )
    print(header)
    for r in results:
        for kind, modes in r["latency"].items():
            plain, snip = modes["plain"], modes["snippets"]
            print(
                f"{r['size']:>7} {kind:<7} {plain['p50_ms']:>8.2f} {plain['p95_ms']:>8.2f} "
                f"{snip['p50_ms']:>10.2f} {snip['p95_ms']:>10.2f}"
            )
    print("(+snip: top-20 snippets and entity facet counts included)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    RESULTS.mkdir(exist_ok=True)
    workdir = RESULTS / "work"
    results = []
    for size in sizes:
        print(f"benchmarking {size} documents ...", file=sys.stderr, flush=True)
        results.append(bench_size(size, workdir))
    print_table(results)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    out = RESULTS / f"bench-{stamp}.json"
    meta = {"python": sys.version.split()[0], "machine": platform.machine(), "when": stamp}
    out.write_text(json.dumps({"meta": meta, "results": results}, indent=2))
    print(f"\nwrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
