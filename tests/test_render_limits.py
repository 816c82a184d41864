"""The page at archive size: evidence rows printed up to a cap and packed past it, the articles quoted, the
matrix, the conflicts and the timelines bounded, and all of it still escaped and deterministic."""

from __future__ import annotations

import base64
import json
import re
import zlib
from html import unescape
from html.parser import HTMLParser
from typing import Any

import pytest
from crowded import HOSTILE, crowded_case

from checker.formats.json import render_json
from checker.models import Caveat, Kind, PartialDate, value_of
from checker.report import articles as article_sections
from checker.report import changes, conflicts, matrix, timeline
from checker.report.history import compare, snapshot
from checker.report.limits import MAX_EVIDENCE_ROWS, MAX_PACKED_ROWS
from checker.report.render import render_html


class _Scripts(HTMLParser):
    """Every script element of a page: its attributes and its text, as a browser's parser splits them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._open: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self._open = dict(attrs)
            self.scripts.append((self._open, ""))

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._open = None


def _scripts(html: str) -> list[tuple[dict[str, str | None], str]]:
    parser = _Scripts()
    parser.feed(html)
    parser.close()
    return parser.scripts


def _packed(html: str, pack_id: str) -> dict[str, Any]:
    """The rows of one data block, decoded as the page's script decodes them."""
    block = next(text for attrs, text in _scripts(html) if attrs.get("id") == pack_id)
    data: dict[str, Any] = json.loads(zlib.decompress(base64.b64decode(block)).decode("utf-8"))
    return data


def _card(html: str) -> str:
    start = html.index('id="claim-crowded-claim"')
    return html[start:html.index("</article>", start)]


def _ids_and_targets(html: str) -> tuple[list[str], set[str]]:
    return re.findall(r'\sid="([^"]*)"', html), set(re.findall(r'href="#([^"]*)"', html))


def test_rows_past_the_cap_are_packed_conflicts_printed_first_and_counted_for_readers_without_javascript() -> None:
    agreeing, conflicting = MAX_EVIDENCE_ROWS + 5, 3
    report, articles = crowded_case(agreeing, conflicting)
    html = render_html(report, articles)
    card = _card(html)
    rows = re.findall(r'<tr id="m-crowded-claim-(\d+)" class="row-(\w+)">', card)
    assert len(rows) == MAX_EVIDENCE_ROWS
    assert sum(verdict == "conflicts" for _, verdict in rows) == conflicting  # no conflict waits for a click
    assert f"{agreeing + conflicting} mentions in {agreeing + conflicting} articles" in card
    more = re.search(r'<p class="more" id="claim-crowded-claim-more">(.*?)</p>', card)
    assert more
    assert more.group(1).startswith("…and 8 more rows (8 agree)<noscript>: enable JavaScript to show them here, "
                                    "or see the JSON result (claimcheck report --json FILE), which lists every "
                                    "mention.</noscript>")
    assert '<button type="button" data-pack="pack-m-crowded-claim">Show 8 more rows</button>' in more.group(1)
    # The packed rows are exactly the ones without a printed row, in their order.
    printed = {int(n) for n, _ in rows}
    packed = _packed(html, "pack-m-crowded-claim")
    assert [r[0] for r in packed["rows"]] == [f"m-crowded-claim-{n}" for n in range(agreeing + conflicting)
                                              if n not in printed]
    # Links to a mention without a printed row land on the line that counts it; every link lands.
    ids, targets = _ids_and_targets(html)
    assert len(ids) == len(set(ids)) and targets - set(ids) == set()
    assert 'href="#claim-crowded-claim-more"' in html
    # The JSON result is never capped.
    assert len(json.loads(render_json(report))["claims"][0]["mentions"]) == agreeing + conflicting


def test_past_what_the_page_packs_the_rest_is_left_to_the_json_result() -> None:
    total = MAX_EVIDENCE_ROWS + MAX_PACKED_ROWS + 7
    report, articles = crowded_case(total, 0)
    html = render_html(report, articles)
    more = re.search(r'<p class="more" id="claim-crowded-claim-more">(.*?)</p>', _card(html))
    assert more
    left = MAX_PACKED_ROWS + 7
    assert f"…and {left:,} more rows ({left:,} agree)<noscript>: enable JavaScript to show {MAX_PACKED_ROWS:,} of " \
        "them here, or see the JSON result" in more.group(1)
    assert "The other 7 are only in the JSON result (claimcheck report --json FILE)" in more.group(1)
    assert len(_packed(html, "pack-m-crowded-claim")["rows"]) == MAX_PACKED_ROWS


def test_a_hostile_sentence_in_a_packed_row_cannot_end_its_data_block() -> None:
    report, articles = crowded_case(MAX_EVIDENCE_ROWS + 20, 0, hostile_every=3)
    html = render_html(report, articles)
    scripts = _scripts(html)
    # The page's one script, and data blocks that no browser runs: base64 only, nothing from the input.
    assert [attrs for attrs, _ in scripts if attrs.get("type") != "application/octet-stream"] == [{}]
    blocks = [text for attrs, text in scripts if attrs.get("type") == "application/octet-stream"]
    assert blocks and all(re.fullmatch(r"[A-Za-z0-9+/]*={0,2}", text) for text in blocks)
    assert "<script>alert" not in html and "<img src=x" not in html
    # Decoded, a packed row holds the sentence as the text it is, for the script to insert as text.
    rows = _packed(html, "pack-m-crowded-claim")["rows"]
    quoted = ["".join(p if isinstance(p, str) else p[0] for p in row[8]) + row[9]
              + "".join(p if isinstance(p, str) else p[0] for p in row[10]) for row in rows]
    assert sum(HOSTILE in q for q in quoted) == sum(1 for r in rows if int(r[0].rsplit("-", 1)[1]) % 3 == 0)


def test_the_same_inputs_make_the_same_bytes_packs_included() -> None:
    report, articles = crowded_case(MAX_EVIDENCE_ROWS + 40, 9)
    first = render_html(report, articles)
    assert "data-pack=" in first
    assert render_html(report, articles) == first
    assert render_html(report, list(reversed(articles))) == first


def test_possible_mentions_past_the_cap_are_packed_and_counted_whole() -> None:
    report, articles = crowded_case(MAX_EVIDENCE_ROWS + 3, 0)
    claim = report.claims[0]
    report = report.model_copy(update={"claims": (claim.model_copy(update={
        "mentions": claim.mentions[:1], "possible": claim.mentions}),)})
    html = render_html(report, articles)
    possible = html[html.index('<details class="possible">'):html.index("</details>")]
    assert f'Possible mentions <span class="pill">{MAX_EVIDENCE_ROWS + 3}</span>' in possible
    assert len(re.findall(r'<tr id="p-crowded-claim-\d+"', possible)) == MAX_EVIDENCE_ROWS
    assert "…and 3 more rows (3 agree)<noscript>" in possible
    assert [r[0] for r in _packed(html, "pack-p-crowded-claim")["rows"]] == [
        f"p-crowded-claim-{n}" for n in range(MAX_EVIDENCE_ROWS, MAX_EVIDENCE_ROWS + 3)]


def test_past_the_quoted_articles_links_land_on_the_line_that_says_where_the_others_are(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(article_sections, "MAX_QUOTED_ARTICLES", 4)
    report, articles = crowded_case(8, 3)
    html = render_html(report, articles)
    section = html[html.index('<section id="articles"'):html.index("</main>")]
    # The articles with conflicting mentions first (the last three), then by id.
    assert re.findall(r'<article class="source" id="article-(\w+)">', section) == [
        "0000_crowd", "0008_crowd", "0009_crowd", "0010_crowd"]
    assert ("This page quotes the text of 4 articles of 11: those with the most conflicting mentions, then the "
            "most mentions. The other 7 are named in the evidence") in unescape(section)
    assert 'href="#article-0001_crowd"' not in html and 'href="#articles-unquoted"' in html
    ids, targets = _ids_and_targets(html)
    assert targets - set(ids) == set()
    # Only articles with a section are choices in the article filter.
    assert re.findall(r'<option value="(\w+_crowd)">', html) == ["0000_crowd", "0008_crowd", "0009_crowd",
                                                                 "0010_crowd"]


def test_a_sparse_matrix_row_lists_conflicts_first_up_to_its_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(matrix, "MAX_MATRIX_CELLS", 4)
    monkeypatch.setattr(matrix, "MAX_ROW_ARTICLES", 5)
    report, articles = crowded_case(10, 2)
    html = render_html(report, articles)
    row = re.search(r'<li data-claim="crowded-claim" data-matrix-row>.*?</li>', html)
    assert row
    chips = re.findall(r'class="chip chip-(\w+)"', row.group(0))
    assert chips == ["agrees", "agrees", "agrees", "conflicts", "conflicts"]
    assert '<a class="chip" href="#claim-crowded-claim">+7 more</a>' in row.group(0)


def test_a_claim_contradicted_by_many_values_lists_the_most_stated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(conflicts, "MAX_VALUES_SHOWN", 2)
    report, articles = crowded_case(2, 5)
    claim = report.claims[0]
    # Five conflicting articles: 500 twice, 501, 502 twice.
    values = [500, 500, 501, 502, 502]
    mentions = claim.mentions[:2] + tuple(m.model_copy(update={"value": value_of(Kind.COUNT, v)})
                                          for m, v in zip(claim.mentions[2:], values, strict=True))
    html = render_html(report.model_copy(update={"claims": (claim.model_copy(update={"mentions": mentions}),)}),
                       articles)
    summary = html[html.index('<ol class="conflicts">'):html.index("</ol>")]
    assert re.findall(r'<li><strong class="value">(\d+)</strong>', summary) == ["500", "502"]
    assert "…and 1 other values, in 1 article: see the claim&#39;s evidence" in summary


def test_a_value_stated_for_many_other_times_names_a_few_caveats_and_counts_the_rest() -> None:
    report, articles = crowded_case(1, 8)
    claim = report.claims[0]
    mentions = claim.mentions[:1] + tuple(
        m.model_copy(update={"caveats": (Caveat.OTHER_TIME,), "time": PartialDate(f"{2001 + n}")})
        for n, m in enumerate(claim.mentions[1:]))
    html = render_html(report.model_copy(update={"claims": (claim.model_copy(update={"mentions": mentions}),)}),
                       articles)
    summary = html[html.index('<ol class="conflicts">'):html.index("</ol>")]
    named = re.findall(r'</svg>(refers to another time \(\d+\))</span>', summary)
    assert named == [f"refers to another time ({2001 + n})" for n in range(conflicts.MAX_CAVEATS_SHOWN)]
    assert f"+{8 - conflicts.MAX_CAVEATS_SHOWN} more caveats</span>" in summary


def test_a_timeline_of_thousands_of_values_draws_a_bounded_number_of_markers() -> None:
    report, articles = crowded_case(600, 400)
    html = render_html(report, articles)
    card = _card(html)
    svg = card[card.index("<svg viewBox"):card.index("</svg>", card.index("<svg viewBox"))]
    markers = re.findall(r'<g class="pt pt-(\w+)"><title>([^<]*)</title>', svg)
    assert 0 < len(markers) <= timeline.MAX_MARKERS
    assert {verdict for verdict, _ in markers} == {"agrees", "conflicts"}
    # Each merged marker says how many values it stands for; together they stand for every one.
    counted = sum(int(t.split(" values: ")[0]) if " values: " in t else 1 for _, t in markers)
    assert counted == 1000
    assert "; and 988 more. Claimed: 450." in unescape(svg)  # the text alternative counts every value


def test_what_changed_lists_a_few_of_each_and_counts_the_rest(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(changes, "MAX_CHANGES_LISTED", 2)
    report, articles = crowded_case(3, 4)
    earlier = json.loads(render_json(report))
    earlier["articles"], earlier["claims"][0]["mentions"] = earlier["articles"][:1], []
    html = render_html(report, articles, compare(snapshot(earlier, "reports/earlier.json"), report))
    section = html[html.index('<section id="changes"'):html.index("</section>", html.index('id="changes"'))]
    assert "4 new conflicts, 6 new articles" in section
    lists = re.findall(r'<ul class="changes">(.*?)</ul>', section, re.S)
    assert [ul.count("<li>") for ul in lists] == [3, 3]
    assert [re.findall(r"<li>…and (\d+) more: the JSON results list every one</li>", ul) for ul in lists] == [
        ["2"], ["4"]]
