"""An event date written only in prose: a chapeau or a body says "le 5 juin prochain à Paris".

The first date phrase that is not clearly about something else is the event's: deadlines
("avant le 18 octobre", "jusqu'au 12 décembre", "Candidatures à partir du 11 avril"), answers
("nous vous répondrons le 21 octobre") and past references ("a lancé ce lundi 16 janvier",
"le 3 mai dernier", a day before the post was published) are passed over.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, time

from calendar_tui.model import french_dates
from calendar_tui.model.text import fold

MAX_PHRASES = 40  # date phrases looked at per text: a hostile post cannot make this slow
MAX_CHARS = 20_000  # real bodies are a few thousand characters; the date is near the top
_LOOKBEHIND = 80  # characters before a date where a cue such as "avant" counts

# Cues, in folded text, just before a date that is about something else than the event.
_ELSEWHERE = re.compile(
    r"(?<![a-z])(?:avant|jusqu'?(?:au|a|a la)|au plus tard|date limite|limite|d'ici|"
    r"a partir d[ue]|a compter d[ue]|des le|depuis|clotur\w*|candidat\w*|postul\w*|"
    r"repond\w*|reponse|resultats?|publier\w*|publication|laureats?)(?![a-z])[^.!?\n]{0,25}\Z"
)
# Passé composé ("a lancé", "ont eu lieu", "s'est tenue"): a past reference. Read with its
# accents, so that the preposition "à" is not the auxiliary "a".
_PAST = re.compile(
    r"(?<!\w)(?:a|ont|avons|avez|s'est|se sont|était|avait)\s+(?:\w+\s+)?"
    r"(?:\w+(?:é|ée|és|ées)|eu|fait|pris|mis|tenue?s?)(?!\w)[^.!?\n]{0,40}\Z"
)
_AFTER_PAST = re.compile(r"[\s*_]*dernier(?![a-z])")
_AFTER_NEXT = re.compile(r"[\s*_]*prochain(?![a-z])")
_YEAR = re.compile(r"(?<![0-9])[0-9]{4}(?![0-9])")
_SENTENCE_END = re.compile(r"[.!?\n](?=\s)")
# "Ouverture du webinaire le 12 mars à 9h45", "<p class="ouverture">Ouverture à 16h</p>"
_OPENING = re.compile(
    r"(?<![a-z])ouverture(?![a-z])[^\n.!?]{0,80}?(?<![a-z])(?:a|des|de)\s+[0-9]{1,2}\s*h"
)


@dataclass(frozen=True, slots=True)
class ProseDate:
    when: french_dates.When  # days as settled (year, "prochain"), times of the phrase
    quote: str  # the phrase as written, for the author
    offset: int  # where it starts in the text


def find_event_date(text: str, published: date | None) -> ProseDate | None:
    """The first date phrase of `text` that can be the event's, or None."""
    if not text or published is None:
        return None
    text = text[:MAX_CHARS]
    folded = _fold(text)
    pos = 0
    for _ in range(MAX_PHRASES):
        when = french_dates.parse_when(text[pos:], published)
        if when is None:
            return None
        start, end = pos + when.start, pos + max(when.end, when.start + 1)
        pos = end
        if not when.days:
            continue
        found = _settled(when, text, folded, start, end, published)
        if found is not None:
            quote = " ".join(text[start:end].split())
            return ProseDate(replace(found, start=start, end=end), quote, start)
    return None


def _settled(
    when: french_dates.When, text: str, folded: str, start: int, end: int, published: date
) -> french_dates.When | None:
    """The phrase's When with its year settled, or None when it is about something else."""
    sentence_start = 0
    for mark in _SENTENCE_END.finditer(folded, max(0, start - 400), start):
        sentence_start = mark.end()
    before = folded[max(sentence_start, start - _LOOKBEHIND) : start]
    if _ELSEWHERE.search(before) or _PAST.search(_accented(text, start - len(before), start)):
        return None
    if _AFTER_PAST.match(folded, end):
        return None
    days = when.days
    written_year = _YEAR.search(folded, start, end) is not None
    if _AFTER_NEXT.match(folded, end) and not written_year and days[0] <= published:
        days = tuple(_next_year(day) for day in days)  # "le 5 février prochain"
    if days[-1] < published:  # before the post was written: a reference, not the event
        return None
    return replace(when, days=days)


def _fold(text: str) -> str:
    """`fold` (lower case, no accents, typographic apostrophe as typed) keeping each character
    at its place, so positions found in it are positions in `text`."""
    folded = fold(text).replace("\u2019", "'")
    if len(folded) == len(text):
        return folded
    return "".join(c if len(c := fold(ch)) == 1 else " " for ch in text).replace("\u2019", "'")


def _accented(text: str, start: int, end: int) -> str:
    return text[start:end].casefold().replace("\u2019", "'")


def _next_year(day: date) -> date:
    if day.year >= 9999:
        return day
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def opening_times(text: str) -> tuple[french_dates.TimeRange, ...]:
    """The hour of an "Ouverture … à 9h45" line, when the text has one."""
    text = text[:MAX_CHARS]
    folded = _fold(text)
    match = _OPENING.search(folded)
    if match is None:
        return ()
    line_end = folded.find("\n", match.end())
    times, _ = french_dates.parse_times(text[match.start() : line_end if line_end > 0 else None])
    return times[:1]


# "de 14h à 16h30", "entre 14h et 16h30": a start with its end, written in a sentence.
_FROM_TO = re.compile(
    r"(?<![a-z])(?:de|entre)\s+[0-9]{1,2}\s*(?:h|:)\s*(?:[0-9]{2})?\s*(?:a|et|-)\s+[0-9]{1,2}"
    r"\s*(?:h|:)\s*(?:[0-9]{2}(?![0-9]))?"
)


def end_in_text(text: str, start: time) -> time | None:
    """The end of the first "de <start> à <end>" phrase of `text` that starts at `start`."""
    if not text:
        return None
    text = text[:MAX_CHARS]
    folded = _fold(text)
    for count, match in enumerate(_FROM_TO.finditer(folded)):
        if count >= MAX_PHRASES:
            break
        times, _ = french_dates.parse_times(text[match.start() : match.end()])
        if times and times[0].start == start and times[0].end is not None:
            return times[0].end
    return None
