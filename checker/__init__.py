"""claimcheck: check hand-curated claims against articles and report agreement and conflict."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
