"""Shared pytest options and fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite the golden files under tests/golden/ from the current output")


@pytest.fixture
def data_path() -> Path:
    """tests/data/, where fixture files live; fails loudly when it is missing."""
    if not DATA.is_dir():
        pytest.fail(f"{DATA} is missing: fixture files for the tests live there")
    return DATA


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to refresh golden files (pytest --update-golden)."""
    return bool(request.config.getoption("--update-golden"))
