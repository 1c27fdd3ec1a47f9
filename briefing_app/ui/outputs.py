"""What the window writes out, and the dialogs that ask where: the briefing (Markdown, Word or
PDF) and the bookmarks as Web Annotations (and those read back in), the open document as a PDF
or on paper. Functions of the window: they read its reader, bookmarks panel and File menu's
"Highlights in print and PDF", and say what happened in its status bar. Their texts keep the
window's translation context ("MainWindow")."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPagedPaintDevice
from PySide6.QtWidgets import QFileDialog, QInputDialog

from briefing_app.library import Library
from briefing_app.render import render_markdown
from briefing_app.ui.pdf_export import html_document, write_pdf

if TYPE_CHECKING:
    from briefing_app.ui.main_window import MainWindow

# A briefing's format by the suffix of the file chosen (else by the file type chosen).
FORMAT_BY_SUFFIX = {".md": "markdown", ".markdown": "markdown", ".docx": "docx", ".pdf": "pdf"}


def ask_export_briefing(window: MainWindow) -> None:
    """File → Export briefing…: how to group the passages, then the file (its type)."""
    groups = {
        QCoreApplication.translate("MainWindow", "Document"): "document",
        QCoreApplication.translate("MainWindow", "Tag"): "tag",
        QCoreApplication.translate("MainWindow", "Entity"): "entity",
    }
    group, ok = QInputDialog.getItem(
        window,
        QCoreApplication.translate("MainWindow", "Export briefing"),
        QCoreApplication.translate("MainWindow", "Group passages by:"),
        list(groups),
        0,
        False,
    )
    if not ok:
        return
    formats = {
        QCoreApplication.translate("MainWindow", "Markdown (*.md)"): "markdown",
        QCoreApplication.translate("MainWindow", "Word document (*.docx)"): "docx",
        QCoreApplication.translate("MainWindow", "PDF (*.pdf)"): "pdf",
    }
    path, chosen = QFileDialog.getSaveFileName(
        window,
        QCoreApplication.translate("MainWindow", "Export briefing"),
        "briefing.md",
        ";;".join(formats),
    )
    if path:
        format = FORMAT_BY_SUFFIX.get(Path(path).suffix.lower()) or formats.get(chosen, "markdown")
        export_bookmarks(window, Path(path), format, groups[group])


def ask_export_annotations(window: MainWindow) -> None:
    path, _ = QFileDialog.getSaveFileName(
        window,
        QCoreApplication.translate("MainWindow", "Export bookmarks"),
        "bookmarks.json",
        QCoreApplication.translate("MainWindow", "Web Annotations (*.json *.jsonld)"),
    )
    if path:
        export_bookmarks(window, Path(path), "json")


def ask_import_bookmarks(window: MainWindow) -> None:
    path, _ = QFileDialog.getOpenFileName(
        window,
        QCoreApplication.translate("MainWindow", "Import bookmarks"),
        "",
        QCoreApplication.translate(
            "MainWindow", "Web Annotations (*.json *.jsonld);;All files (*)"
        ),
    )
    if path:
        window.bookmark_workflow.import_file(Path(path))


def export_bookmarks(
    window: MainWindow, path: Path, format: str, group_by: str = "document"
) -> None:
    """Write the bookmarks the panel shows (its filters apply) to a file: a briefing as
    Markdown, Word ("docx") or PDF, or Web Annotations ("json")."""
    workflow = window.bookmark_workflow
    # The library writes each as saved when the export runs (after any edit before it).
    bookmarks = window.bookmarks_panel.visible_bookmarks()
    title = QCoreApplication.translate("MainWindow", "Briefing")
    if format != "pdf":
        workflow.export(bookmarks, path, format, group_by, title)
        return

    def briefing_html(library: Library) -> str:
        return render_markdown(
            library.briefing(bookmarks, group_by=group_by, title=title)  # type: ignore[arg-type]
        )

    def write(html: str) -> None:
        try:
            write_pdf(html_document(html), path, title)
        except OSError as error:
            window.status_label.setText(str(error))
            return
        workflow.exported.emit(str(path), len(bookmarks))

    window.service.run(briefing_html, success=write, failure=workflow.failed.emit)


def ask_export_document_pdf(window: MainWindow) -> None:
    opened = window.reader.view.opened
    if opened is None or opened.document is None:
        window.status_label.setText(
            QCoreApplication.translate("MainWindow", "Open a document to export it.")
        )
        return
    path, _ = QFileDialog.getSaveFileName(
        window,
        QCoreApplication.translate("MainWindow", "Export document as PDF"),
        Path(opened.entry.path).with_suffix(".pdf").name,
        QCoreApplication.translate("MainWindow", "PDF (*.pdf)"),
    )
    if path:
        export_document_pdf(window, Path(path))


def ask_print_document(window: MainWindow) -> None:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # loaded when printing

    opened = window.reader.view.opened
    if opened is None or opened.document is None:
        window.status_label.setText(
            QCoreApplication.translate("MainWindow", "Open a document to print it.")
        )
        return
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(opened.entry.title)
    dialog = QPrintDialog(printer, window)
    dialog.setObjectName("printDialog")
    if dialog.exec() == QPrintDialog.DialogCode.Accepted:
        print_document(window, printer)


def print_document(window: MainWindow, printer: QPagedPaintDevice) -> bool:
    """Print the open document as File → Export document as PDF writes it (its citation
    first; highlights as File → Highlights in print and PDF says)."""
    opened = window.reader.view.opened
    if opened is None or opened.document is None:
        return False
    highlights = window.pdf_highlights_action.isChecked()
    window.reader.view.printable_document(highlights).print_(printer)
    return True


def export_document_pdf(window: MainWindow, path: Path, highlights: bool | None = None) -> bool:
    """The open document as a PDF: its title, issuer, date and file, then its text with
    the reader's highlights (Highlights in print and PDF, or `highlights`)."""
    opened = window.reader.view.opened
    if opened is None or opened.document is None:
        return False
    if highlights is None:
        highlights = window.pdf_highlights_action.isChecked()
    try:
        write_pdf(window.reader.view.printable_document(highlights), path, opened.entry.title)
    except OSError as error:
        window.status_label.setText(str(error))
        return False
    window.status_label.setText(
        QCoreApplication.translate("MainWindow", "Exported the document to %1").replace(
            "%1", str(path)
        )
    )
    return True
