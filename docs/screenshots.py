"""Screenshots of the bundled report for the README: light and dark desktop, and a phone.

    .venv/bin/python docs/screenshots.py [--chromium /usr/bin/chromium] [--out docs/screenshots]

Renders `claimcheck report` on the repository's claims/ and articles/ (SOURCE_DATE_EPOCH pinned,
so the page is the same on every run) and photographs it with headless chromium, nothing else:
report-light.png (1280 x 1600: the README's command, contradictions counted apart from caveated
differences), report-dark.png (the same size, prefers-color-scheme: dark, with `--baseline
claims/.baseline.yaml` as CI checks it, so every conflict shows as accepted with its reason) and
report-phone.png (390 x 1400: a phone's width, tall enough to reach the first conflict's sources; the
README's command).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The flags the browser tests use (tests/browser/conftest.py): no GPU, no requests of chromium's own.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--hide-scrollbars"]
# Each shot: chromium's flags, and the options of `claimcheck report` beyond the bundled claims and articles.
BASELINE = ["--baseline", str(ROOT / "claims" / ".baseline.yaml")]
SHOTS = {
    "report-light.png": (["--window-size=1280,1600"], []),
    "report-dark.png": (["--window-size=1280,1600", "--force-dark-mode"], BASELINE),
    "report-phone.png": (["--window-size=390,1400"], []),
}


def render_report(folder: Path, options: list[str]) -> Path:
    """The bundled report with `options`, written into `folder`."""
    out = folder / "report.html"
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1714564800"}
    subprocess.run([sys.executable, "-m", "checker", "report", "--claims", str(ROOT / "claims"),
                    "--articles", str(ROOT / "articles"), *options, "--out", str(out)], check=True, env=env,
                   cwd=ROOT)
    return out


def screenshot(chromium: str, page: Path, target: Path, flags: list[str], profile: Path) -> None:
    """One screenshot of `page` with headless chromium, a fresh profile each time."""
    subprocess.run([chromium, *FLAGS, *flags, f"--user-data-dir={profile}", f"--screenshot={target}",
                    page.as_uri()], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, (flags, options) in SHOTS.items():
            folder = Path(tmp) / name.removesuffix(".png")
            folder.mkdir()
            page = render_report(folder, options)
            target = args.out / name
            screenshot(args.chromium, page, target, flags, folder / "profile")
            print(f"{target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}: "
                  f"{target.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
