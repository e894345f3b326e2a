"""Extraction: the dates, numbers, places and attributions in each source, as claims."""
