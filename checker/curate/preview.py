"""What a draft claim would match in the corpus right now: the same check, run with the draft added."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from checker.models import CheckResult, ClaimResult
from checker.pipeline import run_check
from checker.settings import Settings
from checker.store.claim_files import render_record
from checker.store.claims import find_claim_files, load_claims

# The draft's file sorts last among the copies, so its line numbers never shift the others'.
_DRAFT_NAME = "~draft.yaml"


def preview_claim(record: Mapping[str, Any], claims_path: Path, articles_path: Path,
                  settings: Settings | None = None) -> tuple[ClaimResult, CheckResult]:
    """The draft claim's result (its mentions, agreeing or conflicting) beside the existing claims, and the whole check.

    The existing claims take part because matching gives each value to the claim whose words stand
    closest to it: a draft does not take a value that an existing claim explains better.
    """
    if claims_path.exists():
        load_claims(claims_path)  # so a broken claims file is named by its real path, not the copy's
    with tempfile.TemporaryDirectory(prefix="claimcheck-draft-") as folder:
        root = Path(folder)
        if claims_path.exists():
            base = claims_path if claims_path.is_dir() else claims_path.parent
            for path in find_claim_files(claims_path):
                target = root / path.relative_to(base)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)
        (root / _DRAFT_NAME).write_text(render_record(record), encoding="utf-8")
        result = run_check(root, articles_path, settings)
    found = next(c for c in result.report.claims if c.id == record["id"])
    return found, result
