"""GUI probe: the main window offscreen on a benchmark library, driven as a user would.

    QT_QPA_PLATFORM=offscreen python -m benchmarks.gui_probe DATA_DIR IMPORT_CORPUS QUERIES_JSON
    QT_QPA_PLATFORM=offscreen python -m benchmarks.gui_probe DATA_DIR - QUERIES_JSON  # no import

Measures cold start to first paint and to library ready, keystroke to results painted while
typing queries character by character (term and AND queries; prefix queries on their own), and
the longest GUI-thread stall (a 5 ms timer that should tick on time) while searching and while
importing IMPORT_CORPUS. Prints one JSON object.
"""

from __future__ import annotations

import time

PROCESS_STARTED = time.perf_counter()

import json  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from benchmarks.phases import percentiles  # noqa: E402
from briefing_app.ui.app import build_window, create_application  # noqa: E402

TYPING_INTERVAL_MS = 90  # a brisk typist
TICK_MS = 5
TIMEOUT_S = 600.0


class StallMonitor:
    """The longest gap between ticks of a timer on the GUI thread, beyond its interval."""

    def __init__(self) -> None:
        self._timer = QTimer()
        self._timer.setInterval(TICK_MS)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)
        self._last = time.perf_counter()
        self.longest_ms = 0.0

    def start(self) -> None:
        self.reset()
        self._timer.start()

    def reset(self) -> None:
        self._last = time.perf_counter()
        self.longest_ms = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest_ms = max(self.longest_ms, (now - self._last) * 1000 - TICK_MS)
        self._last = now

    def __enter__(self) -> StallMonitor:
        self.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._timer.stop()


def pump(ms: int) -> None:
    """Run Qt's event loop for `ms` milliseconds, as a running application does. Not
    QTest.qWait: PySide6 holds the GIL through it, so the window's worker threads barely run
    (a Python loop in another thread got 0.6 % of its CPU time while qWait waited)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(app: QApplication, done: Callable[[], bool], timeout_s: float = TIMEOUT_S) -> None:
    deadline = time.perf_counter() + timeout_s
    while not done():
        if time.perf_counter() > deadline:
            raise TimeoutError("the window did not get there in time")
        pump(2)


def main(argv: list[str]) -> int:
    data_dir, queries_file = Path(argv[0]), Path(argv[2])
    import_corpus = None if argv[1] == "-" else Path(argv[1])
    queries = json.loads(queries_file.read_text("utf-8"))
    app = create_application(["briefing-probe"])
    settings_dir = tempfile.TemporaryDirectory()
    settings = QSettings(str(Path(settings_dir.name) / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("ui/language", "en")
    window = build_window(data_dir, [], settings)
    ready: list[float] = []
    window.library_ready.connect(lambda _n: ready.append(time.perf_counter()))
    window.show()
    app.processEvents()
    first_paint_ms = (time.perf_counter() - PROCESS_STARTED) * 1000
    window.service.start()
    monitor = StallMonitor()
    monitor.start()
    wait_until(app, lambda: bool(ready))
    ready_ms = (ready[0] - PROCESS_STARTED) * 1000

    # (when, query) of every result list shown (the window has shown it when results_shown
    # is emitted).
    shown: list[tuple[float, str]] = []
    window.results_shown.connect(
        lambda _total: shown.append((time.perf_counter(), window.results_model.query))
    )
    editor = window.search_bar.line_edit
    editor.setFocus()

    def type_queries(typed_queries: list[str]) -> tuple[list[float], list[str]]:
        """Last keystroke -> results of the whole query painted, in ms, for each query typed;
        and the queries whose results never showed."""
        to_paint: list[float] = []
        missed: list[str] = []
        for query in typed_queries:
            editor.clear()
            shown.clear()
            last_key = 0.0
            # Type the whole query, as a user does; results for partial words may show.
            for char in query:
                QTest.keyClick(editor, char)
                last_key = time.perf_counter()
                if len(editor.text()) < len(query):
                    pump(TYPING_INTERVAL_MS)

            def painted_after_typing(query: str = query, typed: float = last_key) -> bool:
                return any(when > typed and text == query for when, text in shown)

            try:
                wait_until(app, painted_after_typing, 10)
            except TimeoutError:
                missed.append(query)  # no results shown for the full query (not timed)
                continue
            window.results_view.viewport().repaint()  # the results, painted
            to_paint.append((time.perf_counter() - last_key) * 1000)
        return to_paint, missed

    monitor.reset()
    to_paint, missed = type_queries(queries["term"][:20] + queries["and"][:10])
    # A prefix typed letter by letter: a term query for each partial word, then the prefix.
    prefix_to_paint, prefix_missed = type_queries(queries["prefix"][:10])
    search_stall_ms = monitor.longest_ms

    import_s = import_stall_ms = None
    if import_corpus is not None:
        finished: list[object] = []
        window.import_finished.connect(finished.append)
        monitor.reset()
        started = time.perf_counter()
        window.import_paths([import_corpus])
        wait_until(app, lambda: bool(finished))
        import_s = round(time.perf_counter() - started, 1)
        import_stall_ms = round(monitor.longest_ms, 1)

    typing = percentiles(to_paint)
    prefix_typing = percentiles(prefix_to_paint)
    result: dict[str, Any] = {
        "process_start_to_first_paint_ms": round(first_paint_ms, 1),
        "process_start_to_library_ready_ms": round(ready_ms, 1),
        "keystroke_to_results_painted_p50_ms": typing["p50_ms"],
        "keystroke_to_results_painted_p95_ms": typing["p95_ms"],
        "keystroke_to_results_painted_ms": [round(ms, 1) for ms in to_paint],
        "queries_typed": len(to_paint) + len(missed),
        "queries_without_results_shown": missed,
        "prefix_keystroke_to_results_painted_p50_ms": prefix_typing["p50_ms"],
        "prefix_keystroke_to_results_painted_p95_ms": prefix_typing["p95_ms"],
        "prefix_keystroke_to_results_painted_ms": [round(ms, 1) for ms in prefix_to_paint],
        "prefix_queries_without_results_shown": prefix_missed,
        "longest_gui_stall_while_searching_ms": round(search_stall_ms, 1),
        "import_docs": sum(1 for _ in import_corpus.rglob("*.txt")) if import_corpus else 0,
        "import_in_window_s": import_s,
        "longest_gui_stall_during_import_ms": import_stall_ms,
    }
    window.close()
    app.processEvents()
    settings_dir.cleanup()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
