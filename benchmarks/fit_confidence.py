"""Fit the confidence weights (checker/matching/confidence.py) on the tuning half, and show what they give.

    .venv/bin/python benchmarks/fit_confidence.py [--corpus tuning] [--write]

Every value that passes the gates for a claim is one example: positive when the gold labels
that value for that claim in that article (whatever its verdict), negative otherwise. A
logistic regression (L2-regularised, fitted by gradient descent, no library needed) gives the
bias and one weight per feature; the script prints them, their calibration (the share right in
each tenth of confidence) and, for cuts from 0.3 to 0.8, precision and recall against the gold.
With --write it puts the weights into confidence.py. Fit on the tuning half only: the checking
half is for reporting (benchmarks/accuracy.py).
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import accuracy  # noqa: E402
from scoring import states  # noqa: E402

from checker.matching import Matcher, Vocabulary, analyse_article  # noqa: E402
from checker.matching.confidence import FEATURES  # noqa: E402
from checker.scale.packed import with_inferred_date  # noqa: E402
from checker.store.articles import find_article_files, read_article  # noqa: E402
from checker.store.claims import load_claims  # noqa: E402
from checker.store.extensions import load_scales, load_vocabulary  # noqa: E402
from checker.values import Context  # noqa: E402

L2 = 0.002
STEPS = 6000
RATE = 1.0


def examples(name: str) -> list[tuple[tuple[float, ...], int, dict[str, Any]]]:
    """(features, label, what) for every value that passes the gates in the corpus `name`."""
    corpus = next(c for c in accuracy.CORPORA if c.name == name)
    gold = yaml.safe_load(corpus.gold.read_text(encoding="utf-8"))
    scales = load_scales(corpus.claims)
    vocabulary = Vocabulary.from_records(load_vocabulary(corpus.claims))
    matcher = Matcher(load_claims(corpus.claims, scales), vocabulary)
    out = []
    with accuracy._articles(corpus) as root:
        for path in find_article_files(root):
            article = read_article(path, root)
            if article is None:
                continue
            article = with_inferred_date(article, scales)
            analysis = analyse_article(article, Context(published=article.published, scales=scales), vocabulary)
            for terms in matcher.terms:
                for d in matcher.decide(analysis, terms):
                    if d.failed is not None or d.evidence is None:
                        continue
                    value = d.value.value.to_json()
                    label = any(g["claim"] == terms.claim.id and str(g["article"]) == article.id
                                and (g["value"] == "*" or states(value, g["value"])) for g in gold)
                    out.append((d.evidence.features(), int(label),
                                {"claim": terms.claim.id, "article": article.id, "text": d.value.text}))
    return out


def fit(data: list[tuple[tuple[float, ...], int, Any]]) -> tuple[float, list[float]]:
    """Bias and weights of a logistic regression on `data`."""
    n = len(FEATURES)
    bias, weights = 0.0, [0.0] * n
    for _ in range(STEPS):
        grad_b, grad = 0.0, [0.0] * n
        for x, y, _ in data:
            p = _sigmoid(bias + sum(w * f for w, f in zip(weights, x, strict=True)))
            grad_b += p - y
            for i in range(n):
                grad[i] += (p - y) * x[i]
        bias -= RATE * grad_b / len(data)
        weights = [w - RATE * (g / len(data) + L2 * w) for w, g in zip(weights, grad, strict=True)]
    return bias, weights


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="tuning", choices=[c.name for c in accuracy.CORPORA])
    parser.add_argument("--write", action="store_true", help="write the fitted weights into confidence.py")
    args = parser.parse_args(argv)
    corpus = next(c for c in accuracy.CORPORA if c.name == args.corpus)
    why = corpus.missing()
    if why:
        print(f"{args.corpus}: absent: {why}")
        return 2
    data = examples(args.corpus)
    positives = sum(y for _, y, _ in data)
    print(f"{args.corpus}: {len(data)} values past the gates, {positives} of them labelled in the gold")
    bias, weights = fit(data)
    print(f"BIAS = {bias:.2f}")
    for name, weight in zip(FEATURES, weights, strict=True):
        print(f"  {name:40} {weight:+.2f}")
    scored = [(_sigmoid(bias + sum(w * f for w, f in zip(weights, x, strict=True))), y) for x, y, _ in data]
    print("confidence   values  right")
    for tenth in range(10):
        low, high = tenth / 10, (tenth + 1) / 10
        inside = [y for p, y in scored if low <= p < high or (tenth == 9 and p == 1.0)]
        if inside:
            print(f"  {low:.1f}-{high:.1f}  {len(inside):7d}  {sum(inside) / len(inside):.3f}")
    if args.write:
        path = ROOT / "checker" / "matching" / "confidence.py"
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"^BIAS = .*$", f"BIAS = {bias:.2f}", text, flags=re.M)
        text = re.sub(r"^WEIGHTS = \(.*\)$", "WEIGHTS = (" + ", ".join(f"{w:.2f}" for w in weights) + ")", text,
                      flags=re.M)
        path.write_text(text, encoding="utf-8")
        print(f"wrote the weights into {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
