"""Near-duplicate documents: a MinHash fingerprint of each document's text, and groups of
documents whose fingerprints say their texts are (nearly) the same.

The fingerprint is taken at import time (in the analysis workers) from the body, case
folded, as overlapping runs of SHINGLE words (split at white space): a changed date line or
a few changed words change only the runs that hold them. SIGNATURE_SIZE minimum hashes
estimate the Jaccard similarity J of two documents' runs (the share of equal minimums), and
with each text's number of runs, how many runs differ. Two documents are near duplicates
when J is at least SIMILARITY, or when J is at least MIN_SIMILARITY and no more than
MAX_DIFFERING runs differ (a short notice with another date line and a few other words: J
alone would fall fast with the length). Near duplicates of near duplicates share a group.
Candidates come from bands of the signature (locality-sensitive hashing), so grouping a
library is a few numpy passes, not a comparison of every pair.

Groups are kept in the catalog; a search collapses the hits of one group into the best
ranked (search/collapse.py). A group is named by its smallest document id (deterministic).
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

SHINGLE = 4  # words per run
SIGNATURE_SIZE = 64  # minimum hashes per document; the fingerprint adds the number of runs
FINGERPRINT_BYTES = 4 * SIGNATURE_SIZE + 4
BANDS = 16  # candidate pairs share all rows of one band (4 rows each)
SIMILARITY = 0.9  # estimated Jaccard similarity of the runs: near duplicates at or above
MIN_SIMILARITY = 0.6  # ... or at least this with few runs differing:
MAX_DIFFERING = 40  # a changed word changes up to 2 * SHINGLE runs: about five words
MIN_WORDS = 8  # texts shorter than this are never grouped (a title, a caption: too little)


def _constants(label: str) -> npt.NDArray[np.uint64]:
    """SIGNATURE_SIZE fixed 64-bit numbers (fingerprints must compare across processes and
    versions: no random generator whose stream may change)."""
    digest = b"".join(
        hashlib.blake2b(f"{label}{i}".encode(), digest_size=8).digest()
        for i in range(SIGNATURE_SIZE)
    )
    return np.frombuffer(digest, dtype="<u8").astype(np.uint64)


_MULTIPLIERS = _constants("briefing-minhash-a") | np.uint64(1)  # odd
_OFFSETS = _constants("briefing-minhash-b")

Signature = npt.NDArray[np.uint32]


# Powers of a 64-bit prime: a run's hash is its words' hashes as the digits of a number.
_PRIME = 1099511628211
_POWERS = [np.uint64(pow(_PRIME, SHINGLE - 1 - k, 2**64)) for k in range(SHINGLE)]


def fingerprint(text: str) -> bytes | None:
    """The document's MinHash signature (SIGNATURE_SIZE little-endian uint32) followed by its
    number of distinct runs, or None for a text too short to compare. Case is folded; accents
    are kept (copies share them)."""
    words = text.casefold().split()  # punctuation stays on its word: copies share it
    if len(words) < MIN_WORDS:
        return None
    hashes = np.fromiter(map(zlib.crc32, map(str.encode, words)), np.uint64, len(words))
    count = len(words) - SHINGLE + 1
    runs = hashes[:count] * _POWERS[0]
    for k in range(1, SHINGLE):
        runs += hashes[k : k + count] * _POWERS[k]  # arrays wrap modulo 2**64 silently
    runs = np.unique(runs)
    # Multiply-shift hashing, one function per column; the high half of each product (the
    # shift after the minimum: the same, on 64 numbers instead of all).
    mixed = np.multiply.outer(runs, _MULTIPLIERS)
    mixed += _OFFSETS
    signature: Signature = (mixed.min(axis=0) >> np.uint64(32)).astype("<u4")
    return signature.tobytes() + min(len(runs), 2**32 - 1).to_bytes(4, "little")


def _split(raw: bytes) -> tuple[Signature, int]:
    return np.frombuffer(raw[:-4], dtype="<u4"), int.from_bytes(raw[-4:], "little")


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two fingerprints' texts (0..1)."""
    return float(np.count_nonzero(_split(a)[0] == _split(b)[0])) / SIGNATURE_SIZE


def near_duplicates(a: bytes, b: bytes) -> bool:
    equal = np.count_nonzero(_split(a)[0] == _split(b)[0])
    runs = np.array([_split(a)[1]]), np.array([_split(b)[1]])
    return bool(_near(np.array([equal]), *runs)[0])


def _near(
    equal: npt.NDArray[np.int64], runs: npt.NDArray[np.int64], other_runs: npt.NDArray[np.int64]
) -> npt.NDArray[np.bool_]:
    """The rule, for arrays of equal minimums and the two sides' numbers of runs."""
    jaccard = equal / SIGNATURE_SIZE
    # |A u B| = (|A| + |B|) / (1 + J); the runs in one text only: (1 - J) |A u B|.
    differing = (1 - jaccard) * (runs + other_runs) / (1 + jaccard)
    return (jaccard >= SIMILARITY) | ((jaccard >= MIN_SIMILARITY) & (differing <= MAX_DIFFERING))


def group_documents(fingerprints: Iterable[tuple[str, bytes]]) -> dict[str, str]:
    """doc id -> group id (the group's smallest doc id), for every document with at least one
    near duplicate; documents without one are left out.

    Documents that share all minimums of a band are candidates; in each band's bucket every
    member is compared with the bucket's first and with its neighbour (a bucket of copies is
    one set; near duplicates of near duplicates meet through some band). All in numpy: a
    Python loop per candidate takes ~1.5 s for 11k documents of which 1,250 have copies."""
    pairs = sorted(
        (doc_id, raw) for doc_id, raw in fingerprints if raw and len(raw) == FINGERPRINT_BYTES
    )
    if len(pairs) < 2:
        return {}
    ids = [doc_id for doc_id, _ in pairs]
    table = np.frombuffer(b"".join(raw for _, raw in pairs), dtype="<u4").reshape(len(ids), -1)
    matrix = table[:, :SIGNATURE_SIZE]
    run_counts = table[:, SIGNATURE_SIZE].astype(np.int64)
    candidates = _candidates(matrix)
    if not len(candidates):
        return {}
    first, second = candidates[:, 0], candidates[:, 1]
    equal = np.count_nonzero(matrix[first] == matrix[second], axis=1)
    near = _near(equal, run_counts[first], run_counts[second])
    parent = list(range(len(ids)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in zip(first[near].tolist(), second[near].tolist(), strict=True):
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)  # the smaller index (smaller id) leads
    roots = [root(i) for i in range(len(ids))]
    sizes: dict[int, int] = {}
    for r in roots:
        sizes[r] = sizes.get(r, 0) + 1
    return {ids[i]: ids[r] for i, r in enumerate(roots) if sizes[r] > 1}


def _candidates(matrix: Signature) -> npt.NDArray[np.int64]:
    """Distinct (smaller, larger) row pairs to compare: per band, each row of a bucket of
    equal band values with the bucket's first row and with the row before it."""
    rows = SIGNATURE_SIZE // BANDS
    found: list[npt.NDArray[np.int64]] = []
    for band in range(BANDS):
        part = matrix[:, band * rows : (band + 1) * rows].astype(np.uint64)
        keys = part[:, 0]
        for column in range(1, rows):  # the band's values as one 64-bit key
            keys = keys * np.uint64(0x100000001B3) ^ part[:, column]
        order = np.argsort(keys, kind="stable")
        ordered = keys[order]
        same = ordered[1:] == ordered[:-1]
        if not same.any():
            continue
        bucket = np.concatenate(([0], np.cumsum(~same)))
        starts = np.flatnonzero(np.concatenate(([True], ~same)))
        leaders = order[starts[bucket]]
        members = np.flatnonzero(leaders != order)
        found.append(np.stack([leaders[members], order[members]], axis=1))
        found.append(np.stack([order[:-1][same], order[1:][same]], axis=1))
    if not found:
        return np.zeros((0, 2), dtype=np.int64)
    every = np.concatenate(found).astype(np.int64)
    every.sort(axis=1)
    size = len(matrix)
    keys = np.unique(every[:, 0] * size + every[:, 1])
    return np.stack([keys // size, keys % size], axis=1)
