import hashlib
import html as html_module
import os
import re
from collections.abc import Callable
from pathlib import Path

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_app.documents import Document, DocumentError, DocumentKind, read_document
from briefing_app.documents.readers import parse_text
from tests.conftest import ENTITIES_DEV, REAL_RELEASES, SEED_DIR

HEADER = re.compile(r"^ ?date (\d{4}-\d{2}) (.+)$")


def assert_sections_consistent(doc: Document) -> None:
    for section in doc.sections:
        assert doc.text[section.start : section.end] == section.text
    assert doc.text == "\n\n".join(s.text for s in doc.sections)


# --- the project's test material (tests/data) ---------------------------------------------


def test_seed_press_release() -> None:
    (seed,) = sorted(SEED_DIR.glob("*.txt"))
    doc = read_document(seed)
    assert doc.title == "Koninklijke contraterrorismeconferentie in Nederland"
    assert doc.date == "2018-11"
    assert doc.language == "nl"
    assert doc.kind is DocumentKind.PRESS_RELEASE
    assert [s.text for s in doc.sections if s.kind == "heading"] == ["Aqaba-conferentie"]
    assert doc.text.startswith("De jihadistische terroristische dreiging")
    assert "date 2018-11" not in doc.text
    assert doc.warnings == ()
    assert_sections_consistent(doc)


@pytest.mark.parametrize("path", sorted(REAL_RELEASES.glob("*.txt")), ids=lambda p: p.name[:40])
def test_every_real_release_reads_cleanly(path: Path) -> None:
    raw_lines = path.read_text(encoding="utf-8").split("\n")
    header = HEADER.match(raw_lines[0])
    assert header is not None
    doc = read_document(path)

    assert (doc.date, doc.title) == (header.group(1), header.group(2).strip())
    assert doc.language == "nl"
    assert doc.kind is DocumentKind.PRESS_RELEASE
    assert doc.warnings == ()
    assert_sections_consistent(doc)

    has_credit = any(line.startswith("Beeld:") for line in raw_lines)
    has_documents = "Documenten" in raw_lines
    assert bool(doc.furniture) == (has_credit or has_documents)
    # Furniture stays readable but never leads the searchable text.
    first_paragraph = doc.searchable_text.split("\n\n")[0]
    assert first_paragraph == doc.sections[0].text or doc.sections[0].kind == "furniture"
    assert not first_paragraph.startswith(("Beeld:", "Documenten"))
    for line in doc.furniture:
        assert line in doc.text
        assert line not in doc.title
    if has_credit:
        assert "Beeld:" not in doc.searchable_text
    if has_documents:
        assert "Documenten" in doc.furniture
        assert not re.search(r"\| \d{2}-\d{2}-\d{4}", doc.searchable_text)


def test_real_release_headings_and_lead_in_lines() -> None:
    aangifte = read_document(REAL_RELEASES / "2018-02-28_aangiftecampagne-2018-van-start.txt")
    assert [s.text for s in aangifte.sections if s.kind == "heading"] == [
        "Goed kijken",
        "Hulp bij aangifte",
        "Aangifte doen",
    ]
    dekker = read_document(REAL_RELEASES / "2018-02-26_dekker-schrapt-notariskosten.txt")
    # "Minister Dekker:" introduces a quote; it is not a heading.
    assert not any(s.kind == "heading" for s in dekker.sections)


@pytest.mark.parametrize(
    ("name", "title", "date", "language", "source", "headings"),
    [
        (
            "2021-06-briefing-nato-summit.md",
            "Briefing: NATO summit preparations",
            "2021-06-10",
            "en",
            "Ministry of Foreign Affairs, The Hague",
            ["Summary", "Positions of allies", "Points for the Prime Minister"],
        ),
        (
            "2022-02-briefing-cyberdreiging.md",
            "Briefingnotitie: statelijke cyberdreiging",
            "2022-02-03",
            "nl",
            "Ministerie van Justitie en Veiligheid",
            ["Aanleiding", "Kern", "Gesprekspunten"],
        ),
    ],
)
def test_briefing_notes_with_front_matter(
    name: str, title: str, date: str, language: str, source: str, headings: list[str]
) -> None:
    doc = read_document(ENTITIES_DEV / name)
    assert (doc.title, doc.date, doc.language, doc.source) == (title, date, language, source)
    assert doc.kind is DocumentKind.BRIEFING_NOTE
    assert [s.text for s in doc.sections if s.kind == "heading"] == headings
    # The `# title` repeating the front matter is not body text, and markup is gone.
    assert title not in doc.text
    assert not re.search(r"\*\*|^#|^---", doc.text, re.MULTILINE)
    assert doc.markdown.startswith("## ")
    assert_sections_consistent(doc)


@pytest.mark.parametrize(
    ("name", "date", "language"),
    [
        ("2019-03-mali-vredesmissie.txt", "2019-03", "nl"),
        ("2020-04-corona-wereldwijd.txt", "2020-04", "nl"),
        ("2022-07-ukraine-accountability.txt", "2022-07", "en"),
    ],
)
def test_entity_dev_press_releases(name: str, date: str, language: str) -> None:
    doc = read_document(ENTITIES_DEV / name)
    assert (doc.date, doc.language, doc.kind) == (date, language, DocumentKind.PRESS_RELEASE)
    assert doc.title and doc.title in (ENTITIES_DEV / name).read_text(encoding="utf-8")


# --- press release format -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("first_line", "title", "date", "warnings"),
    [
        (" date 2018-11 Titel van het bericht", "Titel van het bericht", "2018-11", ()),
        ("date 2018-11 Zonder spatie vooraan", "Zonder spatie vooraan", "2018-11", ()),
        (" date 2018-11-05 Met een dag", "Met een dag", "2018-11-05", ()),
        (
            " date 2018-13 Onmogelijke maand",
            "Onmogelijke maand",
            None,
            ("impossible date 2018-13 in header",),
        ),
        (
            " date 2019-02-30 Onmogelijke dag",
            "Onmogelijke dag",
            None,
            ("impossible date 2019-02-30 in header",),
        ),
    ],
)
def test_press_release_header(
    first_line: str, title: str, date: str | None, warnings: tuple[str, ...]
) -> None:
    parsed = parse_text(f"{first_line}\n\nEerste alinea van de tekst.\n", suffix=".txt")
    assert (parsed.title, parsed.date, parsed.warnings) == (title, date, warnings)
    assert parsed.kind is DocumentKind.PRESS_RELEASE
    assert parsed.text == "Eerste alinea van de tekst."


@pytest.mark.parametrize(
    ("lone_line", "is_heading"),
    [
        ("Samenwerking met partners", True),
        ("Wat verandert er?", True),
        ("Minister Dekker:", False),  # introduces what follows
        ("Dit is een korte zin.", False),
        ("‘Dat is goed nieuws.’", False),
        ("- een opsommingsteken", False),
        (
            "Een regel die veel te lang is om een tussenkop te zijn, want koppen zijn kort "
            "en bondig",
            False,
        ),
    ],
)
def test_single_short_lines_between_paragraphs_are_headings(
    lone_line: str, is_heading: bool
) -> None:
    raw = f" date 2020-01 Titel\n\nEerste alinea.\n\n{lone_line}\n\nTweede alinea.\n"
    parsed = parse_text(raw, suffix=".txt")
    assert [s.kind for s in parsed.sections] == [
        "paragraph",
        "heading" if is_heading else "paragraph",
        "paragraph",
    ]


def test_short_last_line_is_not_a_heading() -> None:
    parsed = parse_text(" date 2020-01 Titel\n\nAlinea.\n\nDen Haag\n", suffix=".txt")
    assert [s.kind for s in parsed.sections] == ["paragraph", "paragraph"]


def test_photo_credit_and_documents_list_are_furniture_but_stay_readable() -> None:
    raw = (
        " date 2018-02 Titel\n\nEerste alinea over beleid.\n\nBeeld: ©ANP / Koen van Weel\n\n"
        "Tweede alinea.\n\nDocumenten\n\nKamerbrief over beleid\n\n"
        "Kamerstuk: Kamerbrief | 23-02-2018\n"
    )
    parsed = parse_text(raw, suffix=".txt")
    assert parsed.furniture == (
        "Beeld: ©ANP / Koen van Weel",
        "Documenten",
        "Kamerbrief over beleid",
        "Kamerstuk: Kamerbrief | 23-02-2018",
    )
    assert parsed.searchable_text == "Eerste alinea over beleid.\n\nTweede alinea."
    assert "Kamerstuk: Kamerbrief | 23-02-2018" in parsed.text


def test_documenten_heading_followed_by_real_paragraphs_is_content() -> None:
    raw = (
        " date 2018-02 Titel\n\nAlinea.\n\nDocumenten\n\n"
        "Wie documenten wil inzien, kan dat doen bij de balie.\nDat kan tot vijf uur.\n"
    )
    parsed = parse_text(raw, suffix=".txt")
    assert parsed.furniture == ()


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_plain_file_takes_its_first_line_as_title(suffix: str) -> None:
    raw = "\n\nNotities bij het overleg\nMet een tweede regel.\n\nEn een alinea.\n"
    parsed = parse_text(raw, suffix=suffix)
    assert parsed.title == "Notities bij het overleg"
    assert parsed.date is None
    assert parsed.kind is DocumentKind.PLAIN
    assert parsed.text.startswith("Notities bij het overleg\n")  # the line is content


def test_very_long_first_line_is_cut_to_a_readable_title() -> None:
    line = "woord " * 60
    parsed = parse_text(line + "\n", suffix=".txt")
    assert len(parsed.title) <= 121
    assert parsed.title.endswith("woord…")
    assert parsed.text == line.strip()


@pytest.mark.parametrize(
    "text",
    [
        "Prijzen *stijgen* met 5 * 3 procent en _snel_.",
        "# geen kop, [geen link](http://x) en <b>geen tag</b>",
        "1. geen lijst",
        "- geen lijst",
        "> geen citaat",
        "`geen code` & &amp; \\ backslash",
        "    geen codeblok",
        "===",
        "~~~ geen fence",
    ],
)
def test_txt_markdown_renders_the_text_literally(text: str) -> None:
    parsed = parse_text(f" date 2020-01 Titel\n\n{text}\n", suffix=".txt")
    html = markdown.markdown(parsed.markdown)
    assert re.fullmatch(r"<p>.*</p>", html, re.DOTALL), html
    assert html_module.unescape(re.sub(r"<[^>]+>", "", html)) == text.strip()


def test_txt_markdown_shows_headings_as_level_two() -> None:
    raw = " date 2020-01 Titel\n\nAlinea een.\n\nTussenkop\n\nAlinea twee.\n"
    parsed = parse_text(raw, suffix=".txt")
    assert parsed.markdown == "Alinea een.\n\n## Tussenkop\n\nAlinea twee.\n"


# --- Markdown briefing notes --------------------------------------------------------------


@pytest.mark.parametrize(
    ("front_matter", "tags"),
    [
        ("tags: [nato, defensie]", ("nato", "defensie")),
        ("tags:\n  - nato\n  - defensie", ("nato", "defensie")),
        ("tags: nato, defensie, nato", ("nato", "defensie")),
        ("tags: ['nato', \"defensie\"]", ("nato", "defensie")),
        ("tags:", ()),
    ],
)
def test_front_matter_tags(front_matter: str, tags: tuple[str, ...]) -> None:
    raw = f"---\ntitle: Notitie\ndate: 2021-06\n{front_matter}\n---\nTekst.\n"
    parsed = parse_text(raw, suffix=".md")
    assert (parsed.title, parsed.date, parsed.tags, parsed.warnings) == (
        "Notitie",
        "2021-06",
        tags,
        (),
    )
    assert parsed.kind is DocumentKind.BRIEFING_NOTE


@pytest.mark.parametrize(
    ("raw", "warning"),
    [
        ("---\ntitle: Notitie\nthis is no key value\n---\n# Kop\n", "line 3 not understood"),
        ("---\ntitle: Notitie\n\nNooit gesloten.\n", "front matter not closed"),
    ],
)
def test_invalid_front_matter_is_read_as_text_with_a_warning(raw: str, warning: str) -> None:
    parsed = parse_text(raw, suffix=".md")
    assert len(parsed.warnings) == 1
    assert warning in parsed.warnings[0]
    assert "title: Notitie" in parsed.text


def test_impossible_front_matter_date_is_dropped_with_a_warning() -> None:
    parsed = parse_text("---\ntitle: T\ndate: 2021-02-30\n---\nTekst.\n", suffix=".md")
    assert parsed.date is None
    assert parsed.warnings == ("impossible date 2021-02-30 in front matter",)


def test_first_heading_becomes_the_title_and_leaves_the_body() -> None:
    raw = "# De *titel*\n\nEerste alinea.\n\n## Kop twee\n\nTweede alinea.\n"
    parsed = parse_text(raw, suffix=".markdown")
    assert parsed.title == "De titel"
    assert parsed.kind is DocumentKind.BRIEFING_NOTE
    assert parsed.text == "Eerste alinea.\n\nKop twee\n\nTweede alinea."
    assert parsed.markdown == "Eerste alinea.\n\n## Kop twee\n\nTweede alinea.\n"
    assert [s.kind for s in parsed.sections] == ["paragraph", "heading", "paragraph"]


def test_front_matter_title_wins_over_a_different_heading() -> None:
    raw = "---\ntitle: Uit front matter\n---\n# Andere kop\n\nTekst.\n"
    parsed = parse_text(raw, suffix=".md")
    assert parsed.title == "Uit front matter"
    assert parsed.text == "Andere kop\n\nTekst."


@pytest.mark.parametrize(
    ("markdown_text", "plain"),
    [
        (
            "**Vet** en *schuin* en __ook vet__ en _ook schuin_",
            "Vet en schuin en ook vet en ook schuin",
        ),
        (
            "Zie [de brief](https://example.org/brief) en ![kaart](kaart.png)",
            "Zie de brief en kaart",
        ),
        ("Code `x * y` blijft, snake_case_naam ook", "Code x * y blijft, snake_case_naam ook"),
        ("Geen \\*nadruk\\* hier", "Geen *nadruk* hier"),
        ("* een\n+ twee\n- drie\n1. vier", "- een\n- twee\n- drie\n1. vier"),
        ("> Geciteerd met **nadruk**", "Geciteerd met nadruk"),
        ("Link <https://example.org> en <em>html</em>", "Link https://example.org en html"),
        ("~~weg~~ en [ref][1]\n\n[1]: https://example.org", "weg en ref"),
        ("```python\nx = 1\n\ny = *2*\n```", "x = 1\n\ny = *2*"),
        ("Kop\n===\n\nTekst\n\n---\n\nMeer", "Tekst\n\nMeer"),
    ],
)
def test_markdown_is_reduced_to_plain_text(markdown_text: str, plain: str) -> None:
    parsed = parse_text("---\ntitle: T\n---\n" + markdown_text + "\n", suffix=".md")
    body = parsed.text
    if body.startswith("Kop\n\n"):  # a setext heading is a heading section
        assert parsed.sections[0].kind == "heading"
        body = body.removeprefix("Kop\n\n")
    assert body == plain


# --- files on disk ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encode", "warnings"),
    [
        (lambda s: s.encode("utf-8"), ()),
        (lambda s: b"\xef\xbb\xbf" + s.encode("utf-8"), ()),
        (lambda s: s.encode("utf-16"), ()),  # with BOM
        (lambda s: s.encode("cp1252"), ("decoded as cp1252",)),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "cp1252"],
)
def test_encodings_give_the_same_document(
    tmp_path: Path, encode: Callable[[str], bytes], warnings: tuple[str, ...]
) -> None:
    content = " date 2018-11 Café ‘Zoë’\r\n\r\nDe koffie kost €3 in het café.\r\nEcht waar.\r\n"
    path = tmp_path / "bericht.txt"
    path.write_bytes(encode(content))
    doc = read_document(path)
    assert doc.title == "Café ‘Zoë’"
    assert doc.text == "De koffie kost €3 in het café.\nEcht waar."
    assert doc.warnings == warnings


def test_file_facts_are_recorded(tmp_path: Path) -> None:
    raw = "Cafe\u0301 notities\r\n\r\nTekst.".encode()
    path = tmp_path / "sub" / ".." / "notes.md"
    (tmp_path / "sub").mkdir()
    path.write_bytes(raw)
    doc = read_document(path)
    assert doc.path == (tmp_path / "notes.md").resolve()
    assert doc.path.is_absolute()
    assert doc.content_hash == hashlib.sha256(raw).hexdigest()
    assert doc.size == len(raw)
    assert doc.mtime == os.stat(path).st_mtime
    assert doc.title == "Café notities"  # NFC
    assert doc.kind is DocumentKind.PLAIN


def test_uppercase_suffix_is_supported(tmp_path: Path) -> None:
    path = tmp_path / "NOTE.MD"
    path.write_text("# Titel\n\nTekst.\n", encoding="utf-8")
    assert read_document(path).title == "Titel"


def _make_bad(tmp_path: Path, case: str) -> Path:
    path = tmp_path / {"unsupported": "report.xlsx", "no-suffix": "README"}.get(case, "doc.txt")
    if case == "binary":
        path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    elif case == "empty":
        path.write_bytes(b"")
    elif case == "whitespace":
        path.write_bytes(b"  \r\n\n\t\n")
    elif case == "too-large":
        path.write_bytes(b"x" * 2000)
    elif case == "directory":
        path.mkdir()
    elif case in ("unsupported", "no-suffix"):
        path.write_bytes(b"%PDF-1.4 text")
    return path


@pytest.mark.parametrize(
    ("case", "reason"),
    [
        ("binary", "binary file, not text"),
        ("empty", "empty file"),
        ("whitespace", "empty file"),
        ("too-large", "larger than 1000 bytes (2.0 KB)"),
        ("unsupported", "unsupported file type .xlsx"),
        ("no-suffix", "unsupported file type (no extension)"),
        ("directory", "not a regular file"),
        ("missing", "file not found"),
    ],
)
def test_bad_input_is_refused_with_path_and_one_line_reason(
    tmp_path: Path, case: str, reason: str
) -> None:
    path = _make_bad(tmp_path, case)
    with pytest.raises(DocumentError) as caught:
        read_document(path, max_bytes=1000)
    assert caught.value.reason == reason
    assert caught.value.path.name == path.name
    assert "\n" not in str(caught.value)


def test_default_size_limit_is_ten_megabytes(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(int(12.3 * 1024 * 1024))  # sparse: no real 12 MB written
    with pytest.raises(DocumentError, match=r"larger than 10 MB \(12\.3 MB\)"):
        read_document(path)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("geheim", encoding="utf-8")
    path.chmod(0)
    try:
        with pytest.raises(DocumentError, match="permission denied"):
            read_document(path)
    finally:
        path.chmod(0o600)


def test_permission_error_while_reading_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Also covers running as root, where chmod 000 does not stop reading.
    path = tmp_path / "secret.txt"
    path.write_text("geheim", encoding="utf-8")

    def deny(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", deny)
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    assert caught.value.reason == "permission denied"


# Fragments that trip parsers: fences, rules, headers, emphasis markers, blank lines.
_MARKUP_HEAVY = st.lists(
    st.sampled_from([*"ab #*_-=>`[]()!:.", "\n", "\n\n", "---\n", "```\n", " date 2018-11 ", "\r"]),
    max_size=80,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(raw=_MARKUP_HEAVY, suffix=st.sampled_from([".txt", ".md"]))
def test_any_text_parses_into_consistent_sections(raw: str, suffix: str) -> None:
    parsed = parse_text(raw, suffix=suffix)
    for section in parsed.sections:
        assert parsed.text[section.start : section.end] == section.text
        assert section.text.strip()
    assert parsed.text == "\n\n".join(s.text for s in parsed.sections)
    assert "\n" not in parsed.title
