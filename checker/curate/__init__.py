"""Curating claims: drafting from a sentence, suggesting uncovered values, linting, previewing."""
