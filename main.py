"""Launcher for a checkout: `python main.py [COMMAND ...]` keeps its library in ./index/, as
does every Briefing that runs this checkout's code (see briefing_app/library/datadir.py)."""

from briefing_app.launcher import main

if __name__ == "__main__":
    raise SystemExit(main())
