"""Entry point of `briefing`, `python -m briefing_app` and `python main.py`: the window when
no command (or `gui`) is given, else the command line."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from briefing_app import cli
from briefing_app.library import resolve_data_dir


def main(argv: Sequence[str] | None = None, *, default_data_dir: Path | None = None) -> int:
    args = cli.build_parser().parse_args(argv)
    data_dir = resolve_data_dir(getattr(args, "data_dir", None), default_data_dir)
    if args.command in (None, "gui"):
        from briefing_app.ui.app import run_gui  # Qt is loaded only for the window

        return run_gui(data_dir, [Path(p) for p in getattr(args, "paths", [])])
    return cli.run(args, data_dir)
