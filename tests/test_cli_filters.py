"""The filter options shared by `list` and `agenda`."""

from __future__ import annotations

import argparse

from calendar_tui.cli_filters import add_filter_arguments


def _parse(*argv: str) -> argparse.Namespace:
    return add_filter_arguments(argparse.ArgumentParser()).parse_args(list(argv))


def test_several_tags_match_any_of_them_by_default_as_the_help_says():
    assert _parse("--tag", "A", "--tag", "B").match_all is False


def test_all_and_any_choose_how_tags_combine():
    assert _parse("--tag", "A", "--all").match_all is True
    assert _parse("--tag", "A", "--any").match_all is False
