"""The one exception tree that callers catch: every user mistake is a CheckerError."""

from __future__ import annotations


class CheckerError(Exception):
    """A problem with the user's input or environment, shown as one line and exit status 2."""


class ClaimFileError(CheckerError):
    """A claims file cannot be read or a record in it is invalid."""


class ArticleFileError(CheckerError):
    """An article file or folder cannot be read."""


class ArticleSkipped(ArticleFileError):
    """One article cannot be used: it is skipped with a warning, counted, and the run goes on."""

    def __init__(self, shown: str, reason: str, line: int | None = None) -> None:
        super().__init__(f"{shown}:{line}: {reason}" if line else f"{shown}: {reason}")
        self.shown, self.reason, self.line = shown, reason, line

    @property
    def warning(self) -> str:
        """The one line that says which article was skipped, why, and what to do."""
        place = f"{self.shown}:{self.line}" if self.line else self.shown
        return f"{place}: skipped, {self.reason}"


class ConfigError(CheckerError):
    """A setting, scale file or option value is invalid."""


class OutputError(CheckerError):
    """An output file cannot be written."""
