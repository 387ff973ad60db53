"""tendik: gender-equality statistics you can trace back to their sources and check."""

__version__ = "0.1.0"
