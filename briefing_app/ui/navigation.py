"""Back and forward through the documents read, as in a web browser (no Qt in here)."""

from __future__ import annotations

from dataclasses import dataclass

NO_HIT = -1


@dataclass
class HistoryEntry:
    """A document read. Going back to it selects it in the results (when it is one of
    them) and shows the hit it was left at."""

    doc_id: str
    hit: int = NO_HIT  # 0-based; NO_HIT: none (no hits, or never left)


class NavigationHistory:
    """The documents opened, oldest first, and the one being read.

    Opening a document from elsewhere (the results, a bookmark) drops the entries ahead of
    the current one, as following a link in a browser does; back and forward move along."""

    def __init__(self) -> None:
        self._entries: list[HistoryEntry] = []
        self._at = -1

    @property
    def current(self) -> HistoryEntry | None:
        return self._entries[self._at] if self._entries else None

    def push(self, doc_id: str) -> None:
        """A document opened from elsewhere; the same one again is not a new entry."""
        del self._entries[self._at + 1 :]
        if not self._entries or self._entries[-1].doc_id != doc_id:
            self._entries.append(HistoryEntry(doc_id))
        self._at = len(self._entries) - 1

    def can_go_back(self) -> bool:
        return self._at > 0

    def can_go_forward(self) -> bool:
        return self._at < len(self._entries) - 1

    def back(self) -> HistoryEntry | None:
        """The entry before the current one, now current; None at the start."""
        return self._move(-1) if self.can_go_back() else None

    def forward(self) -> HistoryEntry | None:
        """The entry after the current one, now current; None at the end."""
        return self._move(1) if self.can_go_forward() else None

    def remember_hit(self, doc_id: str | None, hit: int) -> None:
        """The reader shows `doc_id` at `hit`: kept when it is the current entry's document
        (while another document is still opening, the reader's hit is not its)."""
        current = self.current
        if current is not None and current.doc_id == doc_id:
            current.hit = hit

    def _move(self, delta: int) -> HistoryEntry:
        self._at += delta
        return self._entries[self._at]
