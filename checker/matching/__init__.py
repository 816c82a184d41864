"""Evidence: which sentences speak of a claim, and which stated value in them belongs to it."""

from __future__ import annotations

from checker.matching.evidence import AnalysedArticle, Match, Matcher, analyse_article

__all__ = ["AnalysedArticle", "Match", "Matcher", "analyse_article"]
