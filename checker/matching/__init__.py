"""Evidence: which sentences speak of a claim, and which stated value in them belongs to it."""
