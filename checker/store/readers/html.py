"""Web pages: the article's main text and the page's own title, date, author and URL, via trafilatura."""

from __future__ import annotations

import logging

import trafilatura

from checker.store.readers import ReadText

log = logging.getLogger(__name__)

# htmldate's extensive search guesses dates from any text on the page (copyright lines,
# comment times); only dates the page declares as its own (meta tags, <time>, the URL) are kept.
_DATE_SEARCH = {"extensive_search": False, "original_date": True}


def read_html(markup: str, shown: str, url: str | None = None) -> ReadText:
    """The main text of a news page without navigation, adverts, cookie banners, related links or comments."""
    document = trafilatura.bare_extraction(
        markup, url=url, with_metadata=True, include_comments=False, include_tables=True,
        include_images=False, include_links=False, deduplicate=False, date_extraction_params=_DATE_SEARCH,
    )
    if document is None:
        log.warning("%s: no article text found in this web page", shown)
        return ReadText(text="")
    # bare_extraction returns a dict only when asked to (as_dict=True); the Document has the same fields.
    found = document if isinstance(document, dict) else document.as_dict()
    text = str(found.get("text") or "")
    title = _clean(found.get("title"))
    # A headline is part of the article as a reader sees it, and .txt articles open with it,
    # so the text opens with it too (trafilatura keeps an <h1> inside the article, not one above it).
    if title and not text.lstrip().startswith(title):
        text = f"{title}\n\n{text}"
    meta: dict[str, object] = {
        "title": title, "url": _clean(found.get("url")) or url, "published": _clean(found.get("date")),
        "author": _clean(found.get("author")), "publisher": _clean(found.get("sitename")),
    }
    return ReadText(text=text, meta={k: v for k, v in meta.items() if v})


def _clean(value: object) -> str | None:
    return str(value).strip() or None if value is not None else None
