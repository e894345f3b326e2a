"""The command line: parses options, calls the library, picks a renderer.

Exit codes: 0 success; 1 findings that fail a check; 2 usage, configuration or input
errors (always one line on stderr, never a traceback).
"""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from . import __version__
from ._io import write_atomic
from .errors import ReconcileError
from .model import Report

F = TypeVar("F", bound=Callable[..., Any])

EPILOG = """\b
Examples:
  reconcile report seeds/                      markdown report to stdout
  reconcile report seeds/ --format json -o reports/seeds.json
  reconcile report a.txt b.html --manifest sources.csv
  cat article.txt | reconcile claims -
"""


class UserError(click.ClickException):
    """A user mistake: one line on stderr, exit code 2."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        click.echo(f"reconcile: error: {self.format_message()}", err=True)


def _fail(exc: Exception) -> UserError:
    return UserError(" ".join(str(exc).split()) or exc.__class__.__name__)


def input_options(func: F) -> F:
    """The options every command that reads articles shares."""
    func = click.argument("paths", nargs=-1, required=True, type=str)(func)
    func = click.option("--manifest", type=str, default=None,
                        help="CSV or JSON with file, title, outlet, url, published.")(func)
    func = click.option("--events", "events_file", type=str, default=None,
                        help="TOML file adding or replacing event types.")(func)
    func = click.option("-q", "--quiet", is_flag=True, help="No progress or warnings on stderr.")(func)
    return func


def output_options(formats: tuple[str, ...]) -> Callable[[F], F]:
    def deco(func: F) -> F:
        func = click.option("--format", "fmt", type=click.Choice(formats), default=formats[0],
                            show_default=True, help="Output format.")(func)
        func = click.option("-o", "--output", type=str, default=None,
                            help="Write to FILE (atomically) instead of standard output.")(func)
        return func
    return deco


def _run_report(paths: tuple[str, ...], manifest: str | None, events_file: str | None,
                quiet: bool) -> Report:
    from .pipeline import reconcile

    progress = None
    if not quiet and sys.stderr.isatty():
        def progress(msg: str) -> None:
            click.echo(f"\r\033[K{msg}", err=True, nl=False)
    try:
        report = reconcile(paths, manifest=manifest, events_file=events_file,
                           stdin=click.get_binary_stream("stdin"), progress=progress)
    except ReconcileError as exc:
        raise _fail(exc) from None
    if progress is not None:
        click.echo("\r\033[K", err=True, nl=False)
    if not quiet:
        for w in report.warnings:
            click.echo(f"reconcile: warning: {w}", err=True)
        for s in report.skipped:
            click.echo(f"reconcile: skipped {s.path}: {s.reason}", err=True)
    return report


def _emit(text: str, output: str | None) -> None:
    if output is None or output == "-":
        click.echo(text, nl=False)
        return
    try:
        write_atomic(output, text)
    except OSError as exc:
        raise UserError(f"cannot write {output}: {exc.strerror or exc}") from None


def _handle_errors(func: F) -> F:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ReconcileError as exc:
            raise _fail(exc) from None
    return wrapper  # type: ignore[return-value]


class _Group(click.Group):
    """A click group whose errors are one line on stderr with a documented exit code."""

    def main(self, args: Any = None, prog_name: str | None = None,  # type: ignore[override]
             complete_var: str | None = None, standalone_mode: bool = True,
             **extra: Any) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        try:
            rv = super().main(args, prog_name, complete_var, False, **extra)
        except click.ClickException as exc:
            click.echo(f"reconcile: error: {' '.join(exc.format_message().split())}", err=True)
            sys.exit(2 if isinstance(exc, click.UsageError) else exc.exit_code)
        except click.exceptions.Abort:
            click.echo("reconcile: aborted", err=True)
            sys.exit(130)
        except BrokenPipeError:
            sys.exit(0)
        except Exception as exc:  # a bug, not a user mistake: still one line
            if os.environ.get("RECONCILE_DEBUG"):
                raise
            click.echo(f"reconcile: internal error: {exc.__class__.__name__}: {exc} "
                       "(set RECONCILE_DEBUG=1 for a traceback)", err=True)
            sys.exit(3)
        sys.exit(rv if isinstance(rv, int) else 0)


@click.group(cls=_Group, epilog=EPILOG,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="reconcile")
def main() -> None:
    """Reconcile what several news articles say about one story.

    Reads articles (text, markdown, HTML), extracts dated claims (what happened, to
    whom, how many, how much, where, when, who said so), matches claims that describe
    the same event across sources, and reports agreements and conflicts.
    """


@main.command(epilog=EPILOG)
@input_options
@output_options(("markdown", "json"))
@_handle_errors
def report(paths: tuple[str, ...], manifest: str | None, events_file: str | None,
           quiet: bool, fmt: str, output: str | None) -> None:
    """Report agreements and conflicts across the articles at PATHS.

    PATHS are files or folders (searched recursively for .txt .md .markdown .html
    .htm), or - for standard input.
    """
    from .render import render_json, render_markdown

    rep = _run_report(paths, manifest, events_file, quiet)
    _emit(render_json(rep) if fmt == "json" else render_markdown(rep), output)


@main.command()
@input_options
@output_options(("table", "json"))
@_handle_errors
def claims(paths: tuple[str, ...], manifest: str | None, events_file: str | None,
           quiet: bool, fmt: str, output: str | None) -> None:
    """List the claims extracted from each article, to see what was read.

    \b
    Example:
      reconcile claims seeds/000_de0c405f0610654a.txt
    """
    from .render.json_report import _claim

    rep = _run_report(paths, manifest, events_file, quiet)
    all_claims = sorted((c for e in rep.events for c in e.claims), key=lambda c: int(c.id[1:]))
    mention_type = {m.id: m.type for e in rep.events for m in e.mentions}
    event_of = {c.id: e.id for e in rep.events for c in e.claims}
    if fmt == "json":
        data = [dict(_claim(c), type=mention_type[c.mention], event=event_of[c.id])
                for c in all_claims]
        _emit(json.dumps(data, ensure_ascii=False, indent=2) + "\n", output)
        return
    paths_by_id = {s.id: s.path for s in rep.sources}
    rows = [("claim", "source", "event", "type", "attribute", "value", "text", "said by")]
    for c in all_claims:
        from .render.markdown_report import _value
        rows.append((c.id, paths_by_id[c.source], event_of[c.id], mention_type[c.mention],
                     c.attribute + (f" [{c.measure}]" if c.measure else ""),
                     _plain(_value(c.value)), " ".join(c.text.split()), c.attribution or "-"))
    _emit(_table(rows), output)


def _plain(text: str) -> str:
    return (text.replace("\\", "").replace("&#64;", "@").replace("&amp;", "&")
            .replace("&lt;", "<").replace("&gt;", ">").replace("&#35;", "#")
            .replace("&#36;", "$").replace("&#96;", "`"))


def _table(rows: list[tuple[str, ...]]) -> str:
    widths = [min(40, max(len(r[i]) for r in rows)) for i in range(len(rows[0]))]
    lines = []
    for r in rows:
        cells = [(v if len(v) <= w else v[: w - 1] + "…").ljust(w) for v, w in zip(r, widths)]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover
    main()
