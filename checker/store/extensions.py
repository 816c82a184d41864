"""What users keep beside their claims to teach claimcheck their field: rating scales and predicate vocabulary.

A claims folder may hold `scales/*.yaml` (rating scales, the format of checker/data/scales/ofsted.yaml)
and `vocabulary/*.yaml` (predicate phrases, the format of checker/data/vocabulary/predicates.yaml);
for a single claims file, the folders beside it. They add to what the package ships.
"""

from __future__ import annotations

import functools
import importlib.resources
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from checker.errors import ConfigError
from checker.models import Kind
from checker.store.limits import MAX_CLAIM_FILE_BYTES, OverBudget, megabytes, read_bounded
from checker.store.paths import display_path
from checker.store.safe_yaml import YamlProblem, load_yaml
from checker.values import Scale, builtin_scales
from checker.values.ratings import read_scale

# Folders of a claims folder that hold extensions, not claims.
SCALES_FOLDER = "scales"
VOCABULARY_FOLDER = "vocabulary"
EXTENSION_FOLDERS = frozenset({SCALES_FOLDER, VOCABULARY_FOLDER})
KIND_NAMES = frozenset(k.value for k in Kind)
_PREDICATE_FIELDS = frozenset({"name", "kinds", "phrases", "fits", "roles_only", "reach", "compound_only"})


def _beside(claims_path: Path, folder: str) -> list[Path]:
    base = claims_path if claims_path.is_dir() else claims_path.parent
    found = base / folder
    return sorted(p for p in found.glob("*.y*ml") if p.is_file()) if found.is_dir() else []


def load_scales(claims_path: Path) -> dict[str, Scale]:
    """The shipped rating scales and those in the `scales/` folder beside the claims (these may replace one)."""
    scales = builtin_scales()
    for path in _beside(claims_path, SCALES_FOLDER):
        shown = display_path(path)
        try:
            # the safe loader, bounded, as for claims: a scale file beside them comes from the same strangers
            data = load_yaml(_read_text(path, "scale"))
        except YamlProblem as exc:
            raise ConfigError(f"{shown}:{exc.line or 1}: {exc.problem}") from exc
        scale = read_scale(data, shown)
        scales[scale.name] = scale
    return scales


def load_vocabulary(claims_path: Path | None = None) -> list[dict[str, Any]]:
    """The predicate records: the shipped vocabulary, then those of `vocabulary/` beside the claims."""
    records = list(_builtin_vocabulary())
    for path in _beside(claims_path, VOCABULARY_FOLDER) if claims_path is not None else []:
        records.extend(_read_vocabulary(_read_text(path, "vocabulary"), display_path(path)))
    return records


def _read_text(path: Path, what: str) -> str:
    """A scale or vocabulary file's text: hand-written YAML beside the claims, read as a claims file is."""
    shown = display_path(path)
    try:
        return read_bounded(path, MAX_CLAIM_FILE_BYTES).decode("utf-8-sig")
    except OverBudget as exc:
        raise ConfigError(f"{shown}: {what} file is over {megabytes(exc.limit)}; split it or remove what is not "
                          f"{what}") from exc
    except OSError as exc:
        raise ConfigError(f"{shown}: {what} file cannot be read ({exc.strerror or exc}); make it readable, or "
                          "move it out of the claims folder") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{shown}: {what} file is not UTF-8 text; save it as UTF-8") from exc


@functools.cache
def _builtin_vocabulary() -> tuple[dict[str, Any], ...]:
    entry = importlib.resources.files("checker") / "data" / "vocabulary" / "predicates.yaml"
    return tuple(_read_vocabulary(entry.read_text(encoding="utf-8"), "checker/data/vocabulary/predicates.yaml"))


def _read_vocabulary(text: str, shown: str) -> list[dict[str, Any]]:
    try:
        data = load_yaml(text)
    except YamlProblem as exc:
        raise ConfigError(f"{shown}:{exc.line or 1}: {exc.problem}") from exc
    if not isinstance(data, Mapping) or not isinstance(data.get("predicates"), list):
        raise ConfigError(f"{shown}: a vocabulary file is a mapping with a list 'predicates'; "
                          "see checker/data/vocabulary/predicates.yaml")
    records = []
    for n, item in enumerate(data["predicates"], 1):
        if not isinstance(item, Mapping) or not isinstance(item.get("name"), str):
            raise ConfigError(f"{shown}: predicate {n} needs a 'name'; write '- name: budget'")
        unknown = sorted(str(k) for k in item if k not in _PREDICATE_FIELDS)
        if unknown:
            raise ConfigError(f"{shown}: predicate '{item['name']}': '{unknown[0]}' is not a field; "
                              f"use {', '.join(sorted(_PREDICATE_FIELDS))}")
        bad = sorted(str(k) for k in item.get("kinds", []) if str(k) not in KIND_NAMES) \
            if isinstance(item.get("kinds", []), list) else []
        if bad:
            raise ConfigError(f"{shown}: predicate '{item['name']}': '{bad[0]}' is not a kind; "
                              f"use {', '.join(sorted(KIND_NAMES))}")
        for field in ("kinds", "phrases", "fits"):
            value = item.get(field, [])
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                raise ConfigError(f"{shown}: predicate '{item['name']}': '{field}' must be a list of words")
        reach = item.get("reach")
        if reach is not None and (not isinstance(reach, int) or isinstance(reach, bool) or not 0 <= reach <= 50):
            raise ConfigError(f"{shown}: predicate '{item['name']}': 'reach' must be a whole number of words "
                              "from 0 to 50")
        for flag in ("roles_only", "compound_only"):
            if not isinstance(item.get(flag, False), bool):
                raise ConfigError(f"{shown}: predicate '{item['name']}': '{flag}' must be true or false")
        records.append({"name": item["name"].strip().lower(), "kinds": item.get("kinds", []),
                        "phrases": item.get("phrases", []), "fits": item.get("fits", []),
                        "roles_only": bool(item.get("roles_only", False)), "reach": reach,
                        "compound_only": bool(item.get("compound_only", False)), "source": shown})
    return records
