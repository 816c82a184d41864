"""Loading claim files: written values parsed, and every mistake named by file, line, claim and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker.errors import ClaimFileError
from checker.models import Kind, Tolerance
from checker.store.claims import load_claims


def copy_claims(data_path: Path, tmp_path: Path, *names: str) -> Path:
    folder = tmp_path / "claims"
    folder.mkdir()
    for name in names:
        shutil.copy(data_path / "claims" / name, folder / name)
    return folder


def error_of(folder: Path) -> str:
    with pytest.raises(ClaimFileError) as caught:
        load_claims(folder)
    return str(caught.value)


def test_written_values_are_normalised(data_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    claims = load_claims(copy_claims(data_path, tmp_path, "valid.yaml"))
    by_id = {c.id: c for c in claims}
    assert by_id["trust-budget"].value.to_json() == {"amount": 47000000, "currency": "GBP"}
    assert by_id["trust-budget"].kind is Kind.MONEY
    assert by_id["staff-count"].tolerance == Tolerance(relative=0.05)
    assert by_id["staff-count"].keywords == ("staff", "employees")
    assert by_id["trust-budget"].file == "claims/valid.yaml"
    assert by_id["trust-budget"].line == 2


def test_unknown_kind_names_file_line_claim_and_field(data_path: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    message = error_of(copy_claims(data_path, tmp_path, "unknown-kind.yaml"))
    assert message == ("claims/unknown-kind.yaml:3: claim 'trust-budget': field 'kind' must be one of "
                       "date, money, count, percent, duration, rating, not 'cash'")


def test_a_value_that_does_not_fit_its_kind(data_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    message = error_of(copy_claims(data_path, tmp_path, "bad-value.yaml"))
    assert message.startswith(
        "claims/bad-value.yaml:9: claim 'trust-start': field 'value' 'sometime soon' is not a date")


def test_yaml_syntax_error_names_the_line(data_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    message = error_of(copy_claims(data_path, tmp_path, "malformed.yaml"))
    assert message.startswith("claims/malformed.yaml:")
    assert "YAML syntax error" in message


def test_unknown_field_is_refused_with_the_known_ones(data_path: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    message = error_of(copy_claims(data_path, tmp_path, "unknown-field.yaml"))
    assert message.startswith("claims/unknown-field.yaml:5: claim 'trust-budget': field 'keyword' is not a claim field")


def test_duplicate_ids_across_files_name_both_places(data_path: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    message = error_of(copy_claims(data_path, tmp_path, "duplicate-a.yaml", "duplicate-b.yaml"))
    assert message == ("claims/duplicate-b.yaml:2: claim 'trust-budget': id already used at "
                       "claims/duplicate-a.yaml:1; give one of them another id")


def test_every_bad_file_is_reported_in_one_go(data_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    message = error_of(copy_claims(data_path, tmp_path, "unknown-kind.yaml", "bad-value.yaml"))
    assert len(message.splitlines()) == 2


def test_a_rating_label_must_belong_to_its_scale(data_path: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    message = error_of(copy_claims(data_path, tmp_path, "rating-bad-label.yaml"))
    assert message.startswith("claims/rating-bad-label.yaml:5: claim 'inspection-rating': field 'value' 'excellent' "
                              "is not a label of scale 'ofsted'")


def test_a_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ClaimFileError, match="not found"):
        load_claims(tmp_path / "nowhere")


def test_an_empty_file_holds_no_claims(tmp_path: Path) -> None:
    (tmp_path / "empty.yaml").write_text("# nothing yet\n")
    assert load_claims(tmp_path) == []


def test_keywords_written_as_numbers_are_taken_as_text(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(
        "- id: plan-year\n  claim: The business plan was agreed in 2008.\n  kind: date\n  value: 2008\n"
        "  keywords: [2008, business plan]\n  sources: 12\n")
    (claim,) = load_claims(tmp_path)
    assert claim.keywords == ("2008", "business plan")
    assert claim.sources == ("12",)


def test_every_bad_record_of_a_file_is_reported(tmp_path: Path) -> None:
    (tmp_path / "two.yaml").write_text(
        "- id: first\n  claim: A.\n  kind: colour\n  value: 1\n"
        "- id: second\n  claim: B.\n  kind: count\n  value: many\n")
    message = error_of(tmp_path)
    assert message.splitlines() == [
        f"{tmp_path.as_posix()}/two.yaml:3: claim 'first': field 'kind' must be one of date, money, count, percent, "
        "duration, rating, not 'colour'",
        f"{tmp_path.as_posix()}/two.yaml:8: claim 'second': field 'value' 'many' is not a count; write it like 450",
    ]
