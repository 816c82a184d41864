"""Findings as JUnit XML: one test case per claim, failing with its evidence when a source contradicts it.

JUnit has no warning level, so a claim whose conflicts all carry a caveat (another time, hedged, weak
match) is a skipped case with the property `claimcheck.level` = `warning` and its evidence in
`system-out`; a contradiction is a failure. Text from the input is cleaned of what XML 1.0 cannot carry.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from checker.findings.conflicts import (
    UNCONFIRMED_MESSAGE,
    Conflict,
    Findings,
    conflict_message,
    stale_message,
)
from checker.findings.standing import Standing
from checker.findings.wording import plural
from checker.models import Status

# What XML 1.0 cannot carry (https://www.w3.org/TR/xml/#charsets): C0 controls but tab and line ends,
# lone surrogates and the two non-characters U+FFFE and U+FFFF. Written as their escapes instead.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


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
        contradictions = sum(1 for c in new if c.standing is Standing.OPEN)
        out: list[str] = []
        if contradictions:
            caveated = len(new) - contradictions
            failure = ET.SubElement(case, "failure", type="conflict",
                                    message=plural(contradictions, "contradiction")
                                    + (f" and {plural(caveated, 'caveated difference')}" if caveated else "")
                                    + " not accepted by the baseline")
            failure.text = "\n\n".join(_evidence(c, findings) for c in new)
        elif new:
            properties = ET.SubElement(case, "properties")
            ET.SubElement(properties, "property", name="claimcheck.level", value="warning")
            ET.SubElement(case, "skipped", type="caveated-conflict",
                          message=f"{plural(len(new), 'caveated difference')} not accepted by the baseline: "
                                  "each may not be a real contradiction (see its caveats)")
            out += [_evidence(c, findings) for c in new]
        elif claim.status is Status.UNCONFIRMED:
            outcome = ET.SubElement(case, "failure" if findings.strict else "skipped", message=UNCONFIRMED_MESSAGE)
            if findings.strict:
                outcome.set("type", "unconfirmed")
        out += [_evidence(c, findings) for c in conflicts if c.accepted is not None]
        if out:
            ET.SubElement(case, "system-out").text = "\n\n".join(out)
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
                ET.SubElement(case, "failure", type="stale", message=stale_message(entry, findings))
            else:
                ET.SubElement(case, "skipped", message=stale_message(entry, findings))
        _count(stale_suite)
    for key in ("tests", "failures", "errors", "skipped"):
        root.set(key, str(sum(int(s.get(key, "0")) for s in root)))
    _clean(root)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def xml_text(text: str) -> str:
    """`text` with every character XML 1.0 cannot carry written as its escape (`\\x1b`, `\\ud800`)."""
    return _NOT_XML.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def _evidence(conflict: Conflict, findings: Findings) -> str:
    where = f"{conflict.path}:{conflict.line}" if conflict.path and conflict.line else conflict.mention.article
    return f"{where}: {conflict_message(conflict, findings)}\n  sentence: {conflict.mention.sentence}"


def _clean(element: ET.Element) -> None:
    for node in element.iter():
        if node.text:
            node.text = xml_text(node.text)
        for key, value in node.attrib.items():
            node.attrib[key] = xml_text(value)


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
