import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing_app.documents.decoding import NotTextError, decode_bytes, normalise_text

SAMPLE = "Café in Genève: ‘Terrorisme’ kost €30.\nTweede regel.\n"


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + SAMPLE.encode("utf-32-le"), "utf-32-le"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf32le-bom"],
)
def test_unicode_files_decode_silently_without_bom_in_text(raw: bytes, encoding: str) -> None:
    decoded = decode_bytes(raw)
    assert decoded.text == SAMPLE
    assert decoded.encoding == encoding
    assert decoded.warnings == ()


def test_windows_1252_file_is_read_with_a_warning() -> None:
    decoded = decode_bytes(SAMPLE.encode("cp1252"))
    assert decoded.text == SAMPLE
    assert decoded.warnings == ("decoded as cp1252",)


def test_bytes_undefined_in_cp1252_fall_back_to_latin1_with_a_warning() -> None:
    # 0x81 has no cp1252 character; everything else is ordinary latin-1 text.
    raw = "Één café, één crème. ".encode("latin-1") * 20 + b"\x81"
    decoded = decode_bytes(raw)
    assert decoded.text.startswith("Één café, één crème.")
    assert decoded.warnings == ("decoded as latin-1",)


def test_utf16_without_bom_is_recognised_and_flagged() -> None:
    decoded = decode_bytes("Plain ASCII mostly, with é.\n".encode("utf-16-le"))
    assert decoded.text == "Plain ASCII mostly, with é.\n"
    assert decoded.warnings == ("decoded as UTF-16-LE without byte-order mark",)


def test_broken_utf8_after_bom_keeps_the_readable_rest() -> None:
    decoded = decode_bytes(codecs.BOM_UTF8 + b"Goed \xff en verder goed.")
    assert decoded.text == "Goed \ufffd en verder goed."
    assert decoded.warnings == ("invalid UTF-8 bytes replaced",)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Cafe\u0301 Zoe\u0308".encode(), "Café Zoë"),  # NFD from macOS -> NFC
        (b"een\r\ntwee\r\n", "een\ntwee\n"),  # Windows
        (b"een\rtwee\r", "een\ntwee\n"),  # classic Mac
        (b"een\r\n\rtwee\n", "een\n\ntwee\n"),  # mixed
    ],
    ids=["nfd", "crlf", "cr", "mixed"],
)
def test_text_is_normalised_to_nfc_and_unix_newlines(raw: bytes, expected: str) -> None:
    assert decode_bytes(raw).text == expected


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file, not text"),
        (b"%PDF-1.4\n" + bytes(range(1, 32)) * 40, "binary file, not text"),
        (bytes(range(0x80, 0xA0)) * 40, "cannot be decoded as text"),
    ],
    ids=["nul-bytes", "control-characters", "c1-garbage"],
)
def test_binary_data_is_refused_with_a_reason(raw: bytes, reason: str) -> None:
    with pytest.raises(NotTextError) as caught:
        decode_bytes(raw)
    assert caught.value.reason == reason


_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs"), whitelist_characters="\n\r\t"),
    max_size=200,
)


@given(_TEXT)
def test_any_utf8_text_round_trips_to_its_normal_form(text: str) -> None:
    assert decode_bytes(text.encode("utf-8")).text == normalise_text(text)


@given(_TEXT)
def test_normalised_text_has_no_carriage_returns_and_is_stable(text: str) -> None:
    once = normalise_text(text)
    assert "\r" not in once
    assert normalise_text(once) == once
