"""Briefing: search, read and annotate government press releases and briefing notes."""

__version__ = "0.1.0"
