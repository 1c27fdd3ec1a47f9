"""What Ctrl+Z takes back: deleted bookmarks and entity corrections share one undo, the newest
first. Each workflow keeps its own undo list (what to restore); this keeps only their order,
as kinds: "bookmark" (a deletion) or "correction". No Qt."""

from __future__ import annotations

BOOKMARK = "bookmark"
CORRECTION = "correction"


class UndoOrder:
    def __init__(self) -> None:
        self._kinds: list[str] = []  # newest last

    def __bool__(self) -> bool:
        return bool(self._kinds)

    def push(self, kind: str) -> None:
        """Something of `kind` was done that can be taken back."""
        self._kinds.append(kind)

    def next(self) -> str | None:
        """The kind an undo takes back now (None: nothing)."""
        return self._kinds[-1] if self._kinds else None

    def take(self, kind: str) -> None:
        """The newest of `kind` is taken back (or was never recorded: nothing changes)."""
        if kind in self._kinds:
            del self._kinds[len(self._kinds) - 1 - self._kinds[::-1].index(kind)]

    def forget(self, kind: str) -> None:
        """Nothing of `kind` is left to take back."""
        self._kinds = [k for k in self._kinds if k != kind]
