"""From what the user typed to a whoosh query: checks first, so mistakes get a clear message."""

from __future__ import annotations

import re
from dataclasses import dataclass

from whoosh import qparser
from whoosh.fields import Schema
from whoosh.query import NullQuery, Or, Phrase, Prefix, Query, Term

from briefing_app.folding import fold
from briefing_app.search.analysis import TOKEN_PATTERN, analyzer_language, word_forms
from briefing_app.search.schema import DEFAULT_FIELDS
from briefing_app.search.types import QuerySyntaxError
from briefing_app.search.whoosh_internals.fuzzy import FuzzyTermPlugin

# Field names users may type, mapped to index fields ("body:" searches every body field).
FIELD_ALIASES = {
    "title": "title",
    "titel": "title",
    "body": "body",
    "tekst": "body",
    "text": "body",
    "tag": "tags",
    "tags": "tags",
}
_DATE_TOKEN = re.compile(
    r"\b(?:date|datum):(?:\[\s*(?P<a>\S+)\s+(?:TO|to|tot)\s+(?P<b>\S+)\s*\]"
    r"|(?P<c>\d{4}(?:-\d{2}){0,2})(?:\.\.(?P<d>\d{4}(?:-\d{2}){0,2})?)?)"
)
_FIELD_PREFIX = re.compile(r"(?<![\w\"])(\w+):(?=\S)")
_DATE_VALUE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


@dataclass(frozen=True)
class ParsedQuery:
    query: Query | None  # None: no words, only filters (lists every matching document)
    date_from: int | None
    date_to: int | None
    words: tuple[str, ...]  # the plain words, for spelling suggestions


def date_key(value: str | None, *, end: bool = False) -> int:
    """'2018-02' -> 20180200 (or 20180299 as an inclusive end); None/invalid -> 0."""
    if not value:
        return 0
    match = _DATE_VALUE.match(value.strip())
    if not match:
        return 0
    year, month, day = match.groups()
    if month is None:
        return int(year) * 10000 + (1299 if end else 0)
    if not 1 <= int(month) <= 12:
        return 0
    if day is None:
        return int(year) * 10000 + int(month) * 100 + (99 if end else 0)
    return int(year) * 10000 + int(month) * 100 + int(day)


def parse_date_bound(value: str, *, end: bool) -> int:
    key = date_key(value, end=end)
    if key == 0:
        raise QuerySyntaxError(f"'{value}' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    return key


_WORD = re.compile(TOKEN_PATTERN)
_APOSTROPHE_S = re.compile(r"\w['’]s$")


class _Parser(qparser.QueryParser):
    """Whoosh's parser, except for two kinds of words:

    - a prefix matches words as written (folded): "voeds*" finds words that start with
      "voeds", never lemmas or compound parts;
    - a plain word in a body field with word forms finds every form of it
      (search/analysis.py `WordForms.query_terms`): the word itself weighted first, then
      another form of it, then a compound that contains it. A hyphenated word
      ("minister-president") is its words in a row.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        schema = self.schema
        self._languages = {
            name: language
            for name in (schema.names() if schema is not None else [])
            if (language := analyzer_language(getattr(schema[name], "analyzer", None))) is not None
        }

    def term_query(
        self,
        fieldname: str,
        text: str,
        termclass: type[Query],
        boost: float = 1.0,
        tokenize: bool = True,
        removestops: bool = True,
    ) -> Query | None:
        plain = super().term_query
        if termclass is Prefix:
            words = _WORD.findall(text)
            if len(words) != 1:
                return plain(fieldname, text, termclass, boost, tokenize, removestops)
            return Prefix(fieldname, fold(words[0]), boost=boost)
        language = self._languages.get(fieldname)
        if termclass is not Term or language is None:
            return plain(fieldname, text, termclass, boost, tokenize, removestops)
        words = _WORD.findall(text)
        if not words:
            return None
        if len(words) == 2 and words[1] == "s" and _APOSTROPHE_S.search(text):
            words = [words[0]]  # "auto's", "euro's": the forms of "auto"
        if len(words) > 1:
            return Phrase(fieldname, [fold(word) for word in words], boost=boost)
        forms = word_forms(language)
        return Or(
            [
                Term(fieldname, term, boost=weight * boost)
                for term, weight in forms.query_terms(words[0])
            ]
        )


# The words a spelling suggestion may correct: not a prefix, a wildcard's part or a fuzzy word
# ("wetge*" is partial on purpose; "welke*" would be a wrong suggestion, and checking it ran a
# second prefix search).
_PLAIN_WORD = re.compile(r"(?<![\w*?~])[^\W\d_][\w-]*(?![\w*?~-])")
# "word~3" and up: more edits than a fuzzy word may have ("phrase"~3 is not a fuzzy word).
_TOO_FUZZY = re.compile(r'(?<=[^\s"])~[3-9]')


class QueryParser:
    """Parses the query language: AND by default, OR, NOT, (), "phrases", prefix*, fuzzy~,
    title:, tag:, date:YYYY-MM..YYYY-MM."""

    def __init__(self, schema: Schema) -> None:
        self._schema = schema
        self._parser = _Parser(None, schema, group=qparser.AndGroup)
        self._parser.add_plugin(qparser.MultifieldPlugin(list(DEFAULT_FIELDS)))
        # Fuzzy terms that take a transposition as one edit (whoosh_internals/fuzzy.py).
        self._parser.add_plugin(FuzzyTermPlugin())
        # Wildcards only at the end of a word (prefix queries); a leading * would scan
        # every term of the index.
        self._parser.remove_plugin_class(qparser.WildcardPlugin)
        self._parser.add_plugin(qparser.PrefixPlugin())

    def parse(self, text: str) -> ParsedQuery:
        text, date_from, date_to = self._extract_dates(text)
        _check_balanced(text)
        if _TOO_FUZZY.search(text):
            # An automaton for more edits takes seconds to minutes to build
            # (whoosh_internals/fuzzy.py).
            raise QuerySyntaxError("A fuzzy word allows one or two edits: word~ or word~2.")
        text = self._rewrite_fields(text)
        if re.search(r"\b(AND|OR|NOT)\s*$", text) or re.match(r"^\s*(AND|OR)\b", text):
            raise QuerySyntaxError("An AND, OR or NOT needs a word on each side.")
        words = tuple(w for w in _PLAIN_WORD.findall(text) if not _is_operator(w))
        if not text.strip():
            return ParsedQuery(None, date_from, date_to, ())
        if text.strip() in {"*", "**"}:
            return ParsedQuery(None, date_from, date_to, ())
        try:
            query = self._parser.parse(_lower_terms(text))
        except Exception as exc:  # whoosh raises assorted errors on odd input
            raise QuerySyntaxError(f"Could not understand the query: {exc}") from exc
        if query is NullQuery:
            query = None
        else:
            _use_union_trees(query)
        return ParsedQuery(query, date_from, date_to, words)

    @staticmethod
    def _extract_dates(text: str) -> tuple[str, int | None, int | None]:
        date_from: int | None = None
        date_to: int | None = None
        for match in _DATE_TOKEN.finditer(text):
            if match.group("a"):
                date_from = parse_date_bound(match.group("a"), end=False)
                date_to = parse_date_bound(match.group("b"), end=True)
            else:
                start = match.group("c")
                date_from = parse_date_bound(start, end=False)
                if match.group(0).endswith(".."):
                    date_to = None
                else:
                    date_to = parse_date_bound(match.group("d") or start, end=True)
        return _DATE_TOKEN.sub(" ", text), date_from, date_to

    def _rewrite_fields(self, text: str) -> str:
        def replace(match: re.Match[str]) -> str:
            name = match.group(1)
            field = FIELD_ALIASES.get(name.lower())
            if field is None:
                # Not a field we know: keep the words, drop the colon ("Noot: tekst").
                return name + " "
            if field == "body":
                return ""
            return field + ":"

        return _FIELD_PREFIX.sub(replace, text)


def _is_operator(word: str) -> bool:
    return word in {"AND", "OR", "NOT"}


def _lower_terms(text: str) -> str:
    # Keep the operators (upper-case by design); lower-case the rest. Folding happens per
    # field (a lemma is looked up with its accents: "economieën").
    out = []
    for token in re.split(r"(\s+|[()\"])", text):
        out.append(token if _is_operator(token) or not token else token.lower())
    return "".join(out)


def _check_balanced(text: str) -> None:
    if text.count('"') % 2:
        raise QuerySyntaxError('A phrase is not closed: add the missing " quote.')
    depth = 0
    for char in text:
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                raise QuerySyntaxError("A ')' has no matching '('.")
    if depth:
        raise QuerySyntaxError("A '(' is not closed: add the missing ')'.")


def _use_union_trees(query: Query) -> None:
    """Make the parser's ORs (a word across title and body fields, OR groups) walk their few
    sub-matchers in step. On segments under 5,000 documents whoosh otherwise picks its array
    matcher, which fills and clears a 2,048-slot array in Python for every matcher it builds:
    term and AND queries run 2-3x slower with it at 10k documents. Prefix expansions make
    their own ORs at search time and keep whoosh's choice (many sub-queries, where the array
    wins)."""
    if isinstance(query, Or):
        query.matcher_type = Or.DEFAULT_MATCHER
    for child in query.children():
        _use_union_trees(child)
