"""GUI-thread stall while the window imports a few files (dropped files, not a folder).

    QT_QPA_PLATFORM=offscreen python -m benchmarks.window_import_stall LIBRARY CORPUS N \\
        [IN_THREAD_FILES]

Copies LIBRARY, opens the main window on the copy, lets it settle, then imports three lots of N
files from CORPUS (one at a time) while a 5 ms timer on the GUI thread measures its longest
late tick. IN_THREAD_FILES overrides the window's limit below which imports run in its write
thread rather than in a child process (ui/service.py). Prints one JSON object.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSettings

from benchmarks.gui_probe import StallMonitor, pump, wait_until
from briefing_app.ui import service
from briefing_app.ui.app import build_window, create_application

SETTLE_MS = 3000
LOTS = 3


def main(argv: list[str]) -> int:
    library, corpus, count = Path(argv[0]), Path(argv[1]), int(argv[2])
    if len(argv) > 3:
        service.IN_THREAD_FILES = int(argv[3])
    app = create_application(["briefing-import-stall"])
    with tempfile.TemporaryDirectory() as scratch:
        settings = QSettings(str(Path(scratch) / "s.ini"), QSettings.Format.IniFormat)
        settings.setValue("ui/language", "en")
        data_dir = Path(scratch) / "library"
        shutil.copytree(library, data_dir)
        window = build_window(data_dir, [], settings)
        window.show()
        ready: list[int] = []
        window.library_ready.connect(ready.append)
        window.service.start()
        wait_until(app, lambda: bool(ready))
        pump(SETTLE_MS)
        files = sorted(corpus.rglob("*.txt"))
        lots = []
        for lot in range(LOTS):
            finished: list[object] = []
            window.import_finished.connect(finished.append)
            monitor = StallMonitor()
            monitor.start()
            started = time.perf_counter()
            window.import_paths(files[lot * count : (lot + 1) * count])
            wait_until(app, lambda finished=finished: bool(finished))  # type: ignore[misc]
            pump(500)  # the searches that follow a commit
            lots.append(
                {
                    "imported_s": round(time.perf_counter() - started, 2),
                    "longest_gui_stall_ms": round(monitor.longest_ms, 1),
                }
            )
            monitor._timer.stop()
        window.close()
        app.processEvents()
    result = {"files": count, "in_thread_below": service.IN_THREAD_FILES, "lots": lots}
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
