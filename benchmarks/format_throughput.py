"""What a document of each format costs the import: read, entities and index terms, on one core.

    python -m benchmarks.format_throughput [--rounds N]

An import worker's work for one file (`library.analysis.analyse_file(..., prepare=True)`),
timed over the test files of each format (tests/data/formats, and the real PDFs and HTML pages
of ../shared/data/real/formats where present) and over the bench's `.txt` corpus, each file
`--rounds` times. Prints documents and megabytes per second per format; an import with two
workers does up to about twice that, less the writer's share.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from briefing_app.library.analysis import analyse_file
from briefing_app.search.analysis import load_word_tables

REPO = Path(__file__).resolve().parents[1]
FORMATS = REPO / "tests" / "data" / "formats"
SHARED_FORMATS = REPO.parent / "shared" / "data" / "real" / "formats"
TXT_CORPUS = REPO / "bench-results" / "corpus-1000"
MAX_BYTES = 50_000_000


def files_by_format() -> dict[str, list[Path]]:
    found: dict[str, list[Path]] = {}
    folders = [FORMATS, SHARED_FORMATS]
    for path in sorted(p for folder in folders if folder.is_dir() for p in folder.rglob("*")):
        suffix = path.suffix.lower().lstrip(".")
        if path.is_file() and suffix in ("pdf", "docx", "odt", "html", "htm", "eml"):
            found.setdefault("html" if suffix == "htm" else suffix, []).append(path)
    if TXT_CORPUS.is_dir():
        found["txt"] = sorted(TXT_CORPUS.rglob("*.txt"))[:200]
    return found


def throughput(paths: list[Path], rounds: int) -> dict[str, float]:
    analyse_file(paths[0], MAX_BYTES, prepare=True)  # the format's libraries, loaded once
    size = sum(p.stat().st_size for p in paths) * rounds
    started = time.process_time()
    for _ in range(rounds):
        for path in paths:
            analyse_file(path, MAX_BYTES, prepare=True)
    seconds = time.process_time() - started
    documents = len(paths) * rounds
    return {
        "files": len(paths),
        "docs_per_s": round(documents / seconds, 1),
        "mb_per_s": round(size / seconds / 1e6, 2),
        "ms_per_doc": round(seconds * 1000 / documents, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    load_word_tables()
    print("IMPORT WORK PER FORMAT (one core, CPU time: read + entities + index terms)")
    for name, paths in files_by_format().items():
        figures = throughput(paths, 1 if name == "txt" else args.rounds)
        print(
            f"  {name:<5} {figures['docs_per_s']:>7.1f} docs/s  {figures['mb_per_s']:>6.2f} MB/s"
            f"  {figures['ms_per_doc']:>7.1f} ms/doc  ({figures['files']} files)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
