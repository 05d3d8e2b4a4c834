"""`serve`: the same app in a web browser, with textual-serve.

Each browser tab that connects gets its own `calendar-tui open` process. The page, its
JavaScript and its fonts all come from this server: textual-serve's page template asks Google
Fonts for Roboto Mono, so the template is served with that link replaced by the copy of the font
that textual-serve ships.
"""

from __future__ import annotations

import argparse
import re
import shlex
import sys
from pathlib import Path

from calendar_tui.i18n import _, current_language, said

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
_FONT_LINK = re.compile(r"<link[^>]*https?://fonts\.googleapis\.com[^>]*>", re.DOTALL)
_LOCAL_FONTS = """<style>
      @font-face { font-family: "Roboto Mono"; font-style: normal;
        src: url("{{ config.static.url }}fonts/RobotoMono-VariableFont_wght.ttf"); }
      @font-face { font-family: "Roboto Mono"; font-style: italic;
        src: url("{{ config.static.url }}fonts/RobotoMono-Italic-VariableFont_wght.ttf"); }
    </style>"""


def add_serve_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help=_("address to listen on (default: {host}, this machine only)").format(
            host=DEFAULT_HOST
        ),
    )
    parser.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        help=_("port (default: {port})").format(port=DEFAULT_PORT),
    )
    parser.add_argument(
        "--public-url",
        metavar="URL",
        help=_(
            "the address browsers reach this server at, when it is not http://HOST:PORT "
            "(with --host 0.0.0.0, or behind a proxy): the page's links and websocket use it"
        ),
    )


def is_loopback(host: str) -> bool:
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def host_warnings(host: str, port: int, public_url: str | None) -> list[str]:
    """What to say before listening on `host`: nothing for this machine only."""
    if is_loopback(host):
        return []
    warnings = [
        _(
            "warning: listening on {host}, not only on this machine: anyone who can reach this "
            "address on port {port} can open the app and read the posts (there is no password)."
        ).format(host=host, port=port)
    ]
    if public_url is None and host in ("0.0.0.0", "::", "[::]"):
        warnings.append(
            _(
                "browsers on other machines need --public-url http://NAME:{port} "
                "(the name or address they reach this machine at)."
            ).format(port=port)
        )
    return warnings


def public_url_problem(url: str) -> str | None:
    """Why `--public-url` cannot be the page's address (None: it can). The page's script
    connects back to it, so "calendrier.example:8000" (no scheme) gave a page that never
    connected, and a line break or a space would go into the page as it is."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
        valid = parts.scheme in ("http", "https") and bool(parts.hostname) and url.isprintable()
        valid = valid and " " not in url and not parts.query and not parts.fragment
        parts.port  # noqa: B018 (raises ValueError for a port that is not a number in range)
    except ValueError:
        valid = False
    if valid:
        return None
    return _(
        "--public-url {url!r} is not a web address such as http://NAME:8000 or "
        "https://NAME/calendar/ (the address browsers reach this server at)"
    ).format(url=url)


def app_command(paths: list[Path], drafts: bool, cache: bool) -> str:
    """The shell command textual-serve runs for each browser tab: every part quoted, the paths
    absolute (a path never reads as an option or as shell syntax)."""
    # Each tab's app speaks the language this command was given (--lang, settings, LANG).
    argv = [sys.executable, "-m", "calendar_tui", "--lang", current_language(), "open"]
    argv += [str(path.resolve()) for path in paths]
    if drafts:
        argv.append("--drafts")
    if not cache:
        argv.append("--no-cache")
    return shlex.join(argv)


def local_template(folder: Path) -> Path:
    """textual-serve's page template, its web font link replaced by the fonts it ships."""
    import textual_serve

    source = Path(textual_serve.__file__).parent / "templates" / "app_index.html"
    page = _FONT_LINK.sub(_LOCAL_FONTS, source.read_text(encoding="utf-8"))
    (folder / "app_index.html").write_text(page, encoding="utf-8")
    return folder


def run_serve(args: argparse.Namespace, paths: list[Path]) -> int:
    import tempfile

    from textual_serve.server import Server

    problem = public_url_problem(args.public_url) if args.public_url is not None else None
    if problem is not None:
        print(said("calendar-tui serve", problem), file=sys.stderr)
        return 2
    if not 0 < args.port < 65536:
        message = _("{port} is not a port (1-65535)").format(port=args.port)
        print(said("calendar-tui serve", message), file=sys.stderr)
        return 2
    for warning in host_warnings(args.host, args.port, args.public_url):
        print(said("calendar-tui serve", warning), file=sys.stderr)
    command = app_command(paths, args.drafts, args.cache)
    with tempfile.TemporaryDirectory(prefix="calendar-tui-serve-") as folder:
        server = Server(
            command,
            host=args.host,
            port=args.port,
            title="calendar-tui",
            public_url=args.public_url.rstrip("/") if args.public_url else None,
            templates_path=local_template(Path(folder)),
        )
        try:
            server.serve()
        except OSError as error:
            message = _("cannot listen on {host}:{port}: {reason}").format(
                host=args.host, port=args.port, reason=error.strerror or error
            )
            print(said("calendar-tui serve", message), file=sys.stderr)
            return 1
    return 0
