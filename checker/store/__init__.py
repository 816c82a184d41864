"""All disk access to claims and articles: the claim loader, claim writing, article readers, safe YAML, output files."""
