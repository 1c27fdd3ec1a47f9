"""Time the bench's queries on an existing library, in this process (a quick before/after of a
search change, without a whole `make bench`):

    .venv/bin/python -m benchmarks.search_queries bench-results/work/library-50000 \\
        bench-results/work/queries-50000.json [term,and,phrase,prefix,filtered]

Each query once, with snippets for the top 20 and facet counts, as `benchmarks/phases.py
search` runs them; prints p50 / p95 / max per kind. The first search (an empty-ish query) is
not timed: it reads what every later one shares (entity values, dates of each segment).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from benchmarks.phases import QUERY_KINDS, time_queries


def main(argv: list[str]) -> int:
    from briefing_app.library import Library
    from briefing_app.search import SearchRequest

    library = Library(Path(argv[0]))
    queries = json.loads(Path(argv[1]).read_text("utf-8"))
    kinds = argv[2].split(",") if len(argv) > 2 else list(QUERY_KINDS)
    library.search(SearchRequest(query="x", snippets=True, facets=True))
    for kind in kinds:
        print(kind, json.dumps(time_queries(library, queries, kind, full=True)))
    library.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
