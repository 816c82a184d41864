"""Reading article files: finding them, decoding bytes, front matter, each format's reader, and the article model."""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterator
from pathlib import Path

import ftfy
from charset_normalizer import from_bytes

from checker.errors import ArticleFileError
from checker.models import Article
from checker.settings import MAX_ARTICLE_BYTES
from checker.store.paths import display_path
from checker.store.readers import ReadText
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
ARTICLE_SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES + PDF_SUFFIXES
# `retrieved` is written by `claimcheck fetch`: when the page was downloaded (UTC).
FRONT_MATTER_FIELDS = {"title", "url", "published", "publisher", "author", "notes", "retrieved"}

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)


def find_article_files(folder: Path, limit: int = MAX_ARTICLE_BYTES) -> list[Path]:
    """Article files below `folder`, sorted by path; raises when the folder is missing.

    Symbolic links are not followed (one could lead out of the folder, or round in a loop), and files
    over the size `limit` are left out; each with a warning.
    """
    if not folder.is_dir():
        raise ArticleFileError(f"{folder}: articles folder not found; pass --articles DIR with your article files")
    files = []
    # Hidden files and folders are skipped: `claimcheck fetch` keeps the raw pages in `.raw/`.
    # rglob does not descend into linked folders; linked files are refused below.
    for path in folder.rglob("*"):
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        if path.is_symlink() and (path.suffix.lower() in ARTICLE_SUFFIXES or path.is_dir()):
            _warn_once(f"{display_path(path)}: skipped, it is a symbolic link and links are not followed; "
                       "copy the article into the folder instead")
            continue
        if path.suffix.lower() not in ARTICLE_SUFFIXES or path.name.lower() == "readme.md":
            continue
        try:
            if not path.is_file():
                continue
            size = path.stat().st_size
        except OSError:
            size = 0  # reading it says why it cannot be read
        if size > limit:
            _warn_once(f"{display_path(path)}: skipped, {size} bytes is over the {limit} byte limit for an "
                       "article; raise it with --max-article-bytes")
            continue
        files.append(path)
    files.sort(key=lambda p: p.relative_to(folder).as_posix())
    _refuse_shared_ids(files, folder)
    return files


def _warn_once(message: str) -> None:
    log.warning("%s", message)


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
    """One article, or None (with a warning) when the file holds no usable text (or more than `limit` bytes)."""
    shown = display_path(path)
    try:
        size = path.stat().st_size
        if size > limit:
            log.warning("%s: skipped, %d bytes is over the %d byte limit for an article; raise it with "
                        "--max-article-bytes", shown, size, limit)
            return None
        raw = path.read_bytes()
    except OSError as exc:
        log.warning("%s: skipped, cannot be read (%s)", shown, exc.strerror or exc)
        return None
    found = read_article_bytes(raw, path.suffix.lower(), shown)
    if found is None:
        return None
    body = normalise_text(found.text)
    if not body.strip():
        log.warning("%s: skipped, the article has no text", shown)
        return None
    meta = found.meta
    return Article(
        id=article_id(path, root),
        path=shown,
        text=body,
        title=_text_field(meta, "title") or _first_line(body),
        url=_text_field(meta, "url"),
        published=_published(meta, shown),
        publisher=_text_field(meta, "publisher"),
        author=_text_field(meta, "author"),
        notes=_text_field(meta, "notes"),
        page_starts=found.page_starts,
    )


def read_article_bytes(raw: bytes, suffix: str, shown: str) -> ReadText | None:
    """A file's text and metadata by its format (`suffix` such as '.html'); None when it holds no text."""
    if suffix in PDF_SUFFIXES:
        return read_pdf(raw, shown)
    text = decode_article_bytes(raw, shown)
    if text is None:
        return None
    if suffix in HTML_SUFFIXES:
        return read_html(text, shown)
    meta, body = split_front_matter(text, shown)
    if suffix in MARKDOWN_SUFFIXES:
        body = strip_markdown(body)
    return ReadText(text=body, meta=meta)


def decode_article_bytes(raw: bytes, shown: str) -> str | None:
    """The file's text: UTF-8 (with or without BOM), else a detected encoding with a warning; mojibake repaired."""
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        log.warning("%s: skipped, it looks like a binary file, not text", shown)
        return None
    try:
        # A UTF-16 byte-order mark names its encoding outright, so that is no guess to warn about.
        text = raw.decode("utf-16") if raw.startswith((b"\xff\xfe", b"\xfe\xff")) else raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = from_bytes(raw).best()
        if best is None or best.encoding is None:
            log.warning("%s: skipped, its bytes are not text in any encoding we recognise", shown)
            return None
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
        raise ArticleFileError(f"{shown}:{(exc.line or 0) + 1}: front matter is not valid YAML ({exc.problem}); "
                               "fix the lines between the two '---'") from exc
    if not isinstance(meta, dict):
        raise ArticleFileError(f"{shown}:2: front matter must be 'key: value' lines (title, url, published, ...)")
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
        raise ArticleFileError(
            f"{shown}: front matter 'published: {value}' is not a date; write it as YYYY-MM-DD") from exc


def _text_field(meta: dict[str, object], key: str) -> str | None:
    value = meta.get(key)
    return None if value is None else str(value).strip() or None


def _first_line(body: str) -> str | None:
    for line in body.split("\n"):
        if line.strip():
            return line.strip()[:200]
    return None
