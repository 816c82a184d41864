"""The index of which articles can hold a claim: it never leaves out an article where the claim finds anything,
and pruning by it changes no output, on the bundled corpus, the fixtures and a synthetic corpus."""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from checker.formats.json import render_json
from checker.matching import Matcher, Vocabulary
from checker.pipeline import run_check
from checker.report.render import render_html
from checker.scale.index import ClaimQuery, article_terms, claim_query, pack_query, unpack_query
from checker.scale.packed import PackedArticle, analyse_file
from checker.settings import Settings
from checker.store.articles import list_article_files
from checker.store.claims import load_claims
from checker.store.extensions import load_scales, load_vocabulary

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"
# (claims, articles): the bundled corpus (read here, as the accuracy test does, because the promise is about
# it), the reading fixtures (many subjects, aliases and described subjects) and the synthetic scale fixture.
CORPORA = {
    "bundled": (REPO / "claims", REPO / "articles"),
    "reading": (DATA / "reading" / "claims", DATA / "reading" / "articles"),
    "scale": (DATA / "scale" / "claims", DATA / "scale" / "articles"),
}
SETTINGS = Settings(now=dt.datetime(2026, 1, 1, tzinfo=dt.UTC), workers=1)


def _pairs(claims_path: Path, articles_path: Path) -> Iterator[tuple[Matcher, ClaimQuery, PackedArticle]]:
    scales = load_scales(claims_path)
    vocabulary = Vocabulary.from_records(load_vocabulary(claims_path))
    matchers = [Matcher([claim], vocabulary) for claim in load_claims(claims_path, scales)]
    for path in list_article_files(articles_path, SETTINGS.max_article_bytes).files:
        packed = analyse_file(path, articles_path, scales, SETTINGS.max_article_bytes, vocabulary)
        if isinstance(packed, PackedArticle):
            for matcher in matchers:
                yield matcher, claim_query(matcher.terms[0]), packed


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_a_claim_the_index_leaves_out_of_an_article_decides_nothing_there(name: str) -> None:
    kept = left_out = 0
    for matcher, query, packed in _pairs(*CORPORA[name]):
        if query.holds(article_terms(packed.analysis)):
            kept += 1
            continue
        left_out += 1
        # not one value weighed, passed or failed: the article does not name the subject or state the kind
        assert matcher.decide(packed.analysis, matcher.terms[0]) == [], (matcher.terms[0].claim.id, packed.article.id)
    assert kept and left_out  # each corpus has pairs of both


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_pruning_by_the_index_changes_no_json_or_html(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    claims_path, articles_path = CORPORA[name]
    pruned = run_check(claims_path, articles_path, SETTINGS)
    monkeypatch.setattr(ClaimQuery, "holds", lambda self, article: True)
    every = run_check(claims_path, articles_path, SETTINGS)
    assert render_json(pruned.report) == render_json(every.report)
    assert render_html(pruned.report, pruned.articles) == render_html(every.report, every.articles)


@pytest.mark.slow
def test_pruning_by_the_index_changes_no_json_on_a_larger_synthetic_corpus(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    sys.path.insert(0, str(REPO / "benchmarks"))
    from synthetic import write_corpus

    write_corpus(tmp_path, 150, 300)
    pruned = render_json(run_check(tmp_path / "claims", tmp_path / "articles", SETTINGS).report)
    monkeypatch.setattr(ClaimQuery, "holds", lambda self, article: True)
    assert pruned == render_json(run_check(tmp_path / "claims", tmp_path / "articles", SETTINGS).report)
    shutil.rmtree(tmp_path / "articles")


def test_a_query_read_back_from_the_cache_is_the_same() -> None:
    claims_path = CORPORA["reading"][0]
    vocabulary = Vocabulary.from_records(load_vocabulary(claims_path))
    for claim in load_claims(claims_path, load_scales(claims_path)):
        query = claim_query(Matcher([claim], vocabulary).terms[0])
        assert unpack_query(pack_query(query)) == query
