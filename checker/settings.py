"""One frozen Settings for a run: built once (by the CLI, from its options and environment) and passed to every stage.

Nothing else in the package reads the environment or a global: a worker process or a Dask
worker gets these settings with its work, so it runs exactly as this process would.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from checker.errors import ConfigError

# Files bigger than this are skipped with a warning, so one stray dump cannot exhaust memory.
MAX_ARTICLE_BYTES = 20 * 1024 * 1024
# The documented environment variables, read by `Settings.from_environment` alone.
MAX_ARTICLE_BYTES_VARIABLE = "CLAIMCHECK_MAX_ARTICLE_BYTES"
SOURCE_DATE_EPOCH_VARIABLE = "SOURCE_DATE_EPOCH"
# The default --min-confidence, on the 0-1 scale of a mention's `confidence`. Chosen on the tuning half of
# the development corpus (benchmarks/accuracy.py --sweep): 0.45 gave the best balance of precision and recall
# there (F1 0.825: precision 0.786, recall 0.867, conflict recall 1.00), against 0.813 at 0.5 and 0.812 at 0.4.
DEFAULT_MIN_CONFIDENCE = 0.45


class EngineName(StrEnum):
    """Where per-article work runs (`--engine`)."""

    LOCAL = "local"
    DASK = "dask"


def _now() -> dt.datetime:
    return dt.datetime.now(tz=dt.UTC).replace(microsecond=0)


@dataclass(frozen=True)
class Settings:
    """Options of a run that do not come from the claim and article files."""

    # The moment the run is stamped with (the JSON's `generated`; "today" for lint). The CLI pins it
    # from SOURCE_DATE_EPOCH, so the same inputs give the same bytes.
    now: dt.datetime = field(default_factory=_now)
    max_article_bytes: int = MAX_ARTICLE_BYTES
    # Keep each article's analysis here across runs; None analyses every article afresh.
    cache_dir: Path | None = None
    engine: EngineName = EngineName.LOCAL
    workers: int | None = None  # local processes; None for one per core
    scheduler: str | None = None  # the Dask scheduler's address, for the dask engine
    # CheckResult.articles carry their text, which the HTML report shows; a check that only
    # needs the verdicts can drop them and hold far less memory on a large corpus.
    keep_texts: bool = True
    # Mentions whose confidence (0-1) is below this go to a claim's `possible` list, not its `mentions`:
    # they change no status, exit code or annotation. Chosen on the tuning half (benchmarks/RESULTS.md).
    min_confidence: float = DEFAULT_MIN_CONFIDENCE

    @classmethod
    def from_environment(cls, environ: Mapping[str, str], **options: object) -> Settings:
        """Settings from the documented environment variables, then `options` (which win where given)."""
        found: dict[str, object] = {}
        pinned = environ.get(SOURCE_DATE_EPOCH_VARIABLE, "").strip()
        if pinned:
            try:
                found["now"] = dt.datetime.fromtimestamp(int(pinned), tz=dt.UTC)
            except (ValueError, OverflowError, OSError) as exc:
                raise ConfigError(f"{SOURCE_DATE_EPOCH_VARIABLE}={pinned!r} is not a Unix time in seconds; "
                                  "unset it or fix it") from exc
        limit = environ.get(MAX_ARTICLE_BYTES_VARIABLE, "").strip()
        if limit:
            if not limit.isdigit() or int(limit) < 1:
                raise ConfigError(f"{MAX_ARTICLE_BYTES_VARIABLE}={limit!r} is not a number of bytes; "
                                  "set it to a whole number like 50000000, or unset it")
            found["max_article_bytes"] = int(limit)
        found.update({k: v for k, v in options.items() if v is not None})
        return dataclasses.replace(cls(), **found)  # type: ignore[arg-type]

    @property
    def generated(self) -> str:
        """The time stamp as the JSON result writes it: UTC, to the second, "2024-05-01T12:00:00Z"."""
        return self.now.astimezone(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")

    @property
    def today(self) -> dt.date:
        """The day of the run, in UTC."""
        return self.now.astimezone(dt.UTC).date()
