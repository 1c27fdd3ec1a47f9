"""Generate resources/wordlists/dutch_words.txt: the lexicon of the Dutch compound splitter.

Dev-time only (needs wordfreq and Debian's wdutch package); the app reads the generated file.

    python scripts/make_dutch_wordlist.py [--opentaal /usr/share/dict/dutch]

Each line is `word<TAB>zipf` (Zipf frequency x 10, an integer) for a Dutch dictionary word, or
`word<TAB>-` for a proper name, an English word or another non-dictionary word that must never be
split and never be used as a part. Words are lower-cased and accent-folded exactly as the index
analyzer folds them.

Sources:
- frequencies: wordfreq 3.x, languages "nl" and "en" (data CC BY-SA 4.0, see wordfreq's README);
- which strings are Dutch words, and which are names: the OpenTaal word list as packaged by
  Debian (`wdutch`, /usr/share/dict/dutch; BSD or CC BY 3.0, at the user's choice).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import wordfreq

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout without installing the package

from briefing_app.folding import fold  # noqa: E402
from briefing_app.search.analysis import base_forms  # noqa: E402

# Rarer words can neither be parts nor outweigh a split into parts (the splitter wants parts of
# Zipf >= 2.5 and a margin of 0.3 over the whole word), so they are left out...
_MIN_ZIPF = 2.0
# ...except rare inflected forms of frequent words: "gas|opslagen" is split because "opslag" is
# frequent, but only if "opslagen" is a known word at all.
_MIN_INFLECTED_ZIPF = 1.0
_BASE_MIN_ZIPF = 2.5
_NAME_MIN_LEN = 7  # the splitter skips shorter words, so shorter names need no entry
# Frequent words that OpenTaal does not list in lower case ("nederlandse", "twitter", "york")
# are names, adjectives of names or foreign words: block them from splitting.
_FOREIGN_BLOCK_ZIPF = 3.5
# Words clearly more frequent in English than in Dutch ("act", "delegates") are English words in
# Dutch text; OpenTaal lists many of them, but they make chance parts ("act|oren").
_ENGLISH_MARGIN = 1.0

HEADER = [
    "# Dutch lexicon of Briefing's compound splitter, made by scripts/make_dutch_wordlist.py.",
    "# Frequencies: wordfreq 3.x 'nl' and 'en' (Robyn Speer et al.), data CC BY-SA 4.0.",
    "# Word and name lists: OpenTaal (Debian wdutch), BSD or CC BY 3.0 -- (c) OpenTaal.",
    "# Format: word<TAB>zipf*10, or word<TAB>- for names/English words (never split).",
]


def build(opentaal: Path) -> dict[str, int | None]:
    """Folded word -> Zipf x 10 for dictionary words, None for names never to be split."""
    listed = [line.strip() for line in opentaal.read_text(encoding="utf-8").splitlines()]
    lower = {w for w in listed if w.isalpha() and w.islower()}
    names = {w.lower() for w in listed if w.isalpha() and w[:1].isupper()} - lower

    zipfs = {
        w: wordfreq.zipf_frequency(w, "nl") for w in wordfreq.top_n_list("nl", 10**7) if w.isalpha()
    }
    frequent = {fold(w) for w, z in zipfs.items() if z >= _BASE_MIN_ZIPF and w in lower}

    # Accent variants fold to one key ("een", "één"): the most frequent spelling decides.
    spelling: dict[str, str] = {}
    for word, zipf in zipfs.items():
        key = fold(word)
        if key not in spelling or zipf > zipfs[spelling[key]]:
            spelling[key] = word

    entries: dict[str, int | None] = {}
    for key, word in spelling.items():
        zipf = zipfs[word]
        if wordfreq.zipf_frequency(word, "en") > zipf + _ENGLISH_MARGIN:
            entries[key] = None  # English in Dutch text: "delegates" is not "dele|gates"
        elif word in lower:
            inflected = zipf >= _MIN_INFLECTED_ZIPF and not frequent.isdisjoint(base_forms(key))
            if zipf >= _MIN_ZIPF or inflected:
                entries[key] = round(zipf * 10)
        elif (word in names and len(key) >= _NAME_MIN_LEN) or zipf >= _FOREIGN_BLOCK_ZIPF:
            entries[key] = None
    for name in names:
        key = fold(name)
        if len(key) >= _NAME_MIN_LEN:
            entries.setdefault(key, None)
    return entries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--opentaal", type=Path, default=Path("/usr/share/dict/dutch"))
    default_target = ROOT / "resources" / "wordlists" / "dutch_words.txt"
    parser.add_argument("--target", type=Path, default=default_target)
    args = parser.parse_args()

    entries = build(args.opentaal)
    lines = [f"{w}\t{'-' if z is None else z}" for w, z in sorted(entries.items())]
    args.target.write_text("\n".join([*HEADER, *lines]) + "\n", encoding="utf-8")
    size_kb = args.target.stat().st_size // 1024
    print(f"{len(lines)} entries, {size_kb} KiB -> {args.target}")


if __name__ == "__main__":
    main()
