"""Package attributes loaded on first use (PEP 562), so that importing a light submodule
(`briefing_app.library.datadir`, `briefing_app.search.types`) does not load the whole
package: `briefing --help` must not wait for whoosh, numpy and the lemma dictionaries.
Each package also imports the same names under TYPE_CHECKING, for type checkers and
import-linter."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def lazy_attributes(package: str, where: dict[str, str]) -> Callable[[str], Any]:
    """A module `__getattr__` giving each name in `where` from the module named there."""
    namespace = importlib.import_module(package).__dict__

    def __getattr__(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value  # found directly from now on
        return value

    return __getattr__
