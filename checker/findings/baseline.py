"""The baseline file: conflicts a team has reviewed and accepted, read, written and keyed for matching."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, JsonValue, ValidationError, field_validator

from checker.errors import ConfigError
from checker.models import ClaimResult, Mention, RangeOrScalar, Report, Verdict
from checker.store.limits import MAX_BASELINE_BYTES, OverBudget, megabytes, read_bounded
from checker.store.paths import display_path
from checker.store.safe_yaml import YamlProblem, compose_yaml, construct_yaml

BASELINE_NAME = ".baseline.yaml"

# A conflict is identified by its claim, its article and the value stated: the same
# value in the same article stays accepted when the sentence around it is edited, and
# a different value (the article was changed again) is a new conflict.
ConflictKey = tuple[str, str, str]



class BaselineEntry(BaseModel):
    """One accepted conflict: which claim, which article, which stated value, and why it is accepted."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    claim: str
    article: str
    value: JsonValue  # as the file writes it; compared through canonical_value
    stated: str | None = None
    reason: str | None = None
    accepted_by: str | None = None
    accepted_on: str | None = None
    line: int | None = None  # where the entry starts in its file, for messages; not written

    @field_validator("accepted_on", mode="before")
    @classmethod
    def _date_as_text(cls, value: Any) -> Any:
        # YAML reads an unquoted 2026-11-23 as a date; keep it as the text the curator wrote.
        return value.isoformat() if isinstance(value, dt.date) else value

    @property
    def key(self) -> ConflictKey:
        """The conflict this entry accepts."""
        return (self.claim, self.article, canonical_value(self.value))


@dataclass(frozen=True)
class Baseline:
    """The entries of one baseline file and the path it was read from, as shown to users."""

    path: str
    entries: tuple[BaselineEntry, ...] = ()

    def by_key(self) -> dict[ConflictKey, BaselineEntry]:
        """Entries indexed by the conflict they accept."""
        return {entry.key: entry for entry in self.entries}


def canonical_value(value: RangeOrScalar | JsonValue) -> str:
    """A normalised value as comparable text: sorted keys, and 47000000.0 the same as 47000000."""
    plain = value.model_dump(mode="json") if isinstance(value, BaseModel) else value
    return json.dumps(_plain(plain), sort_keys=True, ensure_ascii=False)


def conflict_key(claim: ClaimResult, mention: Mention) -> ConflictKey:
    """The key a baseline entry must have to accept this conflicting mention."""
    return mention_key(claim.id, mention)


def mention_key(claim_id: str, mention: Mention) -> ConflictKey:
    """`conflict_key` of a mention of the claim `claim_id`."""
    return (claim_id, mention.article, canonical_value(mention.value))


def default_baseline_path(claims_path: Path) -> Path:
    """claims/.baseline.yaml beside the claims: inside the folder, or next to a single claims file."""
    folder = claims_path if claims_path.is_dir() else claims_path.parent
    return folder / BASELINE_NAME


def read_baseline(path: Path) -> Baseline:
    """The baseline at `path`; raises ConfigError naming the file and line when it is not a valid baseline."""
    shown = display_path(path)
    try:
        text = read_bounded(path, MAX_BASELINE_BYTES).decode("utf-8-sig")
    except FileNotFoundError as exc:
        raise ConfigError(f"{shown}: baseline file not found; create it with 'claimcheck baseline'") from exc
    except OverBudget as exc:
        raise ConfigError(f"{shown}: baseline file is over {megabytes(exc.limit)}, more than a baseline holds; "
                          "check that --baseline names one written by 'claimcheck baseline'") from exc
    except OSError as exc:
        raise ConfigError(f"{shown}: baseline file cannot be read ({exc.strerror or exc}); make it readable, or "
                          "pass another --baseline") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{shown}: baseline file cannot be read ({exc}); save it as UTF-8 text") from exc
    try:
        root = compose_yaml(text)
        data = None if root is None else construct_yaml(root)
    except YamlProblem as exc:
        where = f"{shown}:{exc.line}" if exc.line else shown
        raise ConfigError(f"{where}: baseline is not valid YAML ({exc.problem}); fix it or rewrite it with "
                          "'claimcheck baseline'") from exc
    if data is None:
        return Baseline(path=shown)
    if not isinstance(data, list) or not isinstance(root, yaml.SequenceNode):
        raise ConfigError(f"{shown}:1: a baseline must be a YAML list of entries (claim, article, value, reason, ...)")
    entries = []
    for item, node in zip(data, root.value, strict=True):
        line = node.start_mark.line + 1
        if not isinstance(item, dict):
            raise ConfigError(f"{shown}:{line}: a baseline entry must be 'key: value' lines "
                              "(claim, article, value, ...)")
        try:
            entries.append(BaselineEntry.model_validate({**item, "line": line}))
        except ValidationError as exc:
            error = exc.errors()[0]
            field = ".".join(str(p) for p in error["loc"]) or "entry"
            raise ConfigError(f"{shown}:{line}: baseline entry field '{field}': {error['msg'].lower()}; "
                              "an entry has claim, article, value, and optionally stated, reason, accepted_by, "
                              "accepted_on") from exc
    return Baseline(path=shown, entries=tuple(entries))


def baseline_entries(report: Report, previous: Baseline | None = None) -> list[BaselineEntry]:
    """An entry for every conflict in `report`, keeping reason and acceptance of entries already in `previous`."""
    kept = previous.by_key() if previous else {}
    entries: dict[ConflictKey, BaselineEntry] = {}
    for claim in report.claims:
        for mention in claim.mentions:
            key = conflict_key(claim, mention)
            if mention.verdict is not Verdict.CONFLICTS or key in entries:
                continue
            old = kept.get(key)
            entries[key] = BaselineEntry(
                claim=claim.id, article=mention.article, value=mention.value.model_dump(mode="json"),
                stated=mention.text,
                reason=old.reason if old else None, accepted_by=old.accepted_by if old else None,
                accepted_on=old.accepted_on if old else None,
            )
    return sorted(entries.values(), key=lambda e: e.key)


def _plain(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value
