"""Verdicts: per event, whether the sources agree, are compatible or conflict."""
