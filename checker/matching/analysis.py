"""An article read once for matching, whatever the claims: its statements, their words, values and phrases.

Not every line of a page is a statement: a photo caption ("Pictured: ... in June 2019"), a byline
("By Priya Lomax", "Wednesday, 13th April 2022, 5:17 pm"), a dateline ("LEEDS (PA) -") and
navigation say nothing of a claim, so their values are left out. The headline is kept, marked,
and its dates are left out (it restates the story, and "... opens" in a headline is no date).
Everything here depends on the article alone, so it is analysed once and cached.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.matching.references import Names, article_names
from checker.matching.statement import Statement
from checker.matching.vocabulary import Vocabulary
from checker.models import Article, Kind, Sentence
from checker.text.boilerplate import boilerplate_lines
from checker.text.sentences import split_sentences
from checker.text.words import STOP_WORDS, tokenize
from checker.values import Context, extract_values

# Lines that are a caption or a credit, whatever follows.
_CAPTION = re.compile(r"^\s*[(\[]?\s*(?:pictured|picture|photo(?:graph)?|image(?:\s+caption)?|caption|credit|"
                      r"video|watch|listen|graphic|illustration|file\s+photo)\b\s*[:\-–—)]?", re.IGNORECASE)
# A byline: "By Priya Lomax", "By A Reporter, Political Editor" (a short line of its own).
_BYLINE = re.compile(r"^\s*(?i:by)\s+(?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’.-]*\s*(?:[,|].{0,60})?$")
MAX_BYLINE_CHARS = 90
# A time stamp opening a line: "Published: 3 May 2022", "Updated 12:03, 4 May", "date 2023-09-08".
_STAMP = re.compile(r"^\s*(?:date|published|updated|last\s+updated|posted(?:\s+on)?|first\s+published)\s*:?\s*"
                    r"(?:[\w,:.'’]+\s*){0,6}?(?:\d{4}(?:-\d\d-\d\d)?|\d{1,2}:\d\d\s*(?:[ap]m)?)\b[,|]?\s*",
                    re.IGNORECASE)
# A dateline opening a paragraph: "LEEDS (PA) -", "CEDAR BASIN, Colo. (WNS) —", "SEATTLE -", with a date
# after it sometimes ("LEEDS (PA) - 12 March -").
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){0,3})(?:,\s*[A-Z][a-z]{1,5}\.?)?\s*(?:\([A-Za-z .&]{1,20}\))?"
    r"\s*[-–—]{1,2}\s*")
# A line of navigation or tags: words separated by bars, slashes or arrows, with no sentence in it.
_NAVIGATION = re.compile(r"^[^.!?]{0,160}(?:\s[|>»/]\s[^.!?]{1,60}){2,}$")
# A headline is the first line when it is short and does not end as a sentence does.
MAX_HEADLINE_CHARS = 160


@dataclass(frozen=True)
class ArticleAnalysis:
    """Everything matching reads of one article: the statements that state values, its names and words."""

    article: Article
    statements: tuple[Statement, ...]  # only those that state a value
    lemmas: frozenset[str]  # every content word of the article, its title included
    names: Names
    stated: int  # values stated in its statements


def analyse_article(article: Article, context: Context, vocabulary: Vocabulary) -> ArticleAnalysis:
    """Read `article` once: statements, their words, values (in one pass over the text) and phrases."""
    text = article.text
    skip = boilerplate_lines(text)
    sentences = split_sentences(text, skip)
    found = extract_values(text, context)
    headline = _headline(text, sentences, article.title)
    kept: list[Statement] = []
    lemmas: set[str] = {t.lemma for t in tokenize(article.title or "")}
    previous: Sentence | None = None
    i = 0
    for sentence in sentences:
        start = _statement_start(text, sentence)
        if start is None:
            continue
        tokens = tuple(tokenize(sentence.text, sentence.start, keep_function_words=True))
        lemmas.update(t.lemma for t in tokens)
        values = []
        while i < len(found) and found[i].start < sentence.start:
            i += 1
        j = i
        while j < len(found) and found[j].end <= sentence.end:
            if found[j].start >= start and not (sentence is headline and found[j].kind is Kind.DATE):
                values.append(found[j])
            j += 1
        if values:
            kept.append(Statement(sentence, tokens, tuple(values), tuple(vocabulary.find(tokens)),
                                  headline=sentence is headline, previous=previous))
        previous = sentence
    names = article_names(article.title, [s.sentence for s in kept])
    return ArticleAnalysis(article, tuple(kept), frozenset(lemmas - STOP_WORDS), names,
                           sum(len(s.values) for s in kept))


def _headline(text: str, sentences: list[Sentence], title: str | None) -> Sentence | None:
    if not sentences:
        return None
    first = sentences[0]
    line_end = text.find("\n", first.start)
    line = text[first.start:line_end if line_end >= 0 else len(text)].strip()
    looks_like_one = len(line) <= MAX_HEADLINE_CHARS and not line.endswith((".", "!", "?", '"', "'"))
    same_as_title = bool(title) and line.lower().startswith((title or "").lower()[:60])
    return first if first.text == line and (looks_like_one or same_as_title) else None


def _statement_start(text: str, sentence: Sentence) -> int | None:
    """Where the statement in `sentence` begins (after a dateline), or None for a caption, byline or menu."""
    line_start = text.rfind("\n", 0, sentence.start) + 1
    at_line_start = not text[line_start:sentence.start].strip()
    body = sentence.text
    if at_line_start and (_CAPTION.match(body) or _NAVIGATION.match(body)
                          or (len(body) <= MAX_BYLINE_CHARS and _BYLINE.match(body))):
        return None
    if at_line_start:
        stamp = _STAMP.match(body)
        if stamp:
            return sentence.start + stamp.end()
        dateline = _DATELINE.match(body)
        if dateline and len(dateline.group()) < len(body) and any(c.islower() for c in body[dateline.end():]):
            rest = body[dateline.end():]
            dated = re.match(r"[^.\n]{1,30}?\s[-–—]{1,2}\s*", rest)  # "12 March -" after the dateline
            return sentence.start + dateline.end() + (dated.end() if dated and len(dated.group()) < 30 else 0)
    return sentence.start
