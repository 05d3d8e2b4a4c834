"""The programme as plain sentences (French, or English under `--lang en`), for screen readers
and plain terminals.

One occurrence becomes a list of sentences ("Jeudi 26 novembre 2020, de 9 h 30 à 12 h : Open
Lab PIAF.", "Tags : Atelier participatif.", "En ligne.", "Inscription : https://…"). Every mark
the calendar draws as a symbol has words here: ★ favourite, ▬ all-day, ⚠ clash, ▶ now,
› next. No colour, no box drawing, no markup: the caller prints the strings as they are.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from calendar_tui.i18n import _, ngettext
from calendar_tui.model.date_words import day_words, spoken_hour
from calendar_tui.model.programme import NowNext
from calendar_tui.model.text import fold, one_line, upper_first
from calendar_tui.model.types import AgendaItem, Link, Occurrence

_ENDINGS = (".", "!", "?", "…", ":")


@dataclass(frozen=True, slots=True)
class Marks:
    """What the calendar marks with a symbol on one occurrence."""

    favourite: bool = False  # ★
    now: bool = False  # ▶ in progress
    next: bool = False  # › starts next
    clashes: tuple[Occurrence, ...] = ()  # ⚠ the starred occurrences it overlaps


def when_words(occ: Occurrence) -> str:
    """ "jeudi 26 novembre 2020, de 9 h 30 à 12 h"; all-day (▬) says "toute la journée". Starts
    with a small letter in French: `upper_first` it at the start of a sentence."""
    first, last = occ.first_day, occ.last_day
    if occ.all_day:
        if first == last:
            return _("{day}, all day").format(day=day_words(first))
        start = day_words(first, year=first.year != last.year)
        return _("from {start} to {end}, all day").format(start=start, end=day_words(last))
    if occ.end is None:
        return _("{day}, at {start}").format(day=day_words(first), start=spoken_hour(occ.start))
    if first == last:
        return _("{day}, from {start} to {end}").format(
            day=day_words(first), start=spoken_hour(occ.start), end=spoken_hour(occ.end)
        )
    return _("from {start_day} at {start} to {end_day} at {end}").format(
        start_day=day_words(first),
        start=spoken_hour(occ.start),
        end_day=day_words(last),
        end=spoken_hour(occ.end),
    )


def sentence(text: str) -> str:
    """`text` ending with a full stop, unless it already ends a sentence."""
    return text if text.endswith(_ENDINGS) else f"{text}."


def title_words(occ: Occurrence) -> str:
    return one_line(occ.title) or _("(untitled)")


def place_sentence(location: str) -> str:
    place = one_line(location)
    if not place:
        return ""
    if fold(place) in ("en ligne", "online"):
        return sentence(place)
    return sentence(_("Place: {place}").format(place=place))


def running_order_sentence(items: Iterable[AgendaItem]) -> str:
    """ "Déroulé : 14 h 30, Mots d'ouverture ; de 15 h à 16 h, Atelier." """
    parts = []
    for item in items:
        text = one_line(item.text)
        if item.start is not None and item.end is not None:
            text = _("from {start} to {end}, {text}").format(
                start=spoken_hour(item.start), end=spoken_hour(item.end), text=text
            )
        elif item.start is not None:
            text = f"{spoken_hour(item.start)}, {text}"
        parts.append(text)
    if not parts:
        return ""
    return sentence(_("Running order: {items}").format(items=_("; ").join(parts)))


def link_sentence(link: Link) -> str:
    """ "Inscription : https://…" (no full stop: it would stick to the address)."""
    url = one_line(link.url)
    label = one_line(link.text)
    if not label or label == url:
        return _("Link: {url}").format(url=url)
    return _("{label}: {url}").format(label=label.rstrip(" :"), url=url)


def mark_sentences(marks: Marks) -> list[str]:
    sentences = []
    if marks.favourite:
        sentences.append(_("In your favourites."))
    if marks.now:
        sentences.append(_("In progress."))
    elif marks.next:
        sentences.append(_("Starts next."))
    for other in marks.clashes:
        sentences.append(
            _("Careful, overlaps another favourite session: {title} ({when}).").format(
                title=title_words(other), when=when_words(other)
            )
        )
    return sentences


def occurrence_sentences(occ: Occurrence, marks: Marks | None = None) -> list[str]:
    """The occurrence in sentences: when and what, its marks, tags, place, running order, links."""
    what = _("{when}: {title}").format(when=upper_first(when_words(occ)), title=title_words(occ))
    sentences = [sentence(what)]
    sentences.extend(mark_sentences(marks or Marks()))
    tags = [one_line(tag) for tag in occ.tags if one_line(tag)]
    if tags:
        sentences.append(sentence(_("Tags: {tags}").format(tags=", ".join(tags))))
    sentences.append(place_sentence(occ.session.location))
    sentences.append(running_order_sentence(occ.session.agenda))
    sentences.extend(link_sentence(link) for link in occ.session.links if one_line(link.url))
    return [s for s in sentences if s]


def marks_for(
    occ: Occurrence,
    favourites: frozenset[str] = frozenset(),
    clash_map: Mapping[str, tuple[Occurrence, ...]] | None = None,
    now_next: NowNext | None = None,
) -> Marks:
    """The marks of `occ`, from the same facts the calendar's symbols come from."""
    return Marks(
        favourite=occ.session.id in favourites,
        now=now_next is not None and occ.id in now_next.now,
        next=now_next is not None and occ.id in now_next.next,
        clashes=(clash_map or {}).get(occ.id, ()),
    )


def count_words(count: int) -> str:
    if count == 0:
        return _("no session")
    return ngettext("{count} session", "{count} sessions", count).format(count=count)


def agenda_paragraphs(
    title: str,
    occurrences: Iterable[Occurrence],
    *,
    filters: str = "",
    marks: Mapping[str, Marks] | None = None,
) -> list[str]:
    """A heading paragraph (title, filters, count), then one paragraph per occurrence, a
    sentence a line (a link ends its line, so no full stop sticks to its address)."""
    occurrences = list(occurrences)
    heading = one_line(title) or _("Programme")
    if one_line(filters):
        heading = _("{title}, filtered by {filters}").format(
            title=heading, filters=one_line(filters)
        )
    count = count_words(len(occurrences))
    paragraphs = [sentence(_("{title}: {count}").format(title=heading, count=count))]
    marks = marks or {}
    paragraphs.extend("\n".join(occurrence_sentences(o, marks.get(o.id))) for o in occurrences)
    return paragraphs
