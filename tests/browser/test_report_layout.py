"""The bundled report's layout in a real browser: links land on their section, the phone nav, timeline labels."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from checker.cli import cli

ROOT = Path(__file__).resolve().parents[2]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}

# Resolves once the element has not moved for five frames in a row: the page has stopped
# scrolling and re-laying out, whatever it was doing. Returns its top, in CSS pixels.
SETTLED_TOP = """async (selector) => {
  const element = document.querySelector(selector);
  const frame = () => new Promise(resolve => requestAnimationFrame(resolve));
  let last = element.getBoundingClientRect().top, still = 0;
  while (still < 5) {
    await frame();
    const top = element.getBoundingClientRect().top;
    still = Math.abs(top - last) < 0.5 ? still + 1 : 0;
    last = top;
  }
  return last;
}"""


@pytest.fixture(scope="session")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`claimcheck report` on the repository's own claims/ and articles/, the time pinned."""
    out = tmp_path_factory.mktemp("bundled") / "report.html"
    result = CliRunner().invoke(
        cli, ["report", "--claims", str(ROOT / "claims"), "--articles", str(ROOT / "articles"), "--out", str(out)],
        env={"SOURCE_DATE_EPOCH": "1714564800"}, catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return out


def _sections(page: Any) -> list[str]:
    links: list[str] = page.eval_on_selector_all("nav.nav a", "els => els.map(e => e.getAttribute('href'))")
    assert len(links) >= 5
    return links


def _assert_landed(page: Any, fragment: str) -> None:
    """The section starts just below the sticky nav: in view, not under the nav, not far below it."""
    top = page.evaluate(SETTLED_TOP, fragment)
    nav_bottom = page.evaluate("document.querySelector('nav.nav').getBoundingClientRect().bottom")
    assert nav_bottom - 1 <= top < nav_bottom + 50, f"{fragment} landed at {top:.0f} px (nav ends at {nav_bottom:.0f})"
    assert page.evaluate("location.hash") == fragment


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_every_nav_link_lands_on_its_section(bundled: Path, open_page: Any, viewport: dict[str, int]) -> None:
    page = open_page(bundled.as_uri(), viewport=viewport).page
    for fragment in _sections(page):
        # From the top each time, so every jump crosses the placeholders above its section.
        page.evaluate("window.scrollTo({top: 0, behavior: 'instant'})")
        page.click(f"nav.nav a[href='{fragment}']")
        _assert_landed(page, fragment)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_fragment_url_opens_on_its_section(bundled: Path, open_page: Any, viewport: dict[str, int]) -> None:
    fragments = _sections(open_page(bundled.as_uri(), viewport=viewport).page)
    for fragment in fragments:
        _assert_landed(open_page(bundled.as_uri() + fragment, viewport=viewport).page, fragment)


def test_clicking_the_current_section_again_lands_again(bundled: Path, open_page: Any) -> None:
    page = open_page(bundled.as_uri() + "#articles", viewport=DESKTOP).page
    _assert_landed(page, "#articles")
    page.evaluate("window.scrollTo({top: 0, behavior: 'instant'})")
    page.click("nav.nav a[href='#articles']")  # the fragment does not change: no hashchange
    _assert_landed(page, "#articles")


def _edge_shades(page: Any) -> tuple[int, int]:
    """How far the nav's left and right 32 px differ at most from its plain middle, in 0-255 levels (top pixel row)."""
    image = pytest.importorskip("PIL.Image", reason="Pillow (installed with fpdf2, the test group) reads the pixels")
    from io import BytesIO

    shot = image.open(BytesIO(page.locator("nav.nav .wrap").screenshot())).convert("L")
    row = 3  # above the links' text, which starts after their 0.7rem padding
    middle = shot.getpixel((shot.width // 2, row))

    def shade(xs: range) -> int:
        return max(abs(shot.getpixel((x, row)) - middle) for x in xs)

    return shade(range(0, 32)), shade(range(shot.width - 32, shot.width))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_phone_nav_shows_that_it_scrolls(bundled: Path, open_page: Any, scheme: str) -> None:
    page = open_page(bundled.as_uri(), viewport=PHONE, color_scheme=scheme).page
    scroller = page.locator("nav.nav .wrap")
    assert scroller.evaluate("e => e.scrollWidth > e.clientWidth"), "the phone nav should need scrolling"
    # At the start: the right edge is shaded (more links that way), the left one is not.
    left, right = _edge_shades(page)
    assert right > 12 and left <= 2, (left, right)
    # Scrolled to the end, the other way round.
    scroller.evaluate("e => { e.scrollLeft = e.scrollWidth; }")
    page.evaluate(SETTLED_TOP, "nav.nav")
    left, right = _edge_shades(page)
    assert left > 12 and right <= 2, (left, right)


def test_the_desktop_nav_has_no_shade(bundled: Path, open_page: Any) -> None:
    page = open_page(bundled.as_uri(), viewport=DESKTOP).page
    assert page.locator("nav.nav .wrap").evaluate("e => e.scrollWidth <= e.clientWidth")
    assert _edge_shades(page) == (0, 0)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_timeline_value_labels_are_whole_and_inside_the_drawing(bundled: Path, open_page: Any,
                                                              viewport: dict[str, int]) -> None:
    page = open_page(bundled.as_uri(), viewport=viewport).page
    labels = page.evaluate("""() => [...document.querySelectorAll('.timeline svg')].flatMap(svg => {
      const box = svg.viewBox.baseVal;
      return [...svg.querySelectorAll('text.value-tick')].map(text => {
        const b = text.getBBox();
        return {text: [...text.querySelectorAll('tspan')].map(t => t.textContent).join(' '),
                inside: b.x >= box.x && b.y >= box.y && b.y + b.height <= box.y + box.height,
                clear: b.x + b.width <= svg.querySelector('line.axis').x1.baseVal.value};
      });
    })""")
    assert labels, "the bundled report draws timelines"
    assert [x["text"] for x in labels if "…" in x["text"]] == []
    assert [x["text"] for x in labels if not x["inside"] or not x["clear"]] == []
    # The rating scale's longest word of a grade reads in full, on two lines.
    assert "Requires improvement" in {x["text"] for x in labels}


def test_nothing_sticks_out_at_phone_width(bundled: Path, open_page: Any) -> None:
    page = open_page(bundled.as_uri(), viewport=PHONE).page
    wide = page.evaluate("""() => {
      // Draw every card and article now, as scrolling to each would.
      document.querySelectorAll('.claim, .source').forEach(e => { e.style.contentVisibility = 'visible'; });
      return [...document.querySelectorAll('header.top *, main *')]
        .filter(e => !e.closest('.matrix-wrap, .table-wrap') && (e.getBoundingClientRect().right > innerWidth + 0.5
                     || e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible'))
        .map(e => e.tagName + '.' + e.className + ': ' + (e.textContent || '').trim().slice(0, 40));
    }""")
    assert wide == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


# Follows the report's in-page links as a reader clicking them would (a click, from the top of the page each
# time, so every jump crosses the placeholders of content-visibility above its target), and says where each
# target landed. Where a link lands depends only on its href (one click handler serves them all), so each
# target is followed once, plus once from every kind of place that links (`kinds`, the closest selector
# wins): 170 of the bundled report's 572 links, every target among them. With `everyTarget` false, only
# one link per kind of place is followed.
FOLLOW_LINKS = """async ([kinds, everyTarget]) => {
  const frame = () => new Promise(resolve => requestAnimationFrame(resolve));
  const nav = document.querySelector('nav.nav');
  // The possible mentions are folded away; a reader opens them to reach their links.
  document.querySelectorAll('details').forEach(d => { d.open = true; });
  const links = [...document.querySelectorAll("a[href^='#']")];
  // A count that filters the claims changes the hash to the filter: those go last, once nothing else is left.
  links.sort((a, b) => (a.dataset.statusLink ? 1 : 0) - (b.dataset.statusLink ? 1 : 0));
  const targets = new Set(), places = new Set();
  const landed = [];
  for (const link of links) {
    const href = link.getAttribute('href');
    const kind = (kinds.find(k => link.closest(k)) || 'elsewhere')
      + (link.dataset.statusLink ? ' filtering ' + link.dataset.statusLink : '');
    // A count that filters does more than follow its href: each is a target of its own.
    const key = href + ' ' + (link.dataset.statusLink || '');
    if ((targets.has(key) || !everyTarget) && places.has(kind)) { continue; }
    targets.add(key);
    places.add(kind);
    const target = document.getElementById(decodeURIComponent(href.slice(1)));
    if (!target) { landed.push({href, kind, missing: true}); continue; }
    window.scrollTo({top: 0, behavior: 'instant'});
    await frame();
    link.click();
    let last = null, still = 0;
    for (let n = 0; n < 120 && still < 3; n++) {
      await frame();
      const top = target.getBoundingClientRect().top;
      still = last !== null && Math.abs(top - last) < 0.5 ? still + 1 : 0;
      last = top;
    }
    const box = target.getBoundingClientRect();
    const end = document.documentElement.scrollHeight - innerHeight;
    landed.push({href, kind, top: box.top, visible: target.getClientRects().length > 0,
                 filters: Boolean(link.dataset.statusLink),
                 navBottom: nav.getBoundingClientRect().bottom, atEnd: scrollY >= end - 1,
                 hash: location.hash});
  }
  return landed;
}"""
# Where a link sits, most specific first: each place links to its targets its own way.
LINK_PLACES = [".skip", "nav.nav", ".counts", ".conflicts", ".permalink", ".claim .facts", ".mentions",
               ".possible", ".claim", "#changes", ".matrix thead", ".matrix", ".sparse", "#coverage", ".source .bears",
               ".source .text", ".source"]


# Every target at desktop width; at phone width (the same script lands every link, only the layout differs)
# a link from each kind of place, which keeps the two under 20 s together.
@pytest.mark.parametrize(("viewport", "every_target"), [(DESKTOP, True), (PHONE, False)], ids=["desktop", "phone"])
def test_every_link_in_the_report_lands_its_target_below_the_sticky_nav(bundled: Path, open_page: Any,
                                                                       viewport: dict[str, int],
                                                                       every_target: bool) -> None:
    page = open_page(bundled.as_uri(), viewport=viewport).page
    total = page.eval_on_selector_all("a[href^='#']", "els => els.length")
    landed = page.evaluate(FOLLOW_LINKS, [LINK_PLACES, every_target])
    assert total > 500
    if every_target:
        targets = page.eval_on_selector_all("a[href^='#']", "els => [...new Set(els.map(e => e.getAttribute('href')))]")
        assert {x["href"] for x in landed} == set(targets), "every target followed"
    assert {x["kind"] for x in landed} >= {".skip", "nav.nav", ".counts", ".conflicts", ".permalink", ".mentions",
                                           ".matrix thead", ".matrix", "#coverage", ".source .bears", ".source .text"}
    assert [x["href"] for x in landed if x.get("missing")] == []
    wrong = [f"{x['href']} from {x['kind']}: top {x['top']:.0f} px, nav ends at {x['navBottom']:.0f}"
             for x in landed
             # Below the nav, and right below it unless the page cannot scroll further (its last lines).
             if not x["visible"] or x["top"] < x["navBottom"] - 1
             or x["top"] >= (viewport["height"] if x["atEnd"] else x["navBottom"] + 50)]
    assert wrong == []
    # The address bar says where the reader is (a count that filters says the filter instead).
    assert [x["href"] for x in landed if x["hash"] != x["href"] and not x["filters"]] == []
    assert {x["hash"] for x in landed if x["filters"]} == {"#status=unconfirmed", "#status=agreed"}


# Quotation marks a quoted sentence can open or close with (the page adds curly ones around the others).
QUOTE_MARKS = "\"'“”‘’«»"


def test_evidence_quotes_have_no_doubled_marks_and_article_text_no_web_furniture(bundled: Path,
                                                                                 open_page: Any) -> None:
    page = open_page(bundled.as_uri(), viewport=DESKTOP).page
    quotes = page.eval_on_selector_all(".mentions .quote", "els => els.map(e => e.textContent.trim())")
    doubled = [q for q in quotes if len(q) > 1 and (q[0] == "“" and q[1] in QUOTE_MARKS
                                                   or q[-1] == "”" and q[-2] in QUOTE_MARKS)]
    assert doubled == []
    # The bundled articles quote people: those sentences keep their own marks, and get no second pair.
    assert len([q for q in quotes if q[0] == '"']) >= 3
    # textContent, not innerText: an article far below is not drawn yet (content-visibility), its text is there.
    texts = page.eval_on_selector_all(".source .text", "els => els.map(e => e.textContent)")
    lines = [line.strip() for text in texts for line in text.splitlines() if line.strip()]
    assert [line for line in lines if line in ("Hide Ad", "Subscribe", "Related articles")
            or line.startswith(("Watch more of our videos on", "Sign up to our"))] == []
    # A caption glued to itself where a byline meets a photo: "Doncaster Children's Services TrustDoncaster ...".
    assert [line for line in lines if re.fullmatch(r"(.{8,200}?)\1", line)] == []
    left_out = page.eval_on_selector_all(".source .stated", "els => els.map(e => e.textContent)")
    assert "11 lines of page furniture (ads, share links, captions) left out" in left_out
