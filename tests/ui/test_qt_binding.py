"""Guards against a Qt binding that corrupts Python's reference to None.

PySide6 6.12.0 on Python 3.11 drops one reference to None on every call of a method that
returns nothing; a long session then aborts the interpreter ("none_dealloc").
"""

import sys

from PySide6.QtCore import QObject


def test_void_qt_calls_keep_the_reference_count_of_none() -> None:
    obj = QObject()
    before = sys.getrefcount(None)
    for _ in range(2000):
        obj.setObjectName("probe")
    assert sys.getrefcount(None) >= before - 50
