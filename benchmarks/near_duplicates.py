"""What collapsing near duplicates costs: fingerprints at import, grouping, and searches with
and without collapsing (issue #17, item 8):

    .venv/bin/python -m benchmarks.near_duplicates 10000 bench-results/near-duplicates

Generates the bench corpus of SIZE documents (benchmarks/corpus.py) plus 4 copies of every
40th one (another date line, one word changed: 2.5 % of the documents have 4 near
duplicates), imports it once into WORK/library-SIZE, then times 31 queries (body words of
varied frequency, and the empty query) with facets and snippets for 25 hits, collapsed and
not, alternated query by query; a further page (offset 25, count=False) the same way.
"""

from __future__ import annotations

import random
import re
import statistics
import sys
import time
from pathlib import Path

COPIES = 4
EVERY = 40


def make_corpus(folder: Path, size: int) -> None:
    from benchmarks.corpus import generate_corpus

    paths = generate_corpus(folder, size)
    rng = random.Random(7)
    copies = folder / "copies"
    copies.mkdir()
    for number, path in enumerate(paths[::EVERY]):
        first, _, rest = path.read_text("utf-8").partition("\n")
        words = rest.split(" ")
        for copy in range(COPIES):
            changed = list(words)
            changed[rng.randrange(len(changed))] = "gewijzigd"
            text = f"{first}\nDen Haag, {copy + 1} maart\n" + " ".join(changed)
            (copies / f"{number}-{copy}.txt").write_text(text, "utf-8")


def quantiles(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    return round(statistics.median(ordered), 1), round(ordered[int(len(ordered) * 0.95)], 1)


def main(argv: list[str]) -> int:
    from briefing_app.documents import read_document
    from briefing_app.library import Library
    from briefing_app.library.duplicates import fingerprint
    from briefing_app.search import SearchRequest, SortOrder

    size, work = int(argv[0]), Path(argv[1])
    corpus = work / f"corpus-{size}"
    if not corpus.exists():
        make_corpus(corpus, size)
    files = sorted(corpus.rglob("*.txt"))
    texts = [read_document(path).searchable_text for path in files[:500]]
    started = time.perf_counter()
    for text in texts:
        fingerprint(text)
    each = (time.perf_counter() - started) / len(texts) * 1000
    words = statistics.mean(len(text.split()) for text in texts)
    print(f"{len(files)} files; fingerprint {each:.2f} ms a document ({words:.0f} words)")

    library = Library(work / f"library-{size}")
    if library.document_count() == 0:
        started = time.perf_counter()
        library.import_paths([corpus])
        print(f"import {time.perf_counter() - started:.0f} s")
    started = time.perf_counter()
    grouped = library.group_duplicates()
    print(f"grouping {(time.perf_counter() - started) * 1000:.0f} ms ({grouped} grouped)")

    rng = random.Random(3)
    vocabulary = [w for text in texts[:200] for w in re.findall(r"[a-zà-ÿ]{5,}", text.lower())]
    queries = [*sorted(set(rng.sample(vocabulary, 40)))[:30], ""]
    started = time.perf_counter()
    library.search(SearchRequest(query="x", facets=True))
    print(f"first search {(time.perf_counter() - started) * 1000:.0f} ms")

    def timed(request: SearchRequest) -> float:
        started = time.perf_counter()
        library.search(request)
        return (time.perf_counter() - started) * 1000

    for sort in (SortOrder.RELEVANCE, SortOrder.DATE):
        every: list[float] = []
        collapsed: list[float] = []
        for round_ in range(4):
            for query in queries:
                for collapse in (True, False) if round_ % 2 == 0 else (False, True):
                    request = SearchRequest(
                        query=query, limit=25, facets=True, collapse=collapse, sort=sort
                    )
                    (collapsed if collapse else every).append(timed(request))
        print(
            f"{sort.value}: p50 / p95 ms, every document {quantiles(every)}, "
            f"collapsed {quantiles(collapsed)}"
        )
    every, collapsed = [], []
    for round_ in range(3):
        for query in queries:
            for collapse in (True, False) if round_ % 2 == 0 else (False, True):
                request = SearchRequest(
                    query=query, offset=25, limit=25, count=False, collapse=collapse
                )
                (collapsed if collapse else every).append(timed(request))
    print(f"page 2: every document {quantiles(every)}, collapsed {quantiles(collapsed)}")
    results = library.search(SearchRequest(query=""))
    print(f"empty query: {results.total} results of {results.documents} documents")
    library.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
