"""Terminal output shared by the commands: styling, progress lines, exit codes."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from briefing_app.library import ImportProgress

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_BUSY = 0, 1, 2, 3


class Style:
    """ANSI styling for a terminal; plain text when piped or NO_COLOR is set."""

    def __init__(self, stream: TextIO) -> None:
        self.enabled = stream.isatty() and "NO_COLOR" not in os.environ

    def _wrap(self, code: str, text: str) -> str:
        return f"\033[{code}m{text}\033[0m" if self.enabled else text

    def bold(self, text: str) -> str:
        return self._wrap("1", text)

    def dim(self, text: str) -> str:
        return self._wrap("2", text)

    def mark(self, text: str) -> str:
        return self._wrap("1;33", text)

    def error(self, text: str) -> str:
        return self._wrap("1;31", text)


def notify(message: str) -> None:
    print(message, file=sys.stderr)


class Progress:
    """Progress on stderr: one rewritten line on a terminal, sparse lines otherwise."""

    def __init__(self, verb: str) -> None:
        self.verb = verb
        self.tty = sys.stderr.isatty()

    def __call__(self, progress: ImportProgress) -> None:
        self._show(progress.done, progress.total, Path(progress.path).name)

    def rebuild(self, done: int, total: int) -> None:
        self._show(done, total, "")

    def _show(self, done: int, total: int, name: str) -> None:
        if self.tty:
            line = f"\r{self.verb} {done}/{total} {name[:50]:<50}"
            print(line, end="" if done < total else "\n", file=sys.stderr, flush=True)
        elif done == total or done % 500 == 0:
            print(f"{self.verb} {done}/{total}", file=sys.stderr)


def counted(count: int, noun: str) -> str:
    """ "1 bookmark", "2 bookmarks": a count with its noun in the right number."""
    return f"{count} {noun if count == 1 else noun + 's'}"


def positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


LANGUAGES = ("en", "nl")


def locale_language(environ: Mapping[str, str] | None = None) -> str:
    """The language of the user's locale when Briefing speaks it ($LC_ALL, $LC_MESSAGES, $LANG,
    as gettext reads them: "nl_NL.UTF-8" -> "nl"), else English."""
    environ = os.environ if environ is None else environ
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable, "")
        if value:
            language = value.split(":")[0].split("_")[0].split(".")[0].lower()
            return language if language in LANGUAGES else "en"
    return "en"


def language_of(args: argparse.Namespace) -> str:
    """The language entities are named in: --lang, else the locale's."""
    return str(getattr(args, "lang", None) or locale_language())
