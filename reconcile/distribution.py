"""What the installed distribution says about itself: its repository on GitHub, read from
``[project.urls]`` in the package metadata, so that no address is written in code.

None when the metadata names no GitHub repository (or the package runs from a checkout
without being installed): links built from it are then left out, never guessed."""

from __future__ import annotations

import functools
import importlib.metadata
import re

DISTRIBUTION = "reconcile-news"
"""The distribution's name on the package index (the import name is ``reconcile``)."""

_GITHUB_REPO = re.compile(r"https://github\.com/[A-Za-z0-9-]+/[A-Za-z0-9._-]+")


def github_repository(project_urls: list[str]) -> str | None:
    """The first ``https://github.com/OWNER/REPO`` among ``Project-URL`` entries
    (``"Label, URL"``), without a trailing path, ``.git`` or slash; None without one."""
    for entry in project_urls:
        _, _, url = entry.partition(",")
        m = _GITHUB_REPO.match(url.strip())
        if m is not None:
            return m.group().removesuffix(".git")
    return None


@functools.cache
def repository_url() -> str | None:
    """The installed distribution's GitHub repository (see :func:`github_repository`)."""
    try:
        meta = importlib.metadata.metadata(DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        return None
    return github_repository(meta.get_all("Project-URL") or [])
