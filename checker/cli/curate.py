"""`claimcheck add`, `suggest` and `lint`: curating claims — drafting, finding what is uncovered, checking files."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path
from typing import Any

import click

from checker.cli.options import EXIT_FINDINGS, EXIT_OK, Run, inputs_options, run_options, settings_options
from checker.curate.drafting import check_field, draft_record, usual_scale, validate_record
from checker.curate.lint import LintFinding, lint_claims, refuse_restatement
from checker.curate.preview import preview_claim
from checker.curate.suggest import Suggestion, find_suggestions
from checker.errors import ClaimFileError
from checker.findings.wording import plural
from checker.formats.github import workflow_command
from checker.formats.terminal import terminal_line
from checker.models import ClaimResult, Kind, Verdict
from checker.settings import Settings
from checker.store.claim_files import append_record, file_state, id_places, render_record
from checker.store.extensions import load_scales
from checker.store.output import refuse_inputs
from checker.store.paths import display_path
from checker.values import Scale

# The file `add` writes to when neither --file nor the variable names one and --claims is a folder.
DEFAULT_CLAIMS_FILE = "claims.yaml"
FILE_VARIABLE = "CLAIMCHECK_CLAIMS_FILE"
# Sentences in previews are cut to this many characters, so one mention stays one line.
PREVIEW_SENTENCE_CHARS = 110


class SuggestFormat(StrEnum):
    """What `suggest` prints."""

    YAML = "yaml"
    JSON = "json"
    TEXT = "text"


class LintFormat(StrEnum):
    """What `lint` prints."""

    TEXT = "text"
    JSON = "json"
    GITHUB = "github"


@click.command()
@click.argument("sentence", required=False)
@inputs_options
@run_options
@click.option("--id", "claim_id", help="The claim's id (default: made from its subject and words).")
@click.option("--kind", type=click.Choice([k.value for k in Kind]),
              help="The value's kind (default: read from the sentence).")
@click.option("--value", help='The value, written as a person would: 450, "£47m", "10 years", "2014-10", good.')
@click.option("--as-of", help="When the value held: YYYY, YYYY-MM or YYYY-MM-DD (default: a date in the sentence).")
@click.option("--subject", help="Who or what the claim is about (default: the longest name in the sentence).")
@click.option("--keyword", "keywords", multiple=True, help="A word or phrase that signals the claim (repeatable).")
@click.option("--tolerance", help="How far a stated number may differ and agree: 5% or an absolute number.")
@click.option("--scale", help="A rating's scale, e.g. ofsted.")
@click.option("--source", "sources", multiple=True, help="An article id the claim was curated from (repeatable).")
@click.option("--file", "target", type=click.Path(dir_okay=False, path_type=Path), envvar=FILE_VARIABLE,
              help=f"Claims file to add to (default: ${FILE_VARIABLE}, else --claims when it is a file, "
                   f"else claims/{DEFAULT_CLAIMS_FILE}).")
@click.option("--yes", is_flag=True, help="Do not prompt: take the proposed fields and write.")
@click.option("--dry-run", is_flag=True, help="Show the record and what it would match; write nothing.")
@click.option("--force", is_flag=True,
              help="Add the claim even when an existing one states the same fact (subject, kind, value, as_of).")
def add(sentence: str | None, claims_path: Path, articles_path: Path, claim_id: str | None, kind: str | None,
        value: str | None, as_of: str | None, subject: str | None, keywords: tuple[str, ...], tolerance: str | None,
        scale: str | None, sources: tuple[str, ...], target: Path | None, yes: bool, dry_run: bool, force: bool,
        run: Run) -> None:
    """Add a claim drafted from a sentence, after showing what it would match in the articles now.

    Prompts for each field (proposed from the sentence) when stdin is a terminal; otherwise, or with
    --yes, takes the flags and the proposal as they are. The file keeps its comments and order.
    A claim that restates an existing one (same subject, kind, value and as_of, a similar sentence)
    is refused unless --force is given.

    \b
    Example:
      claimcheck add "DCST employed 657 members of staff in March 2021" --source 003_a0a19384d7ec2052
    """
    interactive = sys.stdin.isatty() and not yes
    if sentence is None:
        if not interactive:
            raise click.UsageError("give the claim as a sentence: claimcheck add \"SENTENCE\" [--kind ... --value ...]")
        sentence = click.prompt("Claim sentence", type=str)
    target = target or _default_file(claims_path)
    refuse_inputs(target, (articles_path,))
    taken = id_places([claims_path, target])
    if claim_id in taken:
        raise ClaimFileError(f"{taken[claim_id]}: claim '{claim_id}' already exists there; choose another --id")
    overrides = {"id": claim_id, "kind": kind, "value": value, "as_of": as_of, "subject": subject,
                 "keywords": list(keywords), "tolerance": tolerance, "scale": scale, "sources": list(sources)}
    scales = load_scales(claims_path)
    record = draft_record(sentence, overrides, taken, scales, usual_scale=usual_scale(claims_path, scales))
    _add_record(record, target, claims_path, articles_path, taken, interactive, dry_run, run.settings, force)


@click.command()
@inputs_options
@run_options
@click.option("--kind", "kinds", multiple=True, type=click.Choice([k.value for k in Kind]),
              help="Only values of this kind (repeatable).")
@click.option("--min-sources", type=click.IntRange(min=1), default=2, show_default=True,
              help="Only groups stated in at least this many articles.")
@click.option("--limit", type=click.IntRange(min=1), default=10, show_default=True, help="At most this many.")
@click.option("--format", "output_format", type=click.Choice([f.value for f in SuggestFormat]), default="yaml",
              show_default=True, help="yaml: draft records with the evidence as comments; json; text.")
@click.option("--accept", is_flag=True, help="Offer each suggestion to `add`, one by one (needs a terminal).")
@click.option("--file", "target", type=click.Path(dir_okay=False, path_type=Path), envvar=FILE_VARIABLE,
              help="Claims file --accept adds to (as for add).")
def suggest(claims_path: Path, articles_path: Path, kinds: tuple[str, ...], min_sources: int, limit: int,
            output_format: str, accept: bool, target: Path | None, run: Run) -> None:
    """Propose claims for values the articles state that no claim covers, disagreements first.

    \b
    Example:
      claimcheck suggest --kind date --min-sources 2 --format text
    """
    if accept and not sys.stdin.isatty():
        raise click.UsageError("--accept asks about each suggestion and needs a terminal; "
                               "paste records from the YAML output instead")
    suggestions = find_suggestions(claims_path, articles_path, frozenset(Kind(k) for k in kinds) or None,
                                   min_sources, limit, run.settings, load_scales(claims_path))
    fmt = SuggestFormat(output_format)
    click.echo(_suggestions_text(suggestions, fmt), nl=False)
    if not suggestions:
        click.echo("claimcheck: no uncovered values found with these filters", err=True)
    if accept:
        target = target or _default_file(claims_path)
        for n, item in enumerate(suggestions, 1):
            if click.confirm(f"Add suggestion {n} ({item.record['id']})?", default=False, err=True):
                taken = id_places([claims_path, target])
                # a suggestion is a value no claim covers, so it restates none: no duplicate check
                _add_record(item.record, target, claims_path, articles_path, taken, True, False, run.settings,
                            force=True)


@click.command()
@inputs_options
@settings_options
@click.option("--format", "output_format", type=click.Choice([f.value for f in LintFormat]), default="text",
              show_default=True, help="text: file:line: message; json; github: workflow annotations.")
@click.option("--check-sources", is_flag=True,
              help="Also run the check, and warn about each claim none of whose sources states a value that agrees.")
def lint(claims_path: Path, articles_path: Path, output_format: str, check_sources: bool, settings: Settings) -> None:
    """Check claim files: schema, ids, scales, dates, hedged values, duplicates, sources, words.

    With --check-sources it also runs the check on the articles and warns about every claim none
    of whose sources states a value that agrees with it.

    \b
    Exit status (warnings count as problems):
      0  no problems found
      1  problems found, errors or warnings (each printed as one line)
      2  invalid usage, the claims path does not exist, or --check-sources without an articles folder

    \b
    Example:
      claimcheck lint --format github
    """
    findings = lint_claims(claims_path, articles_path, load_scales(claims_path), settings, check_sources)
    click.echo(_findings_text(findings, LintFormat(output_format)), nl=False)
    if LintFormat(output_format) is not LintFormat.JSON:
        click.echo(terminal_line(f"{len(findings)} problem{'s' if len(findings) != 1 else ''} in "
                                 f"{display_path(claims_path)}"), err=True)
    sys.exit(EXIT_FINDINGS if findings else EXIT_OK)


def _add_record(record: dict[str, Any], target: Path, claims_path: Path, articles_path: Path,
                taken: Mapping[str, str], interactive: bool, dry_run: bool, settings: Settings, force: bool) -> None:
    """Prompt (when interactive), validate, preview, confirm and write one record: the body of `add`."""
    scales = load_scales(claims_path)
    state = file_state(target)
    if interactive:
        record = _prompt_record(record, scales, taken)
    claim = validate_record(record, scales, file=display_path(target))
    if not force:
        refuse_restatement(claim, [claims_path, target], scales)
    click.echo(render_record(record), nl=False)
    if articles_path.is_dir():
        result, _ = preview_claim(record, claims_path, articles_path, settings)
        for line in _preview_lines(result):
            click.echo(line)
    else:
        click.echo(terminal_line(f"claimcheck: no articles at {display_path(articles_path)}; nothing to preview"),
                   err=True)
    if dry_run or (interactive and not click.confirm(f"Add it to {display_path(target)}?", default=True)):
        click.echo("nothing written", err=True)
        return
    appended = append_record(target, record, state)
    if appended.changed_meanwhile:
        click.echo(terminal_line(f"claimcheck: warning: {display_path(target)} changed while you were typing; "
                                 "the claim was added to the new version"), err=True)
    click.echo(terminal_line(f"added '{record['id']}' to {display_path(appended.path)}:{appended.line}"))


def _prompt_record(record: dict[str, Any], scales: Mapping[str, Scale], taken: Mapping[str, str]) -> dict[str, Any]:
    """Ask for each field with the proposal as default, checking each as it is typed."""
    record = dict(record)
    fields = ["claim", "id", "subject", "kind", "scale", "value", "as_of", "tolerance", "keywords", "sources"]
    for field in fields:
        kind = record.get("kind")
        if field == "scale" and kind != Kind.RATING.value:
            record.pop("scale", None)
            continue
        if field == "tolerance" and kind in (Kind.DATE.value, Kind.RATING.value):
            continue
        label = field
        if field == "scale":
            label = f"scale ({', '.join(sorted(scales))})"
        if field == "value" and kind == Kind.RATING.value and record.get("scale") in scales:
            label = f"value ({', '.join(scales[record['scale']].labels)})"
        if field == "kind":
            label = f"kind ({', '.join(k.value for k in Kind)})"
        current = record.get(field)
        default = ", ".join(current) if isinstance(current, list | tuple) else "" if current is None else str(current)

        def check(text: str, field: str = field) -> Any:
            try:
                return check_field(field, text, record, scales, taken)
            except ClaimFileError as exc:
                raise click.BadParameter(str(exc)) from None

        record[field] = click.prompt(label, default=default, show_default=bool(default), value_proc=check)
    return {k: v for k, v in record.items() if v not in (None, "", [])}


def _preview_lines(result: ClaimResult) -> list[str]:
    """What the draft would match now: a summary line, then one line per mention, each one safe line."""
    if not result.mentions:
        return ["# would match nothing in the articles yet (unconfirmed)"]
    agree = sum(m.verdict is Verdict.AGREES for m in result.mentions)
    articles = len({m.article for m in result.mentions})
    conflicting = len(result.mentions) - agree
    lines = [f"# would be {result.status.value}: {agree} agreeing and {conflicting} conflicting "
             f"{'mention' if conflicting == 1 else 'mentions'} in {plural(articles, 'article')}"]
    for m in result.mentions:
        cut = len(m.sentence) > PREVIEW_SENTENCE_CHARS
        sentence = m.sentence[:PREVIEW_SENTENCE_CHARS] + "…" if cut else m.sentence
        lines.append(terminal_line(f"#   {m.verdict.value:9} {m.article}: “{m.text}” in \"{sentence}\""))
    return lines


def _suggestions_text(suggestions: list[Suggestion], fmt: SuggestFormat) -> str:
    if fmt is SuggestFormat.JSON:
        payload = {"schema": "claimcheck.suggestions/1", "suggestions": [s.as_json() for s in suggestions]}
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    parts = []
    for n, item in enumerate(suggestions, 1):
        # Each line is one safe line (a newline in an article id or a sentence is shown as \n), so a comment
        # can never end early and start a record; the record itself is written by the YAML library.
        head = terminal_line(f"{n}. {item.summary()}")
        evidence = [terminal_line(f"   {e.article}: “{e.text}” in \"{e.sentence}\"") for e in item.evidence]
        if fmt is SuggestFormat.TEXT:
            parts.append("\n".join([head, *evidence]) + "\n")
        else:
            comments = "\n".join(f"# {line.strip()}" for line in [head, *evidence])
            parts.append(f"{comments}\n{render_record(item.record)}")
    return "\n".join(parts)


def _findings_text(findings: list[LintFinding], fmt: LintFormat) -> str:
    if fmt is LintFormat.JSON:
        payload = {"schema": "claimcheck.lint/1", "findings": [f.as_json() for f in findings]}
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    lines = []
    for f in findings:
        if fmt is LintFormat.GITHUB:
            lines.append(workflow_command(f.severity.value, [("file", f.file), ("line", str(f.line)),
                                                             ("title", f"claimcheck {f.code}")], f.message))
        else:
            lines.append(terminal_line(f"{f.file}:{f.line}: {f.severity.value}: {f.message} [{f.code}]"))
    return "".join(line + "\n" for line in lines)


def _default_file(claims_path: Path) -> Path:
    return claims_path if claims_path.suffix in (".yaml", ".yml") else claims_path / DEFAULT_CLAIMS_FILE
