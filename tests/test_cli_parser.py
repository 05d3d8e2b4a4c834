"""`build_parser(command)` builds that command's parser alone: the same help, errors and
parsed arguments as the whole parser gives for it."""

from __future__ import annotations

import pytest

from calendar_tui.cli import COMMANDS
from calendar_tui.cli_parser import build_parser


def _outcome(parser, argv, capsys):
    try:
        result = vars(parser.parse_args(argv))
        status = None
    except SystemExit as stop:
        result, status = None, stop.code
    captured = capsys.readouterr()
    return result, status, captured.out, captured.err


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(
    "rest",
    [
        ["--help"],
        [],
        ["--drafts", "--no-cache"],
        ["--format", "bogus"],
        ["--bogus"],
        ["--tag", "IA", "--from", "2020-11-02", "--format", "json", "posts"],
        ["--since", "2020-13-45"],
    ],
)
def test_a_command_alone_is_parsed_as_by_the_whole_parser(command, rest, capsys):
    argv = [command, *rest]
    alone = _outcome(build_parser(command), argv, capsys)
    assert alone == _outcome(build_parser(), argv, capsys)
