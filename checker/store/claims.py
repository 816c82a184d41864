"""The one claim loader: claim files found, every record of every file read and checked, each problem placed.

`read_claims` reads every record it can and lists every problem (file, line, what to fix), so
`lint` reports them all in one run; `load_claims` is the same read for the check, failing with
all the problems at once. The written values are parsed here ("£41.6 million", "10 years").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from checker.errors import ClaimFileError
from checker.models import Claim, Kind, RangeOrScalar, Tolerance, value_of
from checker.store.extensions import EXTENSION_FOLDERS
from checker.store.limits import MAX_CLAIM_FILE_BYTES, MAX_CLAIM_NUMBER, MAX_CLAIMS, OverBudget, megabytes, read_bounded
from checker.store.paths import display_path, walk_files
from checker.store.safe_yaml import YamlProblem, compose_yaml, construct_yaml
from checker.values import Context, Scale, builtin_scales, extract_values
from checker.values.numbers import parse_number, tidy_number

CLAIM_SUFFIXES = (".yaml", ".yml")
CLAIM_FIELDS = ("id", "claim", "kind", "value", "subject", "keywords", "as_of", "tolerance", "scale", "sources",
                "notes")

_DATE_VALUE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_ISO_CURRENCY = re.compile(r"^[A-Z]{3}$")
# What to do about a field of the wrong type, by pydantic's error type.
_TYPE_HINTS = {
    "string_type": "must be text; write it as a plain line, quoted if it holds ': '",
    "tuple_type": "must be a list of text like [staff, employees]",
    "list_type": "must be a list of text like [staff, employees]",
}


@dataclass(frozen=True)
class ClaimProblem:
    """One thing wrong in a claims file: where, a code for tools (`schema`, `yaml`...), and what to fix."""

    file: str
    line: int | None  # None when the problem is the whole file's
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}" if self.line else f"{self.file}: {self.message}"


@dataclass(frozen=True)
class ClaimSet:
    """What the claim files under one path hold: the valid claims, every problem, and where each id stands."""

    claims: tuple[Claim, ...]  # valid and with an id not used before, in file order
    problems: tuple[ClaimProblem, ...]
    # every record's id (valid or not) with its first place (file, line)
    places: Mapping[str, tuple[str, int]] = dataclasses.field(default_factory=dict)


class FieldError(ClaimFileError):
    """A record's problem at one field, with the line of that field."""

    def __init__(self, field: str, line: int, message: str) -> None:
        super().__init__(message)
        self.field, self.line = field, line


FailFactory = Callable[[str, str], ClaimFileError]


def find_claim_files(source: Path) -> list[Path]:
    """Claim files at `source` (a file, or a folder searched recursively), sorted."""
    if source.is_file():
        return [source]
    if not source.is_dir():
        raise ClaimFileError(f"{source}: claims file or folder not found; pass --claims PATH")

    def unreadable(folder: Path, exc: OSError) -> None:
        # A claims folder that cannot be listed would silently check fewer claims: stop instead.
        raise ClaimFileError(f"{display_path(folder)}: claims folder cannot be read ({exc.strerror or exc}); "
                             "give claimcheck permission to read it, or pass --claims PATH without it") from exc

    return sorted(
        (p for p in walk_files(source, unreadable) if p.suffix in CLAIM_SUFFIXES and p.is_file()
         and p.relative_to(source).parts[0] not in EXTENSION_FOLDERS),  # scales and vocabulary are not claims
        key=lambda p: p.relative_to(source).as_posix(),
    )


def load_claims(source: Path, scales: Mapping[str, Scale] | None = None) -> list[Claim]:
    """Every claim under `source`, checked; raises ClaimFileError listing every problem of every file."""
    found = read_claims(source, scales)
    if found.problems:
        raise ClaimFileError("\n".join(str(p) for p in found.problems))
    return sorted(found.claims, key=lambda c: c.id)


def read_claims(source: Path, scales: Mapping[str, Scale] | None = None) -> ClaimSet:
    """Every record of every claim file under `source`: the valid claims, and every problem placed."""
    scales = scales if scales is not None else builtin_scales()
    problems: list[ClaimProblem] = []
    places: dict[str, tuple[str, int]] = {}
    claims: dict[str, Claim] = {}
    records = 0
    for path in find_claim_files(source):
        found = read_claim_file(path, scales, problems)
        records += len(found)
        if records > MAX_CLAIMS:
            problems.append(ClaimProblem(display_path(path), None, "too-many-claims",
                                         f"the claims under {display_path(source)} run past {MAX_CLAIMS} records "
                                         "here; split them into several runs (--claims a subfolder)"))
            break
        for claim_id, place, claim in found:
            first = places.setdefault(claim_id, place)
            if first != place and claim_id != "?":
                problems.append(ClaimProblem(*place, "duplicate-id",
                                             f"claim '{claim_id}': id already used at {first[0]}:{first[1]}; "
                                             "give one of them another id"))
            elif claim is not None:
                claims[claim_id] = claim
    return ClaimSet(tuple(claims.values()), tuple(problems), places)


def read_claim_file(path: Path, scales: Mapping[str, Scale],
                    problems: list[ClaimProblem]) -> list[tuple[str, tuple[str, int], Claim | None]]:
    """(id, place, claim or None when invalid) for each record of one file; its problems go to `problems`."""
    shown = display_path(path)
    try:
        root = _file_root(path, shown)
    except _FileProblem as exc:
        problems.append(exc.problem)
        return []
    if root is None:
        return []
    if not isinstance(root, yaml.SequenceNode | yaml.MappingNode):
        problems.append(ClaimProblem(shown, root.start_mark.line + 1, "schema",
                                     "expected a list of claim records; write each claim as a list item "
                                     "starting '- id: ...'"))
        return []
    if isinstance(root, yaml.SequenceNode) and len(root.value) > MAX_CLAIMS:
        problems.append(ClaimProblem(shown, None, "too-many-claims",
                                     f"{len(root.value)} records, over the {MAX_CLAIMS} one run checks; split the "
                                     "file and check the parts in several runs"))
        return []
    records = []
    for node in root.value if isinstance(root, yaml.SequenceNode) else [root]:
        line = node.start_mark.line + 1
        claim_id, claim = _read_record(node, shown, line, scales, problems)
        records.append((claim_id, (shown, line), claim))
    return records


class _FileProblem(Exception):
    def __init__(self, problem: ClaimProblem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def _file_root(path: Path, shown: str) -> yaml.Node | None:
    """The file's YAML node tree; _FileProblem when the file as a whole cannot be read."""
    def fail(code: str, message: str, line: int | None = None) -> _FileProblem:
        return _FileProblem(ClaimProblem(shown, line, code, message))

    try:
        raw = read_bounded(path, MAX_CLAIM_FILE_BYTES)
    except OverBudget as exc:
        raise fail("unreadable", f"file is over {megabytes(exc.limit)}; split it or remove what is not claims") from exc
    except OSError as exc:
        raise fail("unreadable", f"cannot be read ({exc.strerror or exc}); make it readable, or pass --claims PATH "
                                 "without it") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise fail("unreadable", "not UTF-8 text; save the file as UTF-8") from exc
    if "\x00" in text:
        raise fail("unreadable", "holds NUL bytes, so it is binary or UTF-16; save the file as UTF-8 text")
    try:
        return compose_yaml(text)
    except YamlProblem as exc:
        raise fail("yaml", exc.problem, exc.line) from exc


def _read_record(node: yaml.Node, shown: str, line: int, scales: Mapping[str, Scale],
                 problems: list[ClaimProblem]) -> tuple[str, Claim | None]:
    if not isinstance(node, yaml.MappingNode):
        problems.append(ClaimProblem(shown, line, "schema",
                                     "each claim must be a mapping of fields (id, claim, kind, value, ...)"))
        return "?", None
    key_lines = {k.value: k.start_mark.line + 1 for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
    try:
        record = construct_yaml(node)
    except YamlProblem as exc:
        problems.append(ClaimProblem(shown, exc.line or line, "yaml", exc.problem))
        return "?", None
    if not isinstance(record, dict):
        problems.append(ClaimProblem(shown, line, "schema", "each claim must be a mapping of fields"))
        return "?", None
    claim_id = str(record.get("id", "?"))

    def fail(field: str, message: str) -> ClaimFileError:
        return FieldError(field, key_lines.get(field, line), f"claim '{claim_id}': field '{field}' {message}")

    try:
        return claim_id, build_claim(record, fail, scales, file=shown, line=line)
    except FieldError as exc:
        problems.append(ClaimProblem(shown, exc.line, _problem_code(exc.field, record), str(exc)))
        return claim_id, None


def _problem_code(field: str, record: Mapping[str, Any]) -> str:
    if field == "scale":
        return "unknown-scale"
    if field == "value" and str(record.get("kind", "")).lower() == Kind.RATING.value:
        return "unknown-label"
    return "schema"


def build_claim(record: Mapping[str, Any], fail: FailFactory, scales: Mapping[str, Scale],
                file: str | None = None, line: int | None = None) -> Claim:
    """A Claim from a raw record, the written value parsed; `fail(field, message)` makes the error."""
    for field in ("id", "claim", "kind", "value"):
        if record.get(field) is None:
            raise fail(field, "is required")
    kinds = ", ".join(k.value for k in Kind)
    try:
        kind = Kind(str(record["kind"]).strip().lower())
    except ValueError:
        raise fail("kind", f"must be one of {kinds}, not '{record['kind']}'") from None
    data = dict(record)
    data["kind"] = kind
    data["value"] = parse_claim_value(kind, record["value"], record.get("scale"), scales, fail)
    if "tolerance" in data and data["tolerance"] is not None:
        data["tolerance"] = parse_tolerance(data["tolerance"], fail)
    for listed in ("keywords", "sources"):
        if isinstance(data.get(listed), str | int | float) and not isinstance(data.get(listed), bool):
            data[listed] = [data[listed]]
        if isinstance(data.get(listed), list):
            # people write years unquoted ("keywords: [2008, business plan]"): a number here is its text
            data[listed] = [str(v) if isinstance(v, int | float) and not isinstance(v, bool) else v
                            for v in data[listed]]
    if "as_of" in data and data["as_of"] is not None:
        data["as_of"] = str(data["as_of"])
        if _DATE_VALUE.match(data["as_of"]) and not _real_date(data["as_of"]):
            raise fail("as_of", f"'{data['as_of']}' is not a date in the calendar; write YYYY, YYYY-MM or YYYY-MM-DD")
    data["id"] = str(data["id"])
    data["file"], data["line"] = file, line
    try:
        return Claim.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        field = str(error["loc"][0]) if error["loc"] else "record"
        if error["type"] == "extra_forbidden":
            raise fail(field, f"is not a claim field; known fields: {', '.join(CLAIM_FIELDS)}") from None
        hint = {
            "id": "must be lowercase letters, digits and '-', like 'trust-start-date'",
            "as_of": "must be a date written YYYY, YYYY-MM or YYYY-MM-DD",
        }.get(field) or _TYPE_HINTS.get(error["type"]) or f"is invalid ({error['msg'].lower()}); fix its value"
        raise fail(field, hint) from None


def parse_claim_value(kind: Kind, raw: Any, scale: Any, scales: Mapping[str, Scale],
                      fail: FailFactory) -> RangeOrScalar:
    """The typed value of one written as a person would ("£41.6 million", "10 years", "2014-10", good)."""
    return value_of(kind, _normal_form(kind, raw, scale, scales, fail))


def _normal_form(kind: Kind, raw: Any, scale: Any, scales: Mapping[str, Scale], fail: FailFactory) -> object:
    written = str(raw).strip()
    example = {
        Kind.DATE: '"2014-10-01", "2014-10" or "2014"', Kind.MONEY: '"£47m" or {amount: 47000000, currency: GBP}',
        Kind.COUNT: "450", Kind.PERCENT: '63 or "63%"', Kind.DURATION: '"10 years" or "18 months"',
        Kind.RATING: "a label of its scale, e.g. good",
    }[kind]
    problem = fail("value", f"'{written}' is not a {kind.value}; write it like {example}")
    if kind is Kind.DATE:
        if isinstance(raw, int) and 1000 <= raw <= 9999:
            return str(raw)
        if hasattr(raw, "isoformat"):
            return str(raw.isoformat())[:10]
        if _DATE_VALUE.match(written):
            if not _real_date(written):
                raise fail("value", f"'{written}' is not a date in the calendar; write it like {example}")
            return written
        return _single_value(kind, written, problem)
    if kind is Kind.MONEY:
        if isinstance(raw, Mapping):
            amount, currency = raw.get("amount"), str(raw.get("currency", "")).upper()
            if (not isinstance(amount, int | float) or isinstance(amount, bool) or not _ISO_CURRENCY.match(currency)):
                raise fail("value", "money must have a numeric 'amount' and a three-letter 'currency' like GBP")
            return {"amount": tidy_number(_bounded(amount, str(amount), fail)), "currency": currency}
        return _single_value(kind, written, problem)
    if kind in (Kind.COUNT, Kind.PERCENT):
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            return tidy_number(_bounded(raw, written, fail))
        number = parse_number(written.rstrip("%").strip())
        if number is not None and math.isfinite(number):
            return tidy_number(_bounded(number, written, fail))
        return _single_value(kind, written, problem)
    if kind is Kind.DURATION:
        return _single_value(kind, written, problem)
    # rating
    if scale is None:
        raise fail("scale", f"is required for a rating; one of {', '.join(sorted(scales))}")
    if str(scale) not in scales:
        known = ", ".join(sorted(scales))
        raise fail("scale", f"'{scale}' is not a known scale; use one of {known} or add a scale file")
    label = scales[str(scale)].label_of(written)
    if label is None:
        labels = ", ".join(scales[str(scale)].labels)
        raise fail("value", f"'{written}' is not a label of scale '{scale}'; use one of {labels}")
    return label


def _bounded(number: float, written: str, fail: FailFactory) -> float:
    """`number` when it is finite and at most MAX_CLAIM_NUMBER in size; else the field's error."""
    shown = written if len(written) <= 40 else f"{written[:20]}...({len(written)} characters)"
    try:
        size = abs(float(number))
    except OverflowError:
        size = math.inf
    if not math.isfinite(size) or size > MAX_CLAIM_NUMBER:
        raise fail("value", f"'{shown}' is too large a number (at most {MAX_CLAIM_NUMBER:.0e}); "
                            "write the value the sources state")
    return float(number) if isinstance(number, float) else number


def _single_value(kind: Kind, written: str, problem: ClaimFileError) -> RangeOrScalar:
    found = [v for v in extract_values(written, Context()) if v.kind is kind]
    if len(found) != 1:
        raise problem
    return found[0].value


def parse_tolerance(raw: Any, fail: FailFactory) -> Tolerance:
    """'5%' as a relative tolerance, a plain number as an absolute one."""
    written = str(raw).strip()
    try:
        amount = float(written.removesuffix("%"))
    except ValueError:
        amount = math.nan
    if not math.isfinite(amount) or amount < 0:
        raise fail("tolerance", f"'{written}' must be a percentage like 5% or a number like 10")
    return Tolerance(relative=amount / 100) if written.endswith("%") else Tolerance(absolute=amount)


def _real_date(written: str) -> bool:
    """'2014', '2014-10' or '2014-10-01' naming a day, month or year that exists."""
    try:
        dt.date.fromisoformat((written + "-01-01")[:10])
    except ValueError:
        return False
    return True
