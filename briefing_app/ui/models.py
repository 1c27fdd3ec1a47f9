"""Item models behind the results list and the entity panels.

Models only hold data handed to them; fetching more rows is a request (a signal) that the window
forwards to the search worker, so no model ever searches or does I/O itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)

from briefing_app.entities.evidence import Evidence
from briefing_app.folding import fold as fold_text
from briefing_app.search.types import SearchHit, SearchResults

if TYPE_CHECKING:
    from briefing_app.library import EntityRow

AnyIndex = QModelIndex | QPersistentModelIndex


class ResultRole(IntEnum):
    IdRole = Qt.ItemDataRole.UserRole + 1
    TitleRole = Qt.ItemDataRole.UserRole + 2
    DateRole = Qt.ItemDataRole.UserRole + 3
    SourceRole = Qt.ItemDataRole.UserRole + 4
    SnippetRole = Qt.ItemDataRole.UserRole + 5
    PathRole = Qt.ItemDataRole.UserRole + 6
    LanguageRole = Qt.ItemDataRole.UserRole + 7
    HitRole = Qt.ItemDataRole.UserRole + 8
    SimilarCountRole = Qt.ItemDataRole.UserRole + 9  # near duplicates collapsed into the hit
    ExpandedRole = Qt.ItemDataRole.UserRole + 10  # its similar ones are shown below it
    SimilarOfRole = Qt.ItemDataRole.UserRole + 11  # id of the hit a shown similar one is of


class ResultsModel(QAbstractListModel):
    """The hits of the current result set, loaded page by page as the view scrolls.

    A hit that stands for near duplicates (`SearchHit.similar_hits`) can be expanded: its
    similar documents are then rows of their own right below it, until it is collapsed again.
    Pages and the total count the hits only (the results as collapsed)."""

    # Offset of the next page to load; the window answers with append_hits().
    more_wanted = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []
        self._rows_by_id: dict[str, int] = {}
        self._similar_of: dict[str, str] = {}  # id of a shown similar row -> its hit's id
        self._loaded = 0  # hits loaded (rows, less the similar ones shown)
        self._total = 0
        self._query = ""
        self._requested_offset: int | None = None

    # -- data in --------------------------------------------------------------------------

    def reset_results(self, results: SearchResults) -> None:
        # The same query again (results refreshed while an import commits): hits that showed
        # their similar documents go on showing them.
        expanded = set()
        if results.query == self._query:
            expanded = {hit.id for row, hit in enumerate(self._hits) if self.is_expanded(row)}
        self.beginResetModel()
        self._hits = []
        self._rows_by_id = {}
        self._similar_of = {}
        self._loaded = 0
        self._total = results.total
        self._query = results.query
        self._requested_offset = None
        self._store(results.hits)
        if expanded:
            rows: list[SearchHit] = []
            for hit in self._hits:
                rows.append(hit)
                if hit.id in expanded:
                    rows.extend(hit.similar_hits)
                    self._similar_of.update((other.id, hit.id) for other in hit.similar_hits)
            self._hits = rows
            self._reindex_rows()
        self.endResetModel()

    def append_hits(self, hits: list[SearchHit]) -> None:
        # Drop hits already shown (a page may overlap if the index changed meanwhile).
        # (Or a document listed as similar to one shown: the groups changed meanwhile.)
        known = set(self._rows_by_id).union(self._similar_ids())
        fresh = [hit for hit in hits if hit.id not in known]
        self._requested_offset = None
        if not fresh:
            return
        first = len(self._hits)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        self._store(fresh)
        self.endInsertRows()

    def _similar_ids(self) -> Iterable[str]:
        return (other.id for hit in self._hits for other in hit.similar_hits)

    def clear(self) -> None:
        self.reset_results(SearchResults(query="", total=0, took_ms=0.0, hits=[]))

    def _store(self, hits: Iterable[SearchHit]) -> None:
        for hit in hits:
            self._rows_by_id[hit.id] = len(self._hits)
            self._hits.append(hit)
            self._loaded += 1
        # A page that came back short means the total was an over-estimate; trust the rows.
        self._total = max(self._total, self._loaded)

    # -- near duplicates ------------------------------------------------------------------

    def similar_count(self, row: int) -> int:
        hit = self.hit_at(row)
        return 0 if hit is None or self.similar_of(row) else len(hit.similar_hits)

    def similar_of(self, row: int) -> str:
        """Id of the hit whose similar document this row shows ("" for a hit)."""
        hit = self.hit_at(row)
        return "" if hit is None else self._similar_of.get(hit.id, "")

    def is_expanded(self, row: int) -> bool:
        hit = self.hit_at(row)
        if hit is None or not hit.similar_hits or self.similar_of(row):
            return False
        following = self.hit_at(row + 1)
        return following is not None and self._similar_of.get(following.id) == hit.id

    def set_expanded(self, row: int, expanded: bool) -> bool:
        """Shows (or hides) the similar documents of the hit at `row` as rows below it;
        False when there is nothing to change."""
        hit = self.hit_at(row)
        if hit is None or not self.similar_count(row) or expanded == self.is_expanded(row):
            return False
        others = hit.similar_hits
        if expanded:
            self.beginInsertRows(QModelIndex(), row + 1, row + len(others))
            self._hits[row + 1 : row + 1] = others
            self._similar_of.update((other.id, hit.id) for other in others)
            self._reindex_rows()
            self.endInsertRows()
        else:
            self.beginRemoveRows(QModelIndex(), row + 1, row + len(others))
            del self._hits[row + 1 : row + 1 + len(others)]
            for other in others:
                self._similar_of.pop(other.id, None)
            self._reindex_rows()
            self.endRemoveRows()
        changed = self.index(row, 0)
        self.dataChanged.emit(changed, changed, [ResultRole.ExpandedRole])
        return True

    def toggle_expanded(self, row: int) -> bool:
        return self.set_expanded(row, not self.is_expanded(row))

    def _reindex_rows(self) -> None:
        self._rows_by_id = {hit.id: row for row, hit in enumerate(self._hits)}

    # -- data out -------------------------------------------------------------------------

    @property
    def total(self) -> int:
        """Size of the whole result set; rowCount() is how many rows are loaded so far."""
        return self._total

    @property
    def query(self) -> str:
        return self._query

    @property
    def loaded(self) -> int:
        """Hits loaded so far (the rows, less the similar documents shown below a hit)."""
        return self._loaded

    def hit_at(self, row: int) -> SearchHit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def row_of(self, doc_id: str) -> int:
        """Row of the document, or -1 when it is not (yet) loaded."""
        return self._rows_by_id.get(doc_id, -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, ResultRole.TitleRole):
            return hit.title
        if role in (Qt.ItemDataRole.ToolTipRole, ResultRole.PathRole):
            return hit.path
        if role == Qt.ItemDataRole.AccessibleTextRole:
            parts = [hit.title, hit.date, hit.source]
            if self.similar_count(index.row()):
                parts.append(self.tr("%n similar", "", self.similar_count(index.row())))
            return ", ".join(part for part in parts if part)
        if role == ResultRole.SimilarCountRole:
            return self.similar_count(index.row())
        if role == ResultRole.ExpandedRole:
            return self.is_expanded(index.row())
        if role == ResultRole.SimilarOfRole:
            return self._similar_of.get(hit.id, "")
        return {
            ResultRole.IdRole: hit.id,
            ResultRole.DateRole: hit.date,
            ResultRole.SourceRole: hit.source,
            ResultRole.SnippetRole: hit.snippet,
            ResultRole.LanguageRole: hit.language,
            ResultRole.HitRole: hit,
        }.get(role)  # type: ignore[call-overload]

    def roleNames(self) -> dict[int, QByteArray]:
        names = super().roleNames()
        for role in ResultRole:
            names[int(role)] = QByteArray(role.name.removesuffix("Role").lower().encode())
        return names

    # -- lazy loading ---------------------------------------------------------------------

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return not parent.isValid() and self._loaded < self._total

    def fetchMore(self, parent: AnyIndex) -> None:
        if not self.canFetchMore(parent):
            return
        offset = self._loaded
        # The view calls fetchMore on every scroll step; ask the worker only once per page.
        if self._requested_offset == offset:
            return
        self._requested_offset = offset
        self.more_wanted.emit(offset)


@dataclass(frozen=True)
class EntityItem:
    type: str  # person | country | org
    key: str
    name: str
    count: int
    aliases: tuple[str, ...] = ()
    # Why it was recognised and its first mention (entities.evidence.Evidence as JSON); "" when
    # not known (the results' entities, a document analysed before evidence was kept).
    evidence: str = ""

    @property
    def surfaces(self) -> tuple[str, ...]:
        """The words that mention this entity in a text: name first, then the aliases."""
        return (self.name, *(alias for alias in self.aliases if alias != self.name))


def document_entity_items(
    rows: Iterable[EntityRow], kind: str, country_name: Callable[[str], str]
) -> list[EntityItem]:
    """A document's entities of one type, as its panel lists them (countries by their name
    in the window's language)."""
    return [
        EntityItem(
            row.type,
            row.key,
            country_name(row.key) if row.type == "country" else row.name,
            row.count,
            tuple(row.aliases),
            row.evidence,
        )
        for row in rows
        if row.type == kind
    ]


class _EntityRowLike(Protocol):
    type: str
    key: str
    name: str
    count: int
    aliases: tuple[str, ...]


def entity_items(rows: Iterable[_EntityRowLike]) -> list[EntityItem]:
    """Converts the library's EntityRow (or anything shaped like it) into EntityItems."""
    return [
        EntityItem(r.type, r.key, r.name, r.count, tuple(r.aliases), getattr(r, "evidence", ""))
        for r in rows
    ]


class EntityRole(IntEnum):
    SortRole = Qt.ItemDataRole.UserRole + 1  # the number for Count, the folded name for Name
    ItemRole = Qt.ItemDataRole.UserRole + 2
    KeyRole = Qt.ItemDataRole.UserRole + 3
    FilterRole = Qt.ItemDataRole.UserRole + 4  # folded name and aliases, for the filter box
    BookmarkCountRole = Qt.ItemDataRole.UserRole + 5  # bookmarks whose passage mentions it


_ENTITY_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ToolTipRole,
        *EntityRole,
    }
)


class EntityListModel(QAbstractTableModel):
    NAME_COLUMN = 0
    COUNT_COLUMN = 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[EntityItem] = []
        self._filter_keys: list[str] = []
        self._sort_keys: list[tuple[int, str]] = []
        self._bookmark_counts: dict[str, int] = {}  # folded "type:key" -> bookmarks

    def set_bookmark_counts(self, counts: dict[str, int]) -> None:
        """How many bookmarks mention each entity ("type:key" as the bookmark store counts)."""
        self._bookmark_counts = {fold_text(entity): count for entity, count in counts.items()}
        if self._items:
            last = self.index(len(self._items) - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def bookmark_count(self, item: EntityItem) -> int:
        return self._bookmark_counts.get(fold_text(f"{item.type}:{item.key}"), 0)

    def set_items(self, items: Sequence[EntityItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._filter_keys = [
            "\n".join(fold_text(s) for s in (item.name, *item.aliases)) for item in self._items
        ]
        self._sort_keys = [(item.count, fold_text(item.name)) for item in self._items]
        self.endResetModel()

    def sort_key(self, row: int) -> tuple[int, str]:
        """(count, folded name) of a row: what the proxy compares, read without data()."""
        return self._sort_keys[row]

    def items(self) -> list[EntityItem]:
        return list(self._items)

    def item_at(self, row: int) -> EntityItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else 2

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A view asks ~7 roles per cell as it paints (font, colours, check state...): answer
        # those this model has nothing for at once.
        if role not in _ENTITY_ROLES or not index.isValid():
            return None
        row = index.row()
        if not 0 <= row < len(self._items):
            return None
        item = self._items[row]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return item.name if column == self.NAME_COLUMN else str(item.count)
        if role == EntityRole.SortRole:
            count, folded_name = self._sort_keys[index.row()]
            return folded_name if column == self.NAME_COLUMN else count
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COUNT_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = item.name
            if item.aliases:
                tip = self.tr("{name}\nAlso written as: {aliases}").format(
                    name=item.name, aliases=", ".join(item.aliases)
                )
            bookmarks = self.bookmark_count(item)
            if bookmarks:
                tip += "\n" + self.tr("Mentioned in %n bookmark(s)", "", bookmarks)
            return tip + self._evidence_tip(item)
        if role == EntityRole.BookmarkCountRole:
            return self.bookmark_count(item)
        if role == EntityRole.ItemRole:
            return item
        if role == EntityRole.KeyRole:
            return item.key
        if role == EntityRole.FilterRole:
            return self._filter_keys[index.row()]
        return None

    def _evidence_tip(self, item: EntityItem) -> str:
        """The tooltip's lines on why the entity is listed: its first mention in context, and
        the cue that recognised it ("" when not known)."""
        evidence = Evidence.from_json(item.evidence)
        if evidence is None:
            return ""
        lines = []
        if evidence.mention:
            context = f"{evidence.before}«{evidence.mention}»{evidence.after}".strip()
            lines.append(self.tr("First mention: {context}").format(context=context))
        reason = self.reason_text(evidence.code, evidence.detail)
        if reason:
            lines.append(self.tr("Recognised by: {reason}").format(reason=reason))
        return "".join("\n" + line for line in lines)

    def reason_text(self, code: str, detail: str = "") -> str:
        """A reason code of entities.evidence in words, in the UI language."""
        if code == "title":
            return self.tr("title “{title}”").format(title=detail)
        texts = {
            "given-name": self.tr("a known first name"),
            "initials": self.tr("initials before a surname"),
            "role-after": self.tr("a role after the name"),
            "list": self.tr("a list of names"),
            "member": self.tr("member of parliament (“het lid …”)"),
            "party": self.tr("a party in parentheses after the name"),
            "known-person": self.tr("the surname of a person named before"),
            "country-name": self.tr("a country's name"),
            "nationality": self.tr("an adjective of nationality"),
            "government": self.tr("another country's ministry or department"),
            "gazetteer": self.tr("gazetteer of known organizations"),
            "acronym-defined": self.tr("acronym defined in the text"),
            "named-body": self.tr("a name with the word for a body (agency, council, fund…)"),
            "ministry": self.tr("a ministry named by its portfolio"),
            "parliament": self.tr("a parliament's name"),
            "apposition": self.tr("named after its kind"),
            "web-address": self.tr("a name given with its web address"),
            "minister-portfolio": self.tr("a minister's portfolio"),
            "roster": self.tr("the body under a name in a list of people"),
            "marked": self.tr("marked by you"),
        }
        return texts.get(code, "")

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or section not in (0, 1):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Name") if section == self.NAME_COLUMN else self.tr("Count")
        if role == Qt.ItemDataRole.TextAlignmentRole and section == self.COUNT_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class EntityFilterProxy(QSortFilterProxyModel):
    """Filters on name and aliases ignoring case and accents; sorts by count, then name."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self.setSortRole(EntityRole.SortRole)
        self.sort(EntityListModel.COUNT_COLUMN, Qt.SortOrder.DescendingOrder)

    def set_filter_text(self, text: str) -> None:
        needle = fold_text(text.strip())
        if needle == self._needle:
            return
        # Qt 6.10 replaced invalidateFilter() (now deprecated) with a begin/end pair.
        if hasattr(self, "endFilterChange"):
            self.beginFilterChange()
            self._needle = needle
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - Qt < 6.10
            self._needle = needle
            self.invalidateFilter()

    def filter_text(self) -> str:
        return self._needle

    def item_at(self, row: int) -> EntityItem | None:
        item = self.index(row, 0).data(EntityRole.ItemRole)
        return item if isinstance(item, EntityItem) else None

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        key = model.index(source_row, 0, source_parent).data(EntityRole.FilterRole)
        return isinstance(key, str) and self._needle in key

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:
        # Called n log n times per new result list (three panels per search): the keys come
        # straight from the model's list, not through data() (was most of a result's
        # handling on the GUI thread).
        model = self.sourceModel()
        if not isinstance(model, EntityListModel):
            return super().lessThan(left, right)
        left_count, left_name = model.sort_key(left.row())
        right_count, right_name = model.sort_key(right.row())
        if left.column() == EntityListModel.COUNT_COLUMN and left_count != right_count:
            return left_count < right_count
        if left.column() == EntityListModel.NAME_COLUMN and left_name != right_name:
            return left_name < right_name
        # Ties break on the name, always A to Z whichever way the main column is sorted.
        if self.sortOrder() == Qt.SortOrder.DescendingOrder:
            return left_name > right_name
        return left_name < right_name
