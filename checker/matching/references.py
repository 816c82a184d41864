"""Who a sentence speaks of: the names an article uses, the aliases it defines, its short forms and pronouns.

Reporters name an organisation once ("Northtown Children's Partnership (NCP)"), then write "NCP",
"the partnership" or "it". Per article, this module finds the names it uses and the aliases it
defines; per claim subject, `SubjectReader` says how each sentence refers to that subject: by name,
by alias, by a short form ("the trust"), by a pronoun continuing the sentence before, or not at all
while naming a rival of the same kind (another water company in a story about Thames Water).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import TYPE_CHECKING

from checker.models import Sentence

if TYPE_CHECKING:
    from checker.matching.statement import Statement
from checker.text.words import acronym, lemma, rarity

# Words that say what kind of body a name is ("Thames Water", "Cleveland Police", "Croydon Council").
ORGANISATION_NOUNS = frozenset("""
council councils trust partnership university college school schools academy district authority agency board
commission committee company group corporation police force constabulary service services department ministry
office hospital hospitals water railway railways rail line link project programme program scheme system rocket
mission lander institute foundation association society network government administration inspectorate
telescope observatory spacecraft probe satellite rover tunnel bridge stadium airport museum library prison
""".split())
# Capitalised words that begin sentences or titles without naming anything.
_NOT_NAMES = frozenset("""
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun
the a an this that these those it its their there he she they we i in on at by for from of to and but or
if when while after before since as with under over more most some many one two three four five six seven
eight nine ten monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december mr mrs ms dr sir dame lord lady cllr prof however
meanwhile last next new first also according speaking following earlier later now today yesterday
""".split())
_NAME = re.compile(r"\b[A-Z][\w'’&.-]*(?:\s+(?:(?:of|for|the|&|de|in|on)\s+)?[A-Z][\w'’&.-]*)*")
_ALIAS = re.compile(r"\(\s*(?:the\s+)?([A-Z][A-Za-z0-9&]{1,9})\s*\)")
_SHORT_FORM = re.compile(r"\b(?:the|its|our|this)\s+(?:[$£€][0-9][0-9,.]*(?:\s*(?:m|bn|million|billion))?\s+"
                         r"|[a-z0-9,.-]+\s+)?([a-z]+)\b")  # "the 2,400-employee agency", "the $10 billion observatory"
# The agent of a passive, to the end of its phrase, is no owner of the value: "it has been rated inadequate by
# Her Majesty's Inspectorate of Constabulary and Fire and Rescue Services", "fined £3m by Ofwat"; but what
# something is run, owned or led by owns it ("services run by Kelbridge Children's Partnership").
_AGENT = re.compile(r"(?<!\brun )(?<!\boperated )(?<!\bowned )(?<!\bmanaged )(?<!\bled )(?<!\bcontrolled )"
                    r"(?<!\bprovided )(?<!\bdelivered )(?<!\bover )\bby\s+[^,;()]*")
_PRONOUN_OPENING = re.compile(r"^\W*(?:\w+\s+){0,6}?(?:it|its|it's|they|their|the\s+body|the\s+organisation)\b",
                              re.IGNORECASE)


# Words commoner than this (rarity, see checker.text.words) name no one on their own: "children", "services"
# and "care" in "Kelbridge Children's Services" (rarity 1.4-1.6), where "Kelbridge" does.
GENERIC_RARITY = 1.65
# A name is named when the words of it present carry this share of its weight.
SHARE_OF_NAME = 0.6
# The rarest word of a name of several, when at least this rare (a surname, a coined name: "Webb" 3.2,
# "Quimby" 4.6; not "launch" 2.3 or "rail" 2.6), stands for the name once the article has named it in full.
SHORT_NAME_RARITY = 3.0
# Kinds of body that stand in for one another: in a story about one council, a sentence naming another
# council (or borough) and not ours is about that one. A regulator or a ministry named is an actor, not a rival.
KINDRED_BODIES = (
    frozenset({"council", "councils", "authority", "borough", "district", "county"}),
    frozenset({"trust", "hospital", "hospitals", "partnership", "service", "services"}),
    frozenset({"school", "schools", "academy", "college", "university"}),
    frozenset({"police", "force", "constabulary"}),
    frozenset({"water", "company", "group", "corporation"}),
    frozenset({"railway", "railways", "rail", "line", "link", "project", "programme", "program", "scheme", "system",
               "rocket", "mission", "lander"}),
)
# An article is about a subject it names in its title and this many characters of its opening.
OPENING_CHARS = 600
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")


def _weight(word: str) -> float:
    return max(rarity(word), 0.5)


class Reference(IntEnum):
    """How a sentence refers to a subject, weakest first."""

    RIVAL = -1  # names another body of the same kind, and not the subject
    NONE = 0  # says nothing of it; the article does not name it
    ARTICLE = 1  # names no one, in an article that names the subject
    PRONOUN = 2  # "it", "its" continuing a sentence about the subject
    SHORT = 3  # "the trust", "the partnership": the subject's kind, in an article that names it
    ALIAS = 4  # an acronym or an alias the article defines ("NCP")
    NAME = 5  # the subject by name


@dataclass(frozen=True)
class Subject:
    """A claim's subject as references see it: its distinctive words, initials and kind-of-body nouns."""

    words: frozenset[str]  # distinctive lemmas: "kelbridge", "thames", "artemis"
    initials: frozenset[str]  # acronyms, lower case: "kcp", "nasa"
    heads: frozenset[str]  # what kind of body: "partnership", "water", "program"
    plain: frozenset[str] = frozenset()  # words of a described subject, named in any case ("commissioner")

    @classmethod
    def of(cls, name: str) -> Subject:
        """The subject named `name` ("Kelbridge Children's Partnership", "NASA Artemis program")."""
        raw = re.findall(r"[\w'’&-]+", name)
        words = {lemma(w) for w in raw if w.lower() not in ORGANISATION_NOUNS and w.lower() not in _NOT_NAMES
                 and not w.isdigit()}
        # a word in capitals is the subject's initials when it is all of its name ("HS2", "the KCP"); inside a
        # longer name it is another body's, the one the subject belongs to ("NASA" of "NASA Artemis program")
        capitals = {w.lower() for w in raw if w.isupper() and len(w) >= 2}
        initials = capitals if len(words - capitals) == 0 else set()
        short = acronym(name)
        if short and len(short) >= 3:
            initials.add(short)
        heads = {w.lower() for w in raw if w.lower() in ORGANISATION_NOUNS}
        # A subject written as a description ("Commissioner for children's social care in Doncaster") has
        # words in lower case; those, and its first word, may stand in any case. A name's words are capitalised.
        described = any(w.islower() and w not in _NOT_NAMES and w.lower() not in ORGANISATION_NOUNS for w in raw[1:])
        plain = {lemma(w) for i, w in enumerate(raw) if w.islower() or (i == 0 and described)}
        common = {w for w in words if rarity(w) < GENERIC_RARITY}
        kept = words - common if words - common else words  # "children", "services": too common to name anyone
        return cls(frozenset(kept), frozenset(initials), frozenset(heads), frozenset(plain & kept))

    @property
    def empty(self) -> bool:
        """True when the claim names no subject at all."""
        return not (self.words or self.initials)

    def names_in(self, text: str, lemmas: frozenset[str]) -> bool:
        """True when `text` names the subject: its distinctive words written as a name (capitalised), all of
        them or, for a longer name, those that carry most of its weight ("Artemis" for "NASA Artemis program")."""
        if not self.words or not self.words & lemmas:
            return False
        named = ({lemma(m.group()) for m in _CAPITALISED.finditer(text)} | (self.plain & lemmas)) & self.words
        if named and named != self.words:  # "the Green Line extension": a name whose last word is written small
            for match in _NAME_THEN_WORD.finditer(text):
                if {lemma(w) for w in match.group(1).split()} & named and lemma(match.group(2)) in self.words:
                    named = named | {lemma(match.group(2))}
        total = sum(_weight(w) for w in self.words)
        return bool(named) and sum(_weight(w) for w in named) >= SHARE_OF_NAME * total


@dataclass(frozen=True)
class Names:
    """The names an article uses and the aliases it defines, lower case."""

    aliases: dict[str, str]  # alias (lower case) -> the name it stands for
    organisations: tuple[tuple[str, str], ...]  # (name, its kind-of-body noun) for each name with one


def article_names(title: str | None, sentences: Sequence[Sentence]) -> Names:
    """Every alias defined ("X (ACR)") and every organisation named, in the title and the sentences."""
    aliases: dict[str, str] = {}
    organisations: dict[str, str] = {}
    for text in ([title] if title else []) + [s.text for s in sentences]:
        for match in _NAME.finditer(text):
            name = match.group().strip()
            after = _ALIAS.match(text, match.end())
            if after and after.group(1).lower() != name.lower():
                aliases[after.group(1).lower()] = name
            # "Marrick Rise Academy in Fellside": a body, then where it is
            for part in re.split(r"\s+(?:in|on)\s+", name):
                head = _head(part)
                if head:
                    organisations.setdefault(part, head)
    return Names(aliases, tuple(sorted(organisations.items())))


def _head(name: str) -> str | None:
    """The kind of body a name is: its last word ("Croydon Council"), or for "X of Y" the word before "of"
    ("Inspectorate of Constabulary" is an inspectorate, "University of Dundee" a university)."""
    words = name.split()
    if len(words) < 2 or words[0].lower() in _NOT_NAMES:
        return None
    cut = next((i for i, w in enumerate(words) if w.lower() in ("of", "for") and i > 0), None)
    if cut is not None and words[cut - 1].lower() in ORGANISATION_NOUNS:
        return words[cut - 1].lower()
    return words[-1].lower() if words[-1].lower() in ORGANISATION_NOUNS else None


class SubjectReader:
    """Says, for one claim's subject in one article, how each statement refers to it."""

    def __init__(self, subject: Subject, names: Names, title: str | None, article_lemmas: frozenset[str],
                 text: str) -> None:
        self.subject = subject
        text_lower = text.lower()
        aliases = {alias for alias, name in names.aliases.items() if _names(subject, name)}
        self._aliases = frozenset(aliases | subject.initials)
        self.named_in_article = (subject.names_in(text, article_lemmas)
                                 or any(_word_in(a, text_lower) for a in self._aliases))
        # Once named in full, a name of several rare words is shortened to its rarest: "Webb" for the James
        # Webb Space Telescope, "Quimby" for the Harriet Quimby Observatory.
        rarest = max(sorted(subject.words), key=_weight, default=None)
        self._short_name = rarest if self.named_in_article and len(subject.words) >= 2 \
            and rarest is not None and _weight(rarest) >= SHORT_NAME_RARITY else None
        self._rivals = tuple(name for name, head in names.organisations
                             if head in subject.heads and not _names(subject, name))
        self._bodies = tuple(name for name, _ in names.organisations if not _names(subject, name))
        self._other_heads = frozenset(head for name, head in names.organisations if not _names(subject, name))
        families = {family for family in KINDRED_BODIES if family & subject.heads}
        self._others = tuple(name for name, head in names.organisations if not _names(subject, name)
                             and any(head in family for family in families))
        # A sentence that names no one speaks of the subject only in an article about it: one that names it in
        # its title or opening, or more than once; a passing mention ("neighbouring Kelbridge") is not enough.
        opening = text[:OPENING_CHARS]
        self.about = self.named_in_article and (
            subject.names_in(opening, article_lemmas) or any(_word_in(a, opening.lower()) for a in self._aliases)
            or self._times_named(text) >= 2)

    def refer(self, statement: Statement, previous: tuple[str, frozenset[str]] | None) -> Reference:
        """How `statement` refers to the subject; `previous` is the statement before it (text, lemmas)."""
        found = self._reference(statement.sentence.text, statement.lemmas)
        if found is Reference.ARTICLE and previous is not None and _PRONOUN_OPENING.search(statement.sentence.text):
            before = self._reference(*previous)
            if before >= Reference.SHORT:
                return Reference.PRONOUN
        return found

    def rival_before(self, text: str) -> str | None:
        """The rival named last in `text` (a sentence up to a value) when it comes after any naming of the
        subject: "Thames Water's penalty ... than Anglian Water, which was ordered to hand back £27.1m"."""
        last_rival, rival = -1, None
        for name in self._rivals:
            at = text.rfind(name)
            if at > last_rival:
                last_rival, rival = at, name
        if rival is None:
            return None
        mentions = [m.start() for m in _CAPITALISED.finditer(text) if lemma(m.group()) in self.subject.words]
        mentions += [text.lower().rfind(a) for a in self._aliases]
        return rival if last_rival > max(mentions, default=-1) else None

    def owner(self, part: str, before: str, reference: Reference) -> str | None:
        """The body a value belongs to when it is not the subject: the one its part of the sentence (`part`)
        speaks of, or else the rival named last before it in its part (`before`); None for the subject's.

        By name, a part naming a rival and not the subject is the rival's ("in March 2021, Slough Borough
        Council took control"); read by an implicit reference (a short form, a pronoun, the article's subject),
        a part naming any other organisation is that organisation's."""
        if self.subject.empty:
            return None
        lemmas = frozenset(lemma(w) for w in re.findall(r"[\w'’-]+", part))
        lower = part.lower()
        if self.subject.names_in(part, lemmas) or any(_word_in(a, lower) for a in self._aliases) \
                or (reference <= Reference.SHORT and self._short_form(lower)):
            return self.rival_before(before)
        bodies = self._rivals if reference >= Reference.ALIAS else self._bodies
        possessor = _POSSESSOR_BEFORE.search(before)
        if possessor is not None and not any(name.endswith(possessor.group(1)) for name in self._rivals):
            return None  # "agreeing with the MBTA's $2.3 billion estimate": whoever wrote it, it is no rival's
        agents = [m.span() for m in _AGENT.finditer(part)]
        named = next((name for name in bodies if _whole_name(name, part) and not _possessed(name, part)
                      and not any(a <= part.find(name) < b for a, b in agents)), None)
        return named or self.rival_before(before)

    def _reference(self, text: str, lemmas: frozenset[str]) -> Reference:
        if self.subject.empty:
            return Reference.ARTICLE
        if self.subject.names_in(text, lemmas):
            return Reference.NAME
        lower = text.lower()
        if any(_word_in(a, lower) for a in self._aliases):
            return Reference.ALIAS
        if self._short_name and self._short_name in lemmas and self._shortened(text):
            return Reference.ALIAS
        if not self.named_in_article:
            return Reference.NONE
        if any(name in text for name in self._rivals):
            return Reference.RIVAL
        if self._short_form(lower):
            return Reference.SHORT if self.about else Reference.NONE
        if not self.about or any(name in text for name in self._others):
            return Reference.NONE  # another body is the one it names
        if any(_opens_with(text, name) for name in self._bodies) or _NEIGHBOUR.match(text):
            # "Marrick Rise Academy has been rated good", "Neighbouring Kestrel Hill Care ...": the body it opens with
            return Reference.NONE
        return Reference.ARTICLE

    def _shortened(self, text: str) -> bool:
        """True when `text` names the subject by its short name alone: "Webb" or "the Webb telescope", not a
        name sharing more of the subject's words ("Cedar Basin's buses" is the place's, for the Cedar Basin
        Regional Transit Authority)."""
        for match in _NAME.finditer(text):
            words = {lemma(w) for w in re.findall(r"[\w'’&-]+", match.group())} & self.subject.words
            if words == {self._short_name}:
                return True
        return False

    def _short_form(self, lower: str) -> bool:
        """ "the trust", "the partnership", "the line": the subject's kind of body, or any kind the article
        names no other body of."""
        for match in _SHORT_FORM.finditer(lower):
            head = match.group(1)
            if head in self.subject.heads or (head in ORGANISATION_NOUNS and head not in self._other_heads):
                return True
        return False

    def _times_named(self, text: str) -> int:
        rarest = max(self.subject.words, key=_weight, default=None)
        count = sum(1 for m in _CAPITALISED.finditer(text) if rarest is not None and lemma(m.group()) == rarest)
        return count + sum(len(re.findall(rf"(?<![\w-]){re.escape(a)}(?![\w-])", text.lower())) for a in self._aliases)


def _names(subject: Subject, name: str) -> bool:
    """True when `name` is the subject's (shares its distinctive words or initials)."""
    words = {lemma(w) for w in re.findall(r"[\w'’&-]+", name)}
    return bool(subject.words and subject.words <= words) or (acronym(name) or "") in subject.initials


def _whole_name(name: str, text: str) -> bool:
    """True when `name` stands in `text` as a whole name, not the start of a longer one ("Local Government"
    in "the Local Government Finance Act")."""
    return name in text and re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-]|\s+[A-Z])", text) is not None


def _word_in(word: str, text_lower: str) -> bool:
    return word in text_lower and re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text_lower) is not None


# A name in the possessive right before a value: "the MBTA's $2.3 billion estimate".
_POSSESSOR_BEFORE = re.compile(r"\b([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*)['’]s\s+$")
# Capitalised words, then the word after them in lower case: "Green Line extension".
_NAME_THEN_WORD = re.compile(r"\b((?:[A-Z][\w'’-]*\s+)*[A-Z][\w'’-]*)\s+([a-z][\w'’-]*)")
# A sentence that opens on a neighbour, by name: "Neighbouring Kestrel Hill Care, which runs 14 homes, was ..."
_NEIGHBOUR = re.compile(r"\W*(?:[Nn]eighbou?ring|[Nn]earby)\s+[A-Z]")


def _possessed(name: str, part: str) -> bool:
    """True when `name` is written as something the sentence's own subject has: "the rising cost of its
    Juniper Line extension" is the subject's line, not another body owning the value."""
    return re.search(r"\b(?:its|their)\s+" + re.escape(name), part, re.IGNORECASE) is not None


def _opens_with(text: str, name: str) -> bool:
    """True when the sentence `text` opens with the name `name` (after "The" or "Neighbouring" at most)."""
    opening = re.sub(r"^\W*(?:the|neighbouring|neighboring|nearby)\s+", "", text.lstrip(), flags=re.IGNORECASE)
    return opening.startswith(name)
