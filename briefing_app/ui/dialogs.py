"""Small dialogs: import failures, the keyboard shortcuts reference and the search syntax."""

from __future__ import annotations

import html
from collections.abc import Sequence
from urllib.parse import quote, unquote

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

_Index = QModelIndex | QPersistentModelIndex


class PairsModel(QAbstractTableModel):
    """A read-only two-column table (e.g. file and reason, action and shortcut)."""

    def __init__(self, headers: tuple[str, str], rows: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self._headers = headers
        self._rows = list(rows)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        return self._rows[index.row()][index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None


class _TableDialog(QDialog):
    """Title, a line of introduction, a two-column table and Close.

    Subclasses pass their texts through self.tr() once the dialog exists, so that lupdate
    and Qt agree on the context (the subclass's name); parent.tr() would not.
    """

    def __init__(self, parent: QWidget | None, object_name: str) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.resize(720, 420)
        self.model = PairsModel(("", ""), [])
        self.intro = QLabel(self)
        self.table = QTableView(self)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table)
        layout.addWidget(buttons)

    def _fill(self, title: str, intro: str, model: PairsModel) -> None:
        self.setWindowTitle(title)
        self.intro.setText(intro)
        self.model = model
        self.table.setModel(model)
        self.table.setAccessibleName(title)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(0, 300)


class FailuresDialog(_TableDialog):
    def __init__(self, parent: QWidget | None, failures: Sequence[tuple[str, str]]) -> None:
        super().__init__(parent, "failuresDialog")
        self._fill(
            self.tr("Import problems"),
            self.tr("Files not imported: %1").replace("%1", str(len(failures))),
            PairsModel((self.tr("File"), self.tr("Reason")), failures),
        )


class ShortcutsDialog(_TableDialog):
    def __init__(self, parent: QWidget | None, actions: Sequence[QAction]) -> None:
        super().__init__(parent, "shortcutsDialog")
        native = QKeySequence.SequenceFormat.NativeText  # the platform's key names, ⌘ on macOS
        rows = sorted(
            (
                action.text().replace("&", ""),
                ", ".join(s.toString(native) for s in action.shortcuts()),
            )
            for action in actions
            if action.shortcuts()
        )
        self._fill(
            self.tr("Keyboard shortcuts"),
            self.tr("Everything Briefing does from the keyboard:"),
            PairsModel((self.tr("Action"), self.tr("Shortcut")), rows),
        )


EXAMPLE_SCHEME = "example"


class SearchSyntaxDialog(QDialog):
    """Help → Search syntax: every operator of the query language (search/query.py), each
    with an example; clicking an example searches for it (`example_chosen`)."""

    example_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchSyntaxDialog")
        self.setWindowTitle(self.tr("Search syntax"))
        self.resize(680, 620)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("searchSyntaxText")
        self.browser.setAccessibleName(self.tr("Search syntax"))
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._on_link)
        self.browser.setHtml(self._html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)

    def rows(self) -> list[tuple[str, str]]:
        """(example query, what it finds), one or more per operator."""
        return [
            ("terrorisme jordanië", self.tr("Documents with both words: AND is the default")),
            ("terrorisme AND jordanië", self.tr("The same, with AND written out")),
            ("sanctie OR embargo", self.tr("Either word, or both")),
            ("sancties NOT rusland", self.tr("The first word, but not the second")),
            ("(irak OR syrië) AND vluchtelingen", self.tr("Parentheses group words")),
            ('"humanitaire hulp"', self.tr("A phrase: these words together, in this order")),
            (
                "terror*",
                self.tr("Prefix: words that start with these letters (terrorisme, terroristen)"),
            ),
            (
                "terorisme~",
                self.tr(
                    "Fuzzy: the word with one typing error (a letter more, fewer or another, or "
                    "two neighbouring letters swapped)"
                ),
            ),
            ("minsiter~2", self.tr("Fuzzy with up to two errors")),
            ("title:jordanië", self.tr("In the title (also titel:)")),
            ("tag:defensie", self.tr("Documents with this tag")),
            ("date:2018", self.tr("Dated in 2018 (also datum:)")),
            ("date:2018-03", self.tr("Dated in March 2018")),
            ("date:2018-03-12", self.tr("Dated 12 March 2018")),
            ("date:2018-01..2018-06", self.tr("Dated from January to June 2018")),
            ("date:2018-01..", self.tr("Dated January 2018 or later")),
            ("date:[2018-01 TO 2018-06]", self.tr("The same range, written with TO (or tot)")),
            ("navo date:2019 NOT title:oekraïne", self.tr("Operators, fields and dates combine")),
        ]

    def _html(self) -> str:
        rows = "".join(
            f'<tr><td><a href="{EXAMPLE_SCHEME}:{quote(example)}"><code>'
            f"{html.escape(example)}</code></a></td><td>{html.escape(meaning)}</td></tr>"
            for example, meaning in self.rows()
        )
        notes = [
            self.tr(
                "Every form of a word counts: organisatie also finds organisaties, nemen "
                "also genomen; a phrase, a prefix and a fuzzy word match as written."
            ),
            self.tr("Case and accents do not matter: jordanie finds Jordanië."),
            self.tr(
                "Names of organizations and countries also find their other names: EU "
                "also finds Europese Unie and European Union."
            ),
            self.tr("While you type, the last word counts as the start of a word."),
            self.tr("Click an example to search for it."),
        ]
        intro = self.tr("Type words to find the documents that contain them all.")
        return (
            f"<p>{html.escape(intro)}</p>"
            f'<table cellpadding="4" cellspacing="0" border="0">'
            f'<tr><th align="left">{html.escape(self.tr("Type"))}</th>'
            f'<th align="left">{html.escape(self.tr("To find"))}</th></tr>{rows}</table>'
            + "".join(f"<p>{html.escape(note)}</p>" for note in notes)
        )

    def _on_link(self, url: QUrl) -> None:
        if url.scheme() == EXAMPLE_SCHEME:
            self.example_chosen.emit(unquote(url.toString().partition(":")[2]))
