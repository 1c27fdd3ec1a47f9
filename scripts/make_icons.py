"""Render resources/icons/briefing.svg to the PNG sizes the desktop entry installs.

`briefing --install-desktop-entry` copies the SVG to hicolor/scalable/apps/ and these PNGs
to hicolor/<size>x<size>/apps/ (the icon theme spec asks for a 48x48 PNG at least; menus
that do not draw SVG, and Qt without its SVG plugin, use the PNGs). Run after changing the
SVG: `.venv/bin/python scripts/make_icons.py`; tests/core/test_desktop_entry.py checks the
files are there at their sizes.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from briefing_app.desktop import PNG_ICON_SIZES  # noqa: E402

ICONS = REPO / "resources" / "icons"


def main() -> None:
    app = QGuiApplication([])  # noqa: F841 (QPainter needs the application)
    renderer = QSvgRenderer(str(ICONS / "briefing.svg"))
    if not renderer.isValid():
        raise SystemExit("briefing.svg is not a valid SVG")
    for size in PNG_ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = ICONS / f"briefing-{size}.png"
        if not image.save(str(target)):
            raise SystemExit(f"cannot write {target}")
        print(target.relative_to(REPO))


if __name__ == "__main__":
    main()
