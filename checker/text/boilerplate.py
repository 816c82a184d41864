"""Web furniture in article text: whole lines that pages and copy-paste leave behind (ads, share links, captions)."""

from __future__ import annotations

import re

# Pattern families of lines that web pages and copy-paste leave in article text. They
# match whole lines only, and only short ones, so a real sentence that happens to
# contain "subscribe" is never dropped.
_BOILERPLATE_LINE = re.compile(
    r"""^\s*(?:
        (?:hide|skip|close)\s+ad(?:vert(?:isement)?)?s?
      | ad(?:vert(?:isement)?)?s?(?:\s+feature)?
      | sponsored(?:\s+content)?
      | (?:article|story)\s+continues\s+below(?:\s+(?:this\s+)?ad(?:vert(?:isement)?)?)?
      | continue\s+reading\s+(?:below|the\s+(?:main\s+)?story)
      # newsletters and subscriptions: a verb of signing up followed by what one signs up to
      | (?:sign\s+up|subscribe|register)(?:\s+(?:to|for|now|here|today|free|and)\b.{0,60})?!?
      | (?:\w+\s+)?newsletters?
      | get\s+(?:the\s+)?(?:latest|best|top)\b.{0,40}\binbox
      | enter\s+your\s+email(?:\s+address)?
      | thank\s+you\s+for\s+(?:signing\s+up|subscribing)!?
      | we\s+use\s+your\s+sign-up\b.{0,120}
      | already\s+(?:a\s+subscriber|registered|a\s+member)\?.{0,30}
      | (?:log|sign)\s+in\s+to\s+(?:continue|keep)\s+reading
      | become\s+a\s+(?:member|subscriber|supporter)(?:\s+today|\s+now)?
      | support\s+(?:our|independent|local)\s+journalism
      | (?:watch|read|see|view|discover)\s+more\b(?!\s+than\b).{0,60}
      | (?:read|see|watch)\s+(?:more|also|next)\s*:.{0,160}
      | watch\s*:.{1,80}
      | (?:visit|follow)\s+[\w!.' ]{1,40}\s+(?:now|on\s+\w+)
      # "Follow us on Facebook, Twitter and Instagram", "Follow BBC Yorkshire on X"
      | follow\s+(?:us|[\w!.'&]+(?:\s+[\w!.'&]+){0,3})\s+on\s+[A-Za-z ,&/+-]{1,60}\.?
      | (?:and\s+)?live\s+on\s+freeview\b.{0,30}
      | related(?:\s+(?:articles?|stories|content|links|topics))?:?
      | (?:see\s+also|you\s+(?:may|might)\s+also\s+like|top\s+stories|(?:also\s+)?read\s+next):?
      | (?:more|latest)\s+(?:from|on|in)\s+.{1,40}
      | (?:most\s+)?(?:read|popular|trending)(?:\s+(?:now|today|stories))?:?
      | comments?\s+(?:are\s+)?(?:closed|disabled)\.?
      | (?:leave\s+a\s+|show\s+|view\s+)?comments?(?:\s*\(\d+\))?:?
      | (?:join\s+the\s+(?:conversation|discussion|debate)|report\s+this\s+comment)
      # share and page tools
      | (?:share|print|email|tweet)(?:\s+(?:this|article|story|page|via\s+\w+|on\s+\w+)){0,2}:?
      | (?:copy|copied)\s+link|link\s+copied|whatsapp|facebook|twitter|linkedin|bookmark|save\s+(?:article|story)
      | (?:download\s+(?:our|the)\s+app|listen\s+to\s+this\s+(?:article|story)|\d{1,2}\s+min(?:ute)?s?\s+read)
      # captions and credits: a whole line, a parenthesised credit, or a credit after a caption sentence
      | (?:picture|photo(?:graph)?|image(?:\s+caption)?|credit|video)s?\s*:.{0,120}
      | \(\s*(?:picture|photo|image|credit)s?\s*:[^)]{1,60}\)
      | [^()]{1,160}\(\s*(?:picture|photo|image|credit)s?\s*:[^)]{1,60}\)
      | click\s+here\b.{0,60}
      # a caption's label on a line of its own, and a credit after its label: "Image source, Getty Images"
      | (?:image|media|video|picture|photo)\s+caption\s*[,:]?
      | (?:image|media|video|picture|photo)\s+(?:source|credit)s?\s*[,:].{1,60}
      | (?:skip\s+to\s+(?:main\s+)?content|back\s+to\s+top|(?:play|watch)\s+video)
      # prices of subscriptions: "From £1 a month", "Only £2.99 per month", "access from 99p a week"
      | (?:(?:only|just|from)\s+|[\w ]{0,30}\s+from\s+)?(?:[£$€]\s?\d+(?:\.\d+)?|\d+p)
        \s*(?:/|per|a)\s*(?:month|week|year|issue)\b.{0,20}
      | (?:cookie|privacy)\s+(?:policy|settings|preferences).{0,40}
      | manage\s+(?:cookie\s+)?(?:preferences|settings|consent)
      | (?:accept|reject)\s+(?:all\s+)?cookies
      | advertisement
      | [\u2022\u25aa\u25cf\u25e6*\u00b7]\s+.{1,60}
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
# A caption or alt text glued to itself by copy-paste: "Photo of XPhoto of X".
_DOUBLED_LINE = re.compile(r"^(.{8,200}?)\1\s*$")
# A name printed twice where a byline meets its photo's caption: "John SmithJohn Smith",
# "By Jane Doe Jane Doe", "Jo Lee Jo Lee, Local Democracy Reporter". Two to four capitalised
# words said twice in a row is never prose.
_DOUBLED_NAME = re.compile(
    r"^(?:[Bb]y\s+)?(?P<name>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){1,3})\s*(?P=name)(?:\s*[,|-]\s*[\w ]{1,40})?\s*$"
)


def boilerplate_lines(text: str) -> list[tuple[int, int]]:
    """Spans of whole lines that are web furniture, not article prose."""
    spans: list[tuple[int, int]] = []
    previous = ""
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        start, end = offset, offset + len(line)
        offset = end + 1
        if not stripped:
            continue
        is_repeat = stripped == previous and not stripped.endswith(("?",)) and len(stripped) < 200
        doubled = _DOUBLED_LINE.match(stripped) or _DOUBLED_NAME.match(stripped)
        if doubled or is_repeat or _BOILERPLATE_LINE.match(stripped):
            spans.append((start, end))
        # After "Photo of XPhoto of X", a line "Photo of X" is the same caption once more.
        previous = doubled.group(1).strip() if doubled else stripped
    return spans
