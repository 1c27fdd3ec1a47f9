"""The tests' own copies of the project's test material (tests/data/README.md): complete and
unchanged, and, where ../shared is beside the checkout, still the same as the originals there."""

from __future__ import annotations

import hashlib

from tests.conftest import DATA, SHARED

# Where each copied folder came from, beside the checkout.
ORIGINALS = {
    "seeds": SHARED / "seeds",
    "entities-dev": SHARED / "data" / "entities-dev",
    "rijksoverheid-2018": SHARED / "data" / "rijksoverheid-2018",
}


def _sums() -> dict[str, str]:
    lines = (DATA / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    return {name: digest for digest, name in (line.split(maxsplit=1) for line in lines if line)}


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_the_copies_are_complete_and_unchanged() -> None:
    sums = _sums()
    copied = {f"{folder}/{path.name}" for folder in ORIGINALS for path in (DATA / folder).iterdir()}
    assert copied == set(sums)
    assert len([name for name in sums if name.startswith("rijksoverheid-2018/")]) == 19
    for name, digest in sums.items():
        assert _digest((DATA / name).read_bytes()) == digest, name


def test_the_originals_beside_the_checkout_have_not_moved_on() -> None:
    """An extra check where ../shared is present (nothing to compare in a plain clone)."""
    sums = _sums()
    for folder, original in ORIGINALS.items():
        if not original.is_dir():
            continue
        there = {f"{folder}/{path.name}": path for path in original.iterdir()}
        ours = {name for name in sums if name.startswith(f"{folder}/")}
        assert set(there) == ours, f"{original} and tests/data/{folder} list other files"
        for name, path in there.items():
            assert _digest(path.read_bytes()) == sums[name], f"{path} changed: copy it again"
