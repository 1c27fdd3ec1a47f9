"""Watches one file, the open document's, and says when it changed on disk: once it has been
quiet for a moment, as editors save in bursts (and often by replacing the file, which ends a
QFileSystemWatcher's watch: it is watched again). No widgets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

SETTLE_MS = 300  # the file changed: say so once it has been quiet this long


class FileWatch(QObject):
    changed = Signal(str)  # the watched file's path, once it has settled

    def __init__(self, parent: QObject | None = None, settle_ms: int = SETTLE_MS) -> None:
        super().__init__(parent)
        self._path = ""
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_file_changed)
        self._settle = QTimer(self, singleShot=True, interval=settle_ms)
        self._settle.timeout.connect(self._on_settled)

    def path(self) -> str:
        return self._path

    def watch(self, path: str) -> None:
        """Watch `path` (only it; "" or a missing file: nothing)."""
        self._path = path
        watched = self._watcher.files()
        if watched == [path]:
            return
        if watched:
            self._watcher.removePaths(watched)
        if path and Path(path).exists():
            self._watcher.addPath(path)

    def _on_file_changed(self, path: str) -> None:
        if path == self._path:
            self._settle.start()

    def _on_settled(self) -> None:
        path = self._path
        if path:
            self.watch(path)  # again: a file saved by replacing it is no longer watched
            self.changed.emit(path)
