"""Findings as JUnit XML: one test case per claim, failing with its evidence when a source contradicts it."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from checker.findings.conflicts import UNCONFIRMED_MESSAGE, Conflict, Findings, conflict_message, stale_message
from checker.models import Status


def render_junit(findings: Findings) -> str:
    """A <testsuites> document: a suite 'claims' with a case per claim, and a suite 'baseline' for stale entries."""
    by_claim: dict[str, list[Conflict]] = defaultdict(list)
    for conflict in findings.conflicts:
        by_claim[conflict.claim.id].append(conflict)
    root = ET.Element("testsuites", name="claimcheck")
    suite = ET.SubElement(root, "testsuite", name="claims")
    for claim in findings.report.claims:
        case = ET.SubElement(suite, "testcase", name=claim.id, classname=_classname(claim.file))
        if claim.file:
            case.set("file", claim.file)
        if claim.line is not None:
            case.set("line", str(claim.line))
        conflicts = by_claim.get(claim.id, [])
        new = [c for c in conflicts if c.accepted is None]
        if new:
            failure = ET.SubElement(case, "failure", type="conflict",
                                    message=f"{len(new)} conflicting mention(s) not accepted by the baseline")
            failure.text = "\n\n".join(_evidence(c, findings) for c in new)
        elif claim.status is Status.UNCONFIRMED:
            outcome = ET.SubElement(case, "failure" if findings.strict else "skipped", message=UNCONFIRMED_MESSAGE)
            if findings.strict:
                outcome.set("type", "unconfirmed")
        accepted = [c for c in conflicts if c.accepted is not None]
        if accepted:
            out = ET.SubElement(case, "system-out")
            out.text = "\n\n".join(f"accepted in {findings.baseline_path}: {c.accepted.reason or 'no reason given'}\n"
                                   f"{_evidence(c, findings)}" for c in accepted if c.accepted)
    _count(suite)
    if findings.stale:
        stale_suite = ET.SubElement(root, "testsuite", name="baseline")
        for entry in findings.stale:
            case = ET.SubElement(stale_suite, "testcase", name=f"{entry.claim} in {entry.article}",
                                 classname="baseline")
            if findings.baseline_path:
                case.set("file", findings.baseline_path)
            if entry.line is not None:
                case.set("line", str(entry.line))
            if findings.strict:
                ET.SubElement(case, "failure", type="stale", message=stale_message(entry))
            else:
                ET.SubElement(case, "skipped", message=stale_message(entry))
        _count(stale_suite)
    for key in ("tests", "failures", "errors", "skipped"):
        root.set(key, str(sum(int(s.get(key, "0")) for s in root)))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _evidence(conflict: Conflict, findings: Findings) -> str:
    where = f"{conflict.path}:{conflict.line}" if conflict.path and conflict.line else conflict.mention.article
    return (f"{where}: {conflict_message(conflict, findings.published)}\n"
            f"  sentence: {conflict.mention.sentence}")


def _classname(file: str | None) -> str:
    # Dashboards group cases by dotted class name; the claim file without its suffix reads well there.
    if not file:
        return "claims"
    stem = file.rsplit(".", 1)[0] if file.endswith((".yaml", ".yml")) else file
    return stem.replace("/", ".")


def _count(suite: ET.Element) -> None:
    cases = suite.findall("testcase")
    suite.set("tests", str(len(cases)))
    suite.set("failures", str(sum(1 for c in cases if c.find("failure") is not None)))
    suite.set("errors", "0")
    suite.set("skipped", str(sum(1 for c in cases if c.find("skipped") is not None)))
