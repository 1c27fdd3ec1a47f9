"""Wall time of the command line, as a user types it: `briefing --help` and
`briefing search WORD` (a fresh process each time), minimum / median / maximum of N runs.

    python -m benchmarks.cli_speed DATA_DIR [WORD ...] [--runs N]

DATA_DIR is a library imported beforehand (e.g. by `python -m benchmarks.phases import`).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path


def timed(command: list[str], runs: int) -> dict[str, float]:
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        seconds.append(time.perf_counter() - started)
    return {
        "min_s": round(min(seconds), 3),
        "median_s": round(statistics.median(seconds), 3),
        "max_s": round(max(seconds), 3),
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("words", nargs="*", default=["minister", "gemeente", "security"])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args(argv)
    briefing = shutil.which("briefing") or str(Path(sys.executable).with_name("briefing"))
    base = [briefing, "--data-dir", str(args.data_dir)]
    print(f"briefing --help          {timed([*base, '--help'], args.runs)}")
    for word in args.words:
        print(f"briefing search {word:<9}{timed([*base, 'search', word], args.runs)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
