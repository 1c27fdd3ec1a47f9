"""GUI-thread stall while the window's service searches, with searches in the search process
and in the window's own process (library/search_host.py says why they differ).

    QT_QPA_PLATFORM=offscreen python -m benchmarks.search_stall DATA_DIR QUERIES_JSON

Opens the library with a LibraryService, lets it warm up for 3 s, then runs 80 queries of the
bench (term, AND, prefix, phrase; each sent when the last one is answered) while a 5 ms timer
on the GUI thread measures its longest late tick. Prints one JSON object, both modes.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from benchmarks.gui_probe import StallMonitor, pump, wait_until
from benchmarks.phases import percentiles
from briefing_app.search import SearchRequest
from briefing_app.ui.service import LibraryService

WARM_UP_MS = 3000


def measure(app: Any, data_dir: Path, queries: list[str], *, in_child: bool) -> dict:
    service = LibraryService(data_dir, search_in_child=in_child)
    ready: list[int] = []
    answered: list[Any] = []
    service.ready.connect(ready.append)
    service.start()
    wait_until(app, lambda: bool(ready))
    service.search(SearchRequest(query="", facets=True), answered.append)
    wait_until(app, lambda: len(answered) == 1)
    pump(WARM_UP_MS)
    monitor = StallMonitor()
    monitor.start()
    started = time.perf_counter()
    for number, query in enumerate(queries, start=2):
        service.search(SearchRequest(query=query, facets=True), answered.append)
        wait_until(app, lambda wanted=number: len(answered) == wanted)  # type: ignore[misc]
    elapsed = time.perf_counter() - started
    monitor._timer.stop()
    service.shutdown()
    searches = percentiles([results.took_ms for results in answered[1:]])
    return {
        "queries": len(queries),
        "longest_gui_stall_ms": round(monitor.longest_ms, 1),
        "all_answered_s": round(elapsed, 2),
        "search_p50_ms": searches["p50_ms"],
        "search_p95_ms": searches["p95_ms"],
    }


def main(argv: list[str]) -> int:
    data_dir, queries_file = Path(argv[0]), Path(argv[1])
    kinds = json.loads(queries_file.read_text("utf-8"))
    queries = [q for kind in ("term", "and", "prefix", "phrase") for q in kinds[kind][:20]]
    app = QApplication.instance() or QApplication(["briefing-search-stall"])
    result = {
        "search_process": measure(app, data_dir, queries, in_child=True),
        "window_process": measure(app, data_dir, queries, in_child=False),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
