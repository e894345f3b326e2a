"""CI: the baseline of acknowledged conflicts, the check for new ones, and its outputs."""
