"""Widening a query with the other names of what it names: `EU` also searches "Europese Unie"
and "European Union". The names come from the caller (the library's entity alias table); this
module knows only the query language, and rewrites the words that name something into an OR
group, so every operator keeps working:

    EU sancties NOT Rusland  ->  (EU OR "Europese Unie" OR "European Union") sancties NOT Rusland

- a word, a run of words (longest first: `Verenigde Staten` before `Staten`) or a quoted
  phrase that is exactly a name is widened; the words as typed stay the first alternative,
  so a widened query finds everything the literal one finds;
- never widened: a field's value (`title:EU`, `tag:…`, `date:…`), the operand of NOT (a NOT
  that silently excluded more than was typed would hide documents unseen), a prefix (`EU*`),
  a fuzzy word (`EU~`), a boosted word, a phrase with a slop (`"…"~2`);
- names the typed words already cover are left out (`Kamer` needs no "Tweede Kamer"), and at
  most MAX_NAMES names per word, MAX_WIDENED words and MAX_PHRASES names of more than one
  word per query: every name is one more term or phrase to look up.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from briefing_app.folding import fold

MAX_NAMES = 8  # other names searched for one typed name
MAX_WIDENED = 8  # typed names widened in one query
# Names of more than one word searched in one query. Each is a phrase, and a phrase in an OR
# group is what a widened search pays for most (docs/performance.md); later names get only
# their one-word names.
MAX_PHRASES = 4

# Names -> their entity's names (the typed one may be among them); [] when it names nothing.
Lookup = Callable[[str], Sequence[str]]

_TOKENS = re.compile(
    r"""(?P<space>\s+)
    |(?P<phrase>"[^"]*"(?P<slop>~\d*)?)
    |(?P<field>\w+:(?:\[[^\]]*\]|"[^"]*"|\(|[^\s()"]*))
    |(?P<open>\()
    |(?P<close>\))
    |(?P<word>[^\s()"]+)
    |(?P<other>.)""",
    re.VERBOSE,
)
_OPERATORS = {"AND", "OR", "NOT"}
_NOT_PLAIN = re.compile(r"[*?~^:\[\]{}]")
# Words as the index splits them ("U.S." is one word); used to tell which names are covered.
_WORD = re.compile(r"\w+(?:\.\w+)*")


@dataclass(frozen=True)
class Expansion:
    query: str  # the query to search
    expanded: dict[str, list[str]] = field(default_factory=dict)  # typed -> names added


def expand_query(text: str, lookup: Lookup, longest: int = 8) -> Expansion:
    """`text` with each name in it widened to an OR group of its entity's names.
    `longest`: the most words a name has. A query the parser will refuse (an open quote or
    parenthesis) is returned as it is, for the parser's message."""
    if text.count('"') % 2 or not text.strip():
        return Expansion(text)
    tokens = [
        (m.lastgroup or "other", m.group(0), bool(m.group("slop"))) for m in _TOKENS.finditer(text)
    ]
    out = [token for _kind, token, _slop in tokens]
    expanded: dict[str, list[str]] = {}
    protected: list[bool] = []  # per open parenthesis: inside a field or a NOT
    negate_next = False
    run: list[int] = []  # indices of the plain words of the current run

    phrases = [0]  # names of more than one word added so far

    def widen(start: int, end: int, typed: str, first: str) -> bool:
        if len(expanded) >= MAX_WIDENED and typed not in expanded:
            return False
        names, room = [], MAX_PHRASES - phrases[0]
        for name in _other_names(typed, lookup(typed)):
            if len(_words(name)) > 1:
                if room <= 0:
                    continue
                room -= 1
            names.append(name)
        if not names:
            return False
        phrases[0] = MAX_PHRASES - room
        out[start] = "(" + " OR ".join([first, *map(_quoted, names)]) + ")"
        for index in range(start + 1, end + 1):
            out[index] = ""
        expanded[typed] = names
        return True

    def close_run() -> None:
        position = 0
        while position < len(run):
            for size in range(min(longest, len(run) - position), 0, -1):
                chosen = run[position : position + size]
                typed = " ".join(tokens[i][1] for i in chosen)
                first = typed if size == 1 else "(" + text_between(chosen) + ")"
                if widen(chosen[0], chosen[-1], typed, first):
                    position += size
                    break
            else:
                position += 1
        run.clear()

    def text_between(chosen: list[int]) -> str:
        return "".join(tokens[i][1] for i in range(chosen[0], chosen[-1] + 1))

    for index, (kind, token, slop) in enumerate(tokens):
        if kind == "space":
            continue
        guarded = negate_next or any(protected)
        negate_next = False
        if kind == "word" and token not in _OPERATORS and not _NOT_PLAIN.search(token):
            if guarded:
                close_run()
            else:
                run.append(index)
            continue
        close_run()
        if kind == "word" and token == "NOT":
            negate_next = True
        elif kind == "open":
            protected.append(guarded)
        elif kind == "field" and token.endswith("("):
            protected.append(True)
        elif kind == "close" and protected:
            protected.pop()
        elif kind == "phrase" and not slop and not guarded:
            typed = " ".join(token[1:-1].split())
            if typed:
                widen(index, index, typed, token)
    close_run()
    if not expanded:
        return Expansion(text)
    return Expansion("".join(out), expanded)


def _other_names(typed: str, names: Sequence[str]) -> list[str]:
    """The names to add for `typed`: none its words already find, none that another kept
    name finds ("Verenigde Staten" finds "Verenigde Staten van Amerika"), MAX_NAMES at most."""
    covered = [_words(typed)]
    keep: set[str] = set()
    for name in sorted(dict.fromkeys(names), key=lambda n: len(_words(n))):
        found = _words(name)
        if found and not any(_holds(found, words) for words in covered):
            covered.append(found)
            keep.add(name)
    return [name for name in dict.fromkeys(names) if name in keep][:MAX_NAMES]


def _holds(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    size = len(shorter)
    return any(longer[i : i + size] == shorter for i in range(len(longer) - size + 1))


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(text)))


def _quoted(name: str) -> str:
    return name if re.fullmatch(r"\w+", name) else f'"{name}"'
