"""Active filters as removable chips, plus the sort order and an optional month range."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from briefing_app.ui.month_range import parse_month, step_month

ENTITY_KINDS = ("person", "country", "org")
DATE_KIND = "date"


class MonthEdit(QLineEdit):
    """A month: type a year ("2017": its first month, or its last in a To field) or a month
    ("2017-03"), applied with Enter or on leaving the field; ↑/↓ step a month."""

    month_changed = Signal(str)  # "YYYY-MM", as the user changed it

    def __init__(self, name: str, accessible: str, *, end: bool, parent: QWidget) -> None:
        super().__init__(parent)
        self._end = end
        self._month = ""
        self.setObjectName(name)
        self.setAccessibleName(accessible)
        self.setPlaceholderText(self.tr("YYYY-MM"))
        self.setToolTip(self.tr("A year (2017) or a month (2017-03); ↑/↓ step a month"))
        self.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9 ./-]{0,10}"), self))
        self.setFixedWidth(self.fontMetrics().horizontalAdvance("0000-00") + 24)
        self.editingFinished.connect(self._apply)

    def month(self) -> str:
        """The month applied ("YYYY-MM"), "" when none."""
        return self._month

    def set_month(self, month: str | None) -> None:
        """Shows this month (no signal)."""
        self._month = parse_month(month or "") or ""
        self.setText(self._month)

    def _apply(self) -> None:
        typed = parse_month(self.text(), end=self._end)
        if typed is None:  # not a month: back to the one applied
            self.setText(self._month)
            return
        self.setText(typed)
        if typed != self._month:
            self._month = typed
            self.month_changed.emit(typed)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = {Qt.Key.Key_Up: 1, Qt.Key.Key_Down: -1}.get(Qt.Key(event.key()))
        start = parse_month(self.text(), end=self._end) or self._month
        if step is not None and start:
            self.setText(step_month(start, step))
            self._apply()
            return
        super().keyPressEvent(event)


class Chip(QFrame):
    """One active filter: its label and a × button that removes it."""

    remove_clicked = Signal(str, str)  # kind, key

    def __init__(self, kind: str, key: str, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.key = key
        self.label = label
        self.setObjectName("filterChip")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # palette(...) keeps the chip right in both light and dark themes.
        self.setStyleSheet(
            "QFrame#filterChip { border: 1px solid palette(mid); border-radius: 9px;"
            " background: palette(alternate-base); }"
        )
        self.setAccessibleName(self.tr("Filter {label}").format(label=label))
        self.setToolTip(self._kind_label(kind) + ": " + label)

        text = QLabel(label, self)
        text.setTextFormat(Qt.TextFormat.PlainText)
        self.remove_button = QToolButton(self)
        self.remove_button.setObjectName("removeFilterButton")
        self.remove_button.setText("×")
        self.remove_button.setAutoRaise(True)
        self.remove_button.setAccessibleName(self.tr("Remove filter {label}").format(label=label))
        self.remove_button.setToolTip(self.tr("Remove filter {label}").format(label=label))
        self.remove_button.clicked.connect(lambda: self.remove_clicked.emit(self.kind, self.key))

        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(text)
        layout.addWidget(self.remove_button)

    def _kind_label(self, kind: str) -> str:
        return {
            "person": self.tr("Person"),
            "country": self.tr("Country"),
            "org": self.tr("Organization"),
            DATE_KIND: self.tr("Date range"),
        }.get(kind, kind)


class FilterBar(QWidget):
    """filters_changed fires once for every change (chips, sort or dates): re-search on it."""

    filters_changed = Signal()
    sort_changed = Signal(str)  # "relevance" | "date" | "oldest" | "title"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self._chips: list[Chip] = []
        self._date_chip: Chip | None = None

        self._chip_row = QHBoxLayout()
        self._chip_row.setContentsMargins(0, 0, 0, 0)
        self._chip_row.setSpacing(4)
        self._empty_label = QLabel(self.tr("No filters"), self)
        self._empty_label.setEnabled(False)  # drawn muted by the style
        self._chip_row.addWidget(self._empty_label)

        self.date_toggle = QCheckBox(self.tr("Date range"), self)
        self.date_toggle.setObjectName("dateRangeToggle")
        # The library's span until the user chooses (set_date_span).
        self.date_from = MonthEdit("dateFrom", self.tr("From month"), end=False, parent=self)
        self.date_to = MonthEdit("dateTo", self.tr("To month"), end=True, parent=self)
        self.date_from.setEnabled(False)
        self.date_to.setEnabled(False)
        self._dash = QLabel("–", self)

        self.sort_combo = QComboBox(self)
        self.sort_combo.setObjectName("sortOrder")
        self.sort_combo.setAccessibleName(self.tr("Sort order"))
        self.sort_combo.addItem(self.tr("Relevance"), "relevance")
        self.sort_combo.addItem(self.tr("Newest first"), "date")
        self.sort_combo.addItem(self.tr("Oldest first"), "oldest")
        self.sort_combo.addItem(self.tr("Title"), "title")

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._chip_row)
        layout.addStretch(1)
        layout.addWidget(self.date_toggle)
        layout.addWidget(self.date_from)
        layout.addWidget(self._dash)
        layout.addWidget(self.date_to)
        sort_label = QLabel(self.tr("Sort:"), self)
        sort_label.setBuddy(self.sort_combo)
        layout.addWidget(sort_label)
        layout.addWidget(self.sort_combo)

        self.date_toggle.toggled.connect(self._on_date_toggled)
        self.date_from.month_changed.connect(self._on_date_edited)
        self.date_to.month_changed.connect(self._on_date_edited)
        self.sort_combo.currentIndexChanged.connect(self._on_sort_changed)

    # -- entity filters -------------------------------------------------------------------

    def add_filter(self, kind: str, key: str, label: str) -> bool:
        """Adds a chip; False (and no signal) when that filter is already active."""
        if kind not in ENTITY_KINDS:
            raise ValueError(f"unknown filter kind {kind!r}")
        if any(chip.kind == kind and chip.key == key for chip in self._chips):
            return False
        chip = self._new_chip(kind, key, label)
        self._chips.append(chip)
        self._chip_row.insertWidget(len(self._chips) - 1, chip)
        self._update_empty_label()
        self.filters_changed.emit()
        return True

    def remove_filter(self, kind: str, key: str) -> bool:
        if kind == DATE_KIND:
            was_on = self.date_toggle.isChecked()
            self.date_toggle.setChecked(False)  # emits filters_changed via the toggle
            return was_on
        for chip in self._chips:
            if chip.kind == kind and chip.key == key:
                self._chips.remove(chip)
                self._drop_chip(chip)
                self._update_empty_label()
                self.filters_changed.emit()
                return True
        return False

    def correct_filter(self, kind: str, key: str, new_key: str | None, label: str) -> bool:
        """The entity `key` was renamed or merged into `new_key` (None: hidden): its chip
        follows, in its place (or goes); filters_changed when there was one."""
        chip = next((c for c in self._chips if c.kind == kind and c.key == key), None)
        if chip is None:
            return False
        at = self._chips.index(chip)
        self._chips.remove(chip)
        self._drop_chip(chip)
        if new_key is not None and not any(
            c.kind == kind and c.key == new_key for c in self._chips
        ):
            replacement = self._new_chip(kind, new_key, label)
            self._chips.insert(at, replacement)
            self._chip_row.insertWidget(at, replacement)
        self._update_empty_label()
        self.filters_changed.emit()
        return True

    def clear_filters(self) -> None:
        """Removes every chip, the date range included; one filters_changed if anything went."""
        changed = bool(self._chips) or self.date_toggle.isChecked()
        for chip in self._chips:
            self._drop_chip(chip)
        self._chips = []
        self.date_toggle.blockSignals(True)
        self.date_toggle.setChecked(False)
        self.date_toggle.blockSignals(False)
        self._sync_date_widgets()
        if changed:
            self.filters_changed.emit()

    def filters(self) -> list[tuple[str, str, str]]:
        """The entity filters (kind, key, label) in the order added; see date_range() for dates."""
        return [(chip.kind, chip.key, chip.label) for chip in self._chips]

    def chips(self) -> list[Chip]:
        """Every visible chip, the date chip last."""
        return [*self._chips, *([self._date_chip] if self._date_chip else [])]

    def _new_chip(self, kind: str, key: str, label: str) -> Chip:
        chip = Chip(kind, key, label, self)
        chip.remove_clicked.connect(self.remove_filter)
        return chip

    def _drop_chip(self, chip: Chip) -> None:
        self._chip_row.removeWidget(chip)
        chip.hide()
        chip.deleteLater()

    def _update_empty_label(self) -> None:
        self._empty_label.setVisible(not self.chips())

    # -- sort -----------------------------------------------------------------------------

    def sort(self) -> str:
        return str(self.sort_combo.currentData())

    def set_sort(self, key: str) -> None:
        index = self.sort_combo.findData(key)
        if index >= 0:
            self.sort_combo.setCurrentIndex(index)

    def _on_sort_changed(self, _index: int) -> None:
        self.sort_changed.emit(self.sort())
        self.filters_changed.emit()

    # -- date range -----------------------------------------------------------------------

    def date_range(self) -> tuple[str | None, str | None]:
        """("YYYY-MM", "YYYY-MM") inclusive when the range is on, else (None, None)."""
        if not self.date_toggle.isChecked():
            return (None, None)
        return (self.date_from.month() or None, self.date_to.month() or None)

    def set_date_span(self, first: str | None, last: str | None) -> None:
        """The library's first and last month: the range's months while it is off (so it
        starts out finding everything)."""
        if not self.date_toggle.isChecked():
            self.date_from.set_month(first)
            self.date_to.set_month(last)

    def set_date_range(self, date_from: str | None, date_to: str | None) -> None:
        """Turns the range on with these months ("YYYY-MM" or "YYYY"), or off when both are
        None."""
        start = parse_month(date_from or "")
        end = parse_month(date_to or "", end=True)
        if start:
            self.date_from.set_month(start)
        if end:
            self.date_to.set_month(end)
        self._order_dates(moved=self.date_from)
        on = bool(start or end)
        if on != self.date_toggle.isChecked():
            self.date_toggle.setChecked(on)  # emits filters_changed
        elif on:
            self._sync_date_widgets()
            self.filters_changed.emit()

    def _on_date_toggled(self, _on: bool) -> None:
        self._sync_date_widgets()
        self.filters_changed.emit()

    def _on_date_edited(self, _month: str) -> None:
        sender = self.sender()
        self._order_dates(moved=sender if isinstance(sender, MonthEdit) else self.date_from)
        if self.date_toggle.isChecked():
            self._sync_date_widgets()
            self.filters_changed.emit()

    def _order_dates(self, moved: MonthEdit) -> None:
        # A range never runs backwards: the other end follows the one the user moved.
        start, end = self.date_from.month(), self.date_to.month()
        if not start or not end or start <= end:
            return
        other = self.date_to if moved is self.date_from else self.date_from
        other.set_month(moved.month())

    def _sync_date_widgets(self) -> None:
        on = self.date_toggle.isChecked()
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        if self._date_chip is not None:
            self._chip_row.removeWidget(self._date_chip)
            self._date_chip.hide()
            self._date_chip.deleteLater()
            self._date_chip = None
        if on:
            start, end = self.date_range()
            label = start if start == end else f"{start or '…'} – {end or '…'}"
            self._date_chip = self._new_chip(DATE_KIND, "range", label or "")
            self._chip_row.insertWidget(len(self._chips), self._date_chip)
        self._update_empty_label()
