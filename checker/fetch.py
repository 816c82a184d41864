"""Fetching web pages into the articles folder: one polite request per URL, the page kept, the text extracted."""

from __future__ import annotations

import contextlib
import datetime as dt
import http.client
import logging
import re
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from http.client import HTTPMessage
from pathlib import Path
from typing import IO, Any

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
# A page that is no article: a web server's folder listing, or an error page served with status 200.
_LISTING = re.compile(r"^\s*(?:index of|directory listing for) /", re.IGNORECASE | re.MULTILINE)
_ERROR_PAGE = re.compile(r"^\s*(?:(?:error\s*)?(?:400|401|403|404|410|500|502|503)\b[^\n]{0,30}?"
                         r"(?:not found|forbidden|unauthori[sz]ed|gone|error|unavailable)|page not found|"
                         r"(?:sorry, )?(?:this |the )?page (?:could not be found|cannot be found|doesn't exist)|"
                         r"access denied|forbidden)", re.IGNORECASE | re.MULTILINE)

log = logging.getLogger(__name__)


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
                   settings: Settings | None = None, force: bool = False) -> list[FetchResult]:
    """Save each URL's page as an article in `into`; a URL that fails is reported and the rest still run.

    With `force`, an article already saved from the same URL is overwritten.
    """
    retrieved = (settings or Settings()).generated
    results = []
    for url in urls:
        try:
            result = FetchResult(url=url, path=fetch_article(url, into, timeout, max_bytes, retrieved, force))
        except FetchError as exc:
            result = FetchResult(url=url, error=str(exc))
        results.append(result)
        if on_result:
            on_result(result)
    return results


def fetch_article(url: str, into: Path, timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_PAGE_BYTES,
                  retrieved: str | None = None, force: bool = False) -> Path:
    """Download one page and write `<slug>.txt` (front matter + text) and `.raw/<slug>.html`; returns the article.

    `retrieved` is the time stamp written in its front matter (default: now). An article already there
    is refused, or with `force` overwritten (only the `.txt` fetch writes, never another format's file).
    """
    check_url(url)
    slug = article_slug(url)
    target, raw_target = into / f"{slug}.txt", into / RAW_FOLDER / f"{slug}.html"
    taken = [p for p in (into / f"{slug}{s}" for s in ARTICLE_SUFFIXES) if p.exists() or p.is_symlink()]
    others = [p for p in taken if p != target]
    if others:
        raise FetchError(f"{display_path(others[0])} already exists and would share the article's id; move it "
                         "away to fetch the page as text")
    if taken and not force:
        raise FetchError(f"{display_path(taken[0])} already exists; use --force to fetch the page again and "
                         "overwrite it")
    markup, final_url = _download(url, timeout, max_bytes)
    found = read_html(markup, url, url=final_url)
    if not found.text.strip():
        raise FetchError("no article text found in the page (it may need JavaScript, which claimcheck does not run)")
    _warn_if_not_an_article(url, str(found.meta.get("title") or ""), found.text)
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


def _warn_if_not_an_article(url: str, title: str, text: str) -> None:
    """A warning when the page saved looks like a server's folder listing or an error page, not an article."""
    head = f"{title}\n{text[:400]}"
    error = _ERROR_PAGE.search(head)
    if _LISTING.search(head):
        log.warning("%s: the page looks like a folder listing ('Index of /...'), not an article; check the URL",
                    _short(url))
    elif error:
        log.warning("%s: the page looks like an error page ('%s'), not an article; check the URL, or save the "
                    "page from a browser", _short(url), _short(error.group(0).strip(), 40))


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

    def http_error_302(self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str,
                       headers: HTTPMessage) -> Any:
        # urllib refuses a redirect to another scheme with an HTTPError of the redirect's own code, which
        # would read as a loop: say what it is before urllib looks at it.
        target = headers.get("Location") or headers.get("URI")
        if target:
            newurl = urllib.parse.urljoin(req.full_url, target)
            if urllib.parse.urlsplit(newurl).scheme not in ("http", "https"):
                raise FetchError(f"redirected to {_short(newurl)}, which is not a web address; claimcheck follows "
                                 "redirects to http:// and https:// only")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


class _Deadline:
    """One URL's whole time budget: when it runs out, every connection opened for the URL is shut.

    A socket timeout bounds each wait, not the whole: a server that sends a byte every half second
    (headers or body) never trips it. Shutting the socket from a timer ends any read in progress.
    """

    def __init__(self, seconds: float) -> None:
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()

    def track(self, connection: http.client.HTTPConnection) -> http.client.HTTPConnection:
        """`connection`, its socket kept once connected (urllib lets go of it before the body is read)."""
        connect = connection.connect

        def connect_and_keep() -> None:
            connect()
            with self._lock:
                self._sockets.append(connection.sock)
                if self.expired:
                    _shut(connection.sock)

        connection.connect = connect_and_keep  # type: ignore[method-assign]
        return connection

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shut(sock)


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self._deadline = deadline

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        def connect(host: str, **options: Any) -> http.client.HTTPConnection:
            return self._deadline.track(http.client.HTTPConnection(host, **options))
        return self.do_open(connect, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self._deadline = deadline

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        def connect(host: str, **options: Any) -> http.client.HTTPConnection:
            return self._deadline.track(http.client.HTTPSConnection(host, **options))
        return self.do_open(connect, req, context=self._context)  # type: ignore[attr-defined]


def check_url(url: str) -> None:
    """Raise FetchError, saying what to fix, for a URL that cannot be requested as written."""
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        raise FetchError("the URL holds a space or a control character; write a space as %20")
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError("not a web address; give an http:// or https:// URL")
    try:
        parts.port  # noqa: B018 (reading it checks it)
    except ValueError:
        raise FetchError("the port in the URL is not a number from 0 to 65535; fix it or leave it out") from None


def _download(url: str, timeout: float, max_bytes: int) -> tuple[str, str]:
    """The page's markup and its final URL after redirects; one request, no retries, `timeout` in all."""
    with _Deadline(timeout) as deadline:
        opener = urllib.request.build_opener(_RedirectHandler, _HTTPHandler(deadline), _HTTPSHandler(deadline))
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT,
                                                       "Accept": "text/html,application/xhtml+xml;q=0.9"})
        try:
            with opener.open(request, timeout=timeout) as response:
                body, charset, final_url = _read_page(response, max_bytes, deadline)
        except FetchError:
            raise
        except urllib.error.HTTPError as exc:
            if 300 <= exc.code < 400:
                raise FetchError(f"redirect loop, or more than {MAX_REDIRECTS} redirects") from exc
            raise FetchError(f"the server answered HTTP {exc.code} {_short(str(exc.reason))}") from exc
        except urllib.error.URLError as exc:
            if deadline.expired or isinstance(exc.reason, TimeoutError):
                raise FetchError(f"no answer within {timeout:g} seconds") from exc
            raise FetchError(f"cannot connect ({_short(str(exc.reason))})") from exc
        except (TimeoutError, OSError, ValueError, http.client.HTTPException) as exc:
            if deadline.expired or isinstance(exc, TimeoutError):
                raise FetchError(f"no answer within {timeout:g} seconds") from exc
            if isinstance(exc, http.client.HTTPException):
                raise FetchError(f"the server's answer is not valid HTTP ({type(exc).__name__}: "
                                 f"{_short(str(exc))})") from exc
            raise FetchError(f"the download failed ({_short(str(exc))})") from exc
        if deadline.expired:
            raise FetchError(f"the page did not arrive within {timeout:g} seconds")
    return _decode(body, charset, url), final_url


def _read_page(response: http.client.HTTPResponse, max_bytes: int,
               deadline: _Deadline) -> tuple[bytes, str | None, str]:
    """The body (checked for type, size and completeness), its charset and the final URL."""
    kind = response.headers.get_content_type()
    if kind not in HTML_TYPES:
        raise FetchError(f"the server sent {_short(kind)}, not a web page; save other files into the articles "
                         "folder yourself")
    declared_text = (response.headers.get("Content-Length") or "").strip()
    declared = int(declared_text) if declared_text.isdigit() and len(declared_text) < 19 else None
    if declared is not None and declared > max_bytes:
        raise FetchError(f"the page is {declared} bytes, over the {max_bytes} byte limit")
    body = bytearray()
    # read1 returns what one receive brings, so the deadline is looked at as bytes trickle in
    while chunk := response.read1(_CHUNK):
        body += chunk
        if len(body) > max_bytes:
            raise FetchError(f"the page is over the {max_bytes} byte limit")
    if declared is not None and len(body) < declared and not deadline.expired:
        raise FetchError(f"the download was cut short: {len(body)} of the {declared} bytes the server announced "
                         "arrived; try again later")
    return bytes(body), response.headers.get_content_charset(), response.geturl()


def _short(text: str, limit: int = 120) -> str:
    """Text from a server or a URL, cut to fit one line."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 3] + "..."


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
