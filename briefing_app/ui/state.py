"""What the window remembers between sessions (QSettings): layout, query, zoom, history."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

MAX_HISTORY = 50


class WindowState:
    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @property
    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    @property
    def dock_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    @property
    def splitter(self) -> QByteArray | None:
        return self._bytes("window/splitter")

    def save_layout(self, geometry: QByteArray, state: QByteArray, splitter: QByteArray) -> None:
        self._settings.setValue("window/geometry", geometry)
        self._settings.setValue("window/state", state)
        self._settings.setValue("window/splitter", splitter)

    @property
    def last_query(self) -> str:
        return str(self._settings.value("search/last_query", "") or "")

    @last_query.setter
    def last_query(self, query: str) -> None:
        self._settings.setValue("search/last_query", query)

    @property
    def history(self) -> list[str]:
        value = self._settings.value("search/history", [])
        if isinstance(value, str):  # QSettings returns a lone item as a plain string
            return [value]
        if not isinstance(value, list):
            return []
        return [str(v) for v in value][:MAX_HISTORY]

    @history.setter
    def history(self, queries: list[str]) -> None:
        self._settings.setValue("search/history", list(queries[:MAX_HISTORY]))

    @property
    def zoom(self) -> int:
        try:
            return int(str(self._settings.value("reader/zoom", 0)))
        except (TypeError, ValueError):
            return 0

    @zoom.setter
    def zoom(self, level: int) -> None:
        self._settings.setValue("reader/zoom", level)

    @property
    def language(self) -> str:
        """'' follows the system locale; else 'en' or 'nl'."""
        return str(self._settings.value("ui/language", "") or "")

    @language.setter
    def language(self, code: str) -> None:
        self._settings.setValue("ui/language", code)

    @property
    def theme(self) -> str:
        """View → Theme: 'system' (the default), 'light' or 'dark'."""
        value = str(self._settings.value("ui/theme", "system") or "system")
        return value if value in ("system", "light", "dark") else "system"

    @theme.setter
    def theme(self, name: str) -> None:
        self._settings.setValue("ui/theme", name)

    def sync(self) -> None:
        self._settings.sync()
