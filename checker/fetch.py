"""Fetching web pages into the articles folder: one polite request per URL, the page kept, the text extracted."""

from __future__ import annotations

import datetime as dt
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from http.client import HTTPMessage
from pathlib import Path
from typing import IO

import yaml

from checker.errors import OutputError
from checker.settings import Settings
from checker.store.articles import ARTICLE_SUFFIXES, decode_article_bytes
from checker.store.output import write_atomic
from checker.store.paths import display_path
from checker.store.readers.html import read_html
from checker.version import __version__

USER_AGENT = f"claimcheck/{__version__} (article fetcher; one request per URL)"
TIMEOUT_SECONDS = 20.0
# News pages run to a few hundred kB with their markup; 5 MB leaves room and stops a runaway download.
MAX_PAGE_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
HTML_TYPES = ("text/html", "application/xhtml+xml")
# The raw page is kept beside its article in this hidden folder, which article loading skips.
RAW_FOLDER = ".raw"
_CHUNK = 64 * 1024


class FetchError(Exception):
    """One URL could not be saved as an article; the message says why, for that URL only."""


@dataclass(frozen=True)
class FetchResult:
    """What became of one URL: the article file written, or why none was."""

    url: str
    path: Path | None = None
    error: str | None = None


def fetch_articles(urls: Iterable[str], into: Path, timeout: float = TIMEOUT_SECONDS,
                   max_bytes: int = MAX_PAGE_BYTES, on_result: Callable[[FetchResult], None] | None = None,
                   settings: Settings | None = None) -> list[FetchResult]:
    """Save each URL's page as an article in `into`; a URL that fails is reported and the rest still run."""
    retrieved = (settings or Settings()).generated
    results = []
    for url in urls:
        try:
            result = FetchResult(url=url, path=fetch_article(url, into, timeout, max_bytes, retrieved))
        except FetchError as exc:
            result = FetchResult(url=url, error=str(exc))
        results.append(result)
        if on_result:
            on_result(result)
    return results


def fetch_article(url: str, into: Path, timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_PAGE_BYTES,
                  retrieved: str | None = None) -> Path:
    """Download one page and write `<slug>.txt` (front matter + text) and `.raw/<slug>.html`; returns the article.

    `retrieved` is the time stamp written in its front matter (default: now).
    """
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError("not a web address; give an http:// or https:// URL")
    slug = article_slug(url)
    target, raw_target = into / f"{slug}.txt", into / RAW_FOLDER / f"{slug}.html"
    taken = [p for p in (into / f"{slug}{s}" for s in ARTICLE_SUFFIXES) if p.exists()]
    if taken:
        raise FetchError(f"{display_path(taken[0])} already exists; delete it to fetch the page again")
    markup, final_url = _download(url, timeout, max_bytes)
    found = read_html(markup, url, url=final_url)
    if not found.text.strip():
        raise FetchError("no article text found in the page (it may need JavaScript, which claimcheck does not run)")
    meta = {"title": found.meta.get("title"), "url": found.meta.get("url") or final_url,
            "published": _as_date(found.meta.get("published")), "author": found.meta.get("author"),
            "publisher": found.meta.get("publisher"), "retrieved": retrieved or Settings().generated}
    front = yaml.safe_dump({k: v for k, v in meta.items() if v}, sort_keys=False, allow_unicode=True, width=1000)
    try:
        write_atomic(raw_target, markup)
        write_atomic(target, f"---\n{front}---\n{found.text.strip()}\n")
    except OutputError as exc:
        raw_target.unlink(missing_ok=True)
        raise FetchError(str(exc)) from exc
    return target


def article_slug(url: str) -> str:
    """A file name for the page at `url`: its host and path in lowercase letters, digits and '-'."""
    parts = urllib.parse.urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    path = re.sub(r"\.(?:s?html?|php|aspx?)$", "", parts.path.rstrip("/"))
    slug = re.sub(r"[^a-z0-9]+", "-", f"{host} {path} {parts.query}".lower()).strip("-")
    # File names stay well under every filesystem's limit; the end of a news URL (its id) is kept.
    return slug if len(slug) <= 100 else f"{slug[:40].rstrip('-')}--{slug[-57:].lstrip('-')}"


class _RedirectHandler(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str,
                         headers: HTTPMessage, newurl: str) -> urllib.request.Request | None:
        if urllib.parse.urlsplit(newurl).scheme not in ("http", "https"):
            raise FetchError(f"redirected to {newurl}, which is not a web address")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _download(url: str, timeout: float, max_bytes: int) -> tuple[str, str]:
    """The page's markup and its final URL after redirects; one request, no retries."""
    opener = urllib.request.build_opener(_RedirectHandler)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT,
                                                   "Accept": "text/html,application/xhtml+xml;q=0.9"})
    deadline = time.monotonic() + timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            kind = response.headers.get_content_type()
            if kind not in HTML_TYPES:
                raise FetchError(f"the server sent {kind}, not a web page; save other files into the articles "
                                 "folder yourself")
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(f"the page is {int(declared)} bytes, over the {max_bytes} byte limit")
            body = bytearray()
            while chunk := response.read(_CHUNK):
                body += chunk
                if len(body) > max_bytes:
                    raise FetchError(f"the page is over the {max_bytes} byte limit")
                if time.monotonic() > deadline:
                    raise FetchError(f"the page did not arrive within {timeout:g} seconds")
            charset = response.headers.get_content_charset()
            final_url = response.geturl()
    except urllib.error.HTTPError as exc:
        if 300 <= exc.code < 400:
            raise FetchError(f"redirect loop, or more than {MAX_REDIRECTS} redirects") from exc
        raise FetchError(f"the server answered HTTP {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise FetchError(f"no answer within {timeout:g} seconds") from exc
        raise FetchError(f"cannot connect ({exc.reason})") from exc
    except TimeoutError as exc:
        raise FetchError(f"no answer within {timeout:g} seconds") from exc
    except (OSError, ValueError) as exc:
        raise FetchError(f"the download failed ({exc})") from exc
    return _decode(bytes(body), charset, url), final_url


def _decode(body: bytes, charset: str | None, url: str) -> str:
    """The page's text in the charset the server declared, else as an article file would be decoded."""
    if charset:
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    text = decode_article_bytes(body, url)
    if text is None:
        raise FetchError("the page is not text in any encoding claimcheck recognises")
    return text


def _as_date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None
