"""One article analysed once and packed: what the cache stores and what workers send back.

A packed article holds what matching needs and nothing more: the article (its text, for the HTML
report and the subject test), how many of its sentences hold each stem (the corpus
frequencies are their sum), and only the sentences that state values, with their words.
Sentences without values can match no claim, so they are not kept.
"""

from __future__ import annotations

import hashlib
import json
import logging
import zlib
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.matching.evidence import AnalysedArticle, analyse_article
from checker.models import Article, Kind, PartialDate, Sentence, StatedValue
from checker.store.articles import read_article
from checker.text.boilerplate import boilerplate_lines
from checker.text.sentences import split_sentences
from checker.text.words import Token
from checker.values import Context, Scale, extract_values

_ARTICLES_LOG = logging.getLogger("checker.store.articles")
# How far into an article its byline date may stand (the first 8 lines, at most this many characters).
BYLINE_CHARS = 2000


class PackError(ValueError):
    """Bytes that do not decode to a record: a damaged or foreign cache entry."""


@dataclass
class PackedArticle:
    """An article and the part of its analysis that matching and the report use."""

    article: Article
    frequencies: dict[str, int]  # stem -> how many of the article's sentences hold it
    sentences: int
    stated: int  # values stated anywhere in the article
    analysed: AnalysedArticle  # only the sentences that state values
    cacheable: bool = True  # False when reading the file warned: the warning must show on every run

    def frequency_bytes(self) -> bytes:
        """The stem frequencies, encoded apart so a run can sum them without decoding the rest."""
        return _pack({"f": self.frequencies, "n": self.sentences})

    def body_bytes(self) -> bytes:
        """Everything but the frequencies, encoded."""
        meta = self.article.model_dump(mode="json", exclude={"id", "path"})
        hot = [[s.start, s.end, [[t.stem, t.start, t.end, t.index] for t in tokens],
                [v.model_dump(mode="json", exclude_none=True) for v in values]]
               for s, tokens, values in zip(self.analysed.sentences, self.analysed.tokens, self.analysed.values,
                                            strict=True)]
        return _pack({"a": meta, "s": self.stated, "h": hot})


def file_key(raw: bytes, version: str) -> str:
    """The cache key of an article file: its bytes under one analysis version (code and scales)."""
    return hashlib.sha256(version.encode() + b"\0" + raw).hexdigest()


def scales_digest(scales: Mapping[str, Scale]) -> str:
    """A digest of the rating scales, which change what a text states."""
    return hashlib.sha256(repr(sorted(scales.items())).encode()).hexdigest()[:16]


def analyse_file(path: Path, root: Path, scales: Mapping[str, Scale], limit: int) -> PackedArticle | None:
    """Read and analyse one article file (of at most `limit` bytes); None when it is skipped (with a warning)."""
    warned = _WarningCounter()
    _ARTICLES_LOG.addFilter(warned)
    try:
        article = read_article(path, root, limit)
    finally:
        _ARTICLES_LOG.removeFilter(warned)
    if article is None:
        return None
    article = with_inferred_date(article, scales)
    sentences = split_sentences(article.text, boilerplate_lines(article.text))
    analysed = analyse_article(article, sentences, Context(published=article.published, scales=scales))
    frequencies: Counter[str] = Counter()
    for tokens in analysed.tokens:
        frequencies.update({t.stem for t in tokens})
    keep = [i for i, values in enumerate(analysed.values) if values]
    return PackedArticle(
        article=article, frequencies=dict(frequencies), sentences=len(sentences),
        stated=sum(len(v) for v in analysed.values),
        analysed=AnalysedArticle(article, [sentences[i] for i in keep], [analysed.tokens[i] for i in keep],
                                 [analysed.values[i] for i in keep]),
        cacheable=warned.count == 0,
    )


def with_inferred_date(article: Article, scales: Mapping[str, Scale]) -> Article:
    """Where front matter gives no date, take a full date stated in the article's first lines (a byline)."""
    if article.published is not None:
        return article
    # A byline is short: capping the head keeps a file that is one huge line from being read twice.
    head = "\n".join(article.text[:BYLINE_CHARS].split("\n")[:8])
    for value in extract_values(head, Context(scales=scales), kinds=frozenset({Kind.DATE})):
        if isinstance(value.value, PartialDate) and value.value.precision == 3:
            return article.model_copy(update={"published": value.value.interval()[0]})
    return article


def unpack_frequencies(blob: bytes) -> tuple[dict[str, int], int]:
    """Stem frequencies and sentence count from `PackedArticle.frequency_bytes`."""
    data = _unpack(blob)
    try:
        frequencies, sentences = data["f"], data["n"]
        if not (isinstance(frequencies, dict) and isinstance(sentences, int)
                and all(isinstance(n, int) for n in frequencies.values())):
            raise PackError("frequencies of the wrong type")
        return frequencies, sentences
    except (KeyError, TypeError) as exc:
        raise PackError(f"incomplete frequencies: {exc}") from exc


def unpack_article(article_id: str, path: str, frequency_blob: bytes, body_blob: bytes) -> PackedArticle:
    """The record encoded by `frequency_bytes` and `body_bytes`; raises PackError on damaged bytes."""
    frequencies, sentences = unpack_frequencies(frequency_blob)
    data = _unpack(body_blob)
    try:
        # validated, not constructed: a cache is never trusted to hold well-formed values
        article = Article.model_validate({**data["a"], "id": article_id, "path": path})
        kept: list[Sentence] = []
        tokens: list[list[Token]] = []
        values: list[list[StatedValue]] = []
        for start, end, words, stated in data["h"]:
            kept.append(Sentence(start=start, end=end, text=article.text[start:end]))
            tokens.append([Token(str(s), int(a), int(b), int(i)) for s, a, b, i in words])
            values.append([StatedValue.model_validate(v) for v in stated])
        stated_count = int(data["s"])
    except (KeyError, TypeError, ValueError) as exc:
        raise PackError(f"malformed record: {exc}") from exc
    return PackedArticle(article, frequencies, sentences, stated_count, AnalysedArticle(article, kept, tokens, values))


def _pack(data: dict[str, Any]) -> bytes:
    return zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode(), 1)


def _unpack(blob: bytes) -> dict[str, Any]:
    try:
        data = json.loads(zlib.decompress(blob))
    except (zlib.error, ValueError, TypeError) as exc:
        raise PackError(f"undecodable record: {exc}") from exc
    if not isinstance(data, dict):
        raise PackError("record is not an object")
    return data


class _WarningCounter(logging.Filter):
    """Counts the warnings logged while reading a file, and lets them through."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def filter(self, record: logging.LogRecord) -> bool:
        self.count += record.levelno >= logging.WARNING
        return True
