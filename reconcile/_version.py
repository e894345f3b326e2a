"""The version, written once: read by pyproject.toml (setuptools ``attr``), the package,
the CLI and the renderers, without importing the package ``__init__``."""

__version__ = "0.1.0"
