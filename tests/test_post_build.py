"""build_post makes each Session once instead of copying it: nothing may be lost on the way."""

from datetime import date

from calendar_tui.model.post import _with_post_defaults
from calendar_tui.model.types import AgendaItem, Link, Session, Slot, searchable_text


def test_post_defaults_keep_every_field_of_a_session():
    # If Session gains a field, _with_post_defaults must pass it on (it builds Sessions itself).
    session = Session(
        id="a",
        title="  Atelier\n données ",
        slots=(Slot(date(2024, 3, 8), date(2024, 3, 8), all_day=True),),
        tags=("EIG",),
        location="Paris",
        description="Une *description*",
        links=(Link("x", "https://example.org"),),
        agenda=(AgendaItem(None, None, "Accueil"),),
        line=12,
        search_text="",
    )
    (made,) = _with_post_defaults((session,), ("post tag",))
    names = {name for name in Session.__slots__ if not name.startswith("_")}
    names |= {"description", "links"}  # made from `text` (model/session_text.py)
    changed = {"title", "text"}
    assert {n for n in names - changed if getattr(made, n) != getattr(session, n)} == set()
    assert made.title == "Atelier données"
    # Text search reads the title as the body gave it (`text` says so), as it always has.
    assert made.search_text == searchable_text(session)
