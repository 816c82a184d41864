"""Scoring a JSON result against gold mention labels kept in the repo (tests/data/gold).

A reported mention hits a gold entry of the same claim and article whose value it
states; required entries left unhit are misses. Gold value "*" accepts any value,
verdict "either" is not scored. The rules follow CONTRACT.md's notion of equal values.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

DAYS = {"years": 365.25, "months": 30.4375, "weeks": 7.0, "days": 1.0}


def _days(value: Any) -> float | None:
    if not isinstance(value, dict) or not value or set(value) - set(DAYS):
        return None
    return sum(float(n) * DAYS[k] for k, n in value.items())


def states(found: Any, gold: Any) -> bool:
    """True when a reported normalised value stands for the gold one."""
    if isinstance(gold, dict) and set(gold) == {"min", "max"}:
        return isinstance(found, dict) and set(found) == {"min", "max"} and all(
            states(found[k], gold[k]) for k in ("min", "max"))
    if isinstance(found, dict) and len(found) == 1 and set(found) <= {"min", "max"}:
        return states(next(iter(found.values())), gold)
    if isinstance(found, dict) and {"min", "max"} <= set(found):
        return False
    if isinstance(gold, str) and gold[:1].isdigit():
        return isinstance(found, str) and found.startswith(gold)
    if isinstance(gold, str):
        return isinstance(found, str) and found.lower() == gold.lower()
    if isinstance(gold, dict) and "amount" in gold:
        return (isinstance(found, dict) and "amount" in found
                and str(found.get("currency", "GBP")) == str(gold.get("currency", "GBP"))
                and abs(float(found["amount"]) - float(gold["amount"])) <= 0.005 * max(abs(float(gold["amount"])), 1))
    if isinstance(gold, dict):
        a, b = _days(found), _days(gold)
        return a is not None and b is not None and abs(a - b) <= 0.01 * max(b, 1.0)
    return (isinstance(found, int | float) and not isinstance(found, bool)
            and abs(float(found) - float(gold)) <= 1e-6 * max(abs(float(gold)), 1.0))


@dataclass
class Score:
    """Precision, recall, conflict recall and verdict accuracy of one result."""

    reported: int = 0
    hits: int = 0
    false_alarms: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    misses: list[dict[str, Any]] = field(default_factory=list)
    required: int = 0
    conflicts_required: int = 0
    conflicts_found: int = 0
    verdicts_judged: int = 0
    verdicts_right: int = 0

    @property
    def precision(self) -> float:
        return self.hits / self.reported if self.reported else 0.0

    @property
    def recall(self) -> float:
        return (self.required - len(self.misses)) / self.required if self.required else 1.0

    @property
    def conflict_recall(self) -> float:
        return self.conflicts_found / self.conflicts_required if self.conflicts_required else 1.0

    @property
    def verdict_accuracy(self) -> float:
        return self.verdicts_right / self.verdicts_judged if self.verdicts_judged else 0.0


def score(gold: list[dict[str, Any]], result: dict[str, Any], scope: Iterable[str] = ()) -> Score:
    """Score `result` (the JSON result as a dict) against `gold` entries.

    The claims scored are those the gold names and those in `scope` (every claim of the claim files,
    as the public scorer's --claims does): a mention of a scoped claim that no gold entry covers is a
    false alarm.
    """
    out = Score()
    claims = {g["claim"] for g in gold} | set(scope)
    order = sorted(range(len(gold)), key=lambda i: (gold[i]["value"] == "*", not gold[i].get("required", True), i))
    used: set[int] = set()
    for claim in result["claims"]:
        if claim["id"] not in claims:
            continue
        for mention in claim["mentions"]:
            out.reported += 1
            hit = next((i for i in order if i not in used and gold[i]["claim"] == claim["id"]
                        and gold[i]["article"] == mention["article"]
                        and (gold[i]["value"] == "*" or states(mention["value"], gold[i]["value"]))), None)
            if hit is None:
                out.false_alarms.append((claim["id"], mention))
                continue
            if gold[hit]["value"] != "*":
                used.add(hit)
            out.hits += 1
            if gold[hit].get("verdict", "either") != "either":
                out.verdicts_judged += 1
                out.verdicts_right += mention["verdict"] == gold[hit]["verdict"]
    required = [i for i, g in enumerate(gold) if g.get("required", True)]
    out.required = len(required)
    out.misses = [gold[i] for i in required if i not in used]
    conflicts = [i for i in required if gold[i].get("verdict") == "conflicts"]
    out.conflicts_required = len(conflicts)
    out.conflicts_found = sum(i in used for i in conflicts)
    return out
