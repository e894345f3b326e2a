"""A headless Chromium driven over the DevTools protocol, with the standard library only
(shared by tests/test_html.py and benchmarks/html.py).

Chromium is started with ``--remote-debugging-pipe``: it reads protocol commands from
file descriptor 3 and writes replies and events to descriptor 4, one JSON message per
NUL-terminated record, so no port, websocket or third-party client is needed.  A page
is loaded in a fresh tab and everything that could show a broken or leaky report is
recorded: console errors, uncaught exceptions, log entries (Content-Security-Policy
violations among them) and every network request.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Self

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--no-default-browser-check", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-extensions",
         "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
         "--disable-dev-shm-usage",
         "--remote-debugging-pipe")

# Moves the two pipe ends to fds 3 and 4 and becomes Chromium (a shell's redirections
# only reach fd 9, and preexec_fn is unsafe once threads exist).
_TRAMPOLINE = ("import os, sys\n"
               "os.dup2(int(sys.argv[1]), 3); os.dup2(int(sys.argv[2]), 4)\n"
               "os.close(int(sys.argv[1])); os.close(int(sys.argv[2]))\n"
               "os.execvp(sys.argv[3], sys.argv[3:])\n")


def chromium_path() -> str | None:
    """The Chromium executable ($CHROMIUM, else ``chromium`` on PATH), or None."""
    return os.environ.get("CHROMIUM") or shutil.which("chromium")


class BrowserError(RuntimeError):
    """The browser did not answer, or answered a command with an error."""


@dataclass
class Page:
    """What loading one page produced."""

    url: str
    errors: list[str] = field(default_factory=list)
    """Console errors, uncaught exceptions and error-level log entries."""
    requests: list[str] = field(default_factory=list)
    """URLs of every request the page made, the page itself included."""
    load_ms: float = 0.0
    """From the start of navigation to the load event (the page's own clock)."""
    render_ms: float = 0.0
    """From the start of navigation to the first frame drawn after the load event."""
    session: str = ""
    target: str = ""


class Browser:
    """One Chromium process; use as a context manager."""

    def __init__(self, executable: str | None = None, width: int = 1000,
                 height: int = 900, timeout: float = 60.0, scripts: bool = True) -> None:
        exe = executable or chromium_path()
        if exe is None:
            raise BrowserError("chromium not found")
        self.timeout = timeout
        self.scripts = scripts
        self.width, self.height = width, height
        self.profile = tempfile.mkdtemp(prefix="reconcile-chromium-")
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        # the child gets the pipe ends as fds 3 and 4; duplicates at 10 or above first,
        # so that moving one cannot clobber the other
        r3 = fcntl.fcntl(to_child_r, fcntl.F_DUPFD, 10)
        w4 = fcntl.fcntl(from_child_w, fcntl.F_DUPFD, 10)
        os.close(to_child_r)
        os.close(from_child_w)
        self.proc = subprocess.Popen(
            [sys.executable, "-c", _TRAMPOLINE, str(r3), str(w4), exe, *FLAGS,
             f"--user-data-dir={self.profile}", f"--window-size={width},{height}",
             "about:blank"],
            pass_fds=(r3, w4), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)
        os.close(r3)
        os.close(w4)
        self._out = to_child_w
        self._in = from_child_r
        self._buf = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []

    # ------------------------------------------------------------- protocol

    def _read_message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BrowserError("no answer from chromium in time")
            ready, _, _ = select.select([self._in], [], [], left)
            if ready:
                chunk = os.read(self._in, 1 << 20)
                if not chunk:
                    raise BrowserError("chromium closed the DevTools pipe")
                self._buf += chunk
        raw, self._buf = self._buf.split(b"\0", 1)
        return json.loads(raw)  # type: ignore[no-any-return]

    def send(self, method: str, params: dict[str, Any] | None = None,
             session: str | None = None) -> dict[str, Any]:
        """Run one protocol command and return its result; events that arrive meanwhile
        are kept in :attr:`events`."""
        self._next_id += 1
        msg: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self._out, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})  # type: ignore[no-any-return]
            if "method" in reply:
                self.events.append(reply)

    def wait_for(self, method: str, session: str) -> dict[str, Any]:
        """The first event ``method`` of ``session`` (already received, or next)."""
        deadline = time.monotonic() + self.timeout
        while True:
            for i, ev in enumerate(self.events):
                if ev.get("method") == method and ev.get("sessionId") == session:
                    return self.events.pop(i)
            msg = self._read_message(deadline)
            if "method" in msg:
                self.events.append(msg)

    # ------------------------------------------------------------------ pages

    def load(self, path: str | Path) -> Page:
        """Open ``path`` (a file) in a new tab and wait until its first frame after
        the load event is drawn."""
        url = Path(path).resolve().as_uri()
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget",
                            {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable", session=session)
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": self.width, "height": self.height, "deviceScaleFactor": 1,
                   "mobile": False}, session=session)
        if not self.scripts:  # the page's own scripts; evaluate() still works
            self.send("Emulation.setScriptExecutionDisabled", {"value": True},
                      session=session)
        self.events = [e for e in self.events if e.get("sessionId") != session]
        self.send("Page.navigate", {"url": url}, session=session)
        self.wait_for("Page.loadEventFired", session)
        load_end = "performance.getEntriesByType('navigation')[0].loadEventEnd"
        if self.scripts:
            timing = self.evaluate(
                "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => "
                f"done([{load_end}, performance.now()]))))", session)
        else:  # no animation frame callbacks without scripts: no render time either
            timing = self.evaluate(f"[{load_end}, 0]", session)
        page = Page(url=url, session=session, target=target, load_ms=timing[0],
                    render_ms=timing[1])
        self.collect(page)
        return page

    def collect(self, page: Page) -> None:
        """Move the events received for ``page`` into its errors and requests."""
        keep = []
        for ev in self.events:
            if ev.get("sessionId") != page.session:
                keep.append(ev)
                continue
            method, p = ev["method"], ev.get("params", {})
            if method == "Network.requestWillBeSent":
                page.requests.append(p["request"]["url"])
            elif method == "Runtime.exceptionThrown":
                d = p.get("exceptionDetails", {})
                page.errors.append(f"exception: {d.get('text')} "
                                   f"{d.get('exception', {}).get('description', '')}")
            elif method == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                page.errors.append("console: " + " ".join(
                    str(a.get("value", a.get("description", ""))) for a in p.get("args", [])))
            elif method == "Log.entryAdded" and p["entry"].get("level") == "error":
                page.errors.append(f"log ({p['entry'].get('source')}): {p['entry'].get('text')}")
        self.events = keep

    def evaluate(self, expression: str, session: str) -> Any:
        """The value of a JavaScript expression in the page (promises awaited)."""
        result = self.send("Runtime.evaluate", {"expression": expression, "awaitPromise": True,
                                                "returnByValue": True}, session=session)
        if "exceptionDetails" in result:
            raise BrowserError(f"evaluate failed: {result['exceptionDetails'].get('text')}")
        return result["result"].get("value")

    def press_tab(self, page: Page) -> None:
        """Press and release the Tab key in the page."""
        for kind in ("rawKeyDown", "keyUp"):
            self.send("Input.dispatchKeyEvent",
                      {"type": kind, "key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9,
                       "nativeVirtualKeyCode": 9}, session=page.session)

    def dom(self, page: Page) -> str:
        """The rendered document's HTML."""
        return str(self.evaluate("document.documentElement.outerHTML", page.session))

    def screenshot(self, page: Page, out: str | Path, height: int | None = None) -> None:
        """A PNG of the top of the page (``height`` pixels, default the window's)."""
        height = height or self.height
        # a window as tall as the picture: content-visibility leaves off-screen parts
        # unpainted, which a capture beyond the viewport would show blank
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": self.width, "height": height, "deviceScaleFactor": 1,
                   "mobile": False}, session=page.session)
        self.evaluate("new Promise(done => requestAnimationFrame(() => "
                      "requestAnimationFrame(done)))", page.session)
        clip = {"x": 0, "y": 0, "width": self.width, "height": height, "scale": 1}
        data = self.send("Page.captureScreenshot", {"format": "png", "clip": clip},
                         session=page.session)["data"]
        Path(out).write_bytes(base64.b64decode(data))

    def close_page(self, page: Page) -> None:
        self.collect(page)
        self.send("Target.closeTarget", {"targetId": page.target})

    # -------------------------------------------------------------- lifetime

    def close(self) -> None:
        try:
            self.send("Browser.close")
        except (BrowserError, OSError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for fd in (self._out, self._in):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
