"""How well the pasted-text boilerplate rules work: lines dropped across a corpus, and errors on a labelled sample.

    .venv/bin/python benchmarks/boilerplate.py [--articles articles] [--sample tests/data/boilerplate/sample.txt]

Prints, for each article, the lines the rules drop (to read through by eye), then on the labelled
sample how many furniture lines they catch and how many real sentences they wrongly drop (target 0).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from checker.store.articles import load_articles
from checker.text.boilerplate import boilerplate_lines

ROOT = Path(__file__).resolve().parent.parent


def dropped(text: str) -> list[str]:
    """The lines of `text` the rules treat as boilerplate."""
    return [text[a:b].strip() for a, b in boilerplate_lines(text)]


def score_sample(sample: Path) -> tuple[list[str], list[str], list[str]]:
    """Furniture caught, furniture missed, and real sentences wrongly dropped, on a `drop | `/`keep | ` file."""
    labelled = [line.split(" | ", 1) for line in sample.read_text(encoding="utf-8").splitlines() if " | " in line]
    # Each line is judged alone, so the repeated-line rule sees no neighbour it was not meant to.
    caught = [text for label, text in labelled if label == "drop" and dropped(text)]
    missed = [text for label, text in labelled if label == "drop" and not dropped(text)]
    wrong = [text for label, text in labelled if label == "keep" and dropped(text)]
    return caught, missed, wrong


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, default=ROOT / "articles")
    parser.add_argument("--sample", type=Path, default=ROOT / "tests" / "data" / "boilerplate" / "sample.txt")
    args = parser.parse_args()
    total = lines = 0
    for article in load_articles(args.articles):
        lines += sum(1 for line in article.text.split("\n") if line.strip())
        found = dropped(article.text)
        total += len(found)
        print(f"{article.id}: {len(found)} dropped: " + " | ".join(found))
    print(f"corpus: {total} of {lines} non-blank lines dropped as boilerplate")
    caught, missed, wrong = score_sample(args.sample)
    print(f"sample: {len(caught)} of {len(caught) + len(missed)} furniture lines caught; "
          f"{len(wrong)} real sentences wrongly dropped")
    for text in missed:
        print(f"  missed: {text}")
    for text in wrong:
        print(f"  WRONGLY DROPPED: {text}")


if __name__ == "__main__":
    main()
