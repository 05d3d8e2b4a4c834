"""An OptionList whose PageUp/PageDown work before it has been laid out.

Textual 8.2.8's `OptionList` pages from its line cache, which stays empty while the list has no
size (hidden, or a key arriving before its first layout): PageDown then raises `KeyError` from
`_move_page`. Until it has a size, a page is the first or last option, as Home/End.
"""

from __future__ import annotations

from textual.widgets import OptionList


class PagedOptionList(OptionList):
    def _laid_out(self) -> bool:
        return bool(self.scrollable_content_region)

    def action_page_up(self) -> None:
        if self._laid_out():
            super().action_page_up()
        else:
            self.action_first()

    def action_page_down(self) -> None:
        if self._laid_out():
            super().action_page_down()
        else:
            self.action_last()
