"""Generate resources/wordlists/irregular_forms_{nl,en}.tsv: the forms of a lemma that do not
hold its head ("genomen" for "nemen", "steden" for "stad"), from simplemma's dictionaries.

Snippets look only at the words that can match a query (search/snippets.py): a word giving a
lemma term holds the lemma's head or is one of these forms. Reading them from simplemma's
dictionaries at run time took seconds, a search process's first snippet paid for it.

    python scripts/make_irregular_forms.py

Each line is `lemma<TAB>form form …`, both folded as the index folds them. Regenerate when the
pinned simplemma version changes (tests/core/test_analysis.py checks the files against it).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout without installing the package

from briefing_app.search.analysis import (  # noqa: E402
    WORD_FORM_LANGUAGES,
    irregular_forms_file,
    word_forms,
)


def main() -> int:
    for language in WORD_FORM_LANGUAGES:
        table = word_forms(language).compute_irregular_heads()
        path = ROOT.joinpath("resources", *irregular_forms_file(language))
        lines = [f"{lemma}\t{' '.join(sorted(forms))}" for lemma, forms in sorted(table.items())]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{path}: {len(lines)} lemmas")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
