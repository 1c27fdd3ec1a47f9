"""Entry point of `briefing`, `python -m briefing_app` and `python main.py`: the window when
no command (or `gui`) is given, else the command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from briefing_app import cli
from briefing_app.cli.output import EXIT_USAGE
from briefing_app.library.datadir import locate_data_dir


def main(argv: Sequence[str] | None = None, *, default_data_dir: Path | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # Known before parsing, so that every command's --help can say which folder it uses.
    located = locate_data_dir(_data_dir_option(argv), default_data_dir)
    args = cli.build_parser(located).parse_args(argv)
    if args.install_desktop_entry or args.uninstall_desktop_entry:
        return _desktop_entry(args)
    data_dir = locate_data_dir(getattr(args, "data_dir", None), default_data_dir)
    if args.command in (None, "gui"):
        from briefing_app.ui.app import run_gui  # Qt is loaded only for the window

        return run_gui(data_dir.path, [Path(p) for p in getattr(args, "paths", [])])
    return cli.run(args, data_dir.path)


def _desktop_entry(args: argparse.Namespace) -> int:
    """--install-desktop-entry / --uninstall-desktop-entry: nothing else on the line."""
    from briefing_app import desktop

    option = (
        "--install-desktop-entry" if args.install_desktop_entry else "--uninstall-desktop-entry"
    )
    if args.command is not None:
        print(f"Error: {option} takes no command (got '{args.command}').", file=sys.stderr)
        return EXIT_USAGE
    # The menu's Briefing uses the folder given here; else it finds its own, as when typed.
    explicit = getattr(args, "data_dir", None)
    data_dir = locate_data_dir(explicit).path if explicit else None
    return desktop.run_option(args.install_desktop_entry, data_dir)


def _data_dir_option(argv: list[str]) -> str | None:
    """The value of the last --data-dir in argv (argparse keeps the last one too)."""
    value = None
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--data-dir" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--data-dir="):
            value = arg.partition("=")[2]
    return value
