"""The version of claimcheck: the one place it is written (the package metadata, the JSON and the HTML read it)."""

from __future__ import annotations

__version__ = "0.1.0"
