"""Launcher for a checkout: `python main.py [COMMAND ...]` keeps its library in ./index/."""

from pathlib import Path

from briefing_app.launcher import main

if __name__ == "__main__":
    raise SystemExit(main(default_data_dir=Path(__file__).resolve().parent / "index"))
