"""Document properties that are only worth taking when they are real: a title or author
that a template, a converter or a word processor filled in is no title or author."""

from __future__ import annotations

import re

# "None", "Untitled", "Document1", "Word Document", "Microsoft Word - nota.docx", "Titel"...
_PLACEHOLDER_TITLE = re.compile(
    r"^(?:none|null|untitled|unknown|naamloos|zonder titel|titel|title|word document|"
    r"microsoft word document|document\s*\d*|doc\d*|presentation\s*\d*|presentatie\s*\d*|"
    r"slide\s*\d*|blank|template|sjabloon|pdf|\W*)$",
    re.IGNORECASE,
)
_CONVERTER_PREFIX = re.compile(r"^(?:microsoft (?:word|powerpoint|excel)\s*-\s*)", re.IGNORECASE)
_FILE_NAME = re.compile(r"\.(?:docx?|odt|rtf|pdf|indd|qxd|txt|html?|pptx?|xlsx?)$", re.IGNORECASE)
_PLACEHOLDER_AUTHOR = re.compile(
    r"^(?:none|unknown|user|gebruiker|admin|administrator|author|auteur|owner|python-docx|"
    r"un-named|microsoft office user|windows user|\W*)$",
    re.IGNORECASE,
)


def real_title(value: object) -> str | None:
    """`value` as a one-line title, or None when it is empty, a placeholder or a file name."""
    if not isinstance(value, str):
        return None
    title = " ".join(value.split())
    if _CONVERTER_PREFIX.match(title) or _FILE_NAME.search(title):
        return None
    if _PLACEHOLDER_TITLE.match(title) or not any(c.isalpha() for c in title):
        return None
    return title


def real_author(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    author = " ".join(value.split())
    if _PLACEHOLDER_AUTHOR.match(author) or not any(c.isalpha() for c in author):
        return None
    return author


def strip_site_name(title: str) -> str:
    """ "Venezuela: ... sanctions | News | European Parliament" -> "Venezuela: ... sanctions"."""
    parts = [part.strip() for part in re.split(r"\s+\|\s+", title)]
    if len(parts) > 1 and len(parts[0]) >= 10:
        return parts[0]
    return title
