"""A stated value's role: the word or phrase it quantifies in its clause, read from the vocabulary's phrases.

"The partnership expects a £12m overspend on its £95m budget": £12m is bound to "overspend" (the
noun right after it), £95m to "budget". The bindings, strongest first:

- compound: a phrase just after the value, across at most a few modifiers ("£47m annual budget",
  "450 council staff", "a 10-year contract", "£12m over its budget");
- linked: a phrase just before it, joined by a linking word ("budget of £47m", "cost rose to £88bn",
  "deficit stood at $94 million", "fined £14.5m");
- verb: for a date, the nearest phrase of its kind before it in its clause ("launched in April 2016",
  "due to open in 2026"), or after it ("in 2016 the trust was set up");
- clause: any phrase of the value's kind in its clause.

A date whose verb is owned by an event noun ("a ballot of members opens on 9 March") is the event's,
not the organisation's: its role records that noun.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import TYPE_CHECKING

from checker.matching.vocabulary import PhraseHit, Vocabulary
from checker.models import Kind, Sentence, StatedValue
from checker.text.words import Token, lemma, tokenize

if TYPE_CHECKING:
    from checker.matching.statement import Statement


class Binding(IntEnum):
    """How firmly a value is bound to its role phrase, weakest first."""

    NONE = 0
    CLAUSE = 1
    VERB = 2
    LINKED = 3
    COMPOUND = 4


@dataclass(frozen=True)
class Role:
    """What a value quantifies: the predicates of its phrase, the phrase, how it is bound, whose it is."""

    predicates: frozenset[str]
    words: tuple[str, ...]
    binding: Binding
    event: str | None = None  # the event noun a date belongs to ("ballot"), when not the subject's
    part: bool = False  # "£15m of it": a part of another value, not the whole
    difference: bool = False  # "250 fewer officers", "£6bn more than planned": a difference, not the value
    moved: bool = False  # the new time of an earlier date's event ("was due in 2032, but pushed back to 2035")


NO_ROLE = Role(frozenset(), (), Binding.NONE)

# Words that may stand between a value and the noun it modifies ("£47m annual budget").
_MODIFIERS = frozenset(lemma(w) for w in """
a an the annual yearly one-off further extra additional total overall net gross initial original first new
current projected estimated planned recurring operating capital revenue council public federal state its
their of in full-time part-time more council-run cash funding sized strong
""".split())
MAX_MODIFIERS = 3
# Words that join a phrase to the value after it ("budget of £47m", "cost rose to £88bn").
_LINKS = frozenset(lemma(w) for w in """
of at to is was were be been are stand stood total totalled totaling totalled reach reached rise rose risen
grow grew climb climbed increase increased jump jumped soar soared balloon ballooned fall fell drop dropped
by around about some nearly almost more than over under up worth valued estimate estimated put set now
expected forecast projected could would will may might a an the its their this of-around approximately
roughly circa just well likely which has have had hit hits reached topped top exceed exceeded fined also from
further another
""".split())
MAX_LINKS = 5
# Who a verb's value goes to may stand between them: a name ("fined Redstone Power $14m") or one noun with
# its determiner ("cost the taxpayer £5bn").
MAX_NAME_WORDS = 5
_OBJECT_DETERMINERS = frozenset({"the", "its", "their", "a", "an"})
# What a phrase is of may stand between it and its linking words: "the budget for the new line is £4bn".
_OF_OPENERS = frozenset({"of", "for", "on"})
MAX_OF_WORDS = 6
# The linking words that are verbs: one must follow what the phrase is of, or the words are no link.
_LINK_VERBS = frozenset(lemma(w) for w in """
is was were be been are stand stood total totalled reach reached rise rose risen grow grew climb climbed increase
increased jump jumped soar soared balloon ballooned fall fell drop dropped hit hits topped top exceed exceeded
has have had could would will may might
""".split())
# Characters or words where a clause ends: a value's role is sought within its own clause.
# ("that" after a preposition is a determiner, no clause: "through that first landing")
_CLAUSE_BREAK = re.compile(r"[;:()\[\]]|,(?!\d)|\s[-–—]\s|\b(?:but|while|whereas|although|though|however|which|"
                           r"(?<!through\s)(?<!until\s)(?<!before\s)(?<!after\s)(?<!of\s)(?<!in\s)(?<!on\s)"
                           r"(?<!at\s)(?<!by\s)(?<!for\s)(?<!to\s)(?<!from\s)(?<!with\s)"
                           r"that|and\s+(?:the|a|its|their|this))\b", re.IGNORECASE)
_DASH = re.compile(r"\s[-–—]\s")
# Where a sentence's parts end: each part may speak of a different body ("in March 2021, Slough Council
# took control; while in April, plans in West Sussex were scrapped").
_PART_BREAK = re.compile(r";|:\s|\s[-–—]\s|\b(?:while|whereas|but)\b|,\s+of\s+(?:which|whom)\b"
                         r"|,\s+and\s+(?=(?:in|on|at|by|the|a|an|its|their|this|last|next)\b)", re.IGNORECASE)
# Quotation marks: a phrase inside a quotation is the speaker's, and binds no value outside it.
_QUOTE = re.compile(r"[“\"]([^”\"]{3,}?)[”\"]")
# Words of a date's own position ("the end of 2026", "the start of March"): never its role.
_POSITION_WORDS = frozenset({"end", "start", "beginning", "middle", "close", "turn", "early", "late", "mid"})
# For a date, how many words before or after it a verb phrase may stand.
DATE_VERB_REACH = 9
# How many words before its verb an event noun may stand and still own it.
EVENT_REACH = 8
_PART = re.compile(r"\s+of\s+(?:it|which|that|them|this|(?:those|these)(?!\s+[0-9]))\b", re.IGNORECASE)
# A count of some of a whole written after it, the whole not counted there: "eleven of the schools", "four
# of its schools" (not "all 21 of its schools", the whole, nor "20 of the 73", a part and its whole).
_SOME_OF = re.compile(r"\s+(?:out\s+)?of\s+(?:its|their|the|those|these)\s+(?!\S*[0-9])(?:[\w'’-]+\s+){0,2}?"
                      r"[\w-]+s\b", re.IGNORECASE)
_ALL_BEFORE = re.compile(r"\b(?:all|all\s+the)\s+$", re.IGNORECASE)


def some_of(value: StatedValue, text: str) -> bool:
    """True for a count written as some of a whole: "eleven of the schools", "four of its schools"."""
    return value.kind is Kind.COUNT and bool(_SOME_OF.match(text, value.end)) \
        and not _ALL_BEFORE.search(text, max(0, value.start - 12), value.start)
_DIFFERENCE_AFTER = re.compile(r"\s+(?:fewer|more|less|extra)\b(?!\s+than\s+(?:half|a\s+third|a\s+quarter))"
                               # "$6 billion in cost increases", "£2m in price rises"
                               r"|\s+in\s+(?:\w+\s+)?(?:increases|rises|hikes)\b", re.IGNORECASE)
# "add $94 million to the deficit", "adding £5m to the bill": what is added, not the total.
# An amount or a count a change is "by": "the deficit could grow by $6 million", "cut staff by 40". A share's
# change is what percentage claims state ("fell by 18%"), so it is left to the claim's own words.
_CHANGED_BY = re.compile(r"\b(?:grow|grows|grew|grown|growing|rise|rises|rose|risen|rising|increase[sd]?|increasing|"
                         r"fall|falls|fell|fallen|falling|drop|drops|dropped|shrink|shrank|shrunk|cut|cuts|reduce[sd]?|"
                         r"swell|swelled|climb|climbed|jump|jumped)\s+(?:\w+\s+)?by\s+(?:about\s+|around\s+|some\s+|"
                         r"nearly\s+|almost\s+|another\s+|a\s+further\s+|more\s+than\s+|up\s+to\s+|as\s+much\s+as\s+)?$",
                         re.IGNORECASE)


def changed_by(value: StatedValue, text: str) -> bool:
    """True for an amount or a count that is what something changed by, not what it is."""
    return value.kind in (Kind.COUNT, Kind.MONEY) and bool(_CHANGED_BY.search(text, max(0, value.start - 40),
                                                                              value.start))


_ADDED_BEFORE = re.compile(r"\badd(?:s|ed|ing)?\s+(?:another|a\s+further|an\s+extra|an\s+additional|some|about|"
                           r"around|nearly|almost|up\s+to|upwards?\s+of|more\s+than|over)?\s*$", re.IGNORECASE)
# What a cost grows by: "will now cost an additional $148 million", "cost an extra £2m to finish".
_COSTS_MORE = re.compile(r"\bcost(?:s|ing)?\s+(?:\w+\s+)?(?:an?\s+)?(?:additional|extra|further)\s+"
                         r"(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+)?$", re.IGNORECASE)
_ADDED_TO = re.compile(r"\s+(?:\w+\s+){0,2}?to\b", re.IGNORECASE)
# ... or named as what a whole includes: "the cuts, which include 120 layoffs", "300 jobs, including 40 posts"
_PART_BEFORE = re.compile(r"\bof\s+(?:which|that|this|it|these|them)\b\s*,?\s*(?:\w+\s+){0,2}$"
                          r"|\b(?:which|that)\s+(?:will\s+|would\s+)?includes?\s+(?:about\s+|around\s+|some\s+)?$"
                          r"|,\s*including\s+(?:about\s+|around\s+|some\s+)?$", re.IGNORECASE)


def clause_breaks(sentence: Sentence, values: Sequence[StatedValue] = ()) -> list[int]:
    """Offsets (into the article text) where a new clause of the sentence begins; a comma inside one of the
    sentence's `values` ("Wednesday, September 17", "Sept. 17, 2014") begins none."""
    breaks = (sentence.start + m.start() for m in _CLAUSE_BREAK.finditer(sentence.text))
    return [b for b in breaks if not any(v.start <= b < v.end for v in values)]


def aside_breaks(sentence: Sentence, values: Sequence[StatedValue] = ()) -> list[int]:
    """The clause breaks of `sentence` less those of asides set off by a pair of dashes ("The second phase -
    from A to B - was due to open"), which interrupt a clause without ending it."""
    dashes = [sentence.start + m.start() for m in _DASH.finditer(sentence.text)]
    paired = set(dashes[: len(dashes) // 2 * 2])
    return [b for b in clause_breaks(sentence, values) if b not in paired]


def part_span(sentence: Sentence, offset: int) -> tuple[int, int]:
    """The part of `sentence` (see _PART_BREAK) holding `offset`: its start and end, offsets into the article."""
    at = offset - sentence.start
    start, end = 0, len(sentence.text)
    for match in _PART_BREAK.finditer(sentence.text):
        if match.end() <= at:
            start = match.end()
        elif match.start() >= at:
            end = match.start()
            break
    return sentence.start + start, sentence.start + end


# Words between people counted and the verb they are the subject of: "7,900 people are now waiting".
_SUBJECT_LINKS = frozenset(lemma(w) for w in "are were is was have has had now still currently being be".split())
# Nouns that count anyone at all: what they count is said by the verb that takes them, when one does.
_GENERIC_UNITS = frozenset({"people", "person", "persons", "individual", "individuals", "adult", "adults"})


def generic_unit(unit: str) -> bool:
    """True for a count's noun as wide as "people" ("2,400 people", "about 300 more people")."""
    return bool(unit) and unit.lower().split()[0] in _GENERIC_UNITS


def quoted(sentence: Sentence) -> list[tuple[int, int]]:
    """The spans (offsets into the article text) of the sentence's quotations."""
    return [(sentence.start + m.start(), sentence.start + m.end()) for m in _QUOTE.finditer(sentence.text)]


def read_role(value: StatedValue, statement: Statement, breaks: list[int], text: str,
              vocabulary: Vocabulary) -> Role:
    """The role of `value` among its statement's words and vocabulary phrases."""
    owned = _POSSESSIVE_DATE.match(text, value.end) if value.kind is Kind.DATE else None
    if owned is not None:  # "today's report", "Monday's vote": the date of the noun it is written on
        noun = owned.group(1).lower()
        hit = next((h for h in statement.phrases if statement.tokens[h.first].start == owned.start(1)), None)
        if hit is not None and vocabulary.of_kind(hit.predicates, Kind.DATE) and not _event_only(hit, vocabulary):
            return _role(hit, Binding.COMPOUND, value, vocabulary, False)
        return Role(frozenset(), (noun,), Binding.COMPOUND, event=noun)
    role = _bound_role(value, statement, breaks, text, vocabulary)
    if value.kind is Kind.DATE and role.binding < Binding.VERB \
            and _RESCHEDULED.search(text, max(0, value.start - 40), value.start):
        # "was due to open in 2032-33, but that has been pushed back to 2035-2040": the new date of the same thing
        earlier = [v for v in statement.values if v.kind is Kind.DATE and v.end <= value.start]
        if earlier:
            moved = _bound_role(earlier[-1], statement, breaks, text, vocabulary)
            if moved.binding >= Binding.VERB:
                return Role(moved.predicates, moved.words, Binding.VERB, moved.event, role.part, moved=True)
    if value.kind is Kind.DURATION and TERM in vocabulary.predicates \
            and _SPAN_BEFORE.search(text, max(0, value.start - 30), value.start) \
            and all(Kind.DATE in vocabulary.predicates[p].kinds for p in role.predicates):
        # "will take over its services for the next five to 10 years": how long what the verb begins lasts
        return Role(frozenset({TERM}), role.words, role.binding, part=role.part)
    return role


# A date written as a possessive: "today's action", "last month's report", "Wednesday's vote".
_POSSESSIVE_DATE = re.compile(r"['’]s\s+([A-Za-z][\w-]*)")


def _bound_role(value: StatedValue, statement: Statement, breaks: list[int], text: str,
                vocabulary: Vocabulary) -> Role:
    tokens, phrases = statement.tokens, statement.phrases
    others = [v for v in statement.values if v is not value]
    inside = {i for i, t in enumerate(tokens) if any(v.start <= t.start < v.end for v in others)}
    clauses = value_clauses(value, statement, breaks)
    after = next((i for i, t in enumerate(tokens) if t.start >= value.end), len(tokens))
    before = after - 1
    while before >= 0 and tokens[before].end > value.start:
        before -= 1
    quotes = [(a, b) for a, b in quoted(statement.sentence) if not a <= value.start < b]
    kinded = [h for h in phrases if vocabulary.of_kind(h.predicates, value.kind)
              and not any(a <= tokens[h.first].start < b for a, b in quotes)
              and bisect.bisect_right(breaks, tokens[h.first].start) in clauses
              and not (h.first < after and h.last > before)  # a phrase inside the value is none of its role
              and not (vocabulary.compound_only(vocabulary.of_kind(h.predicates, value.kind))
                       and not (h.first >= after and _only(tokens, after, h.first, _MODIFIERS, MAX_MODIFIERS)))
              and not (value.kind is Kind.DATE and h.words[-1] in _POSITION_WORDS and before - h.last <= 2
                       and (h.last == before or tokens[h.last + 1].lemma == "of"))]
    if value.kind is Kind.COUNT and value.unit:
        counted = vocabulary.predicates_of(value.unit, Kind.COUNT)
        if counted:  # "450 council staff": the noun it counts is its role
            unit_words = tuple(t.lemma for t in tokenize(value.unit))
            counting = Role(counted, unit_words, Binding.COMPOUND, part=_part(value, text))
            if not generic_unit(value.unit):
                return counting
            # "employs 2,400 people": a noun as wide as "people" leaves the role to the verb that takes it
            verb = next((h for h in sorted(phrases, key=lambda h: -h.last) if h.last <= before
                         and vocabulary.of_kind(h.predicates, Kind.COUNT)
                         and _only(tokens, h.last + 1, before + 1, _LINKS, MAX_LINKS, inside)), None)
            # ... or the verb they take: "7,900 people are now waiting for treatment"
            noun = after + len(unit_words)
            verb = verb or next((h for h in phrases if h.first >= noun and vocabulary.of_kind(h.predicates, Kind.COUNT)
                                 and _only(tokens, noun, h.first, _SUBJECT_LINKS, MAX_LINKS)), None)
            return counting if verb is None else _role(verb, Binding.LINKED, value, vocabulary, counting.part)
    # a part of an amount ("£15m of it", "of which 200 ..."); a date is never one ("coming out of them in 2023")
    part = value.kind is not Kind.DATE and _part(value, text)
    added = bool(_ADDED_BEFORE.search(text, max(0, value.start - 30), value.start) and _ADDED_TO.match(text, value.end)
                 or _COSTS_MORE.search(text, max(0, value.start - 40), value.start))
    shift = _SHARE_SHIFT.match(text, value.end) if value.kind is Kind.PERCENT else None
    if shift is not None:  # "will pay 15 percent more": a share's change is what percentage claims state
        change = RISE if shift.group(1).lower() in ("more", "higher", "extra") else FALL
        return Role(vocabulary.of_kind({change}, Kind.PERCENT), (shift.group(1).lower(),), Binding.COMPOUND,
                    part=part)
    if value.kind in (Kind.COUNT, Kind.MONEY, Kind.PERCENT) and (_DIFFERENCE_AFTER.match(text, value.end) or added
                                                                  or changed_by(value, text)):
        return Role(frozenset(), (), Binding.NONE, part=part, difference=True)
    apposed = _apposed(value, statement, before, vocabulary)
    if apposed is not None:  # "its rainy-day fund, $42.2 million, ..."
        return _role(apposed, Binding.LINKED, value, vocabulary, part)
    compound = [h for h in kinded if h.first >= after and _only(tokens, after, h.first, _MODIFIERS, MAX_MODIFIERS)]
    if compound:  # just after the value; of a noun compound, its head: "a £66m budget shortfall" is a shortfall
        head = compound[0]
        for hit in kinded:
            if hit.first == head.last + 1:
                head = hit
        return _role(head, Binding.COMPOUND, value, vocabulary, part, _event_before(head, phrases, vocabulary))
    for hit in sorted(kinded, key=lambda h: -h.last):  # linked: just before it
        if hit.last <= before and _linked(tokens, hit.last + 1, before + 1, inside, text):
            hit = _verb_of_object(hit, kinded, tokens, before)
            return _role(hit, Binding.LINKED, value, vocabulary, part, _event_before(hit, phrases, vocabulary))
    if value.kind is not Kind.DATE:  # the subject of its verb: "an additional £8.5m has been allocated to"
        taken = next((h for h in kinded if h.first >= after
                      and _only(tokens, after, h.first, _SUBJECT_LINKS, MAX_LINKS, inside)), None)
        if taken is not None:
            return _role(taken, Binding.LINKED, value, vocabulary, part)
    if value.kind is Kind.DATE:
        near = [h for h in kinded if (h.last <= before and before - h.last < vocabulary.reach(h.predicates,
                                                                                             DATE_VERB_REACH))
                or (h.first >= after and h.first - after < vocabulary.reach(h.predicates, DATE_VERB_REACH)
                    and not any(t.lemma in _JOINS for t in tokens[after:h.first])
                    and not _span_end_between(tokens, after, h.first, breaks))]
        verbs = [h for h in near if not _event_only(h, vocabulary)]
        if verbs:
            best = min(verbs, key=lambda h: (before - h.last if h.last <= before else h.first - after + 0.5))
            return _role(best, Binding.VERB, value, vocabulary, part, _event_before(best, phrases, vocabulary))
    loose = [h for h in kinded if not _purpose_between(tokens, text, after, h.first)
             and not (value.kind is Kind.DATE and _span_end_between(tokens, after, h.first, breaks))]
    if loose:
        best = min(loose, key=lambda h: abs(h.first - after))
        return _role(best, Binding.CLAUSE, value, vocabulary, part)
    return Role(frozenset(), (), Binding.NONE, part=part)


def _part(value: StatedValue, text: str) -> bool:
    """True for a value that is a part of another: "£15m of it", "of which 200", "eleven of the schools"."""
    return bool(_PART.match(text, value.end) or _PART_BEFORE.search(text, max(0, value.start - 40), value.start)) \
        or some_of(value, text)


def _span_end_between(tokens: tuple[Token, ...], after: int, first: int, breaks: list[int]) -> bool:
    """True when an "until" stands between a date and a phrase of its own clause: "From April 1 until the
    handover" ends the span the date begins; a phrase in the clause after is what the span times."""
    if first < after or bisect.bisect_right(breaks, tokens[first].start) != bisect.bisect_right(
            breaks, tokens[max(after - 1, 0)].start):
        return False
    return any(t.lemma in _SPAN_ENDS for t in tokens[after:first])


def _verb_of_object(hit: PhraseHit, kinded: list[PhraseHit], tokens: tuple[Token, ...], before: int) -> PhraseHit:
    """The verb whose object `hit` is, when a value is what the verb did to it: "overspent its budget by
    £4.7m" is an overspend, not a budget; else `hit`."""
    if before != hit.last + 1 or tokens[before].lemma != "by" or hit.first < 2 \
            or tokens[hit.first - 1].lemma not in _OBJECT_DETERMINERS:
        return hit
    return next((h for h in kinded if h.last == hit.first - 2), hit)


def _purpose_between(tokens: tuple[Token, ...], text: str, after: int, first: int) -> bool:
    """True when a "for" and a verb's -ing form open what stands between the value and a phrase after it:
    "£18.2m for paying dividends" is a sum paid for doing something, not a dividend."""
    return any(tokens[k].lemma == "for" and text[tokens[k + 1].start:tokens[k + 1].end].lower().endswith("ing")
               for k in range(after, first - 1))


# A date's new time: "pushed back to 2030", "delayed until 2031", "brought forward to May".
_RESCHEDULED = re.compile(r"\b(?:push(?:ed|es)?\s+back|put\s+back|delay(?:ed|s)?|postpone(?:d|s)?|slip(?:ped|s)?|"
                          r"pull(?:ed|s)?\s+forward|br(?:ought|ing|ings)\s+forward|moved?\s+back|reschedule(?:d|s)?)"
                          r"\s+(?:again\s+)?(?:to|until|till|into)\s+(?:at\s+least\s+|the\s+)?$", re.IGNORECASE)
# A share with its direction after it: "15 percent more", "20% lower" (the shipped predicates of change).
_SHARE_SHIFT = re.compile(r"\s+(more|higher|extra|less|lower|fewer)\b(?!\s+than)", re.IGNORECASE)
RISE, FALL = "rise", "fall"
# A duration opened by "for" is how long the state its verb begins lasts: its role is the term, whatever the verb.
_SPAN_BEFORE = re.compile(r"\bfor\s+(?:the\s+|a\s+)?(?:next|first|coming|following|initial|further)?\s*$",
                          re.IGNORECASE)
TERM = "term"
# A verb after a date across these is another clause's: "joined the trust in 2021 and says she ...".
_JOINS = frozenset({"and", "but"})
# ... and a phrase across these is the end of a span the date begins: "From April 1 until the handover".
_SPAN_ENDS = frozenset({"until", "till"})
# Words that may open a sentence's leading date ("On 1 September, ...", "Since early 2016, ...").
_DATE_OPENERS = frozenset({"on", "in", "at", "by", "from", "since", "until", "during", "early", "late", "as"})


def value_clauses(value: StatedValue, statement: Statement, breaks: list[int]) -> set[int]:
    """The clauses (by index, per `breaks`) whose words speak of `value`: its own, and for a leading date
    ("On 1 September, services will transfer back") the clause it times."""
    clause = bisect.bisect_right(breaks, value.start)
    return {clause, clause + 1} if _opening_date(value, statement.tokens, breaks, clause) else {clause}


def _opening_date(value: StatedValue, tokens: tuple[Token, ...], breaks: list[int], clause: int) -> bool:
    """True for a date that is a clause of its own before the clause it times: "On 1 September, services in
    Doncaster will transfer back" is the transfer's date, across the comma."""
    if value.kind is not Kind.DATE:
        return False
    own = [t for t in tokens if bisect.bisect_right(breaks, t.start) == clause
           and not value.start <= t.start < value.end]
    # "From April 1 until the handover, staff will be consulted": the span's end is part of the opening
    end = next((i for i, t in enumerate(own) if t.lemma in _SPAN_ENDS and t.start > value.start), None)
    if end is not None and len(own) - end <= 4:
        own = own[:end]
    return len(own) <= 2 and all(t.lemma in _DATE_OPENERS for t in own)


def _role(hit: PhraseHit, binding: Binding, value: StatedValue, vocabulary: Vocabulary, part: bool,
          event: str | None = None) -> Role:
    # an event noun owns only a date's verb ("a review ... will be completed this autumn")
    return Role(vocabulary.of_kind(hit.predicates, value.kind), hit.words, binding,
                event if value.kind is Kind.DATE and not _event_only(hit, vocabulary) else None, part)


# A value in apposition: set off by commas right after the noun it is ("its rainy-day fund, $42.2 million, to").
_APPOSITION_BEFORE = re.compile(r",\s*$")
_APPOSITION_AFTER = re.compile(r"\s*(?:,|\.|;|$)")


def _apposed(value: StatedValue, statement: Statement, before: int, vocabulary: Vocabulary) -> PhraseHit | None:
    """The phrase of the value's kind that `value` stands in apposition to, if it does."""
    if before < 0 or value.kind is Kind.DATE:
        return None
    text, base = statement.sentence.text, statement.sentence.start
    if not _APPOSITION_BEFORE.search(text[statement.tokens[before].end - base:value.start - base]) \
            or not _APPOSITION_AFTER.match(text, value.end - base):
        return None
    return next((h for h in statement.phrases if h.last == before and vocabulary.of_kind(h.predicates, value.kind)),
                None)


def _linked(tokens: tuple[Token, ...], start: int, end: int, inside: set[int], text: str) -> bool:
    """True when the words from `start` to `end` join a phrase to the value after them: linking words only
    ("cost rose to"), or first who the verb's value goes to ("fined Redstone Power $14 million", "gave the
    council £5m"), or first what the phrase is of ("the price tag for the Metro extension has ballooned
    to", "the cost of the new stadium is"), then linking words with a verb among them."""
    if _only(tokens, start, end, _LINKS, MAX_LINKS, inside):
        return True
    named = start
    while named < min(end, start + MAX_NAME_WORDS) and text[tokens[named].start:tokens[named].start + 1].isupper():
        named += 1
    if named == start and start + 1 < end and tokens[start].lemma in _OBJECT_DETERMINERS:
        named = start + 2  # "fined the company £3m"
    if named > start and named < end + 1 and not any(k in inside for k in range(start, named)) \
            and _only(tokens, named, end, _LINKS, MAX_LINKS, inside):
        return True
    if start >= end or tokens[start].lemma not in _OF_OPENERS:
        return False
    for k in range(start + 1, min(end, start + 1 + MAX_OF_WORDS)):
        if k in inside:
            return False  # another value in what the phrase is of: "the cost of the 2019 plan, $4bn"
        if tokens[k].lemma in _LINK_VERBS:
            return _only(tokens, k, end, _LINKS, MAX_LINKS, inside)
    return False


def _only(tokens: tuple[Token, ...], start: int, end: int, allowed: frozenset[str], limit: int,
          values: set[int] | frozenset[int] = frozenset()) -> bool:
    """True when every word from `start` to `end` is one of `allowed` (or of another value, by index in `values`:
    "save £22m over three years"), and there are at most `limit` of the others."""
    between = [t for i, t in enumerate(tokens[start:end], start) if i not in values]
    return len(between) <= limit and all(t.lemma in allowed for t in between)


def _event_only(hit: PhraseHit, vocabulary: Vocabulary) -> bool:
    return all(vocabulary.predicates[p].roles_only for p in hit.predicates)


def _event_before(verb: PhraseHit, phrases: tuple[PhraseHit, ...], vocabulary: Vocabulary) -> str | None:
    """An event noun owning `verb`: the nearest event phrase before it ("a ballot of members opens",
    "a review into ... was launched ... and will be completed")."""
    events = [h for h in phrases if h.last < verb.first and verb.first - h.last <= EVENT_REACH
              and _event_only(h, vocabulary)]
    return " ".join(events[-1].words) if events else None
