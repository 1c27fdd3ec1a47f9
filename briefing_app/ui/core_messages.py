"""The core's messages in the window's language: a malformed query's message, why a file was
not imported, a document's import warnings (such as the fallback decoding). The core speaks
English (the command line prints it); the window looks each message up here, and a message
not known here is shown as it is."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

# Each message as the core writes it (a pattern: its variable parts numbered %1, %2) and its
# translation. The English texts are repeated literally in the calls so lupdate finds them.
_MESSAGES: list[tuple[re.Pattern[str], Callable[[], str]]] = [
    # search/query.py
    (
        re.compile(r"'(.*)' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"),
        lambda: QCoreApplication.translate(
            "CoreMessages", "'%1' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"
        ),
    ),
    (
        re.compile(r"A fuzzy word allows one or two edits: word~ or word~2\."),
        lambda: QCoreApplication.translate(
            "CoreMessages", "A fuzzy word allows one or two edits: word~ or word~2."
        ),
    ),
    (
        re.compile(r"An AND, OR or NOT needs a word on each side\."),
        lambda: QCoreApplication.translate(
            "CoreMessages", "An AND, OR or NOT needs a word on each side."
        ),
    ),
    (
        re.compile(r"Could not understand the query: (.*)", re.S),
        lambda: QCoreApplication.translate("CoreMessages", "Could not understand the query: %1"),
    ),
    (
        re.compile(r'A phrase is not closed: add the missing " quote\.'),
        lambda: QCoreApplication.translate(
            "CoreMessages", 'A phrase is not closed: add the missing " quote.'
        ),
    ),
    (
        re.compile(r"A '\)' has no matching '\('\."),
        lambda: QCoreApplication.translate("CoreMessages", "A ')' has no matching '('."),
    ),
    (
        re.compile(r"A '\(' is not closed: add the missing '\)'\."),
        lambda: QCoreApplication.translate(
            "CoreMessages", "A '(' is not closed: add the missing ')'."
        ),
    ),
    # documents: why a file is not imported
    (
        re.compile(r"not a regular file"),
        lambda: QCoreApplication.translate("CoreMessages", "not a regular file"),
    ),
    (
        re.compile(r"unsupported file type (.*)"),
        lambda: QCoreApplication.translate("CoreMessages", "unsupported file type %1"),
    ),
    (re.compile(r"empty file"), lambda: QCoreApplication.translate("CoreMessages", "empty file")),
    (
        re.compile(r"larger than (.*) \((.*)\)"),
        lambda: QCoreApplication.translate("CoreMessages", "larger than %1 (%2)"),
    ),
    (re.compile(r"no text"), lambda: QCoreApplication.translate("CoreMessages", "no text")),
    (
        re.compile(r"permission denied"),
        lambda: QCoreApplication.translate("CoreMessages", "permission denied"),
    ),
    (
        re.compile(r"file not found"),
        lambda: QCoreApplication.translate("CoreMessages", "file not found"),
    ),
    (
        re.compile(r"cannot be read: (.*)"),
        lambda: QCoreApplication.translate("CoreMessages", "cannot be read: %1"),
    ),
    (
        re.compile(r"binary file, not text"),
        lambda: QCoreApplication.translate("CoreMessages", "binary file, not text"),
    ),
    (
        re.compile(r"cannot be decoded as text"),
        lambda: QCoreApplication.translate("CoreMessages", "cannot be decoded as text"),
    ),
    (
        re.compile(r"damaged Word file"),
        lambda: QCoreApplication.translate("CoreMessages", "damaged Word file"),
    ),
    (
        re.compile(r"damaged Word file \(not a zip package\)"),
        lambda: QCoreApplication.translate("CoreMessages", "damaged Word file (not a zip package)"),
    ),
    (
        re.compile(r"Word file unpacks to more than (\d+) MB"),
        lambda: QCoreApplication.translate("CoreMessages", "Word file unpacks to more than %1 MB"),
    ),
    (
        re.compile(r"damaged e-mail message"),
        lambda: QCoreApplication.translate("CoreMessages", "damaged e-mail message"),
    ),
    (
        re.compile(r"not an e-mail message"),
        lambda: QCoreApplication.translate("CoreMessages", "not an e-mail message"),
    ),
    (
        re.compile(r"not an e-mail message \(no From, To, Subject or Date\)"),
        lambda: QCoreApplication.translate(
            "CoreMessages", "not an e-mail message (no From, To, Subject or Date)"
        ),
    ),
    (
        re.compile(r"e-mail body is not text"),
        lambda: QCoreApplication.translate("CoreMessages", "e-mail body is not text"),
    ),
    (
        re.compile(r"damaged HTML"),
        lambda: QCoreApplication.translate("CoreMessages", "damaged HTML"),
    ),
    (
        re.compile(r"no article text found in the page"),
        lambda: QCoreApplication.translate("CoreMessages", "no article text found in the page"),
    ),
    (
        re.compile(r"damaged OpenDocument file"),
        lambda: QCoreApplication.translate("CoreMessages", "damaged OpenDocument file"),
    ),
    (
        re.compile(r"not an OpenDocument text"),
        lambda: QCoreApplication.translate("CoreMessages", "not an OpenDocument text"),
    ),
    (
        re.compile(r"encrypted PDF"),
        lambda: QCoreApplication.translate("CoreMessages", "encrypted PDF"),
    ),
    (re.compile(r"damaged PDF"), lambda: QCoreApplication.translate("CoreMessages", "damaged PDF")),
    (
        re.compile(r"damaged PDF \(no pages\)"),
        lambda: QCoreApplication.translate("CoreMessages", "damaged PDF (no pages)"),
    ),
    (
        re.compile(r"no text layer \(scanned\?\)"),
        lambda: QCoreApplication.translate("CoreMessages", "no text layer (scanned?)"),
    ),
    (
        re.compile(r"more than (\d+) pages"),
        lambda: QCoreApplication.translate("CoreMessages", "more than %1 pages"),
    ),
    (
        re.compile(r"front matter not closed"),
        lambda: QCoreApplication.translate("CoreMessages", "front matter not closed"),
    ),
    # documents: warnings kept with an imported document
    (
        re.compile(r"decoded as (\S+) without byte-order mark"),
        lambda: QCoreApplication.translate("CoreMessages", "decoded as %1 without byte-order mark"),
    ),
    (
        re.compile(r"invalid (\S+) bytes replaced"),
        lambda: QCoreApplication.translate("CoreMessages", "invalid %1 bytes replaced"),
    ),
    (
        re.compile(r"decoded as (\S+)"),
        lambda: QCoreApplication.translate("CoreMessages", "decoded as %1"),
    ),
    (
        re.compile(r"the file changed since it was imported; re-import to update the index"),
        lambda: QCoreApplication.translate(
            "CoreMessages", "the file changed since it was imported; re-import to update the index"
        ),
    ),
]


def translated(message: str) -> str:
    """`message` in the window's language when it is one of the core's known messages."""
    for pattern, text in _MESSAGES:
        match = pattern.fullmatch(message.strip())
        if match is not None:
            result = text()
            for number, part in enumerate(match.groups(), start=1):
                result = result.replace(f"%{number}", part)
            return result
    return message


def translated_lines(messages: list[str] | tuple[str, ...]) -> str:
    return "\n".join(translated(message) for message in messages)
