"""Web pages: the article's text without page furniture, and the page's own metadata."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.store.articles import read_article
from checker.store.readers.html import read_html

SEED_PAGE = "seeds-html/003_a0a19384d7ec2052.html"


def test_navigation_adverts_cookies_related_links_and_comments_are_left_out(data_path: Path) -> None:
    article = read_article(data_path / "articles" / SEED_PAGE, data_path / "articles")
    assert article is not None
    assert "DCST employed 657 members of staff" in article.text
    for furniture in ("Accept all cookies", "We use cookies", "Council approves £12m school building plan",
                      "900 staff", "Ex-social worker", "Registered in England", "Subscribe from £1 a month",
                      "Sign up to our daily newsletter", "Share on Facebook", "Advertisement", "Sport"):
        assert furniture not in article.text, furniture


def test_title_date_author_and_canonical_url_come_from_the_page(data_path: Path) -> None:
    article = read_article(data_path / "articles" / SEED_PAGE, data_path / "articles")
    assert article is not None
    assert article.id == "seeds-html/003_a0a19384d7ec2052"
    assert article.title == "Doncaster U-turn on independent trust raises questions over model"
    assert str(article.published) == "2022-07-26" and article.author == "Derren Hayes"
    assert article.url == ("https://www.cypnow.co.uk/features/article/"
                           "doncaster-u-turn-on-independent-trust-raises-questions-over-model")
    assert article.publisher == "CYP Now"
    assert article.text.startswith(article.title + "\n")  # the headline opens the text, as in a .txt


def test_a_page_that_states_no_date_gets_none_rather_than_a_guess() -> None:
    page = """<html><head><title>Budget agreed</title></head><body><nav><a href="/">Home</a></nav>
    <article><h1>Budget agreed</h1><p>The council agreed a budget of £47m for the trust on Monday evening,
    after a long debate about the 450 staff who will move across to the new organisation.</p>
    <p>Councillors said the money would be reviewed after five years of the ten-year contract.</p></article>
    <footer>Copyright 2019 Example News. All rights reserved.</footer></body></html>"""
    found = read_html(page, "budget.html")
    assert "published" not in found.meta
    assert "£47m" in found.text and "Copyright" not in found.text


def test_a_page_with_no_text_is_skipped_with_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "app.html").write_text("<html><head><script>app()</script></head><body></body></html>")
    with caplog.at_level(logging.WARNING):
        assert read_article(tmp_path / "app.html", tmp_path) is None
    ours = [r.getMessage() for r in caplog.records if r.name.startswith("checker.")]
    assert ours == [f"{tmp_path / 'app.html'}: no article text found in this web page",
                    f"{tmp_path / 'app.html'}: skipped, the article has no text"]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/ab pdiv=\"'&;#é£\n")) | st.characters(), max_size=300))
def test_extraction_never_raises_and_leaves_no_tags(markup: str) -> None:
    text = read_html(f"<html><body><article><p>{markup}</p></article></body></html>", "x.html").text
    assert "<p>" not in text and "</p>" not in text and "<article" not in text
