"""Renderers: a Report as JSON (for machines) or markdown (for people)."""

from __future__ import annotations

from .json_report import report_to_dict, render_json
from .markdown_report import render_markdown

__all__ = ["render_json", "render_markdown", "report_to_dict"]
