"""Evidence: which sentences speak of a claim, and which stated value in them belongs to it."""

from __future__ import annotations

from checker.matching.analysis import ArticleAnalysis, analyse_article
from checker.matching.decision import Decision
from checker.matching.evidence import Explanation, Match, Matcher
from checker.matching.statement import Statement
from checker.matching.vocabulary import Vocabulary

__all__ = ["ArticleAnalysis", "Decision", "Explanation", "Match", "Matcher", "Statement", "Vocabulary",
           "analyse_article"]
