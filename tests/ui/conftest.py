"""Qt tests run offscreen, with settings in a temporary file, and fail on leaked threads."""

from __future__ import annotations

import os
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QSettings


@pytest.fixture
def settings(tmp_path) -> QSettings:
    """A settings store of the test's own; the user's real settings are never touched.
    English UI whatever the machine's locale, so the tests read the same everywhere."""
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    store.setValue("ui/language", "en")
    return store


@pytest.fixture(autouse=True)
def _no_leaked_threads():
    before = {t.ident for t in threading.enumerate()}
    yield
    leaked = [
        t for t in threading.enumerate() if t.ident not in before and t.is_alive() and not t.daemon
    ]
    assert not leaked, f"threads left running: {[t.name for t in leaked]}"
