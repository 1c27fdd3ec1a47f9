"""An undated note takes the date it writes for itself: in its title, on a date line near the
start, or in its first lines; a date further on is about something else (issue 19, bug 15)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.documents import read_document


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "overleg.md",
            "# Overleg dinsdag 15 september 2020\n\nWe bespraken de begroting.\n",
            "2020-09-15",
        ),
        (
            "brief.txt",
            "Aan de Kamer\n\nDen Haag, 3 mei 2021\n\nHierbij stuur ik u de stukken.\n",
            "2021-05-03",
        ),
        ("memo.md", "Memo\n\nDatum: 12 augustus 2024\n\nOnderwerp: inkoop.\n", "2024-08-12"),
        ("note.md", "# Meeting notes\n\nSeptember 15, 2020. The board met.\n", "2020-09-15"),
    ],
)
def test_an_undated_note_takes_the_date_it_writes(
    tmp_path: Path, name: str, text: str, expected: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert read_document(path).date == expected


def test_a_date_later_in_the_text_is_not_the_notes_own(tmp_path: Path) -> None:
    path = tmp_path / "achtergrond.md"
    lead = (
        "# Achtergrond\n\n" + "Deze notitie beschrijft de voorgeschiedenis van het besluit. " * 12
    )
    path.write_text(lead + "\n\nHet kabinet besloot op 1 maart 2008 tot de aanschaf.\n", "utf-8")
    assert read_document(path).date is None


def test_a_date_the_header_or_front_matter_gives_wins(tmp_path: Path) -> None:
    release = tmp_path / "release.txt"
    release.write_text(" date 2024-05 Titel\n\nOp 3 mei 2021 gebeurde iets.\n", "utf-8")
    assert read_document(release).date == "2024-05"
    note = tmp_path / "note.md"
    note.write_text("---\ntitle: Notitie\ndate: 2023-01-10\n---\n\n15 september 2020.\n", "utf-8")
    assert read_document(note).date == "2023-01-10"
