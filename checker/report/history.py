"""What changed since a previous JSON result: new and resolved conflicts, new and removed claims and articles.

The previous result is read leniently (only the contract's fields are used), so a file written by
an older or newer claimcheck still compares.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.errors import ConfigError
from checker.models import SCHEMA, Report
from checker.store.limits import MAX_PREVIOUS_BYTES, MAX_PREVIOUS_DEPTH, OverBudget, megabytes, read_bounded
from checker.store.paths import display_path

# The JSON result's name beside the HTML report that `report` compares with by default.
DEFAULT_NAME = "report.json"

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ConflictChange:
    """A conflicting value that appeared or went away: which claim, which article, what value."""

    claim_id: str
    kind: str
    article_id: str
    value: Any


@dataclass(frozen=True)
class Snapshot:
    """The parts of a JSON result a comparison needs."""

    source: str  # the file it was read from, as shown to the user
    generated: str | None
    claim_kinds: Mapping[str, str]
    article_ids: frozenset[str]
    conflicts: Mapping[tuple[str, str, str], ConflictChange]


@dataclass(frozen=True)
class Changes:
    """The differences between a previous result and the current one, each list sorted by id."""

    source: str
    previous_generated: str | None
    new_conflicts: tuple[ConflictChange, ...]
    resolved_conflicts: tuple[ConflictChange, ...]
    new_claims: tuple[str, ...]
    removed_claims: tuple[str, ...]
    new_articles: tuple[str, ...]
    removed_articles: tuple[str, ...]

    @property
    def empty(self) -> bool:
        """True when nothing changed."""
        return not (self.new_conflicts or self.resolved_conflicts or self.new_claims or self.removed_claims
                    or self.new_articles or self.removed_articles)


def load_previous(path: Path) -> Snapshot:
    """Read a JSON result written by `claimcheck report --json`; ConfigError names the file when it is not one."""
    shown = display_path(path)
    try:
        data = json.loads(read_bounded(path, MAX_PREVIOUS_BYTES).decode("utf-8"))
    except OverBudget as exc:
        raise ConfigError(f"{shown}: the previous result is over {megabytes(exc.limit)}, more than claimcheck "
                          "compares with; give a smaller result with --previous FILE") from exc
    except OSError as exc:
        raise ConfigError(f"{shown}: cannot read the previous result ({exc.strerror or exc}); "
                          "check the --previous path") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{shown}: the previous result is not JSON ({exc}); give a file written by "
                          "`claimcheck report --json`") from exc
    except RecursionError:
        raise _too_deep(shown) from None  # nested past what the parser itself takes
    if _depth_over(data, MAX_PREVIOUS_DEPTH):
        raise _too_deep(shown)
    return snapshot(data, shown)


def _too_deep(shown: str) -> ConfigError:
    return ConfigError(f"{shown}: the previous result nests deeper than {MAX_PREVIOUS_DEPTH} levels, so it is not "
                       "a claimcheck result; give a file written by `claimcheck report --json`")


def _depth_over(data: Any, limit: int) -> bool:
    """True when `data` nests more than `limit` lists and objects deep (walked without recursion)."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > limit:
            return True
        children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False


def find_previous(explicit: Path | None, out: Path, json_path: Path | None) -> Snapshot | None:
    """The result to compare with: `explicit`, else the --json target before it is overwritten, else
    report.json beside the HTML report; None when there is none.

    An explicit file must be a result (ConfigError otherwise); a default one that is not is
    skipped with a warning, since the user did not ask for it.
    """
    if explicit is not None:
        return load_previous(explicit)
    candidates = [p for p in (json_path, out.parent / DEFAULT_NAME if str(out) != "-" else None)
                  if p is not None and str(p) != "-"]
    for path in candidates:
        if path.is_file():
            try:
                return load_previous(path)
            except ConfigError as exc:
                _log.warning("%s; not comparing with it", exc)
                return None
    return None


def snapshot(data: Any, source: str) -> Snapshot:
    """The comparable parts of a parsed JSON result; ConfigError when it does not follow CONTRACT.md."""
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise ConfigError(f"{source}: not a claimcheck result (no \"schema\": \"{SCHEMA}\"); give a file written "
                          "by `claimcheck report --json`")
    try:
        kinds = {str(c["id"]): str(c["kind"]) for c in data.get("claims", [])}
        conflicts = {}
        for claim in data.get("claims", []):
            for mention in claim.get("mentions", []):
                if mention.get("verdict") == "conflicts":
                    change = ConflictChange(str(claim["id"]), str(claim["kind"]), str(mention["article"]),
                                            mention.get("value"))
                    conflicts[_key(change)] = change
        articles = frozenset(str(a["id"]) for a in data.get("articles", []))
    except (KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(f"{source}: a claim, mention or article lacks a field CONTRACT.md requires ({exc}); "
                          "give a file written by `claimcheck report --json`") from exc
    generated = data.get("generated")
    return Snapshot(source, generated if isinstance(generated, str) else None, kinds, articles, conflicts)


def compare(previous: Snapshot, current: Report) -> Changes:
    """What `current` adds to and takes from `previous`."""
    now = snapshot(current.model_dump(mode="json", by_alias=True), "current")
    return Changes(
        source=previous.source,
        previous_generated=previous.generated,
        new_conflicts=tuple(now.conflicts[k] for k in sorted(now.conflicts.keys() - previous.conflicts.keys())),
        resolved_conflicts=tuple(previous.conflicts[k]
                                 for k in sorted(previous.conflicts.keys() - now.conflicts.keys())),
        new_claims=tuple(sorted(now.claim_kinds.keys() - previous.claim_kinds.keys())),
        removed_claims=tuple(sorted(previous.claim_kinds.keys() - now.claim_kinds.keys())),
        new_articles=tuple(sorted(now.article_ids - previous.article_ids)),
        removed_articles=tuple(sorted(previous.article_ids - now.article_ids)),
    )


def _key(change: ConflictChange) -> tuple[str, str, str]:
    # The same value written 657 or 657.0 is one value: compare canonical JSON.
    value = json.dumps(_canonical(change.value), sort_keys=True, default=str)
    return change.claim_id, change.article_id, value


def _canonical(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in value.items()}
    return value
