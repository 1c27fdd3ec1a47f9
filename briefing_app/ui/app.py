"""Starts the desktop window: application object, translations, icon, then the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    Qt,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from briefing_app.desktop import APP_ID
from briefing_app.resources import resource_path
from briefing_app.ui.main_window import MainWindow
from briefing_app.ui.service import LibraryService
from briefing_app.ui.state import WindowState
from briefing_app.ui.theme import apply_theme

APP_NAME = "Briefing"
LANGUAGES = ("en", "nl")


def ui_language(settings: QSettings) -> str:
    """The chosen UI language, else the system's when Briefing speaks it, else English."""
    chosen = WindowState(settings).language
    if chosen in LANGUAGES:
        return chosen
    system = QLocale.system().name().split("_")[0]
    return system if system in LANGUAGES else "en"


# Installed translators are children of the application with this name, so that a second
# build_window() (or a test) replaces them instead of stacking a second copy.
TRANSLATOR_NAME = "briefingTranslator"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Briefing's own strings plus Qt's (standard buttons, text context menus) in language.

    Replaces translators installed earlier; English needs only plural forms. Returns what was
    installed:
    a missing file is skipped, leaving those strings in English.
    """
    remove_translators(app)
    files = [(f"briefing_{language}", str(resource_path("i18n")))]
    if language != "en":  # English has only Briefing's plural forms ("1 bookmark", "2 bookmarks")
        qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        files.append((f"qtbase_{language}", qt_translations))
    installed = []
    for name, folder in files:
        translator = QTranslator(app)
        translator.setObjectName(TRANSLATOR_NAME)
        if translator.load(name, folder) and app.installTranslator(translator):
            installed.append(translator)
        else:
            translator.deleteLater()
    return installed


def remove_translators(app: QCoreApplication) -> None:
    for translator in app.findChildren(QTranslator, TRANSLATOR_NAME):
        app.removeTranslator(translator)
        translator.setParent(None)  # now owned by Python, freed with this reference


def apply_ui_language(app: QCoreApplication, language: str) -> None:
    """Translators, plus the default locale for dates and numbers ("12 april 2018")."""
    install_translators(app, language)
    system = QLocale.system()
    speaks_it = system.language() == QLocale(language).language()
    if speaks_it or (language == "en" and system.language() == QLocale.Language.C):
        QLocale.setDefault(system)  # keep the user's own region: nl_BE stays nl_BE
    else:
        QLocale.setDefault(QLocale(language))


def reset_ui_language(app: QCoreApplication) -> None:
    """Back to the untranslated UI and the system locale (tests, a language switch)."""
    remove_translators(app)
    QLocale.setDefault(QLocale.system())


GIL_SWITCH_INTERVAL_S = 0.001


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    # Fractional scale factors (150 %) render crisply instead of being rounded.
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication(argv if argv is not None else sys.argv)
    # The window's worker threads run Python too; by default a thread waiting for the GIL
    # (the GUI thread, to paint) waits up to 5 ms each time. 1 ms keeps painting prompt
    # while a search runs, for a little more switching.
    sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    # The desktop entry's name (briefing --install-desktop-entry): Wayland compositors and
    # docks match the window to its menu entry and icon by it.
    QGuiApplication.setDesktopFileName(APP_ID)
    app.setWindowIcon(QIcon(str(resource_path("icons", "briefing.svg"))))
    return app


def build_window(
    data_dir: Path, import_paths: list[Path], settings: QSettings | None = None
) -> MainWindow:
    settings = settings or QSettings()
    language = ui_language(settings)
    app = QApplication.instance()
    if app is not None:
        apply_ui_language(app, language)
        apply_theme(WindowState(settings).theme)
    service = LibraryService(data_dir, language=language)
    window = MainWindow(service, settings, ui_language=language, import_on_start=import_paths)
    service.setParent(window)
    return window


# Set to a number of seconds, the window closes itself once its results list has painted rows
# (status 0), or when that has not happened in time (status 1): the packaging check
# (scripts/check_wheel.sh) starts an installed wheel's window this way.
SMOKE_TEST_ENV = "BRIEFING_SMOKE_TEST"


class _SmokeTest(QObject):
    """Ends the application once the results list has painted rows, or at the deadline."""

    def __init__(self, app: QApplication, window: MainWindow, seconds: float) -> None:
        super().__init__(window)
        self._app = app
        self._window = window
        self._done = False
        window.results_view.viewport().installEventFilter(self)
        QTimer.singleShot(int(seconds * 1000), self._give_up)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._window.results_model.rowCount() > 0:
            QTimer.singleShot(0, self._succeed)  # once this paint is done
        return False

    def _succeed(self) -> None:
        rows = self._window.results_model.rowCount()
        self._finish(f"Smoke test: the window painted {rows} results.", 0)

    def _give_up(self) -> None:
        self._finish("Smoke test: no results were painted in time.", 1)

    def _finish(self, message: str, code: int) -> None:
        if self._done:
            return
        self._done = True
        print(message, file=sys.stderr if code else sys.stdout, flush=True)
        self._window.close()
        self._app.exit(code)


def run_gui(data_dir: Path, import_paths: list[Path]) -> int:
    app = create_application()
    window = build_window(data_dir, import_paths)
    smoke_seconds = os.environ.get(SMOKE_TEST_ENV)
    if smoke_seconds:
        _SmokeTest(app, window, float(smoke_seconds))
    window.show()
    window.service.start()
    return app.exec()
