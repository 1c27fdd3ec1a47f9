"""The rendering module: untrusted Markdown becomes safe, readable HTML."""

from briefing_app.render import MAX_TABLE_ROWS, render_markdown, render_plain, shorten_tables


def test_raw_html_is_escaped_not_passed_through() -> None:
    html = render_markdown('Tekst <script>alert(1)</script> en <img src="http://x/y.png">')
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def test_tables_render_as_tables() -> None:
    html = render_markdown("| a | b |\n|---|---|\n| 1 | 2 |\n")
    assert "<table>" in html and "<td>1</td>" in html


def test_long_tables_keep_their_first_rows_and_show_the_rest_as_text() -> None:
    rows = "".join(f"| r{n} | x |\n" for n in range(MAX_TABLE_ROWS + 5))
    text = "| k | v |\n|---|---|\n" + rows + "\nNa de tabel.\n"
    shortened = shorten_tables(text)
    assert "5 more rows of this table" in shortened
    html = render_markdown(text)
    assert html.count("<tr>") == MAX_TABLE_ROWS + 1  # header row + the rows kept
    assert f"r{MAX_TABLE_ROWS + 4}" in html and "Na de tabel." in html


def test_short_tables_are_left_alone() -> None:
    text = "| k | v |\n|---|---|\n| 1 | 2 |\n"
    assert shorten_tables(text) == text


def test_plain_text_paragraphs() -> None:
    assert render_plain("een\nregel\n\ntwee <b>") == "<p>een<br>regel</p>\n<p>twee &lt;b&gt;</p>"
