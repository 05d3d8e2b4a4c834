"""PyYAML's reasons for refusing a front matter, in the current language.

PyYAML says what is wrong in English ("mapping values are not allowed here"), in two dialects:
libyaml's (the C loader we use when it is there) and the pure Python loader's, whose reasons
name the character or token ("found character '\\t' that cannot start any token"). The common
ones are message ids of our catalog, in PyYAML's own English (the English reads as before); a
reason not known here is shown as PyYAML gave it. The diagnostic's code stays
`front_matter.yaml` whatever the words.
"""

from __future__ import annotations

import re

from calendar_tui.i18n import N_, _

KNOWN = frozenset(
    {
        N_("mapping values are not allowed here"),
        N_("mapping values are not allowed in this context"),
        N_("found character that cannot start any token"),
        N_("found a tab character that violates indentation"),
        N_("found unexpected end of stream"),
        N_("did not find expected key"),
        N_("could not find expected ':'"),
        N_("did not find expected ',' or ']'"),
        N_("did not find expected ',' or '}'"),
        N_("did not find expected '-' indicator"),
        N_("found undefined alias"),
        N_("found unknown escape character"),
        N_("second occurrence"),  # of an anchor (`&name` given twice)
        N_("but found another document"),
        N_("found unhashable key"),
        N_("block sequence entries are not allowed here"),
        N_("block sequence entries are not allowed in this context"),
    }
)

# The pure Python loader's reasons that name what was found (as Python's repr, in quotes).
PATTERNS = (
    (
        re.compile(r"found character (?P<found>.+) that cannot start any token"),
        N_("found character {found} that cannot start any token"),
    ),
    (
        re.compile(r"expected <block end>, but found (?P<found>.+)"),
        N_("expected <block end>, but found {found}"),
    ),
    (
        re.compile(r"expected ',' or '\]', but got (?P<found>.+)"),
        N_("expected ',' or ']', but got {found}"),
    ),
    (
        re.compile(r"expected ',' or '\}', but got (?P<found>.+)"),
        N_("expected ',' or '}}', but got {found}"),  # '}}': one brace once formatted
    ),
    (re.compile(r"found undefined alias (?P<found>.+)"), N_("found undefined alias {found}")),
    (
        re.compile(r"found unknown escape character (?P<found>.+)"),
        N_("found unknown escape character {found}"),
    ),
    (
        re.compile(r"could not determine a constructor for the tag (?P<found>.+)"),
        N_("could not determine a constructor for the tag {found}"),
    ),
    (
        re.compile(r"unacceptable character (?P<found>#x[0-9a-fA-F]+): .*"),
        N_("unacceptable character {found}: control characters are not allowed"),
    ),
)


def yaml_reason(problem: str) -> str:
    """PyYAML's `problem` in the current language; as it is when it is not a known one."""
    if problem in KNOWN:
        return _(problem)
    for pattern, message in PATTERNS:
        found = pattern.fullmatch(problem)
        if found is not None:
            return _(message).format(**found.groupdict())
    return problem
