"""Page furniture in scraped releases: photo credits and trailing document lists.

They stay readable in the body but are marked so that search snippets, entity panels
and language detection can leave them out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing_app.documents.parsing import FURNITURE

_MAX_FURNITURE_LINE = 300

# "Beeld: ©ANP / Koen van Weel", "Foto: Rob Acket", "© Ministerie van Defensie".
_PHOTO_CREDIT = re.compile(
    r"^(?:(?:beeld|foto|foto's|fotografie|photo|photograph|image|afbeelding|illustratie)"
    r"\s*:|©|\(c\)\s)",
    re.IGNORECASE,
)
# "Kamerstuk: Kamerbrief | 23-02-2018", "Kaart | 25-02-2018".
_DOCUMENT_LINE = re.compile(r"^[^|\n]{1,80}\|\s*\d{2}-\d{2}-\d{4}$")
# The heading that opens the trailing list of attachments on rijksoverheid.nl pages.
_DOCUMENTS_HEADING = re.compile(
    r"^(?:documenten|documents|downloads|bijlagen|attachments)$", re.IGNORECASE
)


def is_furniture_line(block: str) -> bool:
    """A block that is furniture on its own, wherever it stands."""
    if "\n" in block or len(block) > _MAX_FURNITURE_LINE:
        return False
    return bool(_PHOTO_CREDIT.match(block) or _DOCUMENT_LINE.match(block))


def mark_furniture(blocks: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """Re-kind furniture blocks; other blocks keep their kind."""
    marked = [(FURNITURE if is_furniture_line(text) else kind, text) for kind, text in blocks]
    start = _documents_list_start(marked)
    if start is not None:
        marked[start:] = [(FURNITURE, text) for _, text in marked[start:]]
    return marked


def _documents_list_start(blocks: Sequence[tuple[str, str]]) -> int | None:
    """Index of a "Documenten" heading followed only by short one-line entries."""
    for index in range(len(blocks) - 2, -1, -1):
        if not _DOCUMENTS_HEADING.match(blocks[index][1].strip()):
            continue
        tail = [text for _, text in blocks[index + 1 :]]
        if all("\n" not in text and len(text) <= _MAX_FURNITURE_LINE for text in tail):
            return index
        return None
    return None
