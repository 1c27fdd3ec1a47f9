"""Fuzzy terms ("bnak~") that allow a transposition, as whoosh documents they do.

Whoosh's FuzzyTerm expands per segment through a Levenshtein automaton without transpositions
("bnak~" finds nothing, "bank" is two such edits away) and over a whole index by
Damerau-Levenshtein distance in Python, term by term (over a second at 50,000 documents, which
snippets would pay for every fuzzy search). Here every reader uses one automaton that also
takes a swap of two neighbouring letters as one edit: the distance whoosh's
`damerau_levenshtein` computes (the restricted, "optimal string alignment" kind), built once
per term and reused.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from whoosh.automata.fsa import ANY, EPSILON, NFA
from whoosh.codec.base import Automata
from whoosh.qparser import FuzzyTermPlugin as WhooshFuzzyTermPlugin
from whoosh.query import FuzzyTerm as WhooshFuzzyTerm


@lru_cache(maxsize=256)
def edit_automaton(term: str, maxdist: int, prefix: int = 0) -> Any:
    """A DFA accepting the words within `maxdist` insertions, deletions, substitutions and
    swaps of neighbouring letters of `term`, whose first `prefix` letters are `term`'s."""
    nfa = NFA((0, 0))
    for i in range(min(prefix, len(term))):
        nfa.add_transition((i, 0), term[i], (i + 1, 0))
    start = min(prefix, len(term))
    for i in range(start, len(term)):
        for e in range(maxdist + 1):
            nfa.add_transition((i, e), term[i], (i + 1, e))
            if e < maxdist:
                nfa.add_transition((i, e), ANY, (i, e + 1))  # a letter more in the word
                nfa.add_transition((i, e), EPSILON, (i + 1, e + 1))  # a letter fewer
                nfa.add_transition((i, e), ANY, (i + 1, e + 1))  # another letter
                if i + 1 < len(term) and term[i] != term[i + 1]:
                    # The next two letters the other way round: one edit.
                    nfa.add_transition((i, e), term[i + 1], ("swap", i, e))
                    nfa.add_transition(("swap", i, e), term[i], (i + 2, e + 1))
    for e in range(maxdist + 1):
        if e < maxdist:
            nfa.add_transition((len(term), e), ANY, (len(term), e + 1))
        nfa.add_final_state((len(term), e))
    return nfa.to_dfa()


class FuzzyTerm(WhooshFuzzyTerm):
    """whoosh's FuzzyTerm, expanded through `edit_automaton` on any reader: a segment's, or
    a whole index's (then segment by segment: whoosh's cursor over several segments cannot
    read W3 term tables)."""

    def _btexts(self, ixreader: Any) -> Iterable[str]:
        automaton = edit_automaton(self.text, int(self.maxdist), int(self.prefixlength))
        name = ixreader.schema[self.fieldname].spelling_fieldname(self.fieldname)
        readers = [reader for reader, _base in ixreader.leaf_readers()]
        if len(readers) == 1:
            return Automata.find_matches(automaton, readers[0].cursor(name))
        return sorted(
            {text for r in readers for text in Automata.find_matches(automaton, r.cursor(name))}
        )


class FuzzyTermPlugin(WhooshFuzzyTermPlugin):
    """The parser's "word~", "word~2" and "word~2/3", making `FuzzyTerm`s."""

    class FuzzyTermNode(WhooshFuzzyTermPlugin.FuzzyTermNode):
        qclass = FuzzyTerm
