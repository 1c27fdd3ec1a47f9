"""Starts the desktop window: application object, translations, icon, then the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLocale, QSettings, Qt, QTranslator
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from briefing_app.resources import resource_path
from briefing_app.ui.main_window import MainWindow
from briefing_app.ui.service import LibraryService
from briefing_app.ui.state import WindowState

APP_NAME = "Briefing"
LANGUAGES = ("en", "nl")


def ui_language(settings: QSettings) -> str:
    """The chosen UI language, else the system's when Briefing speaks it, else English."""
    chosen = WindowState(settings).language
    if chosen in LANGUAGES:
        return chosen
    system = QLocale.system().name().split("_")[0]
    return system if system in LANGUAGES else "en"


def install_translator(app: QApplication, language: str) -> QTranslator | None:
    if language == "en":
        return None
    translator = QTranslator(app)
    if translator.load(str(resource_path("i18n", f"briefing_{language}.qm"))):
        app.installTranslator(translator)
        return translator
    return None


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    # Fractional scale factors (150 %) render crisply instead of being rounded.
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setWindowIcon(QIcon(str(resource_path("icons", "briefing.svg"))))
    return app


def build_window(
    data_dir: Path, import_paths: list[Path], settings: QSettings | None = None
) -> MainWindow:
    settings = settings or QSettings()
    language = ui_language(settings)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        install_translator(app, language)
    service = LibraryService(data_dir)
    window = MainWindow(service, settings, ui_language=language, import_on_start=import_paths)
    service.setParent(window)
    return window


def run_gui(data_dir: Path, import_paths: list[Path]) -> int:
    app = create_application()
    window = build_window(data_dir, import_paths)
    window.show()
    window.service.start()
    return app.exec()
