"""The command line: parses options, calls the library, picks a renderer.

Exit codes: 0 success; 1 findings that fail a check; 2 usage, configuration or input
errors (always one line on stderr, never a traceback; a bare ``reconcile`` with no command
prints the full help on stderr, also with exit 2).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import re
import sys
import time
from collections.abc import Callable
from typing import Any, TypeVar

import click

from ._io import open_output, write_output
from ._terminal import safe_json, safe_json_writer, safe_line, safe_text
from ._version import __version__
from .errors import ReconcileError
from .model import Report

F = TypeVar("F", bound=Callable[..., Any])

EPILOG = """\b
Examples:
  reconcile report seeds/                      markdown report to stdout
  reconcile report seeds/ --format json -o reports/seeds.json
  reconcile report seeds/ --format html -o report.html   one page: timelines, who said what
  reconcile report a.txt b.html --manifest sources.csv
  cat article.txt | reconcile claims -
  reconcile extract seeds/ --format jsonl             every date, number and amount
  reconcile baseline seeds -o reconcile-baseline.json
  reconcile check seeds --baseline reconcile-baseline.json   in CI: exit 1 on new conflicts
"""


REPORT_EPILOG = """\b
Examples:
  reconcile report seeds/                      markdown report to stdout
  reconcile report seeds/ --format json -o reports/seeds.json
  reconcile report a.txt b.html --manifest sources.csv
  cat article.txt | reconcile report -
  reconcile report                             the paths in reconcile.toml / [tool.reconcile]
"""


class UserError(click.ClickException):
    """A user mistake: one line on stderr, exit code 2."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        _say(f"reconcile: error: {self.format_message()}")


def _say(message: str) -> None:
    """One line on standard error, made inert (reconcile._terminal): every message the
    tool prints on stderr goes through here."""
    click.echo(safe_line(message), err=True)


def _fail(exc: Exception) -> UserError:
    return UserError(" ".join(str(exc).split()) or exc.__class__.__name__)


def input_options(func: F) -> F:
    """The options every command that reads articles shares."""
    func = click.argument("paths", nargs=-1, required=False, type=click.Path())(func)
    func = click.option("--manifest", type=click.Path(), metavar="FILE", default=None,
                        help="CSV or JSON with file, title, outlet, url, published.")(func)
    func = click.option("--events", "events_file", type=click.Path(), metavar="FILE",
                        default=None, help="TOML file adding or replacing event types.")(func)
    func = click.option("-q", "--quiet", is_flag=True, help="No progress or warnings on stderr.")(func)
    func = click.option("--config", type=click.Path(), metavar="FILE", default=None,
                        expose_value=False, callback=_remember,
                        help="Settings file [default: reconcile.toml, else [tool.reconcile] "
                             "in pyproject.toml, here or in a parent folder].")(func)
    func = click.option("--max-bytes", type=click.IntRange(min=1), default=None,
                        expose_value=False, callback=_remember, metavar="N",
                        help="Skip articles larger than N bytes (default 10,000,000).")(func)
    func = click.option("--max-files", type=click.IntRange(min=1), default=None,
                        expose_value=False, callback=_remember, metavar="N",
                        help="Refuse to read more than N article files (default 100,000).")(func)
    return func


def _config() -> Any:
    """The configuration (reconcile.config) of this run, read once: --config, else the
    file found from the current folder, else none."""
    from .config import load_config

    meta = click.get_current_context().meta
    if "reconcile.settings" not in meta:
        try:
            meta["reconcile.settings"] = load_config(meta.get("reconcile.config"))
        except ReconcileError as exc:
            raise _fail(exc) from None
    return meta["reconcile.settings"]


def _inputs(paths: tuple[str, ...], manifest: str | None, events_file: str | None
            ) -> tuple[tuple[str, ...], str | None, str | None]:
    """PATHS, --manifest and --events as given, else from the configuration."""
    cfg = _config()
    if not paths:
        if not cfg.paths:
            raise UserError("no PATHS given, and no paths in reconcile.toml or "
                            "[tool.reconcile] of pyproject.toml")
        paths = cfg.paths
    return paths, manifest or cfg.manifest, events_file or cfg.events


def _remember(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """Keep an input limit in the context, so commands need no extra parameter."""
    if value is not None:
        ctx.meta[f"reconcile.{param.name}"] = value
    return value


def jobs_option(func: F) -> F:
    """--jobs: extraction processes (reconcile.engines)."""
    return click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
                        help="Extraction processes [default: the machine's CPUs]. "
                             "Any value gives the same output.")(func)


def output_options(formats: tuple[str, ...]) -> Callable[[F], F]:
    def deco(func: F) -> F:
        func = click.option("--format", "fmt", type=click.Choice(formats), default=formats[0],
                            show_default=True, help="Output format.")(func)
        func = click.option("-o", "--output", type=click.Path(allow_dash=True), metavar="FILE",
                            default=None,
                            help="Write to FILE (atomically) instead of standard output.")(func)
        return func
    return deco


def _stdin_bytes() -> Any:
    """Standard input as bytes (``sys.stdin.buffer``; click 8.5 deprecated
    ``click.get_binary_stream``). Read only when ``-`` is among the paths."""
    return getattr(sys.stdin, "buffer", sys.stdin)  # None when there is no stdin


class ProgressLine:
    """One status line on stderr, rewritten in place ("reading 120/2,000 files"): at
    most ten times a second, at once when the phase (first word) changes.  Only for a
    terminal: :func:`progress_line` gives None otherwise, and with ``-q``."""

    INTERVAL = 0.1

    def __init__(self) -> None:
        self.last = 0.0
        self.phase = ""
        self.shown = False

    def __call__(self, message: str) -> None:
        now = time.monotonic()
        phase = message.split(" ", 1)[0]
        if phase == self.phase and now - self.last < self.INTERVAL:
            return
        self.last, self.phase, self.shown = now, phase, True
        click.echo(f"\r\033[K{safe_line(message)}", err=True, nl=False)

    def clear(self) -> None:
        if self.shown:
            click.echo("\r\033[K", err=True, nl=False)
            self.shown = False


def progress_line(quiet: bool) -> ProgressLine | None:
    """A :class:`ProgressLine` when stderr is a terminal and not ``quiet``."""
    stream = sys.stderr
    if quiet or not (hasattr(stream, "isatty") and stream.isatty()):
        return None
    return ProgressLine()


def _refuse_empty_stdin(skipped: Any) -> None:
    """``-`` with nothing on standard input is a usage error (exit 2), not a report of
    0 sources: usually a pipe whose producer failed."""
    if any(s.path == "-" and s.reason.startswith("empty") for s in skipped):
        raise UserError("no input: standard input is empty")


def _run_report(paths: tuple[str, ...], manifest: str | None, events_file: str | None,
                quiet: bool, analyser: Any = None, matcher: Any = None) -> Report:
    from .pipeline import reconcile

    paths, manifest, events_file = _inputs(paths, manifest, events_file)
    progress = progress_line(quiet)
    meta = click.get_current_context().meta
    limits = {k: meta[f"reconcile.{k}"] for k in ("max_bytes", "max_files")
              if f"reconcile.{k}" in meta}
    try:
        report = reconcile(paths, manifest=manifest, events_file=events_file,
                           stdin=_stdin_bytes(), progress=progress,
                           analyser=analyser, matcher=matcher, **limits)
    except ReconcileError as exc:
        if progress is not None:
            progress.clear()
        raise _fail(exc) from None
    _refuse_empty_stdin(report.skipped)
    _note_inputs(*(s.path for s in report.sources), *(s.path for s in report.skipped),
                 manifest, events_file)
    if progress is not None:
        progress.clear()
    if not quiet:
        for w in report.warnings:
            _say(f"reconcile: warning: {w}")
        for s in report.skipped:
            _say(f"reconcile: skipped {s.path}: {s.reason}")
    return report


def _emit(text: str | Callable[[Callable[[str], None]], None], output: str | None,
          *, json_text: bool = False) -> None:
    """Write ``text`` (or what a writer function writes) to ``output`` or stdout, made
    inert line by line (:func:`safe_text`; :func:`safe_json` for JSON, same data)."""
    if isinstance(text, str):
        text = safe_json(text) if json_text else safe_text(text)
    else:
        writer = text
        if not json_text:
            raise TypeError("only JSON is written in pieces")

        def text(put: Callable[[str], None]) -> None:
            safe_put, flush = safe_json_writer(put)
            writer(safe_put)
            flush()
    if output is None or output == "-":
        if isinstance(text, str):
            click.echo(text, nl=False)
        else:
            text(lambda piece: click.echo(piece, nl=False))
        return
    _refuse_inputs(output)
    try:
        write_output(output, text)
    except OSError as exc:
        raise UserError(f"cannot write {output}: {exc.strerror or exc}") from None


def _note_inputs(*paths: str | None) -> None:
    """Remember files this run reads (articles, baseline, manifest, event vocabulary,
    JSONL inputs): ``-o`` may name none of them."""
    ctx = click.get_current_context(silent=True)
    if ctx is not None:
        known = ctx.meta.setdefault("reconcile.inputs", [])
        known.extend(p for p in paths if p is not None and p != "-")


def _refuse_inputs(output: str) -> None:
    """A one-line refusal when ``output`` is (a link to, a hard link of) an input."""
    ctx = click.get_current_context(silent=True)
    inputs = ctx.meta.get("reconcile.inputs", []) if ctx is not None else []
    try:
        target = os.stat(output)
    except (OSError, ValueError):
        return  # nothing there yet (a dangling link is refused when writing)
    for p in inputs:
        try:
            st = os.stat(p)
        except (OSError, ValueError):
            continue
        if (st.st_dev, st.st_ino) == (target.st_dev, target.st_ino):
            raise UserError(f"refusing to write the output over an input file: {output}")


def _handle_errors(func: F) -> F:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ReconcileError as exc:
            raise _fail(exc) from None
    return wrapper  # type: ignore[return-value]


_HANDLER_PID = -1
"""The process that installed :func:`_on_sigterm` (forked children inherit it)."""


def _on_sigterm(signum: int, frame: Any) -> None:
    """SIGTERM: end the worker processes (as Ctrl-C does), remove temporary output
    files, say so in one line and exit 143 at once.  Exiting here rather than raising
    an exception means no lock of a process pool can be left held half-way."""
    from ._io import remove_pending_files

    if os.getpid() != _HANDLER_PID:  # a worker forked before it reset its handlers
        os._exit(143)
    engines = sys.modules.get("reconcile.engines")
    if engines is not None:
        engines.end_all_workers()
    remove_pending_files()
    try:
        sys.stderr.write(safe_line("reconcile: terminated") + "\n")
        sys.stderr.flush()
    finally:
        os._exit(143)


class _Group(click.Group):
    """A click group whose errors are one line on stderr with a documented exit code."""

    def main(self, args: Any = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True,
             **extra: Any) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        import signal
        import threading

        global _HANDLER_PID
        previous = None
        if threading.current_thread() is threading.main_thread():
            _HANDLER_PID = os.getpid()
            previous = signal.signal(signal.SIGTERM, _on_sigterm)
        try:
            return self._main(args, prog_name, complete_var, **extra)
        finally:
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)

    def _main(self, args: Any, prog_name: str | None, complete_var: str | None,
              **extra: Any) -> Any:
        try:
            rv = super().main(args, prog_name, complete_var, False, **extra)
        except click.exceptions.NoArgsIsHelpError as exc:
            # Bare ``reconcile``: the whole help, as written, on stderr; exit 2 as for
            # any missing argument (click's own behaviour since 8.2).
            exc.show()
            sys.exit(2)
        except click.ClickException as exc:
            _say(f"reconcile: error: {' '.join(exc.format_message().split())}")
            sys.exit(2 if isinstance(exc, click.UsageError) else exc.exit_code)
        except click.exceptions.Abort:
            _say("reconcile: aborted")
            sys.exit(130)
        except BrokenPipeError:
            sys.exit(0)
        except Exception as exc:  # a bug, not a user mistake: still one line
            if os.environ.get("RECONCILE_DEBUG"):
                raise
            _say(f"reconcile: internal error: {exc.__class__.__name__}: "
                 f"{' '.join(str(exc).split())} (set RECONCILE_DEBUG=1 for a traceback)")
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


@main.command(epilog=REPORT_EPILOG)
@input_options
@output_options(("markdown", "json", "html"))
@jobs_option
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local",
              show_default=True,
              help="Where extraction and matching run: processes on this machine, or a "
                   "Dask cluster (needs the extra reconcile-news[dask]). Same output.")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Dask scheduler to use with --engine dask, e.g. tcp://host:8786 "
                   "[default: a local cluster with --jobs workers].")
@_handle_errors
def report(paths: tuple[str, ...], manifest: str | None, events_file: str | None,
           quiet: bool, fmt: str, output: str | None, jobs: int | None, engine: str,
           scheduler: str | None) -> None:
    """Report agreements and conflicts across the articles at PATHS.

    PATHS are files or folders (searched recursively for .txt .md .markdown .html
    .htm), or - for standard input.
    """
    from .engines import open_engine
    from .pipeline import collector_paused
    from .render import render_markdown
    from .render.json_report import write_json

    with open_engine(engine, jobs=jobs, scheduler=scheduler) as eng:
        rep = _run_report(paths, manifest, events_file, quiet, analyser=eng.analyser,
                          matcher=eng.matcher)
    with collector_paused():  # rendering makes no cycles either
        if fmt == "json":  # written event by event, never held whole
            _emit(lambda write: write_json(rep, write), output, json_text=True)
        elif fmt == "html":  # one offline page: timelines, dot plots, a source x event matrix
            from .render.html_report import render_html
            _emit(render_html(rep), output)
        else:
            _emit(render_markdown(rep), output)


@main.command()
@input_options
@output_options(("table", "json"))
@jobs_option
@_handle_errors
def claims(paths: tuple[str, ...], manifest: str | None, events_file: str | None,
           quiet: bool, fmt: str, output: str | None, jobs: int | None) -> None:
    """List the claims extracted from each article, to see what was read.

    \b
    Example:
      reconcile claims seeds/000_de0c405f0610654a.txt
    """
    from .claims import claims_json, claims_table, list_claims
    from .engines import ProcessPoolAnalyser

    rep = _run_report(paths, manifest, events_file, quiet, analyser=ProcessPoolAnalyser(jobs))
    listed = list_claims(rep)
    if fmt == "json":
        _emit(claims_json(listed), output, json_text=True)
    else:
        _emit(claims_table(listed), output)


# ------------------------------------------------------------------------- extract

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _parse_anchor(value: object, where: str) -> dt.date | None:
    """A YYYY-MM-DD anchor (None stays None); anything else is a UserError naming where."""
    if value is None:
        return None
    if isinstance(value, str) and _ISO_DAY.fullmatch(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise UserError(f"{where}: anchor must be a date YYYY-MM-DD, got {json.dumps(value)[:60]}")


class _LineSink:
    """Where extract writes line by line: stdout (flushed per line, so a pipe sees each
    result at once) or ``-o`` (reconcile._io.open_output: a temporary file renamed over
    the output only on success, or a device or FIFO written through).  A write that
    fails (a full disk) is one line and exit code 2, and leaves no temporary file."""

    def __init__(self, output: str | None) -> None:
        self.output = None if output in (None, "-") else output
        self._out: Any = None
        if self.output is not None:
            _refuse_inputs(self.output)
            try:
                self._out = open_output(self.output)
            except OSError as exc:
                raise UserError(f"cannot write {self.output}: {exc.strerror or exc}") from None

    def write(self, text: str, *, json_text: bool = True) -> None:
        text = safe_json(text) if json_text else safe_text(text)
        if self._out is None:
            click.echo(text, nl=False)
            return
        try:
            self._out.write(text)
        except OSError as exc:
            raise UserError(f"cannot write {self.output}: {exc.strerror or exc}") from None

    def close(self, ok: bool) -> None:
        if self._out is None:
            return
        out, self._out = self._out, None
        if not ok:
            out.abort()
            return
        try:
            out.commit()
        except OSError as exc:
            raise UserError(f"cannot write {self.output}: {exc.strerror or exc}") from None


def _jsonl_records(paths: tuple[str, ...]) -> Any:
    """Yield ``(where, line)`` for every non-blank line of the JSONL inputs, reading
    lazily so that any number of lines streams through."""
    for path in paths:
        if path == "-":
            fh: Any = _stdin_bytes()
            label = "<stdin>"
        else:
            try:
                fh = open(path, "rb")  # noqa: SIM115 - closed below
            except OSError as exc:
                raise UserError(f"cannot read {path}: {exc.strerror or exc}") from None
            label = path
        try:
            yield from _bounded_lines(fh, label)
        finally:
            if path != "-":
                fh.close()


JSONL_MAX_LINE = 10_000_000
"""Bytes in one JSONL input line at most (as --max-bytes bounds an article); a longer
line is an error for that line, read past without being held."""


def _bounded_lines(fh: Any, label: str) -> Any:
    """``(where, line)`` for each non-blank line of ``fh``; ``(where, None)`` for a line
    longer than :data:`JSONL_MAX_LINE` bytes, whose rest is skipped in bounded pieces."""
    limit = JSONL_MAX_LINE
    lineno = 0
    while True:
        raw = fh.readline(limit + 1)
        if not raw:
            return
        lineno += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            while True:  # skip to the end of this line without holding it
                rest = fh.readline(limit)
                if not rest or rest.endswith(b"\n"):
                    break
            yield f"{label}:{lineno}", None
        elif raw.strip():
            yield f"{label}:{lineno}", raw


def _jsonl_item(where: str, raw: bytes | None, default_anchor: dt.date | None) -> tuple[Any, str,
                                                                                 dt.date | None]:
    """``(id, text, anchor)`` of one input line; a UserError naming the line otherwise
    (too long, not UTF-8, not JSON, nested too deeply, an integer of too many digits)."""
    if raw is None:
        raise UserError(f"{where}: line longer than {JSONL_MAX_LINE:,} bytes")
    try:
        obj = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise UserError(f"{where}: not UTF-8") from None
    except json.JSONDecodeError as exc:
        raise UserError(f"{where}: not JSON ({exc.msg})") from None
    except RecursionError:
        raise UserError(f"{where}: not JSON (nested too deeply)") from None
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        raise UserError(f"{where}: not JSON ({' '.join(str(exc).split())[:100]})") from None
    if not isinstance(obj, dict):
        raise UserError(f"{where}: expected an object with \"id\" and \"text\"")
    if "text" not in obj or not isinstance(obj["text"], str):
        raise UserError(f"{where}: \"text\" must be a string")
    ident = obj.get("id")
    if ident is not None and not isinstance(ident, (str, int)):
        raise UserError(f"{where}: \"id\" must be a string or an integer")
    anchor = _parse_anchor(obj["anchor"], where) if obj.get("anchor") is not None \
        else default_anchor
    return ident, obj["text"], anchor


def _extract_jsonl(paths: tuple[str, ...], anchor: dt.date | None, fmt: str,
                   output: str | None, keep_going: bool) -> None:
    from .extraction.extraction import compact_json, extract_text, table_rows
    from ._table import text_table

    sink = _LineSink(output)
    bad = 0
    ok = False
    rows: list[tuple[str, ...]] = [("id", "kind", "span", "text", "value")]
    first = True
    try:
        if fmt == "json":
            sink.write("[")
        for where, raw in _jsonl_records(paths):
            try:
                ident, text, line_anchor = _jsonl_item(where, raw, anchor)
            except UserError as exc:
                if not keep_going:
                    raise
                bad += 1
                _say(f"reconcile: error: {exc.format_message()}")
                continue
            item = extract_text(ident, text, line_anchor)
            if fmt == "table":
                rows.extend(table_rows(item))
                continue
            record = compact_json(item)
            if fmt == "json":
                sink.write(("\n" if first else ",\n") + record)
            else:
                sink.write(record + "\n")
            first = False
        if fmt == "json":
            sink.write("\n]\n" if not first else "]\n")
        elif fmt == "table":
            sink.write(text_table(rows), json_text=False)
        ok = True
    finally:
        sink.close(ok)
    if bad:
        raise UserError(f"{bad} input line{'s' if bad != 1 else ''} could not be read "
                        "(reported above)")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--anchor", type=str, default=None,
              help="Resolve relative dates against this day (YYYY-MM-DD) instead of each "
                   "article's publication date.")
@click.option("--input-format", "input_format", type=click.Choice(("text", "jsonl")),
              default="text", show_default=True,
              help='text: articles (files, folders, -). jsonl: one {"id", "text", '
                   '"anchor"?} object per line, streamed.')
@click.option("--format", "fmt", type=click.Choice(("table", "json", "jsonl")), default=None,
              help="Output format [default: table; jsonl for --input-format jsonl].")
@click.option("-o", "--output", type=click.Path(allow_dash=True), metavar="FILE", default=None,
              help="Write to FILE (atomically) instead of standard output.")
@click.option("--keep-going", is_flag=True,
              help="With --input-format jsonl: report a bad line on stderr and go on "
                   "(exit code 2 at the end) instead of stopping at it.")
@click.option("--manifest", type=click.Path(), metavar="FILE", default=None,
              help="CSV or JSON with file, title, outlet, url, published.")
@click.option("-q", "--quiet", is_flag=True, help="No progress or warnings on stderr.")
@_handle_errors
def extract(paths: tuple[str, ...], anchor: str | None, input_format: str, fmt: str | None,
            output: str | None, keep_going: bool, manifest: str | None, quiet: bool) -> None:
    """List every date, time, duration, set, number, ordinal, percent and amount.

    Each expression has its kind, exact text, span (a Python slice of the article's
    text as read) and normalized value: TIMEX3 for dates ("2021-06-14", "XXXX-04-13")
    and durations ("P3D"), {"value", "qualifier"} for numbers, {"value", "currency",
    "per"} for amounts.  Relative dates are resolved against --anchor, else the
    article's publication date (front matter, manifest, dateline).

    \b
    Examples:
      reconcile extract seeds/000_de0c405f0610654a.txt
      reconcile extract article.txt --anchor 2021-06-15 --format json
      echo '{"id": "a", "text": "Two days ago."}' | reconcile extract - --input-format jsonl
    \b
    With --input-format jsonl each output line is {"id", "expressions": [{"kind",
    "text", "span", "value"}]}; a bad input line stops with a one-line error and exit
    code 2 (the lines before it are written), or is skipped with --keep-going.
    """
    fixed = _parse_anchor(anchor, "--anchor") if anchor is not None else None
    _note_inputs(*paths, manifest)
    if input_format == "jsonl":
        if manifest is not None:
            raise UserError("--manifest applies to articles, not to --input-format jsonl")
        _extract_jsonl(paths, fixed, fmt or "jsonl", output, keep_going)
        return
    from .extraction.extraction import extract_sources, format_records

    sources, progress = _read_articles(paths, manifest, quiet)

    def note(n: int, total: int) -> None:
        if progress is not None:
            progress(f"extracting {n:,}/{total:,} articles")

    def warn(message: str) -> None:
        if progress is not None:
            progress.clear()
        _say(f"reconcile: warning: {message}")

    records = extract_sources(sources, fixed, progress=note, warn=None if quiet else warn)
    if progress is not None:
        progress.clear()
    fmt = fmt or "table"
    _emit(format_records(records, fmt), output, json_text=fmt != "table")


def _read_articles(paths: tuple[str, ...], manifest: str | None,
                   quiet: bool) -> tuple[list[Any], ProgressLine | None]:
    """Read the articles for ``extract``, saying what was skipped or doubtful on stderr,
    and return them with the progress line (None off a terminal) the caller goes on with."""
    from .read import read_sources

    progress = progress_line(quiet)
    sources, skipped, warnings = read_sources(paths, manifest=manifest,
                                              stdin=_stdin_bytes(), progress=progress)
    if progress is not None and (skipped or warnings):
        progress.clear()  # the warnings below start on a line of their own
    _refuse_empty_stdin(skipped)
    _note_inputs(*(s.path for s in sources), *(s.path for s in skipped))
    if not quiet:
        for w in warnings:
            _say(f"reconcile: warning: {w}")
        for s in skipped:
            _say(f"reconcile: skipped {s.path}: {s.reason}")
    return list(sources), progress


# ------------------------------------------------------------------ CI: baseline, check

CHECK_EPILOG = """\b
Examples:
  reconcile baseline seeds -o reconcile-baseline.json   acknowledge today's conflicts
  reconcile check seeds --baseline reconcile-baseline.json
  reconcile check seeds --format github                 annotations in GitHub Actions
  reconcile check seeds --format sarif -o reconcile.sarif
\b
Exit codes of check: 0 every conflict acknowledged; 1 new conflicts (or stale
entries with --strict); 2 usage, configuration or input error (missing or corrupt
baseline included).
"""


def cache_options(func: F) -> F:
    """--no-cache and --cache-dir, shared by the commands that analyse a corpus."""
    func = click.option("--no-cache", is_flag=True,
                        help="Analyse every source again; neither read nor write the cache.")(func)
    func = click.option("--cache-dir", type=click.Path(), metavar="DIR", default=None,
                        help="Cache folder [default: $RECONCILE_CACHE_DIR, else "
                             ".reconcile-cache]. Safe to delete.")(func)
    return func


def _caching_analyser(no_cache: bool, cache_dir: str | None, jobs: int | None) -> Any:
    """The analyser for a CI command: the cache, sending its misses to ``jobs`` processes."""
    from .engines import ProcessPoolAnalyser

    inner = ProcessPoolAnalyser(jobs)
    if no_cache:
        return inner
    from .cache import CachingAnalyser

    return CachingAnalyser(cache_dir, inner=inner)


def _cache_note(analyser: Any, quiet: bool) -> None:
    stats = getattr(analyser, "stats", None)
    if quiet or stats is None:
        return
    note = f"reconcile: cache: {stats.hits} reused, {stats.misses} analysed ({analyser.directory})"
    if stats.corrupt:
        note += f"; {stats.corrupt} corrupt entr{'ies' if stats.corrupt > 1 else 'y'} rebuilt"
    if stats.write_errors and not getattr(analyser, "writable", True):
        note += "; the cache folder is not writable, nothing more stored"
    elif stats.write_errors:
        n = stats.write_errors
        note += f"; {n} entr{'ies' if n > 1 else 'y'} could not be stored"
    _say(note)


@main.command(epilog=CHECK_EPILOG)
@input_options
@cache_options
@click.option("-o", "--output", type=click.Path(allow_dash=True), metavar="FILE", default=None,
              help="Baseline file to write (atomically), or - for standard output "
                   "[default: the configured baseline, else reconcile-baseline.json].")
@jobs_option
@_handle_errors
def baseline(paths: tuple[str, ...], manifest: str | None, events_file: str | None,
             quiet: bool, no_cache: bool, cache_dir: str | None, output: str | None,
             jobs: int | None) -> None:
    """Acknowledge the conflicts found in PATHS now: write them to a baseline file.

    One entry per conflict, with a fingerprint that does not depend on line numbers,
    file order or unrelated sources, and a description. A "note" you add to an entry
    is kept when the baseline is rewritten, as long as its conflict still exists.
    """
    from .ci.baseline import DEFAULT_BASELINE, build_baseline, load_baseline, render_baseline

    paths, manifest, events_file = _inputs(paths, manifest, events_file)
    output = output or _config().baseline or DEFAULT_BASELINE
    _note_inputs(manifest, events_file)
    if output != "-":
        _refuse_inputs(output)  # before reading it as the previous baseline
    # the previous baseline keeps its notes; a device or FIFO named by -o is not one
    previous = load_baseline(output) if output != "-" and os.path.isfile(output) else None
    analyser = _caching_analyser(no_cache, cache_dir, jobs)
    rep = _run_report(paths, manifest, events_file, quiet, analyser=analyser)
    base, dropped = build_baseline(rep, previous)
    _emit(render_baseline(base), output, json_text=True)
    _cache_note(analyser, quiet)
    if not quiet:
        for entry in dropped:
            _say(f"reconcile: warning: note dropped with its conflict {entry.fingerprint} "
                 f"(no longer found): {' '.join(entry.note.split()) if entry.note else ''}")
        if output != "-":
            n = len(base.entries)
            _say(f"reconcile: wrote {n} acknowledged conflict{'s' if n != 1 else ''} "
                 f"({len(base.sources)} sources) to {output}")


@main.command(epilog=CHECK_EPILOG)
@input_options
@cache_options
@click.option("--baseline", "baseline_file", type=click.Path(), metavar="FILE", default=None,
              help="Baseline of acknowledged conflicts [default: the configured baseline, "
                   "else reconcile-baseline.json].")
@click.option("--strict", is_flag=True,
              help="Also fail (exit 1) on stale baseline entries.")
@output_options(("text", "markdown", "github", "sarif", "json"))
@jobs_option
@_handle_errors
def check(paths: tuple[str, ...], manifest: str | None, events_file: str | None,
          quiet: bool, no_cache: bool, cache_dir: str | None, baseline_file: str | None,
          strict: bool, fmt: str, output: str | None, jobs: int | None) -> int:
    """Fail (exit 1) when PATHS hold conflicts the baseline does not acknowledge.

    Each new conflict is explained from the newcomer's side: which source, which value,
    against which sources and values, quoted. Stale baseline entries are reported and
    fail only with --strict. With --format markdown or github, the markdown summary is
    also appended to the file named by $GITHUB_STEP_SUMMARY when it is set.
    """
    from .ci.baseline import DEFAULT_BASELINE, Baseline
    from .ci.baseline import check as run_check
    from .ci.baseline import display_path, load_baseline
    from .ci.outputs import RENDERERS, render_markdown as ci_markdown

    paths, manifest, events_file = _inputs(paths, manifest, events_file)
    chosen = baseline_file or _config().baseline
    baseline_file = chosen or DEFAULT_BASELINE
    _note_inputs(baseline_file)
    if chosen is None and not os.path.exists(baseline_file):
        # nothing named, nothing at the default place: no conflict acknowledged yet
        # (a baseline that was named and is missing stays an error, exit 2)
        base = Baseline(entries=(), sources={})
        if not quiet:
            click.echo(f"reconcile: no baseline ({baseline_file}): every conflict is new; "
                       "acknowledge today's with: reconcile baseline", err=True)
    else:
        base = load_baseline(baseline_file)
    analyser = _caching_analyser(no_cache, cache_dir, jobs)
    rep = _run_report(paths, manifest, events_file, quiet, analyser=analyser)
    result = run_check(rep, base, baseline_path=display_path(baseline_file), strict=strict,
                       paths=paths)
    _emit(RENDERERS[fmt](result), output, json_text=fmt in ("sarif", "json"))
    _cache_note(analyser, quiet)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary and fmt in ("markdown", "github"):
        try:
            with open(summary, "a", encoding="utf-8") as fh:
                fh.write(safe_text(ci_markdown(result) + "\n"))
        except OSError as exc:
            _say(f"reconcile: warning: cannot append to $GITHUB_STEP_SUMMARY "
                 f"{summary}: {exc.strerror or exc}")
    return result.exit_code


if __name__ == "__main__":  # pragma: no cover
    main()
