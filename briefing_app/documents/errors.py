from pathlib import Path


class DocumentError(Exception):
    """A file that cannot become a document; `reason` is one line a user can act on."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = Path(path)
        self.reason = reason


class FormatError(Exception):
    """Raised by a format reader (bytes to ParsedText); the reader adds the path."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
