"""The reader's header: what the open document is and where it lives on disk."""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QAction, QFont, QGuiApplication, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from briefing_app.library.library import OpenedDocument
from briefing_app.ui.core_messages import translated_lines

TITLE_SCALE = 1.6  # title size relative to the application font
INDENT = 12  # pixels left and right of the header; the document's text lines up with it


class ElidedPathLabel(QLabel):
    """A path shortened in the middle to fit; the full path is the tooltip and "Copy path"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full_text = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Ignored: the label must be allowed to shrink below the full path's width.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        copy = QAction(self.tr("Copy path"), self)
        copy.triggered.connect(self._copy_full_text)
        self.addAction(copy)

    def full_text(self) -> str:
        return self._full_text

    def set_full_text(self, text: str) -> None:
        self._full_text = text
        self.setToolTip(text)
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(self.width(), 40)
        elided = self.fontMetrics().elidedText(self._full_text, Qt.TextElideMode.ElideMiddle, width)
        if elided != self.text():
            self.setText(elided)

    def _copy_full_text(self) -> None:
        QGuiApplication.clipboard().setText(self._full_text)


class ReaderHeader(QWidget):
    """Title, a muted metadata line, the file path, file buttons and a problem notice."""

    open_file_requested = Signal(str)
    show_in_folder_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readerHeader")
        self._path = ""

        self.title_label = QLabel()
        self.title_label.setObjectName("readerTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        title_font = QFont(self.font())
        title_font.setPointSizeF(max(title_font.pointSizeF(), 9.0) * TITLE_SCALE)
        title_font.setWeight(QFont.Weight.DemiBold)
        self.title_label.setFont(title_font)
        self.title_label.setAccessibleName(self.tr("Document title"))

        self.meta_label = QLabel()
        self.meta_label.setObjectName("readerMeta")
        self.meta_label.setTextFormat(Qt.TextFormat.PlainText)
        self.meta_label.setWordWrap(True)
        self.meta_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.path_label = ElidedPathLabel()
        self.path_label.setObjectName("readerPath")
        self.path_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.path_label.setAccessibleName(self.tr("File path"))

        self.open_button = QPushButton(self.tr("Open file"))
        self.open_button.setObjectName("openFileButton")
        self.open_button.setToolTip(self.tr("Open the file in its default application"))
        self.open_button.clicked.connect(lambda: self.open_file_requested.emit(self._path))
        self.folder_button = QPushButton(self.tr("Show in folder"))
        self.folder_button.setObjectName("showInFolderButton")
        self.folder_button.setToolTip(self.tr("Show the file in the file manager"))
        self.folder_button.clicked.connect(lambda: self.show_in_folder_requested.emit(self._path))
        for button in (self.open_button, self.folder_button):
            button.setFlat(True)
            button.setAutoDefault(False)

        self.problem_icon = QLabel()
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        size = self.fontMetrics().height()
        self.problem_icon.setPixmap(icon.pixmap(size, size))
        self.problem_label = QLabel()
        self.problem_label.setObjectName("readerProblem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problem_row = QWidget()
        problem_layout = QHBoxLayout(self.problem_row)
        problem_layout.setContentsMargins(0, 0, 0, 0)
        problem_layout.addWidget(self.problem_icon, 0, Qt.AlignmentFlag.AlignTop)
        problem_layout.addWidget(self.problem_label, 1)
        self.problem_row.hide()

        path_row = QHBoxLayout()
        path_row.addWidget(self.path_label, 1)
        path_row.addWidget(self.open_button)
        path_row.addWidget(self.folder_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(INDENT, 10, INDENT, 6)
        layout.setSpacing(4)
        layout.addWidget(self.title_label)
        layout.addWidget(self.meta_label)
        layout.addLayout(path_row)
        layout.addWidget(self.problem_row)

    @property
    def path(self) -> str:
        return self._path

    def show_document(self, opened: OpenedDocument) -> None:
        entry, document = opened.entry, opened.document
        self._path = entry.path
        self.title_label.setText(document.title if document and document.title else entry.title)
        parts = [
            format_date(entry.date),
            entry.source or "",
            self.language_name(entry.language),
            ", ".join(entry.tags),
        ]
        self.meta_label.setText(" · ".join(part for part in parts if part))
        self.path_label.set_full_text(entry.path)
        # A file we could not read will not open either; its folder may still exist.
        self.open_button.setEnabled(document is not None)
        self.folder_button.setEnabled(bool(entry.path))
        # What is wrong with the file, and what its import noted (a guessed encoding, ...),
        # in the window's language.
        notes = [opened.problem] if opened.problem else []
        notes += entry.warnings
        self.problem_label.setText(translated_lines(notes))
        self.problem_row.setVisible(bool(notes))

    def clear(self) -> None:
        self._path = ""
        self.title_label.clear()
        self.meta_label.clear()
        self.path_label.set_full_text("")
        self.problem_label.clear()
        self.problem_row.hide()

    def language_name(self, code: str) -> str:
        names = {
            "nl": self.tr("Dutch"),
            "en": self.tr("English"),
            "de": self.tr("German"),
            "fr": self.tr("French"),
            "und": self.tr("Unknown language"),
        }
        if code in names:
            return names[code]
        language = QLocale(code).language()
        if language == QLocale.Language.C:
            return code
        return QLocale.languageToString(language)


def format_date(value: str | None) -> str:
    """'2018-04' -> 'April 2018', '2018-04-12' -> '12 April 2018' in the UI locale."""
    if not value:
        return ""
    locale = QLocale()
    parts = value.split("-")
    try:
        numbers = [int(part) for part in parts]
    except ValueError:
        return value
    if len(numbers) == 3 and QDate(*numbers).isValid():
        return locale.toString(QDate(*numbers), "d MMMM yyyy")
    if len(numbers) == 2 and 1 <= numbers[1] <= 12:
        month = locale.standaloneMonthName(numbers[1], QLocale.FormatType.LongFormat)
        return f"{month} {numbers[0]}"
    return value
