"""The results and entity models: what the list views show, and that they obey Qt's rules."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QModelIndex, Qt

from briefing_app.search.types import SearchHit, SearchResults
from briefing_app.ui.models import (
    EntityFilterProxy,
    EntityItem,
    EntityListModel,
    EntityRole,
    ResultRole,
    ResultsModel,
    entity_items,
    fold_text,
)


def make_hit(n: int) -> SearchHit:
    return SearchHit(
        id=f"doc{n}",
        path=f"/library/doc{n}.md",
        title=f"Kabinet besluit {n}",
        date="2018-03",
        language="nl",
        score=1.0 / (n + 1),
        snippet=f"het <mark>kabinet</mark> besluit {n} &amp; meer",
        source="Rijksoverheid",
    )


def make_results(count: int, total: int | None = None) -> SearchResults:
    hits = [make_hit(n) for n in range(count)]
    return SearchResults(query="kabinet", total=total or count, took_ms=1.0, hits=hits)


ENTITIES = [
    EntityItem("org", "navo", "NAVO", 3, ("NATO", "Noord-Atlantische Verdragsorganisatie")),
    EntityItem("org", "eu", "Europese Unie", 7, ("EU",)),
    EntityItem("org", "vn", "Verenigde Naties", 3, ("VN",)),
    EntityItem("country", "CI", "Côte d'Ivoire", 1),
    EntityItem("person", "blok", "Stef Blok", 5, ("Blok",)),
]


# -- ResultsModel ---------------------------------------------------------------------------


def test_results_model_passes_modeltester_through_reset_and_append(qtmodeltester) -> None:
    model = ResultsModel()
    qtmodeltester.check(model)
    model.reset_results(make_results(20, total=45))
    qtmodeltester.check(model)
    model.append_hits([make_hit(n) for n in range(20, 40)])
    qtmodeltester.check(model)
    model.clear()
    qtmodeltester.check(model)


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (Qt.ItemDataRole.DisplayRole, "Kabinet besluit 2"),
        (Qt.ItemDataRole.ToolTipRole, "/library/doc2.md"),
        (ResultRole.IdRole, "doc2"),
        (ResultRole.TitleRole, "Kabinet besluit 2"),
        (ResultRole.DateRole, "2018-03"),
        (ResultRole.SourceRole, "Rijksoverheid"),
        (ResultRole.SnippetRole, "het <mark>kabinet</mark> besluit 2 &amp; meer"),
        (ResultRole.PathRole, "/library/doc2.md"),
        (ResultRole.LanguageRole, "nl"),
    ],
)
def test_results_model_roles(role: int, expected: str) -> None:
    model = ResultsModel()
    model.reset_results(make_results(5))
    assert model.index(2, 0).data(role) == expected


def test_hit_role_and_lookups() -> None:
    model = ResultsModel()
    model.reset_results(make_results(5))
    hit = model.index(3, 0).data(ResultRole.HitRole)
    assert isinstance(hit, SearchHit) and hit.id == "doc3"
    assert model.hit_at(3) is hit
    assert model.hit_at(5) is None and model.hit_at(-1) is None
    assert model.row_of("doc4") == 4
    assert model.row_of("missing") == -1
    assert b"snippet" in model.roleNames().values()


def test_lazy_loading_asks_once_per_page_and_stops_at_total(qtbot) -> None:
    model = ResultsModel()
    model.reset_results(make_results(20, total=45))
    assert model.total == 45 and model.rowCount() == 20
    assert model.canFetchMore(QModelIndex())

    asked: list[int] = []
    model.more_wanted.connect(asked.append)
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())  # the view scrolls on: no second request for the same page
    assert asked == [20]

    model.append_hits([make_hit(n) for n in range(20, 40)])
    model.fetchMore(QModelIndex())
    assert asked == [20, 40]
    model.append_hits([make_hit(n) for n in range(40, 45)])
    assert model.rowCount() == 45
    assert not model.canFetchMore(QModelIndex())


def test_new_result_set_forgets_pending_page_request() -> None:
    model = ResultsModel()
    asked: list[int] = []
    model.more_wanted.connect(asked.append)
    model.reset_results(make_results(20, total=100))
    model.fetchMore(QModelIndex())
    model.reset_results(make_results(20, total=100))  # a new query before the page arrived
    model.fetchMore(QModelIndex())
    assert asked == [20, 20]


def test_append_skips_hits_already_listed() -> None:
    model = ResultsModel()
    model.reset_results(make_results(3, total=6))
    model.append_hits([make_hit(2), make_hit(3)])
    assert [model.hit_at(r).id for r in range(model.rowCount())] == [  # type: ignore[union-attr]
        "doc0",
        "doc1",
        "doc2",
        "doc3",
    ]


# -- entity models --------------------------------------------------------------------------


def make_proxy(items: list[EntityItem] = ENTITIES) -> tuple[EntityListModel, EntityFilterProxy]:
    model = EntityListModel()
    model.set_items(items)
    proxy = EntityFilterProxy()
    proxy.setSourceModel(model)
    return model, proxy


def names(proxy: EntityFilterProxy) -> list[str]:
    return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]


def test_entity_models_pass_modeltester(qtmodeltester) -> None:
    model, proxy = make_proxy()
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    proxy.set_filter_text("nav")
    qtmodeltester.check(proxy)
    model.set_items(ENTITIES[:2])
    qtmodeltester.check(proxy)
    model.set_items([])
    qtmodeltester.check(model)


def test_entity_columns_show_name_and_right_aligned_count() -> None:
    model, _ = make_proxy()
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Name"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Count"
    assert model.index(1, 0).data() == "Europese Unie"
    assert model.index(1, 1).data() == "7"
    assert model.index(1, 1).data(EntityRole.SortRole) == 7
    alignment = Qt.AlignmentFlag(model.index(1, 1).data(Qt.ItemDataRole.TextAlignmentRole))
    assert alignment & Qt.AlignmentFlag.AlignRight
    assert "NATO" in model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert model.item_at(4) == ENTITIES[4] and model.item_at(9) is None


def test_default_sort_is_count_descending_then_name() -> None:
    _, proxy = make_proxy()
    assert names(proxy) == [
        "Europese Unie",
        "Stef Blok",
        "NAVO",
        "Verenigde Naties",
        "Côte d'Ivoire",
    ]


def test_sort_by_count_is_numeric_not_textual() -> None:
    items = [EntityItem("org", str(n), f"Org {n}", n) for n in (2, 10, 100, 9)]
    _, proxy = make_proxy(items)
    proxy.sort(1, Qt.SortOrder.AscendingOrder)
    assert names(proxy) == ["Org 2", "Org 9", "Org 10", "Org 100"]


def test_sort_by_name_ignores_case_and_accents_and_equal_counts_read_a_to_z() -> None:
    rows = [("a", "zeta", 1), ("b", "Émile", 2), ("c", "alpha", 2), ("d", "Beta", 1)]
    _, proxy = make_proxy([EntityItem("org", key, name, count) for key, name, count in rows])
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    assert names(proxy) == ["alpha", "Beta", "Émile", "zeta"]
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    assert names(proxy) == ["zeta", "Émile", "Beta", "alpha"]
    proxy.sort(1, Qt.SortOrder.AscendingOrder)
    assert names(proxy) == ["Beta", "zeta", "alpha", "Émile"]
    proxy.sort(1, Qt.SortOrder.DescendingOrder)
    assert names(proxy) == ["alpha", "Émile", "Beta", "zeta"]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("nav", ["NAVO"]),
        ("NATO", ["NAVO"]),  # aliases count
        ("cote", ["Côte d'Ivoire"]),  # accents ignored
        ("CÔTE", ["Côte d'Ivoire"]),
        ("blok", ["Stef Blok"]),
        ("  unie ", ["Europese Unie"]),
        ("zzz", []),
        ("", ["Europese Unie", "Stef Blok", "NAVO", "Verenigde Naties", "Côte d'Ivoire"]),
    ],
)
def test_filter_is_case_and_accent_insensitive(typed: str, expected: list[str]) -> None:
    _, proxy = make_proxy()
    proxy.set_filter_text(typed)
    assert names(proxy) == expected


def test_entity_items_from_library_rows() -> None:
    from briefing_app.library.catalog import EntityRow

    rows = [EntityRow("person", "rutte", "Mark Rutte", 4, ("Rutte",))]
    [item] = entity_items(rows)
    assert item == EntityItem("person", "rutte", "Mark Rutte", 4, ("Rutte",))
    assert item.surfaces == ("Mark Rutte", "Rutte")


def test_fold_text() -> None:
    assert fold_text("Curaçao ÉÉN") == "curacao een"
