"""Benchmark phases, each run in a fresh process by `benchmarks.run` so that peak RSS and cold
start are the phase's own:

    python -m benchmarks.phases import CORPUS DATA_DIR
    python -m benchmarks.phases search DATA_DIR QUERIES_JSON
    python -m benchmarks.phases fts5 CORPUS DB QUERIES_JSON

Each prints one JSON object on its last line of stdout.
"""

from __future__ import annotations

import time

PROCESS_STARTED = time.perf_counter()  # before the heavy imports: cold start includes them

import json  # noqa: E402
import resource  # noqa: E402
import shutil  # noqa: E402
import sqlite3  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

QUERY_KINDS = ("term", "and", "phrase", "prefix", "filtered")


def peak_rss_mb() -> dict[str, float]:
    return {
        "self": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "children": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
    }


def percentiles(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)

    def at(share: float) -> float:
        return round(ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))], 2)

    return {"p50_ms": at(0.5), "p95_ms": at(0.95), "max_ms": round(ordered[-1], 2)}


def import_phase(corpus: Path, data_dir: Path) -> dict[str, Any]:
    from briefing_app.library import Library
    from briefing_app.search import SearchRequest

    shutil.rmtree(data_dir, ignore_errors=True)
    size = sum(1 for _ in corpus.rglob("*.txt"))
    first_searchable: list[float] = []
    with Library(data_dir) as library:
        started = time.perf_counter()

        def on_commit(_count: int) -> None:
            if not first_searchable:
                found = library.search(SearchRequest(query="", limit=1, snippets=False))
                if found.total:
                    first_searchable.append(time.perf_counter() - started)

        cpu = time.process_time()
        report = library.import_paths([corpus], committed=on_commit)
        import_s = time.perf_counter() - started
        main_cpu_s = time.process_time() - cpu
        assert not report.failed, report.failed[:3]
        children_cpu_s = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
        rss = peak_rss_mb()

        started = time.perf_counter()
        rescan = library.import_paths([corpus])
        rescan_s = time.perf_counter() - started
        assert len(rescan.unchanged) == size

        update_s = _update_one(library, corpus)
    return {
        "size": size,
        "import_s": round(import_s, 2),
        "import_docs_per_s": round(size / import_s, 1),
        "import_main_cpu_s": round(main_cpu_s, 1),
        "import_workers_cpu_s": round(children_cpu_s, 1),
        "first_searchable_s": round(first_searchable[0], 2) if first_searchable else None,
        "rescan_unchanged_s": round(rescan_s, 2),
        "update_one_s": round(update_s, 3),
        "import_peak_rss_mb": rss,
    }


def _update_one(library: Any, corpus: Path) -> float:
    """Change one document and time until a search for the new word finds it; the corpus
    file gets its old text back afterwards (the library keeps the changed version)."""
    from briefing_app.search import SearchRequest

    path = sorted(corpus.rglob("*.txt"))[len(list(corpus.rglob("*.txt"))) // 2]
    original = path.read_bytes()
    try:
        path.write_bytes(original + b"\nZwaluwstaartvlinder.\n")
        started = time.perf_counter()
        library.import_paths([path])
        found = library.search(SearchRequest(query="zwaluwstaartvlinder", snippets=True))
        seconds = time.perf_counter() - started
        assert found.total == 1, found.total
    finally:
        path.write_bytes(original)
    return seconds


def time_queries(
    library: Any, queries: dict[str, Any], kind: str, *, full: bool
) -> dict[str, float]:
    """p50 / p95 / max of the bench's queries of one kind, each once: with snippets for the
    top 20 and facet counts when `full`; filtered queries filter on the bench's country."""
    from briefing_app.search import SearchRequest

    timings = []
    for query in queries[kind]:
        request = SearchRequest(
            query=query,
            limit=20,
            snippets=full,
            facets=full,
            countries=(queries["country"],) if kind == "filtered" else (),
        )
        began = time.perf_counter()
        library.search(request)
        timings.append((time.perf_counter() - began) * 1000)
    return percentiles(timings)


def search_phase(data_dir: Path, queries: dict[str, Any]) -> dict[str, Any]:
    imported = time.perf_counter()
    from briefing_app.library import Library
    from briefing_app.search import SearchRequest

    import_ms = (time.perf_counter() - imported) * 1000
    started = time.perf_counter()
    library = Library(data_dir)
    open_ms = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    library.search(SearchRequest(query=queries["term"][0], snippets=True, facets=True))
    first_ms = (time.perf_counter() - started) * 1000
    cold = {
        "python_imports_ms": round(import_ms, 1),
        "open_ms": round(open_ms, 1),
        "first_query_ms": round(first_ms, 1),
        "process_start_to_first_results_ms": round(
            (time.perf_counter() - PROCESS_STARTED) * 1000, 1
        ),
    }
    latency = {kind: time_queries(library, queries, kind, full=True) for kind in QUERY_KINDS}
    # The same queries again without snippets and facet counts: what the index alone costs.
    plain = {kind: time_queries(library, queries, kind, full=False) for kind in QUERY_KINDS}
    library.close()
    return {
        "cold": cold,
        "latency": latency,
        "latency_without_snippets": plain,
        "search_peak_rss_mb": peak_rss_mb(),
    }


def fts5_phase(corpus: Path, db_path: Path, queries: dict[str, Any], data_dir: Path) -> Any:
    from benchmarks import fts5

    built = fts5.build(corpus, db_path)
    catalog = sqlite3.connect(data_dir / "library.sqlite3")
    countries: dict[str, list[str]] = {}
    for path, code in catalog.execute(
        "SELECT d.path, e.key FROM documents d JOIN document_entities e ON e.doc_id = d.id "
        "WHERE e.type = 'country'"
    ):
        countries.setdefault(path, []).append(code)
    catalog.close()
    fts5.add_countries(db_path, countries)
    searcher = fts5.Fts5Searcher(db_path)
    latency = {}
    for kind in QUERY_KINDS:
        timings = []
        for query in queries[kind]:
            began = time.perf_counter()
            searcher.search(query, queries["country"] if kind == "filtered" else None)
            timings.append((time.perf_counter() - began) * 1000)
        latency[kind] = percentiles(timings)
    searcher.close()
    return {
        "build_s": round(built["build_s"], 2),
        "docs_per_s": round(built["docs_per_s"], 1),
        "latency": latency,
        "peak_rss_mb": peak_rss_mb(),
    }


def main(argv: list[str]) -> int:
    phase, *args = argv
    if phase == "import":
        result = import_phase(Path(args[0]), Path(args[1]))
    elif phase == "search":
        result = search_phase(Path(args[0]), json.loads(Path(args[1]).read_text("utf-8")))
    elif phase == "fts5":
        queries = json.loads(Path(args[2]).read_text("utf-8"))
        result = fts5_phase(Path(args[0]), Path(args[1]), queries, Path(args[3]))
    else:
        raise SystemExit(f"unknown phase {phase}")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
