"""Run the command line as `python -m checker`."""

from __future__ import annotations

from checker.cli import cli

cli()
