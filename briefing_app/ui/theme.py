"""View → Theme: the system's look, or Fusion with a light or a dark palette."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

THEMES = ("system", "light", "dark")
DARK_COLOURS = {
    QPalette.ColorRole.Window: "#202326",
    QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#17191b",
    QPalette.ColorRole.AlternateBase: "#24272a",
    QPalette.ColorRole.Text: "#e6e6e6",
    QPalette.ColorRole.Button: "#2b2f33",
    QPalette.ColorRole.ButtonText: "#e6e6e6",
    QPalette.ColorRole.BrightText: "#ffffff",
    QPalette.ColorRole.Highlight: "#3d6fa8",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.ToolTipBase: "#2b2f33",
    QPalette.ColorRole.ToolTipText: "#e6e6e6",
    QPalette.ColorRole.PlaceholderText: "#8a9096",
    QPalette.ColorRole.Link: "#7fb2f0",
    QPalette.ColorRole.LinkVisited: "#b59ae8",
    QPalette.ColorRole.Mid: "#3a3f44",
    QPalette.ColorRole.Dark: "#111314",
}
DISABLED_TEXT = "#7a7f85"

# The style the application started with, so "system" can go back to it.
_system_style: str | None = None


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in DARK_COLOURS.items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(DISABLED_TEXT))
    return palette


def apply_theme(name: str) -> str:
    """Apply a theme to the application ("system" for an unknown name); returns the one
    applied. The light and dark themes use the Fusion style, which follows the palette on
    every platform; "system" goes back to the style and palette the platform gives."""
    global _system_style
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return "system"
    if _system_style is None:
        _system_style = app.style().name()
    name = name if name in THEMES else "system"
    hints = QGuiApplication.styleHints()
    if hasattr(hints, "setColorScheme"):  # Qt 6.8: native styles switch too
        scheme = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}
        hints.setColorScheme(scheme.get(name, Qt.ColorScheme.Unknown))
    if name == "system":
        if app.style().name() != _system_style:
            app.setStyle(_system_style)
        app.setPalette(QPalette())  # nothing set: the platform's palette
        return name
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    app.setPalette(dark_palette() if name == "dark" else app.style().standardPalette())
    return name
