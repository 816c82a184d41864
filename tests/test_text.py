"""Normalising article text, dropping web furniture, splitting sentences with offsets."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from checker.text.boilerplate import boilerplate_lines
from checker.text.normalise import normalise_text
from checker.text.sentences import split_sentences


def test_normalise_straightens_quotes_dashes_and_spaces() -> None:
    assert (normalise_text("Doncaster\u2019s \u201cgood\u201d \u2013 rated\u00a0now\r\n")
            == "Doncaster's \"good\" - rated now\n")


@given(st.text())
def test_normalise_is_idempotent(text: str) -> None:
    once = normalise_text(text)
    assert normalise_text(once) == once


def test_sentences_carry_offsets_into_the_text() -> None:
    text = "The trust opened in 2014. It employed 450 staff! Did it work?\nA new line starts here"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "The trust opened in 2014.", "It employed 450 staff!", "Did it work?", "A new line starts here",
    ]
    for s in sentences:
        assert text[s.start:s.end] == s.text


def test_decimals_abbreviations_and_initials_do_not_end_sentences() -> None:
    text = "Mr. Jones paid £4.03m to Julian A. Smith on 1 Oct. 2014 for the work. Then he left."
    assert [s.text for s in split_sentences(text)] == [
        "Mr. Jones paid £4.03m to Julian A. Smith on 1 Oct. 2014 for the work.", "Then he left.",
    ]


def test_a_closing_quote_stays_with_its_sentence() -> None:
    text = 'She said "it was right." Then the board met.'
    assert [s.text for s in split_sentences(text)] == ['She said "it was right."', "Then the board met."]


def test_web_furniture_lines_are_boilerplate() -> None:
    lines = [
        "Hide Ad", "Advertisement", "Sign up to our daily newsletter", "Watch more of our videos on Shots!",
        "Related articles", "More from Community Care", "Comments are closed.", "From £15 / month",
        "Subscribe", "Share this article", "Picture: Adobe Stock",
        "The Civic Offices.The Civic Offices.",
    ]
    text = "\n".join(lines)
    assert len(boilerplate_lines(text)) == len(lines)


def test_real_sentences_are_not_boilerplate() -> None:
    text = "\n".join([
        "The council will contribute £41.6million towards the annual £47million budget.",
        "Readers who subscribe to the service pay £15 a month, the report said.",
        "More than 60 families were helped last year.",
        "Related services will stay with the council.",
    ])
    assert boilerplate_lines(text) == []


def test_a_caption_repeated_on_the_next_line_is_dropped_once() -> None:
    text = "Headline here\nThe Civic Offices.\nThe Civic Offices.\nBody sentence."
    spans = boilerplate_lines(text)
    assert [text[a:b] for a, b in spans] == ["The Civic Offices."]


def test_boilerplate_lines_yield_no_sentences() -> None:
    text = "Real sentence one.\nHide Ad\nReal sentence two."
    sentences = split_sentences(text, boilerplate_lines(text))
    assert [s.text for s in sentences] == ["Real sentence one.", "Real sentence two."]


@given(st.text())
def test_sentences_always_slice_back(text: str) -> None:
    for s in split_sentences(text, boilerplate_lines(text)):
        assert text[s.start:s.end] == s.text
        assert s.text.strip() == s.text and s.text


def _labelled_sample(data_path: Path) -> list[tuple[str, str]]:
    lines = (data_path / "boilerplate" / "sample.txt").read_text(encoding="utf-8").splitlines()
    return [(label, text) for label, text in (line.split(" | ", 1) for line in lines if " | " in line)]


def test_no_real_sentence_of_the_labelled_sample_is_dropped(data_path: Path) -> None:
    wrongly = [text for label, text in _labelled_sample(data_path) if label == "keep" and boilerplate_lines(text)]
    assert wrongly == []


def test_the_furniture_of_the_labelled_sample_is_dropped(data_path: Path) -> None:
    furniture = [text for label, text in _labelled_sample(data_path) if label == "drop"]
    missed = [text for text in furniture if not boilerplate_lines(text)]
    # Measured November 2026: 86 of 87 (a time stamp line, "Updated 10:42, ...", is left in: it may be the byline).
    assert len(missed) <= 1, missed


def test_captions_credits_follow_links_and_read_more_are_boilerplate() -> None:
    lines = ["Image caption", "Media caption,", "Image source, Getty Images",
             "Follow us on Facebook, Twitter and Instagram", "Follow BBC Yorkshire on X",
             "Read more: Council takes back children's services after a long review",
             "Back to top"]
    text = "\n".join(lines)
    assert [text[a:b] for a, b in boilerplate_lines(text)] == lines


def test_a_name_printed_twice_where_byline_and_caption_meet_is_boilerplate() -> None:
    lines = ["John SmithJohn Smith", "By Jane Doe Jane Doe", "Jo Lee Jo Lee, Local Democracy Reporter"]
    text = "\n".join(lines)
    assert [text[a:b] for a, b in boilerplate_lines(text)] == lines


def test_a_caption_after_its_doubled_copy_is_dropped_too() -> None:
    text = "Body sentence.\nThe Civic OfficesThe Civic Offices\nThe Civic Offices\nNext sentence."
    dropped = [text[a:b] for a, b in boilerplate_lines(text)]
    assert dropped == ["The Civic OfficesThe Civic Offices", "The Civic Offices"]


def test_sentences_that_state_values_are_never_furniture() -> None:
    text = "\n".join([
        "Follow-up visits on 12 March found 450 staff in post.",
        "Inspectors will follow the trust on its way to 450 staff.",
        "Read more than 450 case files, the inspectors said.",
        "Image quality of the scans was poor in 2014.",
        "New York New York is a song the band played in 2014.",
        "John Smith said John Smith Ltd paid £4m.",
    ])
    assert boilerplate_lines(text) == []
