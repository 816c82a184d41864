"""`claimcheck explain`: why a claim was or was not found, sentence by sentence, value by value."""

from __future__ import annotations

from pathlib import Path

import click

from checker.cli.options import inputs_options, settings_options
from checker.curate.explain import ArticleExplanation, ClaimExplanation, explain_claim
from checker.formats.terminal import terminal_line
from checker.matching import Decision
from checker.matching.evidence import MIN_KEPT_CONFIDENCE
from checker.settings import Settings

# Characters of a sentence shown; `--full` shows it whole.
SENTENCE_CHARS = 160


@click.command()
@click.argument("claim_id", metavar="CLAIM")
@click.argument("article", required=False)
@inputs_options
@settings_options
@click.option("--full", is_flag=True, help="Show whole sentences, and the articles where nothing was considered.")
def explain(claim_id: str, article: str | None, claims_path: Path, articles_path: Path, full: bool,
            settings: Settings) -> None:
    """Show why CLAIM was (or was not) found: every candidate sentence, every value weighed, every gate.

    Without ARTICLE (an article id, or its file name), every article is gone through. A sentence is a
    candidate when it states a value of the claim's kind; each value then passes or fails the gates
    (the subject referred to, its role, a difference, a target...), and one that passes gets a
    confidence: at --min-confidence or above it is a mention, below it a possible one.

    \b
    Examples:
      claimcheck explain dcst-start
      claimcheck explain dcst-start 003_a0a19384d7ec2052
    """
    found = explain_claim(claims_path, articles_path, claim_id, article, settings)
    for line in _lines(found, full or article is not None):
        click.echo(terminal_line(line))


def _lines(found: ClaimExplanation, full: bool) -> list[str]:
    claim = found.claim
    lines = [f"claim {claim.id}: {claim.claim}", f"  {claim.kind.value} {claim.value.display()}"
             + (f", as of {claim.as_of.display()}" if claim.as_of else "")
             + (f"; subject: {claim.subject}" if claim.subject else "; no subject")]
    if found.articles:
        terms = found.articles[0].explanation.terms
        predicates = ", ".join(sorted(terms.predicates)) or "none the vocabulary knows (its words alone count)"
        lines.append(f"  looks for: {predicates}; words: {', '.join(sorted(terms.weights)) or 'none'}")
    lines.append(f"  a mention needs confidence {found.min_confidence:.2f} (--min-confidence)")
    quiet = 0
    for item in found.articles:
        shown = _article_lines(item, full, found.min_confidence)
        if shown:
            lines += shown
        else:
            quiet += 1
    if quiet:
        lines.append(f"({quiet} more article{'s' if quiet != 1 else ''} with nothing to weigh; --full lists them)")
    return lines


def _article_lines(item: ArticleExplanation, full: bool, min_confidence: float) -> list[str]:
    article, explanation = item.article, item.explanation
    head = f"article {article.id}" + (f" ({article.published.isoformat()})" if article.published else "")
    if not explanation.subject_named:
        return [head, "  never names the subject (nor an alias it defines): no sentence is a candidate"] if full else []
    if not explanation.decisions:
        return [head, f"  no sentence states a {explanation.terms.claim.kind.value} (captions, bylines, datelines "
                      "and navigation are not statements)"] if full else []
    lines = [head]
    sentence = None
    for decision in explanation.decisions:
        if decision.statement.sentence is not sentence:
            sentence = decision.statement.sentence
            text = " ".join(sentence.text.split())
            cut = not full and len(text) > SENTENCE_CHARS
            lines.append(f"  \"{text[:SENTENCE_CHARS] + '…' if cut else text}\"")
        lines.append(f"    {_decision_line(decision, min_confidence)}")
    return lines


def _decision_line(decision: Decision, min_confidence: float) -> str:
    value = decision.value
    shown = f"{value.text!r} ({value.value.display()})"
    passed = f"; passed: {'; '.join(decision.passed)}" if decision.passed else ""
    if decision.failed is not None:
        return f"{shown}: refused, {decision.failed}{passed}"
    outcome = ("a mention" if decision.confidence >= min_confidence
               else "possible" if decision.confidence >= MIN_KEPT_CONFIDENCE else "too weak to keep")
    return (f"{shown}: {outcome}, confidence {decision.confidence:.2f}{passed}; "
            f"evidence: {', '.join(decision.reasons)}")
