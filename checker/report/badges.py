"""Statuses and verdicts as the page shows them (a CSS key, a word, an icon), and the order claims come in."""

from __future__ import annotations

from checker.findings.standing import Standing
from checker.models import Status, Verdict
from checker.report.view import Badge

# Claims by status: what needs reading first.
STATUS_ORDER = (Status.CONFLICTING, Status.UNCONFIRMED, Status.AGREED)
# Conflicting claims: contradictions first, then those only caveats explain, then those a baseline accepts.
STANDING_ORDER = (Standing.OPEN, Standing.CAVEATED, Standing.ACCEPTED, None)
STATUS_BADGES = {
    Status.CONFLICTING: Badge("conflicting", "Conflicting", "i-conflicts"),
    Status.UNCONFIRMED: Badge("unconfirmed", "Unconfirmed", "i-unconfirmed"),
    Status.AGREED: Badge("agreed", "Agreed", "i-agrees"),
}
VERDICT_BADGES = {
    Verdict.AGREES: Badge("agrees", "Agrees", "i-agrees"),
    Verdict.CONFLICTS: Badge("conflicts", "Conflicts", "i-conflicts"),
}
