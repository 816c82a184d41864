"""One article analysed once and packed: what the cache stores and what workers send back.

A packed article holds what matching and the report need and nothing more: the article (its
text, for the HTML report), and its analysis (checker.matching.analysis): the statements that
state values, with their words, values and vocabulary phrases, the names it uses and its words.
"""

from __future__ import annotations

import hashlib
import json
import logging
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.errors import ArticleSkipped
from checker.matching.analysis import ArticleAnalysis, analyse_article
from checker.matching.references import Names
from checker.matching.statement import Statement
from checker.matching.vocabulary import PhraseHit, Vocabulary
from checker.models import Article, Kind, PartialDate, Sentence, SkippedArticle, StatedValue
from checker.scale.codec import dump_json, load_json
from checker.store.articles import describe_exception, open_article
from checker.store.paths import display_path
from checker.text.words import Token
from checker.values import Context, Scale, extract_values

_ARTICLES_LOG = logging.getLogger("checker.store.articles")
# A packed article's JSON runs to about 3.5 times its file's bytes on news prose (the text, plus each
# statement's words with offsets); ten times leaves room for dense tables of figures, and anything past it
# is a damaged or hostile entry (a few MB that inflate to gigabytes), refused before it is all inflated.
MAX_UNPACKED_PER_FILE_BYTE = 10
MIN_UNPACKED_BYTES = 1024 * 1024
# How far into an article its byline date may stand (the first 8 lines, at most this many characters).
BYLINE_CHARS = 2000


class PackError(ValueError):
    """Bytes that do not decode to a packed article: a damaged or foreign cache entry."""


@dataclass
class PackedArticle:
    """An article and its analysis for matching."""

    analysis: ArticleAnalysis
    cacheable: bool = True  # False when reading the file warned: the warning must show on every run

    @property
    def article(self) -> Article:
        """The article itself."""
        return self.analysis.article

    def to_bytes(self) -> bytes:
        """The article and its analysis, encoded."""
        a = self.analysis
        meta = a.article.model_dump(mode="json", exclude={"id", "path"})
        statements = [[s.sentence.start, s.sentence.end, [[t.lemma, t.start, t.end, t.index] for t in s.tokens],
                       [v.model_dump(mode="json", exclude_none=True) for v in s.values],
                       [[h.first, h.last, sorted(h.predicates), list(h.words)] for h in s.phrases],
                       s.headline, [s.previous.start, s.previous.end] if s.previous else None]
                      for s in a.statements]
        names = [sorted(a.names.aliases.items()), [list(o) for o in a.names.organisations]]
        return _pack({"a": meta, "s": a.stated, "h": statements, "l": sorted(a.lemmas), "n": names})


def file_key(raw: bytes, version: str, suffix: str = "") -> str:
    """The cache key of an article file: its bytes and format (`suffix`) under one analysis version (code,
    scales, vocabulary). The same bytes read as HTML and as text are different articles."""
    return hashlib.sha256(version.encode() + b"\0" + suffix.lower().encode() + b"\0" + raw).hexdigest()


def pack_article(article: Article) -> bytes:
    """The article alone (its metadata and text), without its id and path, which come from where it is read."""
    return _pack(article.model_dump(mode="json", exclude={"id", "path"}))


def unpack_article_record(article_id: str, path: str, blob: bytes, max_bytes: int | None = None) -> Article:
    """The article `pack_article` encoded, given its id and path; raises PackError on damaged bytes."""
    try:
        return Article.model_validate({**_unpack(blob, max_bytes), "id": article_id, "path": path})
    except ValueError as exc:  # pydantic's ValidationError is one
        raise PackError(f"malformed packed article: {exc}") from exc


def pack_terms(terms: frozenset[str]) -> bytes:
    """An article's index terms (checker.scale.index), encoded."""
    return zlib.compress("\n".join(sorted(terms)).encode(), 1)


def unpack_terms(blob: bytes) -> frozenset[str]:
    """The terms `pack_terms` encoded; raises PackError on damaged bytes."""
    try:
        return frozenset(zlib.decompress(blob).decode().split("\n"))
    except (zlib.error, UnicodeDecodeError) as exc:
        raise PackError(f"undecodable index terms: {exc}") from exc


def settings_digest(scales: Mapping[str, Scale], vocabulary_records: Sequence[Mapping[str, Any]]) -> str:
    """A digest of the rating scales and the vocabulary, which change what an analysis holds."""
    text = repr(sorted(scales.items())) + json.dumps(list(vocabulary_records), sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def analyse_file(path: Path, root: Path, scales: Mapping[str, Scale], limit: int,
                 vocabulary: Vocabulary) -> PackedArticle | SkippedArticle:
    """Read and analyse one article file (of at most `limit` bytes), or say why it is skipped (with a warning).

    This is the article boundary: anything reading or analysing one article raises, a reader library's
    exception or a value past what the analysis handles, skips that article and the run goes on.
    """
    warned = _WarningCounter()
    _ARTICLES_LOG.addFilter(warned)
    try:
        article = open_article(path, root, limit)
        article = with_inferred_date(article, scales)
        analysis = analyse_article(article, Context(published=article.published, scales=scales), vocabulary)
    except ArticleSkipped as exc:
        return _skipped(exc)
    except Exception as exc:
        shown = display_path(path)
        return _skipped(ArticleSkipped(shown, f"cannot be analysed ({describe_exception(exc)}); please report "
                                              "this with the file, and remove it from the articles meanwhile"))
    finally:
        _ARTICLES_LOG.removeFilter(warned)
    return PackedArticle(analysis, cacheable=warned.count == 0)


def _skipped(exc: ArticleSkipped) -> SkippedArticle:
    _ARTICLES_LOG.warning("%s", exc.warning)
    return SkippedArticle(path=exc.shown, reason=exc.reason, line=exc.line)


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


def unpacked_limit(file_bytes: int) -> int:
    """The most bytes the packed analysis of an article file of `file_bytes` may inflate to."""
    return max(MIN_UNPACKED_BYTES, MAX_UNPACKED_PER_FILE_BYTE * file_bytes)


def unpack_article(article_id: str, path: str, blob: bytes, max_bytes: int | None = None) -> PackedArticle:
    """The packed article `to_bytes` encoded; raises PackError on damaged bytes or past `max_bytes` inflated."""
    data = _unpack(blob, max_bytes)
    try:
        # validated, not constructed: a cache is never trusted to hold well-formed values
        article = Article.model_validate({**data["a"], "id": article_id, "path": path})
        statements = []
        for start, end, words, values, phrases, headline, previous in data["h"]:
            statements.append(Statement(
                sentence=_sentence(article, start, end),
                tokens=tuple(Token(str(w), int(a), int(b), int(i)) for w, a, b, i in words),
                values=tuple(StatedValue.model_validate(v) for v in values),
                phrases=tuple(PhraseHit(int(f), int(la), frozenset(map(str, p)), tuple(map(str, w)))
                              for f, la, p, w in phrases),
                headline=bool(headline), previous=_sentence(article, *previous) if previous else None))
        aliases, organisations = data["n"]
        names = Names({str(k): str(v) for k, v in aliases}, tuple((str(n), str(h)) for n, h in organisations))
        analysis = ArticleAnalysis(article, tuple(statements), frozenset(map(str, data["l"])), names, int(data["s"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise PackError(f"malformed packed article: {exc}") from exc
    return PackedArticle(analysis)


def _sentence(article: Article, start: int, end: int) -> Sentence:
    if not 0 <= start <= end <= len(article.text):
        raise PackError("a sentence outside its article's text")
    return Sentence(start=start, end=end, text=article.text[start:end])


def _pack(data: dict[str, Any]) -> bytes:
    return zlib.compress(dump_json(data), 1)


def _unpack(blob: bytes, max_bytes: int | None) -> dict[str, Any]:
    try:
        inflater = zlib.decompressobj()
        # max_length stops the inflating there, so a bomb costs max_bytes of memory, not what it claims
        raw = inflater.decompress(blob, max_bytes + 1) if max_bytes is not None else inflater.decompress(blob)
        if max_bytes is not None and len(raw) > max_bytes:
            raise PackError(f"packed article inflates past {max_bytes} bytes")
        if not inflater.eof:
            raise PackError("packed article is cut short")
        data = load_json(raw)
    except (zlib.error, ValueError, TypeError) as exc:
        raise PackError(f"undecodable packed article: {exc}") from exc
    if not isinstance(data, dict):
        raise PackError("packed article is not an object")
    return data


class _WarningCounter(logging.Filter):
    """Counts the warnings logged while reading a file, and lets them through."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def filter(self, record: logging.LogRecord) -> bool:
        self.count += record.levelno >= logging.WARNING
        return True

