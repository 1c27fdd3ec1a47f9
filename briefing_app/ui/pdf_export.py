"""PDF files from rich text (Qt's QPdfWriter): the open document, with or without its
highlights, and the briefing. Written whole or not at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

POINT_SIZE = 11.0
# QTextDocument.print_ lays the text out inside margins of its own (2 cm): none are added.
MARGIN_MM = 0.0
RESOLUTION_DPI = 300
PRINT_STYLE = (
    "h1 { font-size: 18pt; font-weight: 600; margin-bottom: 4px; }"
    "h2 { font-size: 14pt; font-weight: 600; margin-top: 16px; margin-bottom: 6px; }"
    "p, li { margin-bottom: 6px; }"
    "blockquote { margin-left: 18px; font-style: italic; }"
    "table { border-collapse: collapse; } th, td { border: 1px solid #888; padding: 3px; }"
    ".citation { color: #444444; }"
)


def html_document(html: str, font: QFont | None = None) -> QTextDocument:
    """A document to print from HTML (escaped beforehand: briefing_app.render)."""
    document = QTextDocument()
    document.setDefaultStyleSheet(PRINT_STYLE)
    prepare_for_print(document, font)
    document.setHtml(html)
    return document


def prepare_for_print(document: QTextDocument, font: QFont | None = None) -> None:
    """Print size type and no screen column margins (the reader centres its text)."""
    chosen = QFont(font) if font is not None else QFont(document.defaultFont())
    chosen.setPointSizeF(POINT_SIZE)
    document.setDefaultFont(chosen)
    root = document.rootFrame()
    frame_format = root.frameFormat()
    frame_format.setLeftMargin(0)
    frame_format.setRightMargin(0)
    root.setFrameFormat(frame_format)


def write_pdf(document: QTextDocument, path: Path, title: str) -> None:
    """Write `document` to `path` as an A4 PDF. OSError: the file could not be written (the
    old one, if any, is left as it was)."""
    path = Path(path)
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        writer = QPdfWriter(temporary)
        writer.setTitle(title)
        writer.setCreator("Briefing")
        writer.setResolution(RESOLUTION_DPI)
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                QPageLayout.Unit.Millimeter,
            )
        )
        document.print_(writer)
        del writer  # finishes the file
        if Path(temporary).stat().st_size == 0:
            raise OSError(f"could not write {path}")
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
