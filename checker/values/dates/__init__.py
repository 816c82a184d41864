"""Dates stated in prose: full, partial and year-less dates, years, ranges, and dates relative to publication.

`find_dates(text, context)` returns every date it reads in `text`, normalised as CONTRACT.md says:
"YYYY", "YYYY-MM" or "YYYY-MM-DD", as precise as the text, and ranges as {"min", "max"}. The grammar
is our own because dateparser and datefinder read junk ("we" as Wednesday, "£41" as 2041) and lose
offsets and precision (../shared/LIBRARIES.md).

How the text is read (British news prose first):

- Numeric dates are day first: "01/10/2014" is 1 October 2014. Month first only where day first is
  impossible ("10/25/2018"). Two-digit years 00-49 are 20xx, 50-99 are 19xx.
- A date without a year ("on 1 September", "in April", "this February") takes the publication year;
  one naming a weekday that does not fit that year but fits the year before or after takes that year.
  Without a publication date, year-less and relative dates are left out.
- "last April" is the latest April before the publication month, "next April" the first after it.
  "last Monday" and "next Monday" are the Mondays of the weeks before and after publication's (weeks
  start on Monday); "this Monday" is the first on or after publication. A weekday alone ("on Tuesday")
  is the latest one before publication when its sentence speaks of the past (was, said, had...), else
  the first one after it; "this coming Thursday" the first one after it.
- Weeks run Monday to Sunday: "last week" is the week before publication's, "the week of 10 April"
  the week holding that day, "the first week of March" the week holding March's first Thursday (as
  ISO 8601 counts a year's weeks), "the last week of June" the one holding its last Thursday.
- Holidays whose day follows from the year are dates: fixed ones ("by Christmas", "Boxing Day"),
  Easter's ("Good Friday"), nth weekdays ("Thanksgiving"); a name alone needs a capital, and a
  following noun makes it no date ("a Christmas tree").
- "two years ago" counts back from publication, as precise as its unit (years give a year, months a
  month, weeks and days a day). "a year later", "the following year" and "that year" count from the
  date stated just before in the text (from publication when there is none), no more precise than it.
- A bare year (1900-2100) is a date only where prose uses it as one: after a word such as in, since,
  by, until, during, early or mid; beside a month; as an adjective ("the 2015 inspection"); in a list
  or range with such a year. "2000 staff", "£41", "channel 276" and "60,000 articles" are not dates.
- "May" and "March" are months only when capitalised (or the text has no capitals at all) and beside a
  day or year or after a word such as in, by, since, of, last, early. Month abbreviations need a day or
  a year beside them, or such a word before them.
- Spans cover the date expression proper. A qualifier word before it goes in `qualifier` and stays
  out of the span. One qualifier per date: a bound (by, before, after, until, since, from, around)
  wins over a position (early, mid, late, start, end, spring, summer, autumn, winter), so "by the end
  of March 2018" is "2018-03" with "by", and "the end of March 2018" has "end". A leading "the" stays
  out too ("1st of May" in "the 1st of May"). Range constructions keep their words ("between 2014 and
  2017"); relative phrases are whole ("last year", "two years ago", "a year later").
- Times of day are not dates: "13th April 2022, 5:17 pm" gives the day alone. Periods counted from
  now ("the next three years", "the past two months") are left to durations.
"""

from __future__ import annotations

from checker.values.dates.finder import find_dates

__all__ = ["find_dates"]
