"""What widening a query with entity aliases costs, on an existing library (issue #17 item 4):

    .venv/bin/python -m benchmarks.alias_queries bench-results/work/library-10000 [ROUNDS]

Each query searched literally and widened (`SearchRequest.literal`), alternated query by
query, with facets and 25 snippets as the window asks; prints the best of ROUNDS (5) runs of
each and the documents found. The bench corpus (benchmarks/corpus.py) names NAVO/NATO, VN/UN,
EU, the VS/US and its countries in Dutch and English.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

QUERIES = [
    "EU",
    "NAVO",
    "VN",
    "VS",
    "Verenigde Staten",
    "Europese Unie",
    "United Nations",
    "VK",
    "Jordanië",
    "Rusland",
    "Duitsland",
    "EU sancties",
    "NAVO AND Rusland",
    "EU VS VN NAVO VK Rusland",
    "terrorisme",
]


def main(argv: list[str]) -> int:
    from briefing_app.library import Library
    from briefing_app.search import SearchRequest

    library = Library(Path(argv[0]))
    rounds = int(argv[1]) if len(argv) > 1 else 5
    library.search(SearchRequest(query="x", facets=True))  # shared caches, not timed
    library.search(SearchRequest(query="EU", facets=True))  # the alias table
    best: dict[tuple[str, bool], float] = {}
    found: dict[tuple[str, bool], int] = {}
    for round_ in range(rounds):
        for query in QUERIES:
            for literal in (True, False) if round_ % 2 else (False, True):
                began = time.perf_counter()
                results = library.search(
                    SearchRequest(query=query, limit=25, facets=True, literal=literal)
                )
                took = (time.perf_counter() - began) * 1000
                best[(query, literal)] = min(took, best.get((query, literal), took))
                found[(query, literal)] = results.total
    print(f"{'query':<28} {'literal ms':>10} {'widened ms':>10}  documents")
    for query in QUERIES:
        literal, widened = best[(query, True)], best[(query, False)]
        documents = f"{found[(query, True)]} -> {found[(query, False)]}"
        print(f"{query:<28} {literal:>10.1f} {widened:>10.1f}  {documents}")
    for literal in (True, False):
        median = statistics.median(best[(q, literal)] for q in QUERIES)
        print(f"median, {'literal' if literal else 'widened'}: {median:.1f} ms")
    library.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
