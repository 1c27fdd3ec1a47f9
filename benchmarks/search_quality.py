"""Search quality for issue #17: do Dutch and English word forms find each other?

    .venv/bin/python -m benchmarks.search_quality [--real PATH | --no-real] [--failures N]

1. The word-form tables (tests/data/word_forms/, one small document per form): recall per
   class (the share of directions where a form finds the other form's document) and precision
   (the share of the other documents a form finds that are a form of the same word or a
   compound of one), then the share of false friends kept out, and the failures.
2. When the real documents beside the checkout exist (../shared/data/real/): the Dutch
   circulaires and GOV.UK texts imported into a throwaway library; for every -ie noun whose
   plural (-ies, -ieën) occurs in them, the documents found by the singular and by the plural,
   which a user expects to be the same; the same for the UK/US spellings of the English texts.

`make bench` runs it after the speed tables (benchmarks/run.py).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from benchmarks.word_forms import (
    ClassScore,
    Report,
    WordFormIndex,
    load_pairs,
    load_traps,
    measure,
    stray_hits,
)

REAL = Path(__file__).resolve().parents[2] / "shared" / "data" / "real"
_WORD = re.compile(r"[^\W\d_]+")


def word_form_report(failure_limit: int) -> Report:
    pairs = load_pairs("nl") + load_pairs("en")
    traps = load_traps()
    with tempfile.TemporaryDirectory(prefix="briefing-word-forms-") as folder:
        words = WordFormIndex.build(Path(folder) / "index", pairs, traps)
        try:
            report = measure(words, pairs, traps)
            strays = stray_hits(words, pairs, traps)
        finally:
            words.close()
    print("WORD FORMS (tests/data/word_forms): recall = forms found both ways, per direction;")
    print("precision = other documents found that are a form of the same word or a compound")
    print(f"{'lang':<4} {'class':<24} {'pairs':>5} {'checks':>6} {'recall':>6} {'precision':>9}")
    for language in ("nl", "en"):
        for score in sorted(
            (s for s in report.classes if s.language == language), key=lambda s: s.cls
        ):
            print(_score_line(score))
        print(_score_line(report.total(language)))
    print(
        f"false friends kept out: {report.traps_avoided}/{report.traps} "
        f"(precision {report.trap_precision:.2f})"
    )
    print()
    print(f"FAILURES ({len(report.failures)}), at most {failure_limit} per class")
    by_class: dict[str, list[str]] = defaultdict(list)
    for failure in report.failures:
        where, _, what = failure.partition(": ")
        by_class[where].append(what)
    for where, whats in by_class.items():
        shown = ", ".join(whats[:failure_limit])
        more = f" (+{len(whats) - failure_limit} more)" if len(whats) > failure_limit else ""
        print(f"  {where}: {shown}{more}")
    examples = [f"{query} → {', '.join(found)}" for query, found in list(strays.items())[:20]]
    print(f"UNRELATED HITS (precision misses), {len(strays)} queries, e.g.: {'; '.join(examples)}")
    return report


def _score_line(score: ClassScore) -> str:
    return (
        f"{score.language:<4} {score.cls:<24} {score.pairs:>5} {score.checks:>6} "
        f"{score.recall:>6.2f} {score.precision:>9.2f}"
    )


# -- the real documents ----------------------------------------------------------------------

# Words in -ise that are spelt so in American English too.
_ISE_BOTH = frozenset(
    str.split(
        """
        advise advertise otherwise exercise promise premise surprise enterprise
        expertise franchise raise rise wise concise precise revise supervise compromise
        merchandise televise despise disguise devise comprise arise noise cruise praise
        poise excise incise chastise improvise likewise clockwise demise paradise
        treatise reprise anise
        """
    )
)
_OUR = frozenset(
    str.split(
        """
        labour favour behaviour honour neighbour colour harbour vigour rumour humour endeavour
        savour flavour armour odour parlour valour tumour vapour saviour
        """
    )
)
_LL = frozenset(str.split("travel cancel model label signal fuel counsel level channel total dial"))
_FIXED = {
    "defence": "defense",
    "licence": "license",
    "offence": "offense",
    "programme": "program",
    "ageing": "aging",
    "judgement": "judgment",
    "grey": "gray",
    "paediatric": "pediatric",
    "anaemia": "anemia",
    "aluminium": "aluminum",
    "sceptical": "skeptical",
    "mould": "mold",
    "plough": "plow",
    "jewellery": "jewelry",
    "catalogue": "catalog",
    "manoeuvre": "maneuver",
}
_ISE = re.compile(r"^(\w{3,})is(e|es|ed|ing|ation|ations)$")
_RE = re.compile(r"^(cent|met|theat|lit|fib|kilomet|millimet)re(s|d)?$")  # centre: center
_OUR_FORM = re.compile(r"^(\w+)our(s|ed|ing|able|ite|ites|er|ers)?$")
_LL_FORM = re.compile(r"^(\w+)l(ed|ing|er|ers)$")


def us_spelling(word: str) -> str | None:
    """The American spelling of a British word, or None when it is spelt the same."""
    if word in _FIXED or word.removesuffix("s") in _FIXED:
        plural = word not in _FIXED
        return _FIXED[word.removesuffix("s") if plural else word] + ("s" if plural else "")
    if (m := _ISE.match(word)) and m[1] + "ise" not in _ISE_BOTH:
        return f"{m[1]}iz{m[2]}"
    if m := _RE.match(word):
        return m[1] + {"": "er", "s": "ers", "d": "ered"}[m[2] or ""]
    if (m := _OUR_FORM.match(word)) and m[1] + "our" in _OUR:
        return f"{m[1]}or{m[2] or ''}"
    if (m := _LL_FORM.match(word)) and m[1] in _LL:
        return m[1] + m[2]
    return None


def real_documents(folder: Path) -> list[str]:
    """Imports the real documents into a throwaway library; returns the summary lines."""
    from briefing_app.library import Library
    from briefing_app.search import SearchRequest

    sources = {"nl": folder / "nl-circulaires", "en": folder / "en-govuk"}
    vocabulary: dict[str, dict[str, set[str]]] = {}  # language -> word -> files holding it
    files: dict[str, set[str]] = {}
    for language, source in sources.items():
        words: dict[str, set[str]] = defaultdict(set)
        paths = [p for p in sorted(source.iterdir()) if p.suffix in (".md", ".txt")]
        for path in paths:
            for word in set(_WORD.findall(path.read_text("utf-8").lower())):
                words[word].add(str(path.resolve()))
        vocabulary[language] = words
        files[language] = {str(path.resolve()) for path in paths}
    with tempfile.TemporaryDirectory(prefix="briefing-quality-") as data_dir:
        started = time.perf_counter()
        with Library(Path(data_dir)) as library:
            report = library.import_paths(list(sources.values()))
            count = library.document_count()
            print()
            print(
                f"REAL DOCUMENTS ({folder}): {count} imported in "
                f"{time.perf_counter() - started:.0f} s, {len(report.failed)} failed"
            )

            def found(query: str) -> set[str]:
                request = SearchRequest(query=query, limit=count, snippets=False, suggest=False)
                return {str(Path(hit.path).resolve()) for hit in library.search(request).hits}

            nl = vocabulary["nl"]
            nouns = sorted(
                (w, plural)
                for w in nl
                if len(w) >= 5 and w.endswith("ie")
                for plural in (w + "s", w + "ën")
                if plural in nl
            )
            print()
            print("Dutch -ie nouns: circulaires found by the singular and by the plural")
            print("(hold: the text has one of the two; other: English documents found)")
            print(
                f"{'singular':<20} {'plural':<22} {'hold':>4} {'sing':>5} {'plur':>5} {'other':>5}"
                "  same"
            )
            summary = [_compare(nouns, nl, files["nl"], found, "-ie nouns")]

            en = vocabulary["en"]
            spellings = sorted({(w, us) for w in en if (us := us_spelling(w)) is not None})
            print()
            print("UK/US spellings on the GOV.UK texts: documents found by each spelling")
            print(f"{'UK':<20} {'US':<22} {'hold':>4} {'UK':>5} {'US':>5} {'other':>5}  same")
            summary.append(_compare(spellings, en, files["en"], found, "UK/US pairs"))
    return summary


def _compare(
    pairs: list[tuple[str, str]],
    vocabulary: dict[str, set[str]],
    inside: set[str],
    found: Callable[[str], set[str]],
    what: str,
) -> str:
    """One line per pair: the documents of the set found by each form, and whether they are the
    same; "other" counts documents outside the set (the other language) either form finds."""
    same = 0
    for a, b in pairs:
        holding = vocabulary.get(a, set()) | vocabulary.get(b, set())
        found_a, found_b = found(a), found(b)
        by_a, by_b = found_a & inside, found_b & inside
        other = (found_a | found_b) - inside
        same += by_a == by_b
        print(
            f"{a:<20} {b:<22} {len(holding):>4} {len(by_a):>5} {len(by_b):>5} {len(other):>5}  "
            f"{'yes' if by_a == by_b else 'NO'}"
        )
    line = f"{what}: {same} of {len(pairs)} find the same documents of the set both ways"
    print(line)
    return line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--real", type=Path, default=REAL, help="the real documents' folder")
    parser.add_argument("--no-real", action="store_true", help="only the word-form tables")
    parser.add_argument("--failures", type=int, default=12, help="failures shown per class")
    args = parser.parse_args(argv)
    report = word_form_report(args.failures)
    summary = [
        f"{t.language} word forms: recall {t.recall:.2f}, precision {t.precision:.2f} "
        f"({t.pairs} pairs, {t.checks - t.found} of {t.checks} directions missed)"
        for t in (report.total("nl"), report.total("en"))
    ]
    summary.append(
        f"false friends kept out: {report.traps_avoided} of {report.traps} "
        f"(precision {report.trap_precision:.2f})"
    )
    if args.no_real:
        pass
    elif args.real.is_dir():
        summary += real_documents(args.real)
    else:
        summary.append(f"{args.real} not found: no figures on real documents")
    print()
    print("SUMMARY")
    for line in summary:
        print(f"  {line}")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
