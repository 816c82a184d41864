"""What a check asks someone to act on: conflicts new or accepted by the baseline, stale entries, a change's scope."""
