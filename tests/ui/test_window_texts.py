"""What the window says, put together outside it: the result count, the spelling suggestion,
an import's summary, an entity correction's message and the Undo action's name. English here;
tests/ui/test_i18n.py checks that the texts keep the window's translation context."""

from __future__ import annotations

from briefing_app.library import CorrectionChange, ImportReport
from briefing_app.library.analysis import FailedFile
from briefing_app.search import SearchResults
from briefing_app.ui.entity_corrections import applied_message, undo_text
from briefing_app.ui.importing import import_summary
from briefing_app.ui.result_texts import suggestion_html


def results(
    total: int, documents: int | None = None, suggestion: str | None = None
) -> SearchResults:
    return SearchResults("q", total, 1.0, [], suggestion=suggestion, total_documents=documents)


def test_suggestion_is_a_link_with_its_text_escaped(qapp) -> None:
    html = suggestion_html("a<b & c")
    assert html == 'Did you mean <a href="suggest">a&lt;b &amp; c</a>?'


def test_import_summary_counts_each_outcome_and_says_cancelled(qapp) -> None:
    report = ImportReport(added=["a", "b"], updated=["c"], failed=[FailedFile("d", "bad")])
    assert import_summary(report) == "2 added, 1 updated, 0 unchanged, 0 removed, 1 failed"
    report.cancelled = True
    assert import_summary(report).startswith("Import cancelled: 2 added")


def change(action: str, value: str = "") -> CorrectionChange:
    return CorrectionChange(action, "org", "NAVO", value, (), ())


def test_correction_messages_name_the_entities(qapp) -> None:
    def name_of(kind: str, key: str) -> str:
        return {"NAVO": "NATO", "EU": "European Union"}.get(key, key)

    assert applied_message(change("hide"), name_of) == "“NATO” is hidden."
    assert applied_message(change("merge", "EU"), name_of) == "Merged “NATO” into “European Union”."
    assert applied_message(change("rename", "Nato"), name_of) == "Renamed “NATO” to “Nato”."


def test_undo_names_what_it_takes_back(qapp) -> None:
    assert undo_text(None) == "U&ndo delete bookmark"
    assert undo_text(change("hide")) == "U&ndo hide"
    assert undo_text(change("merge", "EU")) == "U&ndo merge"
    assert undo_text(change("rename", "Nato")) == "U&ndo rename"
