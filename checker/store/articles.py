"""Reading article files: finding them, decoding bytes, front matter, each format's reader, and the article model."""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import ftfy
from charset_normalizer import from_bytes

from checker.errors import ArticleFileError, ArticleSkipped
from checker.models import Article, SkippedArticle
from checker.settings import MAX_ARTICLE_BYTES
from checker.store.paths import display_path, walk_files
from checker.store.readers import ReadText
from checker.store.readers.docx import read_docx
from checker.store.readers.html import read_html
from checker.store.readers.markdown import strip_markdown
from checker.store.readers.pdf import read_pdf
from checker.store.safe_yaml import YamlProblem, load_yaml
from checker.text.normalise import normalise_text

log = logging.getLogger(__name__)

TEXT_SUFFIXES = (".txt",)
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
PDF_SUFFIXES = (".pdf",)
DOCX_SUFFIXES = (".docx",)
ARTICLE_SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES + PDF_SUFFIXES + DOCX_SUFFIXES
# `retrieved` is written by `claimcheck fetch`: when the page was downloaded (UTC).
FRONT_MATTER_FIELDS = {"title", "url", "published", "publisher", "author", "notes", "retrieved"}

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)


# Files a folder of articles may hold that are not articles, passed over without a word.
QUIET_NAMES = frozenset({"readme", "readme.rst", "license", "copying", "makefile"})
# Files people keep beside their articles that claimcheck does not read, and what to do about each.
_TO_TEXT = "convert it to .txt, .docx or .pdf (or paste its text into a .txt file)"
_IMAGE = "it is an image and claimcheck does no OCR; type or paste its text into a .txt file"
NOT_READ_HINTS = {
    ".rtf": _TO_TEXT, ".odt": _TO_TEXT, ".doc": "it is an old Word file; save it as .docx or .pdf",
    ".pages": _TO_TEXT, ".epub": _TO_TEXT, ".xml": _TO_TEXT, ".json": _TO_TEXT, ".csv": _TO_TEXT,
    ".png": _IMAGE, ".jpg": _IMAGE, ".jpeg": _IMAGE, ".gif": _IMAGE, ".tif": _IMAGE, ".tiff": _IMAGE,
    ".webp": _IMAGE, ".heic": _IMAGE, ".bmp": _IMAGE, ".svg": _IMAGE,
}


@dataclass(frozen=True)
class ArticleFiles:
    """The article files below a folder, sorted by path, and what was found there but not read, with why."""

    files: list[Path]
    skipped: list[SkippedArticle]


def find_article_files(folder: Path, limit: int = MAX_ARTICLE_BYTES) -> list[Path]:
    """Article files below `folder`, sorted by path; raises when the folder is missing (see list_article_files)."""
    return list_article_files(folder, limit).files


def list_article_files(folder: Path, limit: int = MAX_ARTICLE_BYTES) -> ArticleFiles:
    """Article files below `folder` and the files there that are not read; raises when the folder is missing.

    Symbolic links are not followed (one could lead out of the folder, or round in a loop); files over
    the size `limit`, of a format claimcheck does not read, or in a folder that cannot be listed are
    left out: each with a warning naming it, and listed in `skipped`.
    """
    if not folder.is_dir():
        raise ArticleFileError(f"{folder}: articles folder not found; pass --articles DIR with your article files")
    files: list[Path] = []
    skipped: list[SkippedArticle] = []

    def skip(path: Path, reason: str) -> None:
        shown = _shown(path)
        log.warning("%s: skipped, %s", shown, reason)
        skipped.append(SkippedArticle(path=shown, reason=reason))

    def unreadable(path: Path, exc: OSError) -> None:
        skip(path, f"the folder cannot be read ({exc.strerror or exc}); give claimcheck permission to read it, "
                   "or move its articles elsewhere")

    for path in walk_files(folder, unreadable):
        reason = _not_read(path, limit)
        if reason:
            skip(path, reason)
        elif reason is None:
            files.append(path)
    files.sort(key=lambda p: p.relative_to(folder).as_posix())
    _refuse_shared_ids(files, folder)
    return ArticleFiles(files, skipped)


def _not_read(path: Path, limit: int) -> str | None:
    """Why a file found under the articles folder is not read; None to read it, "" to pass it over silently."""
    suffix = path.suffix.lower()
    if path.is_symlink():
        return "it is a symbolic link and links are not followed; copy the article into the folder instead"
    if suffix not in ARTICLE_SUFFIXES:
        if path.name.lower() in QUIET_NAMES:
            return ""
        return NOT_READ_HINTS.get(suffix, f"claimcheck does not read {suffix or 'files without an extension'}; "
                                          f"{_TO_TEXT}")
    if path.name.lower() == "readme.md":
        return ""
    if not _utf8_name(path):
        return "its file name is not UTF-8 text; rename it"
    try:
        if not path.is_file():
            return ""  # a FIFO or a device: never opened, so a read cannot block on it
        size = path.stat().st_size
    except OSError:
        return None  # reading it says why it cannot be read
    if size > limit:
        return f"{size} bytes is over the {limit} byte limit for an article; raise it with --max-article-bytes"
    return None


def _utf8_name(path: Path) -> bool:
    return _is_text(str(path))


def _shown(path: Path) -> str:
    """The path as messages show it, with bytes that are not UTF-8 in a file name written as escapes."""
    shown = display_path(path)
    return shown if _utf8_name(Path(shown)) else os.fsencode(shown).decode("utf-8", "backslashreplace")


def article_id(path: Path, root: Path) -> str:
    """The article's id: its path under the articles folder without the extension, the same for every format."""
    return path.relative_to(root).with_suffix("").as_posix()


def _refuse_shared_ids(files: list[Path], root: Path) -> None:
    seen: dict[str, Path] = {}
    for path in files:
        key = article_id(path, root)
        if key in seen:
            raise ArticleFileError(
                f"{display_path(seen[key])} and {display_path(path)}: both would be article '{key}'; "
                "keep one format of each article, or rename one of them"
            )
        seen[key] = path


def load_articles(folder: Path, limit: int = MAX_ARTICLE_BYTES) -> list[Article]:
    """Every usable article below `folder`; unusable ones are skipped with a warning."""
    return list(iter_articles(folder, limit))


def iter_articles(folder: Path, limit: int = MAX_ARTICLE_BYTES) -> Iterator[Article]:
    """Articles one at a time, so a large corpus is never held in memory whole."""
    for path in find_article_files(folder, limit):
        article = read_article(path, folder, limit)
        if article is not None:
            yield article


def read_article(path: Path, root: Path, limit: int = MAX_ARTICLE_BYTES) -> Article | None:
    """One article, or None (with a warning naming the file) when it cannot be used; see open_article."""
    try:
        return open_article(path, root, limit)
    except ArticleSkipped as exc:
        log.warning("%s", exc.warning)
        return None


def open_article(path: Path, root: Path, limit: int = MAX_ARTICLE_BYTES) -> Article:
    """One article; raises ArticleSkipped, saying why, when the file cannot be used (no text, over `limit` bytes)."""
    shown = _shown(path)
    try:
        size = path.stat().st_size
        if size > limit:
            raise ArticleSkipped(shown, f"{size} bytes is over the {limit} byte limit for an article; raise it "
                                        "with --max-article-bytes")
        raw = path.read_bytes()
    except OSError as exc:
        raise ArticleSkipped(shown, f"cannot be read ({exc.strerror or exc})") from exc
    try:
        found = read_article_bytes(raw, path.suffix.lower(), shown)
    except ArticleSkipped:
        raise
    except Exception as exc:
        # The article boundary: whatever a reader library raises (pypdf, trafilatura, python-docx, a
        # RecursionError on deep markup) costs this one article, never the run.
        raise ArticleSkipped(shown, f"cannot be read ({describe_exception(exc)}); save it again from its source, "
                                    "or its text as .txt") from exc
    if found is None:
        raise ArticleSkipped(shown, "the article has no text")
    body = normalise_text(found.text)
    if not body.strip():
        raise ArticleSkipped(shown, "the article has no text")
    meta = found.meta
    return Article(
        id=article_id(path, root),
        path=shown,
        text=body,
        title=_text_field(meta, "title", shown) or _first_line(body),
        url=_text_field(meta, "url", shown),
        published=_published(meta, shown),
        publisher=_text_field(meta, "publisher", shown),
        author=_text_field(meta, "author", shown),
        notes=_text_field(meta, "notes", shown),
        page_starts=found.page_starts,
    )


def read_article_bytes(raw: bytes, suffix: str, shown: str) -> ReadText | None:
    """A file's text and metadata by its format (`suffix` such as '.html'); None when it holds no text.

    Raises ArticleSkipped when the file cannot be read as its format.
    """
    if suffix in PDF_SUFFIXES:
        return read_pdf(raw, shown)
    if suffix in DOCX_SUFFIXES:
        return read_docx(raw, shown)
    text = _decode(raw, shown)
    if suffix in HTML_SUFFIXES:
        return read_html(text, shown)
    meta, body = split_front_matter(text, shown)
    if suffix in MARKDOWN_SUFFIXES:
        body = strip_markdown(body)
    return ReadText(text=body, meta=meta)


def decode_article_bytes(raw: bytes, shown: str) -> str | None:
    """The file's text: UTF-8 (with or without BOM), else a detected encoding with a warning; mojibake repaired.

    None, with a warning, when the bytes are not text.
    """
    try:
        return _decode(raw, shown)
    except ArticleSkipped as exc:
        log.warning("%s", exc.warning)
        return None


def describe_exception(exc: BaseException) -> str:
    """An exception in a few words for a one-line warning: its type and the start of its message."""
    said = " ".join(str(exc).split())[:120]
    return f"{type(exc).__name__}: {said}" if said else type(exc).__name__


def _decode(raw: bytes, shown: str) -> str:
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ArticleSkipped(shown, "it looks like a binary file, not text")
    try:
        # A UTF-16 byte-order mark names its encoding outright, so that is no guess to warn about.
        text = raw.decode("utf-16") if raw.startswith((b"\xff\xfe", b"\xfe\xff")) else raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = from_bytes(raw).best()
        if best is None or best.encoding is None:
            raise ArticleSkipped(shown, "its bytes are not text in any encoding we recognise") from None
        log.warning("%s: not UTF-8; read as %s (save it as UTF-8 to silence this)", shown, best.encoding)
        text = str(best)
    # Text that went through a wrong decode before it was saved ("councilâ€™s" for "council’s"):
    # ftfy undoes only what it can recognise with confidence, and leaves clean text alone.
    repaired = ftfy.fix_encoding(text)
    if repaired != text:
        log.warning("%s: repaired mis-decoded characters such as 'â€™' (mojibake); save the file again as UTF-8 "
                    "from its source to silence this", shown)
    return repaired


def split_front_matter(text: str, shown: str) -> tuple[dict[str, object], str]:
    """The YAML front matter (empty when absent) and the body after it."""
    text = text.replace("\r\n", "\n")
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        meta = load_yaml(match.group(1) or "") or {}
    except YamlProblem as exc:
        raise ArticleSkipped(shown, f"front matter is not valid YAML ({exc.problem}); fix the lines between the "
                                    "two '---'", (exc.line or 0) + 1) from exc
    if not isinstance(meta, dict):
        raise ArticleSkipped(shown, "front matter must be 'key: value' lines (title, url, published, ...)", 2)
    unknown = sorted(str(k) for k in meta if k not in FRONT_MATTER_FIELDS)
    if unknown:
        log.warning("%s: front matter field(s) %s ignored; known fields: %s", shown, ", ".join(unknown),
                    ", ".join(sorted(FRONT_MATTER_FIELDS)))
    return meta, text[match.end():]


def _published(meta: dict[str, object], shown: str) -> dt.date | None:
    value = meta.get("published")
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError as exc:
        raise ArticleSkipped(shown, f"front matter 'published: {str(value)[:40]}' is not a date; write it as "
                                    "YYYY-MM-DD") from exc


def _text_field(meta: dict[str, object], key: str, shown: str) -> str | None:
    value = meta.get(key)
    text = None if value is None else str(value).strip() or None
    if text is not None and not _is_text(text):
        # a lone surrogate ("\ud800" in a quoted YAML string) is no character: it cannot be written out
        raise ArticleSkipped(shown, f"front matter '{key}' holds an escape that is not a character (a lone "
                                    "surrogate such as \\ud800); remove it")
    return text


def _is_text(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _first_line(body: str) -> str | None:
    for line in body.split("\n"):
        if line.strip():
            return line.strip()[:200]
    return None
