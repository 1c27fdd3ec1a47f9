"""Profile an import, or measure how long it stalls another thread (a GUI's, say).

    python -m benchmarks.profile_import 1000            # cProfile, top 30 by cumulative time
    python -m benchmarks.profile_import 1000 --stall    # longest gap of a 5 ms ticker meanwhile
    python -m benchmarks.profile_import 10000 --analysis  # the workers alone: import's ceiling

Uses the cached corpus bench-results/corpus-N (`make bench` writes it) and a scratch library.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import resource
import tempfile
import threading
import time
from pathlib import Path

from benchmarks.run import corpus
from briefing_app.documents import DEFAULT_MAX_BYTES
from briefing_app.library import Library
from briefing_app.library.workers import analyse_files

TICK_S = 0.005


def profile(folder: Path, data_dir: Path) -> None:
    with Library(data_dir) as library:
        profiler = cProfile.Profile()
        started = time.perf_counter()
        profiler.enable()
        library.import_paths([folder])
        profiler.disable()
        print(f"import: {time.perf_counter() - started:.1f} s (under the profiler)")
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)


def stall(folder: Path, data_dir: Path) -> None:
    finished: list[float] = []
    started = time.perf_counter()

    def run() -> None:
        with Library(data_dir) as library:  # SQLite objects belong to the creating thread
            library.import_paths([folder])
        finished.append(time.perf_counter() - started)

    worker = threading.Thread(target=run)
    worker.start()
    last, worst = time.perf_counter(), 0.0
    while not finished:
        time.sleep(TICK_S)
        now = time.perf_counter()
        worst = max(worst, now - last - TICK_S)
        last = now
    worker.join()
    print(f"import: {finished[0]:.1f} s; longest stall of the other thread: {worst * 1000:.0f} ms")


def analysis_only(folder: Path) -> None:
    """Read, parse, extract entities and prepare postings on the workers, as an import does,
    and throw the results away: how fast an import could go if the index writer were free."""
    paths = sorted(folder.rglob("*.txt"))
    started, cpu = time.perf_counter(), time.process_time()
    for _result in analyse_files(paths, DEFAULT_MAX_BYTES):
        pass
    wall = time.perf_counter() - started
    workers_cpu = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
    print(
        f"analysis of {len(paths)} files: {len(paths) / wall:.0f} docs/s; CPU per document: "
        f"workers {workers_cpu / len(paths) * 1000:.2f} ms, this process "
        f"{(time.process_time() - cpu) / len(paths) * 1000:.2f} ms"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("size", type=int)
    parser.add_argument("--stall", action="store_true")
    parser.add_argument("--analysis", action="store_true")
    args = parser.parse_args(argv)
    folder = corpus(args.size).resolve()
    if args.analysis:
        analysis_only(folder)
        return 0
    with tempfile.TemporaryDirectory() as scratch:
        (stall if args.stall else profile)(folder, Path(scratch) / "library")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
