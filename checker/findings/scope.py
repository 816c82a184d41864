"""What a change touched: the claims and articles behind a list of paths or a git diff, and the report narrowed to them.

The check itself always reads the whole corpus: a claim's words are weighted by their
rarity across all articles, and each stated value goes to the claim whose words stand
closest to it, so checking a subset alone could judge differently. Narrowing the full
result instead makes the result for the touched claims and articles equal the full run's.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from checker.errors import ConfigError
from checker.models import ArticleSummary, ClaimResult, Report
from checker.verdicts import roll_up


@dataclass(frozen=True)
class Scope:
    """The claims and articles a change touched, by id."""

    claim_ids: frozenset[str]
    article_ids: frozenset[str]

    def covers(self, claim_id: str, article_id: str) -> bool:
        """True when the pair of a claim and an article is part of the change."""
        return claim_id in self.claim_ids or article_id in self.article_ids


def scope_of_paths(paths: Iterable[Path], report: Report, articles_path: Path) -> Scope:
    """The claims (by their file) and articles (by their id) that `paths` name; other paths are ignored."""
    touched = {path.resolve() for path in paths}
    claim_ids = frozenset(c.id for c in report.claims if c.file is not None and Path(c.file).resolve() in touched)
    root = articles_path.resolve()
    article_ids = frozenset(
        path.relative_to(root).with_suffix("").as_posix() for path in touched if root in path.parents
    )
    return Scope(claim_ids=claim_ids, article_ids=article_ids)


def changed_since(ref: str, cwd: Path | None = None) -> list[Path]:
    """Files changed since `ref`'s merge base with HEAD, committed or not, plus untracked files; deleted ones too."""
    top = Path(_git(["rev-parse", "--show-toplevel"], ref, cwd).strip())
    # The ref is verified to name a commit first, so a "ref" such as `--output=x` is never read by git as an option.
    commit = _verified(ref, cwd)
    base = _git(["merge-base", commit, "HEAD"], ref, cwd).strip()
    names = _git(["diff", "--name-only", "--no-renames", "-z", base, "--"], ref, cwd).split("\0")
    names += _git(["ls-files", "--others", "--exclude-standard", "-z", "--full-name", ":/"], ref, cwd).split("\0")
    return sorted({top / name for name in names if name})


def narrow_report(report: Report, scope: Scope) -> Report:
    """The report restricted to what `scope` touched: a touched claim with all its mentions, any
    other claim with only its mentions in touched articles (and its status from those)."""
    claims: list[ClaimResult] = []
    for claim in report.claims:
        if claim.id in scope.claim_ids:
            claims.append(claim)
            continue
        mentions = tuple(m for m in claim.mentions if m.article in scope.article_ids)
        if mentions:
            claims.append(claim.model_copy(update={"mentions": mentions,
                                                   "status": roll_up(m.verdict for m in mentions)}))
    cited = scope.article_ids | {m.article for c in claims for m in c.mentions}
    articles: tuple[ArticleSummary, ...] = tuple(a for a in report.articles if a.id in cited)
    return report.model_copy(update={"claims": tuple(claims), "articles": articles})


def _verified(ref: str, cwd: Path | None) -> str:
    """The commit `ref` names; ConfigError when it names none (or looks like an option)."""
    if ref.startswith("-"):
        raise ConfigError(f"--since {ref}: not a git ref (it starts with '-'); pass a branch, tag or commit, "
                          "e.g. --since origin/main")
    try:
        done = subprocess.run(["git", "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"],
                              cwd=cwd, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise ConfigError(f"--since {ref}: git cannot be run ({exc.strerror or exc}); "
                          "install git or use --changed PATHS") from exc
    if done.returncode != 0 or not done.stdout.strip():
        raise ConfigError(f"--since {ref}: no such commit, branch or tag in this repository; pass one it has "
                          "(fetch it first in a shallow CI clone)")
    return done.stdout.strip()


def _git(args: list[str], ref: str, cwd: Path | None) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise ConfigError(f"--since {ref}: git cannot be run ({exc.strerror or exc}); "
                          "install git or use --changed PATHS") from exc
    if done.returncode != 0:
        said = (done.stderr.strip().splitlines() or ["no message"])[0]
        raise ConfigError(f"--since {ref}: git {args[0]} failed ({said}); pass a branch, tag or commit this "
                          "repository has (fetch it first in a shallow CI clone)")
    return done.stdout
