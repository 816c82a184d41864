"""Of several values of one statement that pass the gates for one claim, which are the claim's.

A part and its whole ("20 of the 73 schools", "$93bn, of which SLS is $23.8bn") go to the claim whose
words stand nearer; a sum in a clause of its own without the claim's words gives way to one whose clause
holds them; otherwise a value another outranks stays a candidate, marked, for the confidence to weigh.
"""

from __future__ import annotations

import re
from dataclasses import replace

from checker.matching.confidence import confidence_of
from checker.matching.decision import Decision
from checker.matching.roles import Binding
from checker.models import Kind

# Of several values of the claim's kind in one statement, one is kept when its local evidence is
# at least this share of the strongest one's ("from good to requires improvement" keeps both).
MIN_ATTRIBUTION = 0.75


def attributed(decisions: list[Decision]) -> list[Decision]:
    """Of several values in one statement for one claim, mark those another value outranks, and weigh again.

    Another value outranks one when it is bound to the claim's predicate and this one is not, or when the
    claim's words stand far closer to it ("an additional £8.5m has been allocated ... a further £4.03m
    of one-off funding"). Both stay candidates: the confidence weighs the difference. The two ends of a
    change ("rose from £80m to £95m") never outrank each other, and a date's new time ("pushed back to 2035")
is never outranked by the old one.
    """
    kept = [d for d in decisions if d.failed is None and d.evidence is not None]
    if len(kept) < 2:
        return decisions
    out = []
    for d in decisions:
        pair = next((o for o in kept if o is not d and _partitive(d, o)), None)
        if pair is not None and d.evidence is not None and pair.evidence is not None \
                and pair.evidence.local > d.evidence.local:
            # "close about 20 of the 73 schools": the part and the whole are two values, and the claim's
            # words stand nearer one of them
            relation = (f"a part of \"{pair.value.text}\"" if _part_of(d, pair)
                        else f"the whole \"{pair.value.text}\" is a part of")
            out.append(replace(d, failed=f"{relation}, and the claim's words stand nearer that",
                               evidence=None, confidence=0.0))
            continue
        if d not in kept or d.evidence is None or d.value.role in ("from", "to") or d.moved:
            out.append(d)
            continue
        others = [o.evidence for o in kept if o is not d and o.evidence is not None]
        if _clause_of_its_own(d) and any(o.clause > 0.0 and o.local > d.evidence.local and o.role_fits
                                         for o in others):
            out.append(replace(d, failed="another value's clause holds the claim's words, its own none",
                               evidence=None, confidence=0.0))
            continue
        outranked = any((o.role_fits and not d.evidence.role_fits)
                        or o.local * MIN_ATTRIBUTION > d.evidence.local for o in others)
        evidence = replace(d.evidence, outranked=outranked)
        out.append(replace(d, evidence=evidence, confidence=confidence_of(evidence)))
    return out


def _clause_of_its_own(d: Decision) -> bool:
    """True for an amount, count or share bound to a role of the claim's predicate in a clause without one of
    the claim's words: ", and in July the council approved a further £4.03m of one-off funding" is a sum of
    its own beside "an additional £8.5m has been allocated to children's social care"."""
    evidence = d.evidence
    return evidence is not None and d.value.kind in (Kind.MONEY, Kind.COUNT, Kind.PERCENT) \
        and evidence.clause == 0.0 and evidence.role_fits and evidence.binding >= Binding.LINKED


# Between a part and its whole: "20 of the 73 schools", "three of its five sites".
_PARTITIVE = re.compile(r"\s+(?:out\s+)?of\s+(?:the|its|their|these|those|all|all\s+the)?\s*$", re.IGNORECASE)
# A whole, then its part: "$93bn through 2025, of which SLS alone is $23.8bn", "cuts of £40m, £15m of it in care".
_WHOLE_OF_WHICH = re.compile(r",\s*of\s+which\b", re.IGNORECASE)
_PART_OF_IT = re.compile(r"\s+of\s+(?:it|that|this)\b", re.IGNORECASE)


def _part_of(a: Decision, b: Decision) -> bool:
    """Of two partitive values, True when `a` is the part: the first of "20 of the 73", the second otherwise."""
    first = a.value.start < b.value.start
    counted = a.value.kind is Kind.COUNT and _PARTITIVE.fullmatch(
        a.statement.sentence.text[min(a.value.end, b.value.end) - a.statement.sentence.start:
                                  max(a.value.start, b.value.start) - a.statement.sentence.start])
    return first if counted else not first


def _partitive(a: Decision, b: Decision) -> bool:
    """True when two values of one statement are a part and its whole: two counts ("20 of the 73 schools"),
    or two amounts or counts of which the later is the earlier's part ("of which", "£15m of it")."""
    first, second = sorted((a.value, b.value), key=lambda v: v.start)
    base, text = a.statement.sentence.start, a.statement.sentence.text
    between = text[first.end - base:second.start - base]
    if first.kind is Kind.COUNT and second.kind is Kind.COUNT and _PARTITIVE.fullmatch(between):
        return True
    return first.kind is second.kind and first.kind in (Kind.MONEY, Kind.COUNT) and (
        bool(_WHOLE_OF_WHICH.search(between)) or bool(_PART_OF_IT.match(text, second.end - base)))
