"""claimcheck: check hand-curated claims against articles and report where sources agree and conflict.

The public API, for calling the check from Python::

    import checker
    result = checker.run_check("claims", "articles")      # a CheckResult: .report and .articles
    print(checker.summarise(result))                      # the line `claimcheck check` ends with
    html = checker.render_html(result.report, result.articles)

Names are imported on first use (PEP 562), so `claimcheck --version` loads none of the readers.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from checker.version import __version__

# Each public name and the module that owns it.
_OWNERS = {
    "run_check": "checker.pipeline", "CheckResult": "checker.models",
    "load_claims": "checker.store.claims", "read_claims": "checker.store.claims",
    "render_html": "checker.report.render", "render_json": "checker.formats.json",
    "Settings": "checker.settings", "CheckerError": "checker.errors", "summarise": "checker.findings.standing",
    **dict.fromkeys(("Claim", "Article", "Report", "ClaimResult", "Mention", "StatedValue", "Kind", "Verdict",
                     "Status", "Caveat", "PartialDate", "Money", "Count", "Percent", "Duration", "Rating", "Range"),
                    "checker.models"),
}

__all__ = [
    "Article", "Caveat", "CheckResult", "CheckerError", "Claim", "ClaimResult", "Count", "Duration", "Kind",
    "Mention", "Money", "PartialDate", "Percent", "Range", "Rating", "Report", "Settings", "StatedValue", "Status",
    "Verdict", "__version__", "load_claims", "read_claims", "render_html", "render_json", "run_check",
    "summarise",
]


def __getattr__(name: str) -> object:
    if name not in _OWNERS:
        raise AttributeError(f"module 'checker' has no attribute {name!r}")
    value = getattr(importlib.import_module(_OWNERS[name]), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return __all__


if TYPE_CHECKING:
    from checker.errors import CheckerError
    from checker.findings.standing import summarise
    from checker.formats.json import render_json
    from checker.models import (
        Article,
        Caveat,
        CheckResult,
        Claim,
        ClaimResult,
        Count,
        Duration,
        Kind,
        Mention,
        Money,
        PartialDate,
        Percent,
        Range,
        Rating,
        Report,
        StatedValue,
        Status,
        Verdict,
    )
    from checker.pipeline import run_check
    from checker.report.render import render_html
    from checker.settings import Settings
    from checker.store.claims import load_claims, read_claims
