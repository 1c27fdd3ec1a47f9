from __future__ import annotations

import html
import re

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from briefing_app.library import Library
from briefing_app.search import QuerySyntaxError, SearchRequest

SEARCH_DELAY_MS = 150


class MainWindow(QMainWindow):
    """Placeholder window: a search box and a result list over the library."""

    def __init__(self, library: Library) -> None:
        super().__init__()
        self._library = library
        self.setWindowTitle(f"Briefing — {library.data_dir}")
        self.resize(900, 640)
        self.search_box = QLineEdit(objectName="searchBox")
        self.search_box.setAccessibleName("Search")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(f"Search {library.document_count()} documents")
        self.status = QLabel()
        self.results = QListWidget(objectName="resultsView")
        self.results.setAccessibleName("Results")
        layout = QVBoxLayout()
        layout.addWidget(self.search_box)
        layout.addWidget(self.status)
        layout.addWidget(self.results)
        central = QWidget()
        central.setLayout(layout)
        self.setCentralWidget(central)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search_box.textChanged.connect(self._timer.start)
        self.search_box.returnPressed.connect(self.run_search)
        self.run_search()

    def run_search(self) -> None:
        self._timer.stop()
        try:
            results = self._library.search(SearchRequest(query=self.search_box.text(), limit=50))
        except QuerySyntaxError as error:
            self.status.setText(str(error))
            return
        self.status.setText(f"{results.total} documents")
        self.results.clear()
        for hit in results.hits:
            snippet = html.unescape(re.sub(r"</?mark>", "", hit.snippet))
            item = QListWidgetItem(f"{hit.title}  ({hit.date or 'no date'})\n{snippet}")
            self.results.addItem(item)
