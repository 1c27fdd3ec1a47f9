"""How big a file Briefing reads (a module of its own: the command line's help shows it)."""

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
