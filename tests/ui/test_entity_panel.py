"""An entity side panel: scope toggle, filter box, click to filter, context-menu corrections."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeView

from briefing_app.ui.entity_panel import EntityPanel, mentions_query
from briefing_app.ui.models import EntityItem

DOC_ORGS = [
    EntityItem("org", "navo", "NAVO", 3, ("NATO",)),
    EntityItem("org", "eu", "Europese Unie", 7, ("EU",)),
]
RESULT_ORGS = [
    EntityItem("org", "vn", "Verenigde Naties", 12, ("VN",)),
    EntityItem("org", "navo", "NAVO", 9, ("NATO",)),
    EntityItem("org", "eu", "Europese Unie", 30, ("EU",)),
]


@pytest.fixture
def panel(qtbot) -> EntityPanel:
    widget = EntityPanel("org", "Organizations", "organizationsPanel")
    qtbot.addWidget(widget)
    widget.resize(300, 400)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_document_entities(DOC_ORGS)
    widget.set_result_entities(RESULT_ORGS)
    return widget


def listed(panel: EntityPanel) -> list[str]:
    return [panel.proxy.index(r, 0).data() for r in range(panel.proxy.rowCount())]


def row_rect(panel: EntityPanel, name: str):
    row = listed(panel).index(name)
    return panel.view.visualRect(panel.proxy.index(row, 0))


def test_inner_list_is_named_for_automation(panel: EntityPanel) -> None:
    view = panel.findChild(QTreeView, "organizationsPanelList")
    assert view is panel.view
    assert view.accessibleName() == "Organizations"


def test_document_scope_is_default_sorted_by_count(panel: EntityPanel) -> None:
    assert panel.scope() == "document"
    assert listed(panel) == ["Europese Unie", "NAVO"]


def test_toggle_switches_between_document_and_results(qtbot, panel: EntityPanel) -> None:
    with qtbot.waitSignal(panel.scope_changed) as scope:
        qtbot.mouseClick(panel.results_button, Qt.MouseButton.LeftButton)
    assert scope.args == ["results"]
    assert listed(panel) == ["Europese Unie", "Verenigde Naties", "NAVO"]
    assert panel.proxy.index(0, 1).data() == "30"
    qtbot.mouseClick(panel.document_button, Qt.MouseButton.LeftButton)
    assert panel.scope() == "document"
    assert listed(panel) == ["Europese Unie", "NAVO"]


def test_filter_box_narrows_the_list(qtbot, panel: EntityPanel) -> None:
    qtbot.keyClicks(panel.filter_box, "nav")
    assert listed(panel) == ["NAVO"]
    panel.filter_box.clear()
    assert listed(panel) == ["Europese Unie", "NAVO"]


def test_filter_survives_a_scope_switch(panel: EntityPanel) -> None:
    panel.filter_box.setText("vn")
    assert listed(panel) == []
    panel.set_scope("results")
    assert listed(panel) == ["Verenigde Naties"]


def test_click_activates_the_entity(qtbot, panel: EntityPanel) -> None:
    with qtbot.waitSignal(panel.entity_activated) as activated:
        qtbot.mouseClick(
            panel.view.viewport(), Qt.MouseButton.LeftButton, pos=row_rect(panel, "NAVO").center()
        )
    assert activated.args == ["org", "navo", "NAVO"]


def test_enter_activates_and_selection_highlights(qtbot, panel: EntityPanel) -> None:
    panel.view.setFocus()
    with qtbot.waitSignal(panel.entity_selected) as selected:
        panel.select_key("navo")
    assert selected.args == ["org", "navo", ("NAVO", "NATO")]
    with qtbot.waitSignal(panel.entity_activated) as activated:
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert activated.args == ["org", "navo", "NAVO"]


@pytest.mark.parametrize(
    ("action_name", "signal_name", "expected"),
    [
        ("rename_action", "rename_requested", ["org", "navo", "NAVO"]),
        ("merge_action", "merge_requested", ["org", "navo", "NAVO"]),
        ("hide_action", "hide_requested", ["org", "navo"]),
        ("search_action", "search_requested", ['"NAVO" OR "NATO"']),
        ("add_filter_action", "entity_activated", ["org", "navo", "NAVO"]),
    ],
)
def test_context_menu_actions_emit_requests(
    qtbot, panel: EntityPanel, action_name: str, signal_name: str, expected: list
) -> None:
    action = getattr(panel, action_name)
    assert not action.isEnabled()  # nothing selected yet
    panel.select_key("navo")
    assert action.isEnabled()
    with qtbot.waitSignal(getattr(panel, signal_name)) as blocker:
        action.trigger()
    assert blocker.args == expected


def test_context_menu_lists_the_corrections(panel: EntityPanel) -> None:
    texts = [action.text() for action in panel.context_actions()]
    assert texts == ["Add as filter", "Rename…", "Merge into…", "Hide", "Search for mentions"]


@pytest.mark.parametrize(
    ("entity_type", "title", "scope", "document", "expected"),
    [
        ("person", "People", "document", [], "No people in this document"),
        ("country", "Countries", "document", [], "No countries in this document"),
        ("org", "Organizations", "results", [], "No organizations in these results"),
        ("person", "People", "document", None, "No document open"),
    ],
)
def test_empty_states_explain_themselves(
    qtbot, entity_type: str, title: str, scope: str, document, expected: str
) -> None:
    panel = EntityPanel(entity_type, title, f"{title.lower()}Panel")
    qtbot.addWidget(panel)
    panel.show()
    panel.set_document_entities(document)
    panel.set_result_entities([])
    panel.set_scope(scope)
    assert panel.placeholder.isVisible()
    assert panel.placeholder.text() == expected


def test_filter_with_no_match_says_so(panel: EntityPanel) -> None:
    panel.filter_box.setText("xyz")
    assert panel.placeholder.isVisible()
    assert "xyz" in panel.placeholder.text()
    panel.filter_box.clear()
    assert panel.view.isVisible()


def test_mentions_query_quotes_each_surface() -> None:
    item = EntityItem("person", "rutte", 'Mark "M." Rutte', 2, ("Rutte",))
    assert mentions_query(item) == '"Mark M. Rutte" OR "Rutte"'
