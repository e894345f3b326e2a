"""Renderers: a Report as JSON (for machines), markdown or HTML (for people)."""

from __future__ import annotations

from .html_report import render_html, write_html
from .json_report import render_json, report_to_dict
from .markdown_report import render_markdown

__all__ = ["render_html", "render_json", "render_markdown", "report_to_dict", "write_html"]
