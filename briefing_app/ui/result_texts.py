"""What the row above the results says: how many documents the search found (and how many
near duplicates are folded into them), and the spelling suggestion as a link. Texts keep the
window's translation context ("MainWindow")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from briefing_app.search import SearchResults


def count_text(results: SearchResults) -> str:
    """ "1 document", "1,234 documents", "12 documents + 3 similar"."""
    count = (
        QCoreApplication.translate("MainWindow", "1 document")
        if results.total == 1
        else QCoreApplication.translate("MainWindow", "%1 documents").replace(
            "%1", QLocale().toString(results.total)
        )
    )
    folded = results.documents - results.total  # near duplicates shown as one result
    if folded > 0:
        count += " " + QCoreApplication.translate("MainWindow", "+ %n similar", "", folded)
    return count


def suggestion_html(suggestion: str) -> str:
    """ "Did you mean <a>…</a>?", the link's text escaped."""
    link = f'<a href="suggest">{_escape(suggestion)}</a>'
    return QCoreApplication.translate("MainWindow", "Did you mean %1?").replace("%1", link)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
