"""Findings as SARIF 2.1.0, the format code-scanning views read; accepted conflicts are carried as suppressed.

A contradiction is level `error`, a conflict that carries a caveat (another time, hedged, weak match) level
`warning`. The log is written as ASCII JSON, so no input (not even a lone surrogate) can make it invalid UTF-8.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from checker.findings.baseline import conflict_key
from checker.findings.conflicts import UNCONFIRMED_MESSAGE, Conflict, Findings, conflict_message, stale_message
from checker.findings.standing import Standing
from checker.version import __version__

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

_RULES = (
    ("conflict", "ConflictingValue", "An article states a value that conflicts with a curated claim."),
    ("unconfirmed", "UnconfirmedClaim", "No article states a value for a curated claim."),
    ("stale-baseline-entry", "StaleBaselineEntry", "A baseline entry accepts a conflict that no longer occurs."),
    ("skipped-article", "SkippedArticle", "A file under the articles folder was not read or could not be used."),
)
_RULE_INDEX = {rule_id: n for n, (rule_id, _, _) in enumerate(_RULES)}


def render_sarif(findings: Findings) -> str:
    """One SARIF log with one run: a result per conflict, per unconfirmed claim and per stale entry."""
    results = [_conflict_result(c, findings) for c in findings.conflicts]
    weak = "error" if findings.strict else "warning"
    results += [_result("unconfirmed", weak, f"{claim.id}: {UNCONFIRMED_MESSAGE}", claim.file, claim.line,
                        fingerprint=claim.id) for claim in findings.report.claims if claim in findings.unconfirmed]
    results += [_result("stale-baseline-entry", weak, stale_message(entry, findings), findings.baseline_path,
                        entry.line, fingerprint="|".join(entry.key)) for entry in findings.stale]
    results += [_result("skipped-article", "warning", f"{skipped.path}: skipped, {skipped.reason}", skipped.path,
                        skipped.line, fingerprint=skipped.path) for skipped in findings.report.skipped]
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "claimcheck", "version": __version__, "semanticVersion": __version__,
                "rules": [{"id": rule_id, "name": name, "shortDescription": {"text": text},
                           "defaultConfiguration": {"level": "warning" if rule_id != "conflict" else "error"}}
                          for rule_id, name, text in _RULES],
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return json.dumps(log, indent=2, ensure_ascii=True) + "\n"


def _conflict_result(conflict: Conflict, findings: Findings) -> dict[str, Any]:
    message = f"{conflict.claim.id}: {conflict_message(conflict, findings)}"
    # An accepted conflict keeps the level its caveats give it; the suppression says it was accepted.
    level = "error" if conflict.standing is Standing.OPEN or (
        conflict.standing is Standing.ACCEPTED and not conflict.mention.caveats) else "warning"
    result = _result("conflict", level, message, conflict.path, conflict.line,
                     fingerprint="|".join(conflict_key(conflict.claim, conflict.mention)),
                     snippet=conflict.mention.sentence)
    if conflict.accepted is not None:
        suppression: dict[str, Any] = {"kind": "external", "status": "accepted"}
        if conflict.accepted.reason:
            suppression["justification"] = conflict.accepted.reason
        result["suppressions"] = [suppression]
    return result


def _result(rule_id: str, level: str, message: str, path: str | None, line: int | None, fingerprint: str,
            snippet: str | None = None) -> dict[str, Any]:
    result: dict[str, Any] = {"ruleId": rule_id, "ruleIndex": _RULE_INDEX[rule_id], "level": level,
                              "message": {"text": message}}
    if path:
        physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(path)}}
        if line is not None:
            physical["region"] = {"startLine": line, **({"snippet": {"text": snippet}} if snippet else {})}
        result["locations"] = [{"physicalLocation": physical}]
    # Code-scanning views track a result across runs by its fingerprint, not by its line.
    # (surrogatepass: an id from a file name that is not UTF-8, or a baseline's escape, may hold a lone surrogate)
    key = fingerprint.encode("utf-8", "surrogatepass")
    result["partialFingerprints"] = {"claimcheck/v1": hashlib.sha256(key).hexdigest()[:32]}
    return result


def _uri(path: str) -> str:
    posix = PurePosixPath(path)
    # percent-encoded from the file system's bytes, as as_uri() does: a name need not be UTF-8
    return posix.as_uri() if posix.is_absolute() else quote(os.fsencode(posix.as_posix()))
