"""The Bookmarks panel: model, filters (text, tag, document, entity) and its requests."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from briefing_app.bookmarks import Anchor, Bookmark, BookmarkStatus
from briefing_app.ui.bookmarks_panel import BookmarkRole, BookmarksModel, BookmarksPanel


def make(quote: str, path: str, **fields: object) -> Bookmark:
    return Bookmark("h", path, Anchor(quote, "", "", 0, len(quote), "h"), **fields)  # type: ignore[arg-type]


BOOKMARKS = [
    make(
        "Rutte sprak met de NCTV",
        "/a.txt",
        doc_title="Dreiging",
        note="Zie **bijlage**",
        tags=("veiligheid",),
        entities=("person:Mark Rutte", "org:NCTV"),
        id="b1",
    ),
    make(
        "Hulp aan Jordanië 👍🏽",
        "/b.txt",
        doc_title="Hulp",
        tags=("Migratie", "hulp"),
        entities=("country:JO",),
        id="b2",
    ),
    make(
        "Een verdwenen passage", "/b.txt", doc_title="Hulp", status=BookmarkStatus.ORPHANED, id="b3"
    ),
    make(
        "Nieuwe tekst",
        "/a.txt",
        doc_title="Dreiging",
        status=BookmarkStatus.APPROXIMATE,
        previous_quote="Oude tekst",
        id="b4",
    ),
]


@pytest.fixture
def panel(qtbot) -> BookmarksPanel:
    made = BookmarksPanel()
    qtbot.addWidget(made)
    made.set_entity_label(lambda e: {"country:JO": "Jordanië"}.get(e, e.partition(":")[2]))
    made.set_bookmarks(
        BOOKMARKS,
        [("veiligheid", 1), ("Migratie", 1), ("hulp", 1)],
        {"person:Mark Rutte": 1, "org:NCTV": 1, "country:JO": 1},
    )
    return made


def ids(panel: BookmarksPanel) -> list[str]:
    return [b.id for b in panel.visible_bookmarks()]


def test_the_models_pass_the_model_tester(qtmodeltester, panel: BookmarksPanel) -> None:
    qtmodeltester.check(panel.model)
    qtmodeltester.check(panel.proxy)
    qtmodeltester.check(BookmarksModel())


def test_rows_show_quote_document_note_tags_and_status(panel: BookmarksPanel) -> None:
    model = panel.model
    first = model.data(model.index(0, 0))
    assert "Rutte sprak met de NCTV" in first and "Dreiging" in first and "#veiligheid" in first
    assert model.index(1, 0).data(BookmarkRole.TagsRole) == ["Migratie", "hulp"]
    assert "orphaned" in model.index(2, 0).data()
    approximate = model.index(3, 0).data()
    assert "Oude tekst" in approximate and "Nieuwe tekst" in approximate
    assert model.index(2, 0).data(BookmarkRole.StatusRole) == "orphaned"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("jordanie", ["b2"]),
        ("BIJLAGE", ["b1"]),
        ("migratie", ["b2"]),
        ("verdwenen", ["b3"]),
        ("", ["b1", "b2", "b3", "b4"]),
    ],
)
def test_the_filter_box_searches_quotes_notes_and_tags(panel, text, expected) -> None:
    panel.filter_edit.setText(text)
    assert ids(panel) == expected


@pytest.mark.parametrize(
    ("entity", "expected"),
    [
        ("org:NCTV", ["b1"]),
        ("nctv", ["b1"]),
        ("Rutte", ["b1"]),
        ("Jordanië", ["b2"]),
        ("jordanie", ["b2"]),
        ("country:JO", ["b2"]),
        ("Canada", []),
    ],
)
def test_the_entity_filter_finds_bookmarks_that_mention_it(panel, entity, expected) -> None:
    panel.set_entity_filter(entity)
    assert ids(panel) == expected


def test_tag_and_document_filters_combine(panel: BookmarksPanel) -> None:
    assert panel.set_tag_filter("hulp")
    assert ids(panel) == ["b2"]
    panel.set_tag_filter("")
    panel.set_current_document("/a.txt")
    assert ids(panel) == ["b1", "b2", "b3", "b4"]  # only when asked
    panel.document_only.setChecked(True)
    assert ids(panel) == ["b1", "b4"]


def test_the_entity_list_offers_names_with_counts(panel: BookmarksPanel) -> None:
    labels = [panel.entity_combo.itemText(i) for i in range(panel.entity_combo.count())]
    assert "Jordanië (1)" in labels and "NCTV (1)" in labels


def test_clicking_and_the_context_menu_emit_requests(qtbot, panel: BookmarksPanel) -> None:
    with qtbot.waitSignal(panel.bookmark_activated) as opened:
        panel.view.activated.emit(panel.proxy.index(1, 0))
    assert opened.args[0].id == "b2"
    menu = panel.context_menu(BOOKMARKS[2])
    actions = {a.text().replace("&", ""): a for a in menu.actions() if a.text()}
    for text, signal in (
        ("Delete", panel.delete_requested),
        ("Re-attach to selection", panel.reattach_requested),
        ("Edit note…", panel.edit_requested),
    ):
        with qtbot.waitSignal(signal) as asked:
            actions[text].trigger()
        assert asked.args[0].id == "b3"
    menu.deleteLater()


def test_notes_are_shown_rendered_not_as_markdown(panel: BookmarksPanel) -> None:
    # Issue 19, bug 13: the list showed "Zie **bijlage**".
    first = panel.model.index(0, 0).data()
    assert "Zie bijlage" in first and "**" not in first
    tooltip = panel.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "<b>bijlage</b>" in tooltip or "font-weight" in tooltip


def test_the_delete_key_asks_to_delete_the_current_bookmark(qtbot, panel: BookmarksPanel) -> None:
    # Issue 19, bug 13: Delete did nothing in the list.
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.select_bookmark("b2")
    panel.activateWindow()
    panel.view.setFocus()
    qtbot.waitUntil(panel.view.hasFocus, timeout=1000)
    with qtbot.waitSignal(panel.delete_requested, timeout=1000) as asked:
        qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert asked.args[0].id == "b2"
