"""The kinds of value a claim or a text can state."""

from __future__ import annotations

from enum import Enum


class Kind(str, Enum):
    """What sort of value a claim or a stated value is."""

    DATE = "date"
    MONEY = "money"
    COUNT = "count"
    PERCENT = "percent"
    DURATION = "duration"
    RATING = "rating"
