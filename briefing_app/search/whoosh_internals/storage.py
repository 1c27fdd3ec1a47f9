"""Whoosh's file storage, with the segments' term tables mapped into memory.

A search looks words up in every segment's term table (`.trm`): a prefix walks the table's
keys from where the prefix would be, a term asks its hash table. Whoosh's StructFile does a
seek and a read, four Python calls and often a system call, for each key and each length it
reads there (~900 a prefix query at 50,000 documents). Mapped, a read is a slice of memory.
Only term tables are mapped: they are small (~1 MB a 1,000 documents) and read all over;
posting and column files are read in long runs and stay ordinary files, so the pages a
search reads do not count towards the process's memory.
"""

from __future__ import annotations

import mmap
import os
import struct
from typing import Any

from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import StructFile

MAPPED_SUFFIXES = (".trm",)
_UINT = struct.Struct("!I")
_INT = struct.Struct("!i")


class MappedFile(StructFile):
    """A read-only StructFile over a memory map: `get` (what the term tables read with) is a
    slice, and the file-like reads whoosh also uses go to the map's own read/seek/tell."""

    def __init__(self, path: str, name: str) -> None:
        with open(path, "rb") as source:
            # The map holds its own reference to the file: the descriptor can close.
            self._map = mmap.mmap(source.fileno(), 0, access=mmap.ACCESS_READ)
        super().__init__(self._map, name=name)
        self.is_real = False  # no fileno: whoosh reads arrays through `read`, not from a file

    def get(self, position: int, length: int) -> bytes:
        return self._map[position : position + length]

    def get_uint(self, position: int) -> int:
        return int(_UINT.unpack_from(self._map, position)[0])

    def get_int(self, position: int) -> int:
        return int(_INT.unpack_from(self._map, position)[0])


class MappedTermsStorage(FileStorage):
    """FileStorage that opens non-empty term tables as MappedFiles (reading only)."""

    def open_file(self, name: str, **kwargs: Any) -> Any:
        if name.endswith(MAPPED_SUFFIXES) and not kwargs:
            path = self._fpath(name)
            if os.path.getsize(path):  # an empty file cannot be mapped
                return MappedFile(path, name)
        return super().open_file(name, **kwargs)
