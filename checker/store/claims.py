"""Reading claim files: YAML with line numbers, written values parsed, errors that name their place."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from checker.errors import ClaimFileError
from checker.models import Claim, Kind, NormalValue, Tolerance
from checker.store.paths import display_path
from checker.store.safe_yaml import YamlProblem, compose_yaml, construct_yaml
from checker.values import Context, Scale, builtin_scales, extract_values
from checker.values.numbers import parse_number, tidy_number

CLAIM_SUFFIXES = (".yaml", ".yml")
# A claims file is small, hand-written YAML; anything bigger is a mistake (or an attack).
MAX_CLAIM_FILE_BYTES = 5 * 1024 * 1024

_DATE_VALUE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_ISO_CURRENCY = re.compile(r"^[A-Z]{3}$")
# What to do about a field of the wrong type, by pydantic's error type.
_TYPE_HINTS = {
    "string_type": "must be text; write it as a plain line, quoted if it holds ': '",
    "tuple_type": "must be a list of text like [staff, employees]",
    "list_type": "must be a list of text like [staff, employees]",
}


def find_claim_files(source: Path) -> list[Path]:
    """Claim files at `source` (a file, or a folder searched recursively), sorted."""
    if source.is_file():
        return [source]
    if not source.is_dir():
        raise ClaimFileError(f"{source}: claims file or folder not found; pass --claims PATH")
    return sorted(
        (p for p in source.rglob("*") if p.suffix in CLAIM_SUFFIXES and p.is_file() and not p.name.startswith(".")),
        key=lambda p: p.relative_to(source).as_posix(),
    )


def load_claims(source: Path, scales: Mapping[str, Scale] | None = None) -> list[Claim]:
    """Every claim under `source`, checked; all problems of all files are reported together."""
    scales = scales if scales is not None else builtin_scales()
    claims: list[Claim] = []
    problems: list[str] = []
    for path in find_claim_files(source):
        try:
            claims.extend(read_claim_file(path, scales))
        except ClaimFileError as exc:
            problems.append(str(exc))
    seen: dict[str, Claim] = {}
    for claim in claims:
        if claim.id in seen:
            first = seen[claim.id]
            problems.append(
                f"{claim.file}:{claim.line}: claim '{claim.id}': id already used at {first.file}:{first.line}; "
                "give one of them another id"
            )
        seen[claim.id] = claim
    if problems:
        raise ClaimFileError("\n".join(problems))
    return sorted(claims, key=lambda c: c.id)


def read_claim_file(path: Path, scales: Mapping[str, Scale]) -> list[Claim]:
    """The claims of one file; raises ClaimFileError naming file, line, claim and field."""
    shown = display_path(path)
    try:
        if path.stat().st_size > MAX_CLAIM_FILE_BYTES:
            limit = MAX_CLAIM_FILE_BYTES // 1024 // 1024
            raise ClaimFileError(f"{shown}: file is over {limit} MB; split it or remove what is not claims")
        raw = path.read_bytes()
    except OSError as exc:
        raise ClaimFileError(f"{shown}: cannot be read ({exc.strerror or exc})") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ClaimFileError(f"{shown}: not UTF-8 text; save the file as UTF-8") from exc
    if "\x00" in text:
        raise ClaimFileError(f"{shown}: holds NUL bytes, so it is binary or UTF-16; save the file as UTF-8 text")
    try:
        root = compose_yaml(text)
    except YamlProblem as exc:
        raise ClaimFileError(f"{shown}:{exc.line}: {exc.problem}" if exc.line else f"{shown}: {exc.problem}") from exc
    if root is None:
        return []
    nodes = root.value if isinstance(root, yaml.SequenceNode) else [root]
    if not isinstance(root, yaml.SequenceNode | yaml.MappingNode):
        raise ClaimFileError(f"{shown}:{root.start_mark.line + 1}: expected a list of claim records; "
                             "write each claim as a list item starting '- id: ...'")
    claims = []
    for node in nodes:
        claims.append(_claim_from_node(node, shown, scales))
    return claims


def _claim_from_node(node: yaml.Node, shown: str, scales: Mapping[str, Scale]) -> Claim:
    line = node.start_mark.line + 1
    if not isinstance(node, yaml.MappingNode):
        raise ClaimFileError(f"{shown}:{line}: each claim must be a mapping of fields (id, claim, kind, value, ...)")
    key_lines = {k.value: k.start_mark.line + 1 for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
    try:
        record = construct_yaml(node)
    except YamlProblem as exc:
        raise ClaimFileError(f"{shown}:{exc.line or line}: {exc.problem}") from exc
    if not isinstance(record, dict):
        raise ClaimFileError(f"{shown}:{line}: each claim must be a mapping of fields")
    claim_id = str(record.get("id", "?"))

    def fail(field: str, message: str) -> ClaimFileError:
        return ClaimFileError(f"{shown}:{key_lines.get(field, line)}: claim '{claim_id}': field '{field}' {message}")

    return build_claim(record, fail, scales, file=shown, line=line)


FailFactory = Any  # Callable[[str, str], ClaimFileError]


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
        if isinstance(data.get(listed), str):
            data[listed] = [data[listed]]
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
            raise fail(field, "is not a claim field; known fields: id, claim, kind, value, subject, keywords, "
                              "as_of, tolerance, scale, sources, notes") from None
        hint = {
            "id": "must be lowercase letters, digits and '-', like 'trust-start-date'",
            "as_of": "must be a date written YYYY, YYYY-MM or YYYY-MM-DD",
        }.get(field) or _TYPE_HINTS.get(error["type"]) or f"is invalid ({error['msg'].lower()}); fix its value"
        raise fail(field, hint) from None


def parse_claim_value(kind: Kind, raw: Any, scale: Any, scales: Mapping[str, Scale], fail: FailFactory) -> NormalValue:
    """The normalised form of a value written as a person would ("£41.6 million", "10 years")."""
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
            if (not isinstance(amount, int | float) or isinstance(amount, bool) or not math.isfinite(amount)
                    or not _ISO_CURRENCY.match(currency)):
                raise fail("value", "money must have a numeric 'amount' and a three-letter 'currency' like GBP")
            return {"amount": tidy_number(amount), "currency": currency}
        return _single_value(kind, written, problem)
    if kind in (Kind.COUNT, Kind.PERCENT):
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            if not math.isfinite(raw):
                raise problem
            return tidy_number(raw)
        number = parse_number(written.rstrip("%").strip())
        if number is not None and math.isfinite(number):
            return tidy_number(number)
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


def _single_value(kind: Kind, written: str, problem: ClaimFileError) -> NormalValue:
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
