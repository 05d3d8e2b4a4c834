"""`calendar-tui serve`: the app in a browser, with nothing fetched from the internet.

The browser test drives Debian's chromium (never a browser download) with Playwright: the
calendar appears, a key changes the screen, a screenshot is taken. Without chromium it is
skipped, saying why; CI installs it (.ci/run).
"""

from __future__ import annotations

import os
import queue
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from calendar_tui.cli import main
from calendar_tui.cli_serve import (
    app_command,
    host_warnings,
    is_loopback,
    local_template,
    public_url_problem,
)
from conftest import ROOT

TIMEOUT = 60
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
_URL = re.compile(r"""(?:https?|wss?)://[^\s"'()<>]+""")
# The SVG namespace in textual-serve's page is a name, never fetched.
_NAMESPACES = {"http://www.w3.org/2000/svg"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Serving:
    """`calendar-tui serve` in a subprocess, ready once it says where it serves."""

    def __init__(self, *args: str) -> None:
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "COLUMNS": "200"}
        command = [sys.executable, "-m", "calendar_tui", "serve", *args]
        self.process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
            cwd=ROOT,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.output: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line)

    def wait_for(self, text: str) -> None:
        deadline = time.monotonic() + TIMEOUT
        while not any(text in line for line in self.output):
            try:
                self.output.append(self.lines.get(timeout=max(0.0, deadline - time.monotonic())))
            except queue.Empty:
                raise AssertionError(f"no {text!r} in {''.join(self.output)!r}") from None

    def wait_until_listening(self, port: int) -> None:
        """textual-serve says "Press Ctrl+C" just before it listens: wait for the port too."""
        self.wait_for("Press Ctrl+C")
        deadline = time.monotonic() + TIMEOUT
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                return
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise
                time.sleep(0.05)

    def stop(self) -> tuple[int, str]:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=TIMEOUT)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
        self._reader.join(timeout=TIMEOUT)
        while not self.lines.empty():
            self.output.append(self.lines.get())
        return self.process.returncode, "".join(self.output)


@pytest.fixture
def serving():
    started: list[Serving] = []

    def start(*args: str) -> Serving:
        server = Serving(*args)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


def test_loopback_is_told_from_other_addresses():
    assert all(map(is_loopback, ["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]"]))
    assert not any(map(is_loopback, ["0.0.0.0", "::", "192.0.2.1", "example.org", ""]))


def test_every_address_but_loopback_is_warned_about(english):
    assert host_warnings("127.0.0.1", 8000, None) == []
    (warning,) = host_warnings("192.0.2.1", 8000, None)
    assert "not only on this machine" in warning and "no password" in warning
    everywhere = host_warnings("0.0.0.0", 8000, None)
    assert len(everywhere) == 2 and "--public-url http://NAME:8000" in everywhere[1]
    assert len(host_warnings("0.0.0.0", 8000, "http://calendrier.example:8000")) == 1


@pytest.mark.parametrize(
    "url",
    ["http://calendrier.example:8000", "https://calendrier.example/agenda/", "http://[::1]:8000"],
)
def test_a_web_address_is_a_public_url(url):
    assert public_url_problem(url) is None


@pytest.mark.parametrize(
    "url",
    [
        "calendrier.example:8000",  # no scheme: the page's script connected to nothing
        "javascript:alert(1)",
        "ftp://calendrier.example/",
        "http://",
        "http://calendrier.example:99999",
        "http://calendrier.example\n:8000",
        "http://calendrier.example/\x1b]0;x\x07",
        "http://calendrier.example/a b",
    ],
)
def test_anything_else_is_refused_before_listening(url, capsys, english):
    assert main(["serve", "--port", "0", "--public-url", url]) == 2  # said before the port
    err = capsys.readouterr().err
    assert "is not a web address such as http://NAME:8000" in err
    assert "\x1b" not in err and err.count("\n") == 1


def test_the_app_command_quotes_every_path(tmp_path):
    hostile = tmp_path / "a b; rm -rf ~ $(x) `y`"
    hostile.mkdir()
    argv = shlex.split(app_command([hostile], drafts=True, cache=False))
    assert argv == [
        sys.executable,
        "-m",
        "calendar_tui",
        "--lang",
        "fr",
        "open",
        str(hostile.resolve()),
        "--drafts",
        "--no-cache",
    ]


def test_each_tab_s_app_speaks_the_language_serve_was_given(english):
    """`calendar-tui --lang en serve`: the apps it starts were French (no --lang passed on)."""
    argv = shlex.split(app_command([ROOT], drafts=False, cache=True))
    assert argv[3:6] == ["--lang", "en", "open"]


def test_the_page_template_asks_for_no_web_font(tmp_path):
    page = (local_template(tmp_path) / "app_index.html").read_text(encoding="utf-8")
    assert "googleapis" not in page
    assert "fonts/RobotoMono-VariableFont_wght.ttf" in page
    assert set(_URL.findall(page)) <= _NAMESPACES


def test_the_served_page_names_only_this_server(serving):
    port = free_port()
    server = serving("--port", str(port))
    server.wait_until_listening(port)
    origin = f"127.0.0.1:{port}"
    with urllib.request.urlopen(f"http://{origin}/", timeout=TIMEOUT) as response:
        page = response.read().decode("utf-8")
    urls = set(_URL.findall(page)) - _NAMESPACES
    assert urls and {urlsplit(url).netloc for url in urls} == {origin}, urls
    assert f"ws://{origin}/ws" in urls
    for url in urls - {f"ws://{origin}/ws"}:  # the page's CSS, script, fonts and picture
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
            assert response.status == 200 and response.read()
    status, output = server.stop()
    assert status == 0 and "Traceback" not in output


def test_the_page_links_to_the_public_url_when_given(serving):
    port = free_port()
    server = serving("--port", str(port), "--public-url", "http://calendrier.example:9000/")
    server.wait_until_listening(port)
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=TIMEOUT) as response:
        page = response.read().decode("utf-8")
    urls = set(_URL.findall(page)) - _NAMESPACES
    assert {urlsplit(url).netloc for url in urls} == {"calendrier.example:9000"}, urls
    assert "ws://calendrier.example:9000/ws" in urls


def test_another_address_is_warned_about(serving, english):
    # 192.0.2.1 is a documentation address this machine does not have: the bind fails at once.
    server = serving("--host", "192.0.2.1", "--port", str(free_port()))
    server.process.wait(timeout=TIMEOUT)
    status, output = server.stop()
    assert "warning: listening on 192.0.2.1, not only on this machine" in output
    assert status == 1 and "cannot listen on 192.0.2.1" in output
    assert "Traceback" not in output


def test_a_port_in_use_is_said_plainly(serving, english):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        server = serving("--port", str(port))
        server.process.wait(timeout=TIMEOUT)
        status, output = server.stop()
    assert status == 1 and f"cannot listen on 127.0.0.1:{port}" in output
    assert "warning" not in output and "Traceback" not in output


def browser_or_skip():
    """Playwright's entry point; without a browser, a skip that says why (a failure where
    CALENDAR_TUI_REQUIRE_BROWSER is set, as .ci/run does once it has installed chromium)."""
    missing = pytest.fail if os.environ.get("CALENDAR_TUI_REQUIRE_BROWSER") else pytest.skip
    if not Path(CHROMIUM).exists():
        missing("Debian's chromium is not installed (apt-get install chromium; .ci/run does)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("playwright (the test extra) is not installed")
    return sync_playwright


def test_the_calendar_in_a_real_browser(serving, tmp_path):
    sync_playwright = browser_or_skip()
    port = free_port()
    server = serving("--port", str(port))
    server.wait_until_listening(port)
    requests: list[str] = []
    frames: list[bytes] = []  # what the app wrote to its terminal, as the browser received it

    def received(payload: bytes | str) -> None:
        frames.append(payload if isinstance(payload, bytes) else payload.encode())

    def screen_after(count: int) -> bytes:
        return b"".join(frames[count:])

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.on("request", lambda request: requests.append(request.url))
            page.on("websocket", lambda ws: ws.on("framereceived", received))
            page.goto(f"http://127.0.0.1:{port}/")

            try:
                wait_until(
                    page, lambda: b"Novembre" in screen_after(0) and b"Mois de l" in screen_after(0)
                )
            except AssertionError:
                raise AssertionError(shown_text(screen_after(0))[-3000:]) from None
            settled(page, frames)
            before = page.screenshot()

            seen = len(frames)
            page.focus(".xterm-helper-textarea")  # the terminal's keyboard input
            page.keyboard.press("w")  # the week, hour by hour
            try:
                wait_until(page, lambda: b"Semaine du 02/11 au 08/11/2020" in screen_after(seen))
            except AssertionError:
                raise AssertionError(shown_text(screen_after(seen))[-3000:]) from None
            settled(page, frames)
            after = page.screenshot(path=str(tmp_path / "serve.png"))
        finally:
            browser.close()
    assert after != before
    assert after.startswith(b"\x89PNG") and (tmp_path / "serve.png").stat().st_size > 10_000
    hosts = {urlsplit(url).netloc for url in requests}
    assert hosts == {f"127.0.0.1:{port}"}, requests  # nothing from the internet
    status, output = server.stop()
    assert status == 0 and "Traceback" not in output


def wait_until(page, condition, timeout: float = TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the browser never showed it")
        page.wait_for_timeout(50)  # Playwright's sync API delivers events only inside its calls


def shown_text(screen: bytes) -> str:
    """The screen's text without its escape sequences (for a failure message)."""
    return re.sub(r"\x1b\[[0-9;?]*[ -/]*[@-~]", "", screen.decode("utf-8", "replace"))


def settled(page, frames: list[bytes]) -> None:
    """Waits until the app has written nothing for half a second and the page has painted."""
    count, since = len(frames), time.monotonic()
    deadline = since + TIMEOUT
    while time.monotonic() - since < 0.5:
        if time.monotonic() > deadline:
            raise AssertionError("the app never stopped drawing")
        page.wait_for_timeout(50)  # lets Playwright deliver the frames
        if len(frames) != count:
            count, since = len(frames), time.monotonic()
    page.evaluate("() => new Promise(requestAnimationFrame)")
