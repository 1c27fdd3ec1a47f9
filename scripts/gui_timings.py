"""Time from launch to first paint and to results visible, with the sample library.

    python scripts/gui_timings.py [--runs 5]

Each run is a fresh process (QT_QPA_PLATFORM=offscreen). "first run" starts on an empty data
folder, so the window imports the sample library; "warm" reopens that library.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

CHILD = r"""
import time
STARTED = time.perf_counter()
import json, sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from briefing_app.ui.app import build_window, create_application

marks = {}
def mark(name):
    marks.setdefault(name, round((time.perf_counter() - STARTED) * 1000, 1))

class PaintProbe(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            mark("first_paint_ms")
        return False

app = create_application(["timings"])
data = Path(sys.argv[1])
settings = QSettings(str(data.parent / "settings.ini"), QSettings.Format.IniFormat)
window = build_window(data, [], settings)
probe = PaintProbe()
window.installEventFilter(probe)
window.results_view.viewport().installEventFilter(probe)
def on_results(total):
    if total > 0:
        mark("results_visible_ms")
        QTimer.singleShot(0, window.close)
window.results_shown.connect(on_results)
window.show()
window.service.start()
QTimer.singleShot(60000, window.close)
app.exec()
print(json.dumps(marks))
"""


def run_once(data_dir: Path) -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(data_dir)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    wall = (time.perf_counter() - started) * 1000
    marks = json.loads(done.stdout.strip().splitlines()[-1])
    marks["process_wall_ms"] = round(wall, 1)
    return marks


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        first = run_once(data)
        print("first run (imports the sample library):", first)
        warm = [run_once(data) for _ in range(args.runs)]
    for key in ("first_paint_ms", "results_visible_ms", "process_wall_ms"):
        values = [w[key] for w in warm if key in w]
        median = statistics.median(values)
        print(f"warm {key}: median {median:.0f} (min {min(values):.0f}, max {max(values):.0f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
