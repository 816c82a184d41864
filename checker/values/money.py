"""Amounts of money stated in a text: "£41.6million", "$ 75 million", "50p", "USD 5", "five million pounds".

A number is money when a currency stands right before it (a symbol, "US$", an ISO code)
or right after it (a code, "pounds", "pence", "dollars", "euros"...). Ranges ("£2m-£3m",
"between £400 and £500"), hedges ("about £5m") and a price's period ("£15 / month") are
read around it. The value is {"amount": number, "currency": ISO 4217 code or None}.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from checker.models import Kind, StatedValue
from checker.values.numbers import SUFFIXES, Number, find_numbers, tidy_number
from checker.values.readings import Measure, read_values

if TYPE_CHECKING:
    from checker.values import Context

_S = r"[ \t\u00a0]"

# Symbols and prefixed dollars written before (or after) an amount.
_SYMBOLS = {
    "£": "GBP", "$": "USD", "€": "EUR", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB", "₺": "TRY",
    "₪": "ILS", "₫": "VND", "₦": "NGN", "₱": "PHP", "₴": "UAH", "₿": "XBT", "₡": "CRC", "₾": "GEL",
    "₭": "LAK", "元": "CNY",
}
_DOLLAR_PREFIXES = {
    "us": "USD", "u.s.": "USD", "u.s": "USD", "usd": "USD", "c": "CAD", "ca": "CAD", "can": "CAD",
    "cad": "CAD", "a": "AUD", "au": "AUD", "aud": "AUD", "nz": "NZD", "nzd": "NZD", "hk": "HKD",
    "hkd": "HKD", "s": "SGD", "sg": "SGD", "sgd": "SGD", "mex": "MXN", "mx": "MXN", "mxn": "MXN",
    "r": "BRL", "nt": "TWD",
}
# ISO 4217 codes that news writes; upper case anywhere, lower case only where the code is no
# English word ("try", "cad", "pen" and "all" are). Left out: codes that news more often
# writes as something else before a number ("COP 26", "ALL 5", "MAD 2").
_CODES = frozenset(
    "USD GBP EUR JPY CNY RMB CHF CAD AUD NZD HKD SGD INR ZAR SEK NOK DKK PLN CZK HUF RUB BRL MXN KRW "
    "ILS AED SAR QAR KWD EGP NGN KES PKR BDT LKR THB MYR IDR PHP VND TWD UAH BGN RON ARS CLP "
    "TRY MNT ISK GHS BHD OMR JOD LBP XBT BTC".split()
)
_LOWER_CODES = frozenset(
    "usd gbp eur jpy cny rmb chf aud nzd hkd sgd inr zar sek nok dkk pln czk huf rub brl mxn krw ils "
    "aed qar kwd egp ngn pkr myr uah bgn mnt btc".split()
)
_CODE_ALIASES = {"RMB": "CNY", "BTC": "XBT"}
# Currency names written after an amount, with the share of the major unit one of them is.
_NAMES: dict[str, tuple[str | None, float]] = {
    **dict.fromkeys(("pound", "pounds", "quid", "sterling"), ("GBP", 1.0)),
    **dict.fromkeys(("pence", "penny", "pennies"), ("GBP", 0.01)),
    **dict.fromkeys(("dollar", "dollars"), ("USD", 1.0)),
    **dict.fromkeys(("cent", "cents"), ("USD", 0.01)),
    **dict.fromkeys(("euro", "euros"), ("EUR", 1.0)),
    **dict.fromkeys(("yen",), ("JPY", 1.0)),
    **dict.fromkeys(("yuan", "renminbi", "kuai"), ("CNY", 1.0)),
    **dict.fromkeys(("rupee", "rupees"), ("INR", 1.0)),
    **dict.fromkeys(("rand",), ("ZAR", 1.0)),
    **dict.fromkeys(("rouble", "roubles", "ruble", "rubles"), ("RUB", 1.0)),
    **dict.fromkeys(("lira", "liras"), ("TRY", 1.0)),
    **dict.fromkeys(("shekel", "shekels"), ("ILS", 1.0)),
    **dict.fromkeys(("ringgit", "ringgits"), ("MYR", 1.0)),
    **dict.fromkeys(("baht",), ("THB", 1.0)),
    **dict.fromkeys(("zloty", "zlotys", "zlotych"), ("PLN", 1.0)),
    **dict.fromkeys(("forint", "forints"), ("HUF", 1.0)),
    **dict.fromkeys(("naira",), ("NGN", 1.0)),
    **dict.fromkeys(("bitcoin", "bitcoins"), ("XBT", 1.0)),
    **dict.fromkeys(("pesetas", "peseta"), ("ESP", 1.0)),
    **dict.fromkeys(("markka", "markkaa"), ("FIM", 1.0)),
    **dict.fromkeys(("guilder", "guilders"), ("NLG", 1.0)),
    **dict.fromkeys(("deutschmark", "deutschmarks"), ("DEM", 1.0)),
    **dict.fromkeys(("tugrik", "tugriks"), ("MNT", 1.0)),
    **dict.fromkeys(("franc", "francs", "peso", "pesos", "dinar", "dinars", "riyal", "riyals", "rial",
                     "rials", "shilling", "shillings", "krona", "kronor", "krone", "kroner", "bucks"),
                    (None, 1.0)),
}
# A country or people before a currency name says whose it is: "Australian dollars".
_QUALIFIED: dict[str, str] = {
    "us dollar": "USD", "u.s. dollar": "USD", "american dollar": "USD", "australian dollar": "AUD",
    "canadian dollar": "CAD", "hong kong dollar": "HKD", "new zealand dollar": "NZD",
    "singapore dollar": "SGD", "taiwan dollar": "TWD", "new taiwan dollar": "TWD", "swiss franc": "CHF",
    "french franc": "FRF", "belgian franc": "BEF", "egyptian pound": "EGP", "lebanese pound": "LBP",
    "chinese yuan": "CNY", "japanese yen": "JPY", "indian rupee": "INR", "pakistani rupee": "PKR",
    "sri lankan rupee": "LKR", "south african rand": "ZAR", "turkish lira": "TRY",
    "mexican peso": "MXN", "argentine peso": "ARS", "philippine peso": "PHP", "russian rouble": "RUB",
    "russian ruble": "RUB", "finnish markka": "FIM", "dutch guilder": "NLG", "malaysian ringgit": "MYR",
    "malaysia ringgit": "MYR", "qatari riyal": "QAR", "saudi riyal": "SAR", "kuwaiti dinar": "KWD",
    "south korean won": "KRW", "korean won": "KRW", "swedish krona": "SEK", "swedish kronor": "SEK",
    "norwegian krone": "NOK", "norwegian kroner": "NOK", "danish krone": "DKK", "danish kroner": "DKK",
    "polish zloty": "PLN", "israeli shekel": "ILS", "nigerian naira": "NGN", "kenyan shilling": "KES",
    "brazilian real": "BRL", "brazilian reais": "BRL", "deutsche mark": "DEM", "euro cent": "EUR",
}
_QUALIFIED_CENTS = {"euro cent": 0.01}

_SYMBOL_CLASS = "".join(re.escape(s) for s in _SYMBOLS)
_DOLLAR_PREFIX_WORDS = "|".join(re.escape(p) for p in sorted(_DOLLAR_PREFIXES, key=len, reverse=True))
# A currency right before an amount, allowing one space: "£", "US$", "c $", "USD ", "Rs.", "RM".
_BEFORE_RE = re.compile(
    rf"(?:(?<![\w.])(?P<dp>(?i:{_DOLLAR_PREFIX_WORDS})){_S}?\$|(?P<sym>[{_SYMBOL_CLASS}])"
    rf"|(?<![\w])(?P<code>[A-Za-z]{{3}})|(?<![\w])(?P<rs>Rs\.?|RM|INR|Rp))({_S}?)$",
)
_NAME_WORDS = "|".join(sorted({*_NAMES, *(q + "s" for q in _QUALIFIED), *_QUALIFIED}, key=len, reverse=True))
# A currency right after an amount (and any scale word after a code: "75 USD million").
_AFTER_RE = re.compile(
    rf"(?:(?P<sym>{_S}?[{_SYMBOL_CLASS}¢](?:ur\b)?)|(?:{_S}+|[-\u2010\u2011])"
    rf"(?P<name>{_NAME_WORDS.replace(' ', _S + '+')})\b|{_S}?(?P<code>M?[A-Za-z]{{3}}|RM|Rs)\b)",
    re.IGNORECASE,
)
_SCALE_AFTER_RE = re.compile(rf"{_S}+(million|billion|thousand|trillion|bn|mn)\b", re.IGNORECASE)
_AMOUNT_BEFORE_RE = re.compile(rf"\d{_S}*$")
_DIGIT_NEXT_RE = re.compile(rf"{_S}?\.?\d")
# The minor unit after a major one: "3 dollars 50 cents", "$20 and 43c", "3 GBP 1 pence".
_CLAUSE_END_RE = re.compile(rf"{_S}*(?:[.,;!?]|$)")
_MINOR_RE = re.compile(rf"{_S}*(?:and{_S}+)?", re.IGNORECASE)
_MINOR_NAME_RE = re.compile(rf"{_S}*(cents?|pence|penny|sen|kopiykas)\b", re.IGNORECASE)
# What a price is per: "£15 / month", "£8.50 an hour", "$98 a share", "£47m a year"; but not
# "£5m a year ago", where "a year ago" is a date.
_PER_RE = re.compile(
    rf"{_S}*(?:/|per\b|an?\b|each\b|-{_S}*an?{_S}*-){_S}*(month|year|annum|week|day|night|hour|share|head|"
    r"person|pupil|child|household|tonne|ton|barrel|ounce|litre|gallon|kilo|kg|seat|ticket|unit|"
    rf"visit|item)\b(?!{_S}+(?:ago|earlier|later|before|after|on|from)\b)",
    re.IGNORECASE,
)
_PER_UNIT = {"annum": "year"}


def find_money(text: str, context: Context) -> list[StatedValue]:
    """Amounts of money, single or as ranges, with their hedges and any period they are per."""
    numbers = find_numbers(text)
    if not numbers:
        return []
    following = {n.start: numbers[k + 1] for k, n in enumerate(numbers[:-1])}

    def measure(n: Number) -> Measure | None:
        return _measure_money(text, n, following.get(n.start))

    def borrow(n: Number, other: Measure) -> Measure | None:
        if n.glue or n.code:
            return None
        value = {"amount": tidy_number(n.value), "currency": other.value["currency"]}
        return Measure(n.start, n.end, value, n.value, n)

    found: list[StatedValue] = []
    for reading in read_values(text, measure, borrow):
        end = reading.end
        unit = None
        per = _PER_RE.match(text, end)
        if per:
            unit = _PER_UNIT.get(per.group(1).lower(), per.group(1).lower())
            end = per.end()
        found.append(StatedValue(
            kind=Kind.MONEY, value=reading.value, text=text[reading.start:end], start=reading.start, end=end,
            qualifier=reading.qualifier, role=reading.role, unit=unit,
        ))
    return found


def _measure_money(text: str, n: Number, following: Number | None) -> Measure | None:
    """The amount a number states when a currency stands before it, after it, or stuck to it."""
    if n.code:
        return None
    start, end, amount = n.start, n.end, n.value
    found = False
    currency: str | None = None
    before = _currency_before(text, n.start)
    if before is not None:
        found = True
        currency, start = before
    if n.glue:
        glued = _glued_currency(text, n)
        if glued is None or found:
            return None
        currency, share = glued
        amount *= share
        end = n.end + len(n.glue)
        found = True
    after = _currency_after(text, end)
    if after is not None:
        after_currency, after_end, share = after
        if not found:
            found = True
            currency, amount, end = after_currency, amount * share, after_end
            scale = _SCALE_AFTER_RE.match(text, end) if n.scale == 1 else None
            if scale:
                amount *= SUFFIXES[scale.group(1).lower()]  # "75 USD million"
                end = scale.end()
        elif after_currency == currency and share == 1.0:
            end = after_end  # "$ 10 dollars"
    if not found:
        return None
    if following is not None and currency is not None and n.scale == 1:
        end, amount = _minor_part(text, end, following, amount, named=after is not None and before is None)
    value = {"amount": tidy_number(amount), "currency": currency}
    return Measure(start, end, value, amount, n)


def _currency_before(text: str, start: int) -> tuple[str | None, int] | None:
    """The currency written right before an amount, and where it starts."""
    m = _BEFORE_RE.search(text, max(0, start - 8), start)
    if m is None:
        return None
    prefix = m.group("dp")
    if prefix is not None:
        low = prefix.lower()
        if len(low) == 1 and low != "c" and not (prefix.isupper() and text[m.end("dp")] == "$"):
            return "USD", text.rindex("$", m.start(), start)  # "a $5m deal": the article, not Australia
        return _DOLLAR_PREFIXES[low], m.start()
    if m.group("sym") is not None:
        return _SYMBOLS[m.group("sym")], m.start()
    if m.group("code") is not None:
        code = _code(m.group("code"))
        if code is None or _AMOUNT_BEFORE_RE.search(text, max(0, m.start() - 4), m.start()):
            return None  # "10 rmb 20 usd": the code is the earlier amount's
        return code, m.start()
    rs = m.group("rs")
    return {"RM": "MYR", "Rp": "IDR"}.get(rs, "INR"), m.start()


def _code(word: str) -> str | None:
    if word.isupper() and word in _CODES:
        return _CODE_ALIASES.get(word, word)
    if word.islower() and word in _LOWER_CODES:
        upper = word.upper()
        return _CODE_ALIASES.get(upper, upper)
    return None


def _glued_currency(text: str, n: Number) -> tuple[str, float] | None:
    """A currency stuck to the digits: "50p", "43c", "115USD"."""
    written = text[n.end:n.end + len(n.glue)]
    if written in _SYMBOLS:
        return _SYMBOLS[written], 1.0
    if written in {"p", "c"}:
        return ("GBP", 0.01) if written == "p" else ("USD", 0.01)  # upper-case "5C" is Celsius
    code = _code(written if written.islower() else written.upper())
    return (code, 1.0) if code is not None else None


def _currency_after(text: str, end: int) -> tuple[str | None, int, float] | None:
    """The currency written right after an amount, where it ends, and the share of a major unit it is."""
    m = _AFTER_RE.match(text, end)
    if m is None:
        return None
    if m.group("sym"):
        if _DIGIT_NEXT_RE.match(text, m.end()):
            return None  # "in 2019 $5m was spent": the symbol belongs to the next amount
        symbol = m.group("sym").strip()[0]
        return ("USD", m.end(), 0.01) if symbol == "¢" else (_SYMBOLS[symbol], m.end(), 1.0)
    if m.group("code"):
        word = m.group("code")
        if word in {"RM", "Rs"}:
            return ("MYR" if word == "RM" else "INR"), m.end(), 1.0
        if len(word) == 4:
            # "30 MUSD", "120 MEUR": millions, as Nordic and German finance writes them
            code = _code(word[1:]) if word[0] == "M" and word[1:].isupper() else None
            return (code, m.end(), 1_000_000.0) if code is not None else None
        code = _code(word)
        return (code, m.end(), 1.0) if code is not None else None
    name = " ".join(m.group("name").lower().split())
    if name in _NAMES:
        currency, share = _NAMES[name]
        return currency, m.end(), share
    key = name[:-1] if name.endswith("s") and name[:-1] in _QUALIFIED else name
    return _QUALIFIED[key], m.end(), _QUALIFIED_CENTS.get(key, 1.0)


def _minor_part(text: str, end: int, nxt: Number, amount: float, named: bool) -> tuple[int, float]:
    """The cents of "3 dollars 50 cents" or "$20 and 43c" added: the new end and amount.

    A bare number ends a sum only at the end of a clause, and with "and" only after a named
    currency ("15 dollars and 50."), never in "between £5 and 10".
    """
    gap = _MINOR_RE.match(text, end)
    if gap is None or gap.end() != nxt.start or not 0 < nxt.value < 100 or nxt.value != int(nxt.value):
        return end, amount
    if nxt.glue in {"c", "p"}:
        return nxt.end + len(nxt.glue), amount + nxt.value / 100
    minor = _MINOR_NAME_RE.match(text, nxt.end)
    if minor:
        return minor.end(), amount + nxt.value / 100
    anded = gap.end() - end > 0 and "and" in text[end:gap.end()].lower()
    if amount == int(amount) and _CLAUSE_END_RE.match(text, nxt.end) and not nxt.fraction and (named or not anded):
        return nxt.end, amount + nxt.value / 100  # "it costs 15 dollars 50."
    return end, amount
