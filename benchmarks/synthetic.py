"""A deterministic synthetic corpus for the scale benchmark: articles and claims recombined from the bundled ones.

    python benchmarks/synthetic.py --articles 10000 --claims 500 --out /tmp/corpus

Each article is a handful of sentences taken from the bundled `articles/`, with the
organisation's place name swapped for another, numbers and years varied, plus neutral
filler, so the share of sentences that state values stays like real news. Article `i` of
seed `s` is the same file whatever the corpus size, so a 10k corpus holds the 1k one.
Claims are the bundled `claims/` records rewritten for other places and values.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from checker.store.articles import iter_articles  # noqa: E402
from checker.text.boilerplate import boilerplate_lines  # noqa: E402
from checker.text.sentences import split_sentences  # noqa: E402

PLACES = """Doncaster Rotherham Barnsley Sheffield Wakefield Leeds Bradford Kirklees Calderdale Sandwell Slough
Birmingham Coventry Walsall Dudley Wolverhampton Solihull Stockport Trafford Oldham Rochdale Bolton Wigan Salford
Knowsley Sefton Wirral Halton Warrington Blackpool Blackburn Lancashire Cumbria Northumberland Gateshead Sunderland
Durham Darlington Hartlepool Middlesbrough Redcar Stockton Hull Lincolnshire Norfolk Suffolk Essex Thurrock Medway
Kent Surrey Sussex Hampshire Portsmouth Southampton Bournemouth Dorset Wiltshire Swindon Bristol Somerset Devon
Plymouth Torbay Cornwall Gloucestershire Worcestershire Herefordshire Shropshire Telford Staffordshire Derby
Nottingham Leicester Rutland Northampton Bedford Luton Peterborough Cambridge Oxford Reading Windsor""".split()
FILLER = (
    "The council said it would publish further details in due course.",
    "Local residents were invited to share their views at a public meeting.",
    "A spokesperson declined to comment on the specific case.",
    "The report was discussed by the cabinet at its regular meeting.",
    "Campaigners welcomed the announcement but said more work was needed.",
    "The inspectors spoke to children, families, staff and partner agencies.",
    "Further information is available on the council's website.",
    "The chair thanked officers for their work on the review.",
)
MONTHS = "January February March April May June July August September October November December".split()
_NUMBER = re.compile(r"\b\d+(?:\.\d+)?\b")
_MONTH = re.compile(r"\b(" + "|".join(MONTHS) + r")\b")


def source_sentences() -> list[str]:
    """The prose sentences of the bundled articles."""
    sentences: list[str] = []
    for article in iter_articles(REPO / "articles"):
        sentences += [s.text for s in split_sentences(article.text, boilerplate_lines(article.text))
                      if len(s.text) > 30]
    return sentences


def _vary(sentence: str, place: str, rng: random.Random) -> str:
    def number(match: re.Match[str]) -> str:
        text = match.group()
        if "." in text:
            return f"{rng.uniform(1, 99):.1f}"
        value = int(text)
        if 1990 <= value <= 2030:
            return str(rng.randint(2005, 2025))
        return str(max(1, int(value * rng.uniform(0.5, 1.5))))

    sentence = sentence.replace("Doncaster", place)
    sentence = _MONTH.sub(lambda _: rng.choice(MONTHS), sentence)
    return _NUMBER.sub(number, sentence)


def article_text(index: int, seed: int, sentences: list[str]) -> str:
    """Article `index` of the corpus of `seed`: front matter, a title line and about 18 sentences in 4 paragraphs."""
    rng = random.Random(seed * 1_000_003 + index)
    place = rng.choice(PLACES)
    published = dt.date(2012, 1, 1) + dt.timedelta(days=rng.randrange(4000))
    body: list[str] = []
    for _ in range(4):
        picked = [_vary(rng.choice(sentences), place, rng) for _ in range(rng.randint(2, 6))]
        picked += rng.sample(FILLER, rng.randint(0, 2))
        rng.shuffle(picked)
        body.append(" ".join(picked))
    title = f"{place} children's services: update {index}"
    return f"---\ntitle: \"{title}\"\npublished: {published.isoformat()}\n---\n{title}\n\n" + "\n\n".join(body) + "\n"


def claim_records(count: int, seed: int) -> list[dict[str, Any]]:
    """`count` claim records: the bundled ones, each rewritten for other places and values in turn."""
    base: list[dict[str, Any]] = []
    for path in sorted((REPO / "claims").glob("[!.]*.yaml")):
        base += [r for r in yaml.safe_load(path.read_text(encoding="utf-8")) or [] if isinstance(r, dict) and "id" in r]
    rng = random.Random(seed)
    records = []
    for n in range(count):
        record = {k: v for k, v in base[n % len(base)].items() if k not in ("sources", "notes")}
        place = PLACES[(n // len(base)) % len(PLACES)]
        record["id"] = f"{record['id']}-{n}"
        for key in ("claim", "subject"):
            if isinstance(record.get(key), str):
                record[key] = record[key].replace("Doncaster", place)
        record["keywords"] = [str(k).replace("Doncaster", place) for k in record.get("keywords", [])]
        if record["kind"] == "count" and n >= len(base):
            record["value"] = max(1, int(float(record["value"]) * rng.uniform(0.5, 1.5)))
        records.append(record)
    return records


def iter_corpus(count: int, seed: int) -> Iterator[tuple[str, str]]:
    """(file name, text) of each article of the corpus."""
    sentences = source_sentences()
    for index in range(count):
        yield f"{index // 1000:03d}/a{index:06d}.md", article_text(index, seed, sentences)


def write_corpus(out: Path, articles: int, claims: int, seed: int = 8) -> None:
    """Write `out/articles/**` and `out/claims/claims.yaml`; files already there with the same text are kept."""
    for name, text in iter_corpus(articles, seed):
        path = out / "articles" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    (out / "claims").mkdir(parents=True, exist_ok=True)
    (out / "claims" / "claims.yaml").write_text(
        yaml.safe_dump(claim_records(claims, seed), sort_keys=False, allow_unicode=True), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="how many articles")
    parser.add_argument("--claims", type=int, default=500, help="how many claims")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--out", type=Path, required=True, help="folder to write articles/ and claims/ into")
    args = parser.parse_args(argv)
    write_corpus(args.out, args.articles, args.claims, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
