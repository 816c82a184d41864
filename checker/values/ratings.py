"""Ratings (temporary stub while dates are built)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.models import StatedValue

if TYPE_CHECKING:
    from checker.values import Context


@dataclass(frozen=True)
class Scale:
    name: str
    labels: tuple[str, ...]

    def label_of(self, text: str) -> str | None:
        return text.lower() if text.lower() in self.labels else None


def builtin_scales() -> dict[str, Scale]:
    return {"ofsted": Scale("ofsted", ("outstanding", "good", "requires improvement", "inadequate"))}


def find_ratings(text: str, context: Context) -> list[StatedValue]:
    return []
