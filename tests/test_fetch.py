"""`claimcheck fetch` against a local web server: saved pages, and each way a URL can fail."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from click.testing import CliRunner

from checker.cli import cli
from checker.fetch import USER_AGENT, article_slug
from checker.store.articles import load_articles

PAGE = (Path(__file__).parent / "data" / "articles" / "seeds-html" / "004_92dd316e499adfc4.html").read_bytes()
CANONICAL = ("https://www.doncasterfreepress.co.uk/news/politics/leaders-in-charge-of-doncasters-children-say-"
             "services-are-not-failing-despite-poor-ofsted-report-3653617")


class _HeldClock:
    """threading.Timer as a URL's deadline uses it, run out by the test's server instead of the clock, so a
    deadline test neither waits for one nor depends on the machine's load."""

    timers: list[_HeldClock] = []

    def __init__(self, interval: float, function: Callable[[], None]) -> None:
        self.function, self.daemon, self.cancelled = function, False, False

    def start(self) -> None:
        _HeldClock.timers.append(self)

    def cancel(self) -> None:
        self.cancelled = True

    @classmethod
    def run_out(cls) -> None:
        for timer in list(cls.timers):
            if not timer.cancelled:
                timer.function()


class _Site(BaseHTTPRequestHandler):
    requests: list[tuple[str, str]] = []
    stop = threading.Event()  # set when the test is over, so a dripping answer ends

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        _Site.requests.append((self.path, self.headers.get("User-Agent", "")))
        if self.path == "/news/leaders-not-failing":
            self._send(200, "text/html; charset=utf-8", PAGE)
        elif self.path == "/windows-1252":
            page = PAGE.decode("utf-8").replace('charset="utf-8"', 'charset="windows-1252"')
            self._send(200, "text/html; charset=windows-1252", page.encode("cp1252"))
        elif self.path == "/slow":  # no answer until the URL's time is up
            _HeldClock.run_out()
            _Site.stop.wait(10)
            self._send(200, "text/html", PAGE)
        elif self.path == "/huge":  # no Content-Length: the cap must hold while reading
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(40):
                self.wfile.write(b"<p>" + b"x" * 8192 + b"</p>")
        elif self.path == "/report.pdf":
            self._send(200, "application/pdf", b"%PDF-1.4 not a web page")
        elif self.path == "/drip":  # a byte every half second: each read is quick, the whole is not
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            self.wfile.write(b"x")
            self.wfile.flush()
            _HeldClock.run_out()  # the URL's time is up while the body trickles in
            for _ in range(200):
                if _Site.stop.wait(0.5):
                    break
                self.wfile.write(b"x")
                self.wfile.flush()
        elif self.path == "/cut":  # promises more than it sends, then closes
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(PAGE) * 2))
            self.end_headers()
            self.wfile.write(PAGE)
            self.close_connection = True
        elif self.path == "/bad-status":
            self.wfile.write(b"HTTP/1.1 OK-ish\r\n\r\n")
            self.close_connection = True
        elif self.path == "/big-header":
            self.wfile.write(b"HTTP/1.1 200 OK\r\nX-Big: " + b"a" * 200_000 + b"\r\n\r\n")
            self.close_connection = True
        elif self.path == "/many-headers":
            self.wfile.write(b"HTTP/1.1 200 OK\r\n" + b"".join(b"X-%d: 1\r\n" % n for n in range(500)) + b"\r\n")
            self.close_connection = True
        elif self.path == "/to-file":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
        elif self.path == "/listing":
            self._send(200, "text/html", b"<html><head><title>Index of /files</title></head><body><h1>Index of "
                                         b"/files</h1><pre>report-2014.pdf 12-Oct-2014 450K\nminutes.txt "
                                         b"13-Oct-2014 12K\nParent Directory</pre></body></html>")
        elif self.path == "/soft-404":
            self._send(200, "text/html", b"<html><head><title>Page not found</title></head><body><article><h1>"
                                         b"Page not found</h1><p>Sorry, the page you were looking for has moved "
                                         b"or never existed. Try searching the site for council news.</p>"
                                         b"</article></body></html>")
        elif self.path.startswith("/loop"):
            self.send_response(302)
            self.send_header("Location", "/loop-again" if self.path == "/loop" else "/loop")
            self.end_headers()
        else:
            self._send(404, "text/html", b"<h1>Not found</h1>")

    def _send(self, status: int, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (http.server's signature)
        pass


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """A client that stops reading (over the byte limit, past its deadline) is what these tests make: the
        server's broken pipe is no failure, and must not print into the stderr the tests read."""


@pytest.fixture
def site() -> Iterator[str]:
    server = _QuietServer(("127.0.0.1", 0), _Site)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Site.requests = []
    _Site.stop.clear()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    _Site.stop.set()
    server.shutdown()
    server.server_close()


def fetch(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["fetch", *args])
    return result.exit_code, result.stdout, result.stderr


def test_a_page_is_saved_as_an_article_with_its_raw_html(site: str, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    url = f"{site}/news/leaders-not-failing"
    code, out, err = fetch(url, "--into", str(tmp_path))
    assert code == 0, err
    slug = article_slug(url)
    assert out.strip().endswith(f"{slug}.txt")
    text = (tmp_path / f"{slug}.txt").read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["url"] == CANONICAL  # the page's own canonical URL, for the report's evidence links
    assert front["title"].startswith("Leaders in charge of Doncaster's children")
    assert str(front["published"]) == "2022-04-13" and front["author"] == "George Torr"
    assert front["retrieved"] == "2023-11-14T22:13:20Z"
    assert (tmp_path / ".raw" / f"{slug}.html").read_bytes() == PAGE
    assert _Site.requests == [("/news/leaders-not-failing", USER_AGENT)]  # one polite request
    # The saved file is an article like any other, and the raw copy is not read as a second one.
    (article,) = load_articles(tmp_path)
    assert article.url == CANONICAL and "rated 'inadequate' by the government regulator" in article.text
    assert "Accept all cookies" not in article.text and "900 staff" not in article.text


def test_the_charset_the_server_declares_is_used(site: str, tmp_path: Path) -> None:
    code, _, err = fetch(f"{site}/windows-1252", "--into", str(tmp_path))
    assert code == 0, err
    (saved,) = tmp_path.glob("*.txt")
    assert "were rated \u2018inadequate\u2019 by the government regulator" in saved.read_text(encoding="utf-8")


@pytest.mark.parametrize(("path", "extra", "message"), [
    ("/missing", [], "the server answered HTTP 404 Not Found"),
    ("/slow", ["--timeout", "30"], "no answer within 30 seconds"),
    ("/huge", ["--max-bytes", "100000"], "the page is over the 100000 byte limit"),
    ("/report.pdf", [], "the server sent application/pdf, not a web page; save other files into the articles folder "
                        "yourself"),
    ("/loop", [], "redirect loop, or more than 5 redirects"),
    ("/drip", ["--timeout", "30"], "the page did not arrive within 30 seconds"),
    ("/cut", [], f"the download was cut short: {len(PAGE)} of the {len(PAGE) * 2} bytes the server announced "
                 "arrived; try again later"),
    ("/bad-status", [], "the server's answer is not valid HTTP (BadStatusLine: HTTP/1.1 OK-ish)"),
    ("/big-header", [], "the server's answer is not valid HTTP (LineTooLong: got more than 65536 bytes when "
                        "reading header line)"),
    ("/many-headers", [], "the server's answer is not valid HTTP (HTTPException: got more than 100 headers)"),
    ("/to-file", [], "redirected to file:///etc/passwd, which is not a web address; claimcheck follows redirects "
                     "to http:// and https:// only"),
])
def test_a_failing_url_is_reported_and_nothing_is_written(site: str, tmp_path: Path, path: str,
                                                          extra: list[str], message: str,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("checker.fetch.threading", SimpleNamespace(Timer=_HeldClock, Lock=threading.Lock))
    code, out, err = fetch(f"{site}{path}", *extra, "--into", str(tmp_path / "articles"))
    assert code == 1
    assert out == ""
    assert err == f"claimcheck: error: {site}{path}: {message}\n"
    assert not (tmp_path / "articles").exists() or not any((tmp_path / "articles").rglob("*"))


def test_one_failure_does_not_stop_the_others(site: str, tmp_path: Path) -> None:
    code, out, err = fetch(f"{site}/missing", f"{site}/news/leaders-not-failing", "--into", str(tmp_path))
    assert code == 1
    assert "HTTP 404" in err and out.count(" -> ") == 1
    saved = article_slug(f"{site}/news/leaders-not-failing")
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == [
        ".raw", f".raw/{saved}.html", f"{saved}.txt"]


def test_a_page_already_fetched_is_kept_unless_forced(site: str, tmp_path: Path) -> None:
    url = f"{site}/news/leaders-not-failing"
    assert fetch(url, "--into", str(tmp_path))[0] == 0
    saved = tmp_path / f"{article_slug(url)}.txt"
    saved.write_text("edited by hand\n")
    code, _, err = fetch(url, "--into", str(tmp_path))
    assert code == 1
    assert err == (f"claimcheck: error: {url}: {saved} already exists; use --force to fetch the page again and "
                   "overwrite it\n")
    assert len(_Site.requests) == 1  # refused before any request
    assert saved.read_text() == "edited by hand\n"
    code, out, err = fetch(url, "--into", str(tmp_path), "--force")
    assert code == 0, err
    assert saved.read_text().startswith("---\ntitle: Leaders in charge of Doncaster")


@pytest.mark.parametrize(("url", "message"), [
    ("http://example.com/a page", "the URL holds a space or a control character; write a space as %20"),
    ("http://example.com:http/", "the port in the URL is not a number from 0 to 65535; fix it or leave it out"),
])
def test_a_url_that_cannot_be_requested_is_one_line(tmp_path: Path, url: str, message: str) -> None:
    code, out, err = fetch(url, "--into", str(tmp_path))
    assert code == 1 and out == ""
    assert err == f"claimcheck: error: {url}: {message}\n"


@pytest.mark.parametrize(("path", "warning"), [
    ("/listing", "the page looks like a folder listing ('Index of /...'), not an article; check the URL"),
    ("/soft-404", "the page looks like an error page ('Page not found'), not an article; check the URL, or save "
                  "the page from a browser"),
])
def test_a_page_that_is_no_article_is_saved_with_a_warning(site: str, tmp_path: Path, path: str,
                                                           warning: str) -> None:
    code, out, err = fetch(f"{site}{path}", "--into", str(tmp_path))
    assert code == 0, err
    assert f"claimcheck: warning: {site}{path}: {warning}" in err.splitlines()


def test_a_page_whose_id_another_article_holds_is_refused_even_with_force(site: str, tmp_path: Path) -> None:
    url = f"{site}/news/leaders-not-failing"
    other = tmp_path / f"{article_slug(url)}.md"
    other.write_text("kept\n")
    code, _, err = fetch(url, "--into", str(tmp_path), "--force")
    assert code == 1
    assert err == (f"claimcheck: error: {url}: {other} already exists and would share the article's id; move it "
                   "away to fetch the page as text\n")
    assert other.read_text() == "kept\n" and not (tmp_path / f"{article_slug(url)}.txt").exists()


def test_only_web_addresses_are_fetched(tmp_path: Path) -> None:
    code, _, err = fetch("file:///etc/passwd", "--into", str(tmp_path))
    assert code == 1 and "not a web address" in err


@pytest.mark.parametrize(("url", "slug"), [
    ("https://www.example.co.uk/news/politics/budget-agreed-3622947",
     "example-co-uk-news-politics-budget-agreed-3622947"),
    ("http://example.org/2013/09/27/story/", "example-org-2013-09-27-story"),
    ("https://example.org/article.php?id=42", "example-org-article-id-42"),
])
def test_slugs_are_stable_file_names_from_the_url(url: str, slug: str) -> None:
    assert article_slug(url) == slug
