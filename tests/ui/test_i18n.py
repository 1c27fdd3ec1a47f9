"""The Dutch UI: the window speaks the chosen language, and every string has a translation."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QMenu, QWidget

from briefing_app.ui.app import build_window, install_translators, reset_ui_language
from briefing_app.ui.dialogs import ShortcutsDialog
from briefing_app.ui.main_window import MainWindow
from briefing_app.ui.reader_header import format_date

REPO = Path(__file__).resolve().parents[2]
I18N = REPO / "resources" / "i18n"
TS_FILE = I18N / "briefing_nl.ts"
QM_FILE = I18N / "briefing_nl.qm"
LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")
PLACEHOLDER = re.compile(r"%L?\d|%n|\{\w+\}")
MNEMONIC = re.compile(r"&([^&\s])")


@pytest.fixture
def app(qapp: QApplication):
    """The application; whatever language a test picks, the next test starts in English."""
    yield qapp
    reset_ui_language(qapp)


def open_window(qtbot, tmp_path: Path, settings: QSettings, language: str) -> MainWindow:
    settings.setValue("ui/language", language)
    window = build_window(tmp_path / "data", [], settings)
    qtbot.addWidget(window)  # closed (service shut down, never started) at teardown
    return window


def menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def submenu(actions: list[QAction], text: str) -> QMenu:
    menu = next(action.menu() for action in actions if action.text() == text)
    assert isinstance(menu, QMenu)
    return menu


@pytest.mark.parametrize(
    ("language", "menus", "panels", "close_button", "date"),
    [
        (
            "en",
            ["&File", "&Edit", "&View", "&Go", "&Help"],
            ["People", "Countries", "Organizations"],
            "Close",
            "April 2018",
        ),
        (
            "nl",
            ["&Bestand", "Be&werken", "Beel&d", "&Ga naar", "&Help"],
            ["Personen", "Landen", "Organisaties"],
            "Sluiten",  # Qt's own string, from qtbase_nl.qm
            "april 2018",
        ),
    ],
)
def test_window_speaks_the_chosen_language(
    qtbot,
    app: QApplication,
    tmp_path: Path,
    settings: QSettings,
    language: str,
    menus: list[str],
    panels: list[str],
    close_button: str,
    date: str,
) -> None:
    window = open_window(qtbot, tmp_path, settings, language)
    assert menu_titles(window) == menus
    assert [window.docks[kind].windowTitle() for kind in ("person", "country", "org")] == panels
    dialog = ShortcutsDialog(window, window.actions())
    qtbot.addWidget(dialog)
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    assert [b.text() for b in buttons.buttons()] == [close_button]
    assert format_date("2018-04") == date


def test_dutch_window_translates_widgets_dialogs_and_qt_menus(
    qtbot, app: QApplication, tmp_path: Path, settings: QSettings
) -> None:
    window = open_window(qtbot, tmp_path, settings, "nl")
    search_box = window.findChild(QLineEdit, "searchBox")
    assert search_box is not None and search_box.accessibleName() == "Zoeken"
    assert window.filter_bar.sort_combo.itemText(0) == "Relevantie"
    assert window.panels["person"].results_button.text() == "Resultaten"
    dialog = ShortcutsDialog(window, window.actions())
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Sneltoetsen"
    assert "Zoeken" in {dialog.model.index(r, 0).data() for r in range(dialog.model.rowCount())}
    # The search box's right-click menu comes from Qt itself.
    menu = search_box.createStandardContextMenu()
    assert any(action.text().startswith("&Kopiëren") for action in menu.actions())
    menu.deleteLater()


def test_dutch_menus_have_distinct_access_keys(
    qtbot, app: QApplication, tmp_path: Path, settings: QSettings
) -> None:
    window = open_window(qtbot, tmp_path, settings, "nl")
    bar = window.menuBar()
    menus: list[QWidget] = [bar, *(submenu(bar.actions(), a.text()) for a in bar.actions())]
    for menu in menus:
        keys = [
            match.group(1).lower()
            for action in menu.actions()
            if (match := MNEMONIC.search(action.text()))
        ]
        clashes = [key for key, n in Counter(keys).items() if n > 1]
        title = menu.title() if isinstance(menu, QMenu) else "menu bar"
        assert not clashes, f"{title}: Alt+{clashes} is used twice"


def test_choosing_dutch_in_the_view_menu_is_remembered(
    qtbot, app: QApplication, tmp_path: Path, settings: QSettings
) -> None:
    window = open_window(qtbot, tmp_path, settings, "en")
    view = submenu(window.menuBar().actions(), "&View")
    language = submenu(view.actions(), "&Language")
    next(a for a in language.actions() if a.text() == "Nederlands").trigger()
    settings.sync()
    again = build_window(tmp_path / "data2", [], settings)
    qtbot.addWidget(again)
    assert menu_titles(again)[0] == "&Bestand"


def test_english_after_dutch_removes_the_translators(app: QApplication) -> None:
    assert len(install_translators(app, "nl")) == 2  # Briefing's and Qt's own
    assert QCoreApplication.translate("MainWindow", "People") == "Personen"
    english = install_translators(app, "en")  # only Briefing's English plural forms
    assert [t.language() for t in english] == ["en"]
    assert QCoreApplication.translate("MainWindow", "People") == "People"
    assert QCoreApplication.translate("MainWindow", "Imported %n bookmark(s)", "", 1) == (
        "Imported 1 bookmark"
    )
    assert QCoreApplication.translate("MainWindow", "Imported %n bookmark(s)", "", 3) == (
        "Imported 3 bookmarks"
    )
    assert app.findChildren(QTranslator) == english


# -- the translation files -------------------------------------------------------------------


def active_messages(ts: Path) -> list[tuple[str, ET.Element]]:
    """(context, message) for every string the code uses; vanished ones are kept only as memory."""
    root = ET.parse(ts).getroot()
    return [
        (context.findtext("name") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
        if translation_of(message).get("type") not in ("vanished", "obsolete")
    ]


def translation_of(message: ET.Element) -> ET.Element:
    translation = message.find("translation")
    assert translation is not None
    return translation


def translations_of(message: ET.Element) -> list[str]:
    translation = translation_of(message)
    forms = translation.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [translation.text or ""]


def test_every_dutch_string_is_finished_and_keeps_its_placeholders() -> None:
    messages = active_messages(TS_FILE)
    assert len(messages) > 100
    for context, message in messages:
        source = message.findtext("source") or ""
        assert translation_of(message).get("type") is None, f"{context}: {source!r} is unfinished"
        for text in translations_of(message):
            assert text.strip(), f"{context}: {source!r} has no translation"
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), (
                f"{context}: {source!r} -> {text!r} changes the placeholders"
            )
            assert bool(MNEMONIC.search(text)) == bool(MNEMONIC.search(source)), (
                f"{context}: {source!r} -> {text!r} adds or drops the access key"
            )


def test_compiled_qm_has_every_translation_of_the_ts() -> None:
    translator = QTranslator()
    assert translator.load(str(QM_FILE))
    for context, message in active_messages(TS_FILE):
        source = message.findtext("source") or ""
        if message.get("numerus") == "yes":
            # Dutch has two plural forms: one, and everything else.
            one, other = translations_of(message)
            assert translator.translate(context, source, None, 1) == one
            assert translator.translate(context, source, None, 7) == other
            continue
        [expected] = translations_of(message)
        assert translator.translate(context, source) == expected, f"{context}: {source!r}"


@pytest.mark.skipif(not LUPDATE.exists(), reason="pyside6-lupdate is not installed")
def test_every_string_in_the_code_is_in_the_ts(tmp_path: Path) -> None:
    """Fails when UI text was added or changed without `make translations` and translating."""
    ts = tmp_path / TS_FILE.name
    shutil.copy(TS_FILE, ts)
    sources = sorted(str(p) for p in (REPO / "briefing_app" / "ui").glob("*.py"))
    subprocess.run([str(LUPDATE), *sources, "-ts", str(ts)], check=True, capture_output=True)
    untranslated = [
        f"{context}: {message.findtext('source')!r}"
        for context, message in active_messages(ts)
        if translation_of(message).get("type") == "unfinished"
    ]
    assert not untranslated, "run `make translations` and translate:\n" + "\n".join(untranslated)
