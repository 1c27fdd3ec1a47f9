"""Evidence in the window (issue #18, item 6): an entity's tooltip says where it is first
mentioned and why it was recognised; the reader's context menu marks a selection as a person,
organization or country."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from briefing_app.entities.evidence import Evidence
from briefing_app.ui.entity_panel import EntityPanel
from briefing_app.ui.models import EntityItem
from briefing_app.ui.reader import ReaderPane
from tests.ui import test_reader
from tests.ui.test_main_window import close_window, open_window
from tests.ui.test_reader import KAAG, opened_from_file


def tooltip(panel: EntityPanel, row: int = 0) -> str:
    return str(panel.proxy.index(row, 0).data(Qt.ItemDataRole.ToolTipRole))


def test_hovering_an_entity_shows_its_first_mention_and_why(qtbot) -> None:
    panel = EntityPanel("person", "People", "peoplePanel")
    qtbot.addWidget(panel)
    evidence = Evidence("member", "Vragen van het lid ", "Van der Lee", " (GroenLinks-PvdA) aan")
    panel.set_document_entities(
        [EntityItem("person", "Van der Lee", "Van der Lee", 3, (), evidence.to_json())]
    )
    tip = tooltip(panel)
    assert "First mention: Vragen van het lid «Van der Lee» (GroenLinks-PvdA) aan" in tip
    assert "Recognised by: member of parliament" in tip


@pytest.mark.parametrize(
    ("reason", "words"),
    [
        ("title:minister", "title “minister”"),
        ("given-name", "a known first name"),
        ("gazetteer", "gazetteer of known organizations"),
        ("acronym-defined", "acronym defined in the text"),
        ("marked", "marked by you"),
    ],
)
def test_each_reason_reads_as_words(qtbot, reason: str, words: str) -> None:
    panel = EntityPanel("org", "Organizations", "orgPanel")
    qtbot.addWidget(panel)
    evidence = Evidence(reason, "", "NAVO", "").to_json()
    panel.set_document_entities([EntityItem("org", "NAVO", "NAVO", 1, (), evidence)])
    assert f"Recognised by: {words}" in tooltip(panel)


def test_an_entity_without_evidence_shows_the_old_tooltip(qtbot) -> None:
    panel = EntityPanel("person", "People", "peoplePanel")
    qtbot.addWidget(panel)
    panel.set_document_entities([EntityItem("person", "Blok", "Stef Blok", 2, ("Blok",))])
    assert tooltip(panel) == "Stef Blok\nAlso written as: Blok"


pane = test_reader.pane  # the reader shown, as its own tests have it


def test_context_menu_marks_a_selection_as_an_entity(pane: ReaderPane, qtbot) -> None:
    pane.show_document(opened_from_file(Path(KAAG)))
    menu = pane.context_menu()
    marks = {a.objectName(): a for a in menu.actions() if a.objectName().startswith("mark")}
    assert set(marks) == {"markPersonAction", "markOrgAction", "markCountryAction"}
    assert not any(a.isEnabled() for a in marks.values())  # nothing selected
    menu.deleteLater()

    assert pane.scroll_to_text("Jordanië")  # selects the word
    menu = pane.context_menu()
    assert all(a.isEnabled() for a in pane.mark_actions.values())
    with qtbot.waitSignal(pane.mark_entity_requested) as signal:
        pane.mark_actions["country"].trigger()
    assert signal.args == ["country", "Jordanië"]
    menu.deleteLater()


def test_a_long_selection_cannot_be_marked(pane: ReaderPane) -> None:
    pane.show_document(opened_from_file(Path(KAAG)))
    assert pane.scroll_to_text("Jordanië  draagt een enorme last")
    assert pane.markable_text() == "Jordanië draagt een enorme last"
    pane.view.selectAll()
    assert pane.markable_text() == ""
    menu = pane.context_menu()
    assert not pane.mark_actions["person"].isEnabled()
    menu.deleteLater()


MEMBERS = """ date 2024-05 Antwoord op vragen van het lid Van der Lee

Vragen van het lid Van der Lee (GroenLinks-PvdA) aan de minister. Het Zeewindberaad vroeg ook.
"""


@pytest.fixture
def window(qtbot, tmp_path: Path, settings):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "vragen.txt").write_text(MEMBERS, "utf-8")
    made = open_window(qtbot, tmp_path, settings, [folder])
    qtbot.waitUntil(lambda: made.library_size() == 1, timeout=30_000)
    qtbot.waitUntil(lambda: not made.progress.isVisible(), timeout=30_000)
    yield made
    close_window(qtbot, made)


def document_items(window, kind: str) -> dict[str, EntityItem]:
    return {item.name: item for item in window.panels[kind]._document_model.items()}


def test_the_window_shows_evidence_and_marks_a_selection(qtbot, window, tmp_path: Path) -> None:
    with qtbot.waitSignal(window.document_shown, timeout=30_000):
        window.open_document(str(tmp_path / "docs" / "vragen.txt"))
    member = document_items(window, "person")["Van der Lee"]
    evidence = Evidence.from_json(member.evidence)
    assert evidence is not None and evidence.code == "member"
    assert "Zeewindberaad" not in document_items(window, "org")

    assert window.reader.scroll_to_text("Zeewindberaad")
    window.reader.context_menu().deleteLater()
    window.reader.mark_actions["org"].trigger()
    qtbot.waitUntil(lambda: "Zeewindberaad" in document_items(window, "org"), timeout=30_000)
    marked = Evidence.from_json(document_items(window, "org")["Zeewindberaad"].evidence)
    assert marked is not None and marked.code == "marked"
