"""Where bundled data files live: `resources/` in a checkout, else the installed copy."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """The resources folder: the checkout's `resources/`, else the one packaged with the wheel."""
    checkout = _PACKAGE_DIR.parent / "resources"
    if checkout.is_dir():
        return checkout
    return _PACKAGE_DIR / "_resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
