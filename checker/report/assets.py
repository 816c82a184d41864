"""The report page's own CSS and script, shipped as package data, and the content policy that allows only them."""

from __future__ import annotations

import base64
import functools
import hashlib
from importlib import resources


@functools.cache
def page_assets() -> tuple[str, str]:
    """The page's CSS and JS, read as they are (not run through jinja2)."""
    folder = resources.files("checker.report") / "templates"
    return (folder / "report.css").read_text(encoding="utf-8"), (folder / "report.js").read_text(encoding="utf-8")


def content_security_policy(style: str, script: str) -> str:
    """Allow only the page's own style and script, by hash: no request of any kind, no injected script."""
    def digest(text: str) -> str:
        return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")

    return (f"default-src 'none'; style-src 'sha256-{digest(style)}'; script-src 'sha256-{digest(script)}'; "
            "img-src 'none'; base-uri 'none'; form-action 'none'")
