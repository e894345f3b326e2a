"""Exceptions the library raises; the CLI maps them to one-line messages and exit codes.

Exit codes (documented in the README): 0 clean, 1 findings (new conflicts in
``reconcile check``), 2 usage, configuration or input errors.
"""

from __future__ import annotations


class ReconcileError(Exception):
    """Base class for every error reconcile reports to a user."""

    exit_code = 2


class InputError(ReconcileError):
    """A path, file or stream the user gave cannot be used (missing, unreadable, empty)."""


class ConfigError(ReconcileError):
    """A configuration file (event vocabulary, manifest, baseline) is malformed."""
