"""The spelling suggestion above the results, as a link ("Did you mean …?"). The text keeps
the window's translation context ("MainWindow"). (The result count stays with the window:
lupdate sees a plural "%n" only in a tr() call.)"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def suggestion_html(suggestion: str) -> str:
    """ "Did you mean <a>…</a>?", the link's text escaped."""
    link = f'<a href="suggest">{_escape(suggestion)}</a>'
    return QCoreApplication.translate("MainWindow", "Did you mean %1?").replace("%1", link)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
