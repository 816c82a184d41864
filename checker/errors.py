"""The one exception tree that callers catch: every user mistake is a CheckerError."""

from __future__ import annotations


class CheckerError(Exception):
    """A problem with the user's input or environment, shown as one line and exit status 2."""


class ClaimFileError(CheckerError):
    """A claims file cannot be read or a record in it is invalid."""


class ArticleFileError(CheckerError):
    """An article file or folder cannot be read."""


class ConfigError(CheckerError):
    """A setting, scale file or option value is invalid."""


class OutputError(CheckerError):
    """An output file cannot be written."""
