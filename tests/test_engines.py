"""Engines: a pool of local processes and a Dask cluster give exactly the result of one process."""

from __future__ import annotations

import datetime as dt
import importlib.util
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.formats.json import render_json
from checker.pipeline import run_check
from checker.scale.engines import LocalEngine
from checker.settings import EngineName, Settings


@pytest.fixture
def corpus(tmp_path: Path, data_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of tests/data/scale (12 articles, 40 claims), with the report's time pinned."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    shutil.copytree(data_path / "scale", tmp_path / "corpus")
    return tmp_path / "corpus"


# SOURCE_DATE_EPOCH=1700000000, as the command line reads it from the environment
PINNED = dt.datetime.fromtimestamp(1700000000, tz=dt.UTC)


def _json(corpus: Path, settings: Settings) -> str:
    return render_json(run_check(corpus / "claims", corpus / "articles", settings).report)


def test_a_local_pool_of_two_processes_gives_the_json_of_one(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one = _json(corpus, Settings(now=PINNED, workers=1))
    # batches of one article, so the twelve articles make enough batches to start the pool
    monkeypatch.setattr(LocalEngine, "batch_size", 1)
    assert _json(corpus, Settings(now=PINNED, workers=2)) == one


def test_dask_without_a_scheduler_is_one_error_line(corpus: Path) -> None:
    result = CliRunner().invoke(cli, ["check", "--claims", str(corpus / "claims"), "--articles",
                                      str(corpus / "articles"), "--engine", "dask"])
    assert result.exit_code == 2
    assert result.stderr == ("claimcheck: error: --engine dask needs --scheduler ADDRESS, "
                             "e.g. tcp://10.0.0.5:8786\n")


@pytest.mark.skipif(
    importlib.util.find_spec("distributed") is None,
    reason="dask[distributed] is not installed: pip install 'claimcheck[dask]' (CI's test group has it)")
def test_a_dask_cluster_of_two_worker_processes_gives_the_json_of_the_local_engine(corpus: Path,
                                                                                  tmp_path: Path) -> None:
    from dask.distributed import LocalCluster

    local = _json(corpus, Settings(now=PINNED, workers=1))
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      local_directory=tmp_path / "dask") as cluster:
        address = cluster.scheduler_address
        assert _json(corpus, Settings(now=PINNED, engine=EngineName.DASK, scheduler=address)) == local
        # and through the command line, with the cache on this machine
        runner = CliRunner()
        args = ["check", "--claims", str(corpus / "claims"), "--articles", str(corpus / "articles"),
                "--format", "json", "--engine", "dask", "--scheduler", address, "--cache-dir", str(tmp_path / "c")]
        cold = runner.invoke(cli, args, catch_exceptions=False)
        warm = runner.invoke(cli, args, catch_exceptions=False)
    assert cold.exit_code == warm.exit_code == 1
    assert cold.stdout == warm.stdout == local


@pytest.mark.skipif(importlib.util.find_spec("distributed") is None, reason="dask[distributed] is not installed")
def test_the_article_size_limit_travels_to_the_dask_workers(corpus: Path, tmp_path: Path) -> None:
    """A Dask worker reads with the Settings it is sent, not its own environment or the default limit."""
    from dask.distributed import Client, LocalCluster

    from checker.matching import Vocabulary
    from checker.models import SkippedArticle
    from checker.scale.corpus import Shared
    from checker.store.extensions import load_vocabulary
    from checker.values import builtin_scales

    article = corpus / "articles" / "000" / "a000001.md"
    size = article.stat().st_size

    def shared(limit: int) -> Shared:
        return Shared(corpus / "articles", builtin_scales(), Vocabulary.from_records(load_vocabulary()),
                      Settings(now=PINNED, max_article_bytes=limit))

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None,
                      local_directory=tmp_path / "dask") as cluster, Client(cluster) as client:
        under = client.submit(Shared.analyse, shared(size - 1), article).result()
        over = client.submit(Shared.analyse, shared(size), article).result()
    assert isinstance(under, SkippedArticle)  # skipped: the file is one byte over the limit the worker was sent
    assert under.reason.startswith(f"{size} bytes is over the {size - 1} byte limit")
    assert not isinstance(over, SkippedArticle) and over.article.id == "000/a000001"
