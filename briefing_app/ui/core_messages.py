"""The core's messages in the window's language: a malformed query's message, why a file was
not imported, a document's import warnings (such as the fallback decoding). The core speaks
English (the command line prints it); the window looks each message up here, and a message
not known here is shown as it is."""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

# Each message as the core writes it, its variable parts numbered %1, %2 (in the order they
# stand); QT_TRANSLATE_NOOP marks them for lupdate.
_TEMPLATES = (
    QT_TRANSLATE_NOOP("CoreMessages", "'%1' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"),
    QT_TRANSLATE_NOOP("CoreMessages", "A fuzzy word allows one or two edits: word~ or word~2."),
    QT_TRANSLATE_NOOP("CoreMessages", "An AND, OR or NOT needs a word on each side."),
    QT_TRANSLATE_NOOP("CoreMessages", "Could not understand the query: %1"),
    QT_TRANSLATE_NOOP("CoreMessages", 'A phrase is not closed: add the missing " quote.'),
    QT_TRANSLATE_NOOP("CoreMessages", "A ')' has no matching '('."),
    QT_TRANSLATE_NOOP("CoreMessages", "A '(' is not closed: add the missing ')'."),
    QT_TRANSLATE_NOOP("CoreMessages", "not a regular file"),
    QT_TRANSLATE_NOOP("CoreMessages", "unsupported file type %1"),
    QT_TRANSLATE_NOOP("CoreMessages", "empty file"),
    QT_TRANSLATE_NOOP("CoreMessages", "larger than %1 (%2)"),
    QT_TRANSLATE_NOOP("CoreMessages", "no text"),
    QT_TRANSLATE_NOOP("CoreMessages", "permission denied"),
    QT_TRANSLATE_NOOP("CoreMessages", "file not found"),
    QT_TRANSLATE_NOOP("CoreMessages", "cannot be read: %1"),
    QT_TRANSLATE_NOOP("CoreMessages", "binary file, not text"),
    QT_TRANSLATE_NOOP("CoreMessages", "cannot be decoded as text"),
    QT_TRANSLATE_NOOP("CoreMessages", "damaged Word file"),
    QT_TRANSLATE_NOOP("CoreMessages", "damaged Word file (not a zip package)"),
    QT_TRANSLATE_NOOP("CoreMessages", "Word file unpacks to more than %1 MB"),
    QT_TRANSLATE_NOOP("CoreMessages", "damaged e-mail message"),
    QT_TRANSLATE_NOOP("CoreMessages", "not an e-mail message"),
    QT_TRANSLATE_NOOP("CoreMessages", "not an e-mail message (no From, To, Subject or Date)"),
    QT_TRANSLATE_NOOP("CoreMessages", "e-mail body is not text"),
    QT_TRANSLATE_NOOP("CoreMessages", "damaged HTML"),
    QT_TRANSLATE_NOOP("CoreMessages", "no article text found in the page"),
    QT_TRANSLATE_NOOP("CoreMessages", "damaged OpenDocument file"),
    QT_TRANSLATE_NOOP("CoreMessages", "not an OpenDocument text"),
    QT_TRANSLATE_NOOP("CoreMessages", "encrypted PDF"),
    QT_TRANSLATE_NOOP("CoreMessages", "damaged PDF"),
    QT_TRANSLATE_NOOP("CoreMessages", "damaged PDF (no pages)"),
    QT_TRANSLATE_NOOP("CoreMessages", "no text layer (scanned?)"),
    QT_TRANSLATE_NOOP("CoreMessages", "more than %1 pages"),
    QT_TRANSLATE_NOOP("CoreMessages", "front matter not closed"),
    QT_TRANSLATE_NOOP("CoreMessages", "decoded as %1 without byte-order mark"),
    QT_TRANSLATE_NOOP("CoreMessages", "invalid %1 bytes replaced"),
    QT_TRANSLATE_NOOP("CoreMessages", "decoded as %1"),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "the file changed since it was imported; re-import to update the index"
    ),
)


@cache
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    """Each template as a pattern that matches the message it makes, longest first (so
    "damaged PDF (no pages)" is not read as "damaged PDF" ...)."""
    found = []
    for template in sorted((str(t) for t in _TEMPLATES), key=len, reverse=True):
        parts = re.split(r"%\d", template)
        found.append((re.compile("(.*?)".join(re.escape(part) for part in parts), re.S), template))
    return found


def translated(message: str) -> str:
    """`message` in the window's language when it is one of the core's known messages."""
    for pattern, template in _patterns():
        match = pattern.fullmatch(message.strip())
        if match is not None:
            result = QCoreApplication.translate("CoreMessages", template)
            for number, part in enumerate(match.groups(), start=1):
                result = result.replace(f"%{number}", part)
            return result
    return message


def translated_lines(messages: list[str] | tuple[str, ...]) -> str:
    return "\n".join(translated(message) for message in messages)
