"""Matching: which mentions tell one event across sources, and which are wire copies."""
