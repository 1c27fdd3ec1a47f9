"""Issue 19, "Outputs users expect": copy with citation, the document and the briefing as PDF,
the briefing as a Word document, the search syntax help and View → Theme."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from pdfminer.high_level import extract_text
from pdfminer.pdfpage import PDFPage
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QGuiApplication, QPalette, QTextCursor
from PySide6.QtWidgets import QApplication

from briefing_app.search.query import QueryParser
from briefing_app.search.schema import build_schema
from briefing_app.ui.app import build_window
from briefing_app.ui.dialogs import SearchSyntaxDialog
from briefing_app.ui.main_window import MainWindow
from briefing_app.ui.reader import HIT_COLOUR
from briefing_app.ui.theme import apply_theme
from tests.conftest import DATA
from tests.ui.test_bookmarks_e2e import open_doc, utf16

WAIT_MS = 30_000
PDF = DATA / "formats" / "1a529d02-ba4d-418b-8d6a-5400a4ac07bc.pdf"
ON_PAGE_3 = "adviseert om een onderzoeksagenda op te stellen"
PASSAGE = "De minister sprak in Amman met koning Abdullah over de opvang."
NOTE = f"""---
title: Steun voor Jordanië
date: 2024-03-12
source: Ministerie van Buitenlandse Zaken
---

Nederland verhoogt de steun aan de opvang van vluchtelingen in Jordanië.

{PASSAGE} Zij besprak ook de situatie in de regio.
"""


@pytest.fixture
def window(qtbot, tmp_path: Path, settings):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "jordanie.md").write_text(NOTE, "utf-8")
    shutil.copy(PDF, folder / "antwoorden.pdf")
    made = build_window(tmp_path / "data", [folder], settings)
    qtbot.addWidget(made)
    made.show()
    made.service.start()
    qtbot.waitUntil(lambda: made.library_size() == 2, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not made.progress.isVisible(), timeout=WAIT_MS)
    yield made
    made.close()
    apply_theme("system")
    # Offscreen, mime data left on the clipboard is freed after Qt is gone: a crash at exit.
    QGuiApplication.clipboard().clear()


def select(window: MainWindow, passage: str) -> None:
    view = window.reader.view
    plain = view.toPlainText()
    start = plain.index(passage)
    view.select_view_span(utf16(plain, start), utf16(plain, start + len(passage)))


def pdf_pages_and_text(path: Path) -> tuple[int, str]:
    with path.open("rb") as handle:
        pages = sum(1 for _ in PDFPage.get_pages(handle))
    return pages, " ".join(extract_text(str(path)).split())


# -- copy with citation ----------------------------------------------------------------------


def test_ctrl_shift_c_copies_the_passage_with_its_citation_and_page(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    reader = window.reader
    open_doc(qtbot, window, tmp_path / "docs" / "antwoorden.pdf")
    assert not reader.copy_citation_action.isEnabled()  # nothing selected yet
    select(window, ON_PAGE_3)
    assert reader.copy_citation_action.isEnabled()
    QGuiApplication.clipboard().clear()
    reader.view.setFocus()
    qtbot.keyClick(
        reader.view,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    data = QGuiApplication.clipboard().mimeData()
    plain = data.text()
    assert plain.startswith(f"“{ON_PAGE_3}”\n— ")
    assert ", p. 3\n" in plain
    assert plain.rstrip().endswith(str(tmp_path / "docs" / "antwoorden.pdf"))
    assert data.hasHtml()
    assert f"<blockquote><p>{ON_PAGE_3}</p></blockquote>" in data.html()
    assert "p. 3" in data.html() and "<cite>" in data.html()


def test_the_context_menu_copies_title_issuer_and_date(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    reader = window.reader
    open_doc(qtbot, window, tmp_path / "docs" / "jordanie.md")
    select(window, PASSAGE)
    menu = reader.context_menu()
    assert reader.copy_citation_action in menu.actions()
    assert reader.copy_citation_action.shortcut().toString() == "Ctrl+Shift+C"
    QGuiApplication.clipboard().clear()
    reader.copy_citation_action.trigger()
    menu.deleteLater()
    plain = QGuiApplication.clipboard().mimeData().text()
    assert plain.splitlines()[:2] == [
        f"“{PASSAGE}”",
        "— Steun voor Jordanië, Ministerie van Buitenlandse Zaken, 12 March 2024",
    ]  # a document without pages has no "p."
    assert "copyWithCitationAction" in {a.objectName() for a in window.actions()}


# -- PDF ----------------------------------------------------------------------------------------


def test_the_open_document_is_exported_as_pdf_with_highlights_or_not(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    window.set_query("vluchtelingen")
    qtbot.waitUntil(lambda: window.results_model.rowCount() >= 1, timeout=WAIT_MS)
    open_doc(qtbot, window, tmp_path / "docs" / "jordanie.md")
    qtbot.waitUntil(lambda: window.reader.hit_position()[1] > 0, timeout=WAIT_MS)
    assert window.export_document_pdf_action.isEnabled()

    def highlighted(highlights: bool) -> bool:
        document = window.reader.view.printable_document(highlights)
        found = document.find("vluchtelingen")
        cursor = QTextCursor(document)
        cursor.setPosition(found.selectionStart() + 1)
        return cursor.charFormat().background().color() == HIT_COLOUR

    assert highlighted(True) and not highlighted(False)
    out = tmp_path / "jordanie.pdf"
    assert window.export_document_pdf(out, highlights=True)
    pages, text = pdf_pages_and_text(out)
    assert pages == 1
    assert "Steun voor Jordanië" in text  # the heading
    assert "Ministerie van Buitenlandse Zaken" in text
    assert PASSAGE in text


def test_a_long_pdf_document_exports_over_several_pages(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    open_doc(qtbot, window, tmp_path / "docs" / "antwoorden.pdf")
    out = tmp_path / "out" / "antwoorden.pdf"
    out.parent.mkdir()
    window.pdf_highlights_action.setChecked(False)
    assert window.export_document_pdf(out)
    pages, text = pdf_pages_and_text(out)
    assert pages >= 3
    assert ON_PAGE_3 in text


def test_the_open_document_is_printed_as_it_is_exported(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    from PySide6.QtPrintSupport import QPrinter

    open_doc(qtbot, window, tmp_path / "docs" / "jordanie.md")
    assert window.print_document_action.isEnabled()
    assert window.print_document_action.shortcut().toString() == "Ctrl+P"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # what "Print to file" does
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert window.print_document(printer)
    del printer  # finishes the file
    pages, text = pdf_pages_and_text(tmp_path / "printed.pdf")
    assert pages == 1
    assert "Steun voor Jordanië" in text and PASSAGE in text


def add_bookmarks(qtbot, window: MainWindow, tmp_path: Path) -> None:
    open_doc(qtbot, window, tmp_path / "docs" / "antwoorden.pdf")
    select(window, ON_PAGE_3)
    window.reader.bookmark_action.trigger()
    qtbot.waitUntil(lambda: len(window.bookmarks()) == 1, timeout=WAIT_MS)
    window.bookmark_editor.close_editor()
    open_doc(qtbot, window, tmp_path / "docs" / "jordanie.md")
    select(window, PASSAGE)
    window.reader.bookmark_action.trigger()
    qtbot.waitUntil(lambda: len(window.bookmarks()) == 2, timeout=WAIT_MS)
    window.bookmark_editor.close_editor()
    qtbot.waitUntil(lambda: len(window.bookmarks_panel.visible_bookmarks()) == 2, timeout=WAIT_MS)


def test_the_briefing_is_exported_as_pdf_and_as_word(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    add_bookmarks(qtbot, window, tmp_path)
    pdf = tmp_path / "briefing.pdf"
    with qtbot.waitSignal(window.bookmark_workflow.exported, timeout=WAIT_MS):
        window.export_bookmarks(pdf, "pdf")
    pages, text = pdf_pages_and_text(pdf)
    assert pages >= 1
    assert ON_PAGE_3 in text and PASSAGE in text
    assert "p. 3" in text  # the PDF passage's page
    assert "Ministerie van Buitenlandse Zaken" in text  # the note's issuer
    assert "Exported 2 bookmarks" in window.status_label.text()

    word = tmp_path / "briefing.docx"
    with qtbot.waitSignal(window.bookmark_workflow.exported, timeout=WAIT_MS):
        window.export_bookmarks(word, "docx")
    paragraphs = docx.Document(str(word)).paragraphs
    quotes = [p.text for p in paragraphs if p.style.name == "Quote"]
    assert sorted(quotes) == sorted([ON_PAGE_3, PASSAGE])
    assert any(", p. 3\n" in p.text for p in paragraphs)


# -- search syntax -----------------------------------------------------------------------------


def test_the_question_mark_shows_every_operator_and_its_examples_work(
    qtbot, window: MainWindow
) -> None:
    qtbot.mouseClick(window.search_bar.help_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(SearchSyntaxDialog)
    assert dialog is not None and dialog.isVisible()
    examples = [example for example, _meaning in dialog.rows()]
    text = " ".join(examples)
    for operator in (" AND ", " OR ", " NOT ", "(", '"', "*", "~", "~2", "title:", "tag:"):
        assert operator in text, operator
    for date in ("date:2018", "..", " TO "):
        assert date in text
    parser = QueryParser(build_schema())
    for example in examples:
        parser.parse(example)  # every example is valid (QuerySyntaxError otherwise)
    shown = dialog.browser.toPlainText()
    assert "terror*" in shown and "date:[2018-01 TO 2018-06]" in shown
    href = dialog.browser.document().find("terror*").charFormat().anchorHref()
    dialog.browser.anchorClicked.emit(QUrl(href))  # as a click on the example does
    assert window.search_bar.query() == "terror*"
    dialog.close()
    assert window.search_syntax_action.shortcut().toString() == "Shift+F1"
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    assert window.search_syntax_action in help_menu.actions()


# -- theme -------------------------------------------------------------------------------------


def window_colour() -> int:
    return QApplication.palette().color(QPalette.ColorRole.Window).lightness()


def test_the_theme_applies_at_once_and_is_remembered(
    qtbot, window: MainWindow, tmp_path: Path, settings: QSettings
) -> None:
    assert window.theme_actions["system"].isChecked()
    window.theme_actions["dark"].trigger()
    assert window_colour() < 80
    assert settings.value("ui/theme") == "dark"
    window.theme_actions["light"].trigger()
    assert window_colour() > 200
    window.theme_actions["dark"].trigger()

    apply_theme("system")
    again = build_window(tmp_path / "data2", [], settings)
    qtbot.addWidget(again)
    assert again.theme_actions["dark"].isChecked()
    assert window_colour() < 80
    again.set_theme("system")
    assert settings.value("ui/theme") == "system"
    assert window.theme_actions["system"].objectName() == "theme_systemAction"
