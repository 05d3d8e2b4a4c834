"""`--changes-since REV` / `--since DATE` in the app: the programme compared, in a worker, with
the posts at that revision of their git repository; the screen hears `Found` (the marks) or
`Failed` (a sentence: not a repository, unknown revision...)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual import on, work
from textual.message import Message

from calendar_tui.i18n import _
from calendar_tui.model.change_marks import ChangeMarks, ChangesSince, mark, marks_of
from calendar_tui.model.store import EventStore
from calendar_tui.model.text import one_line
from calendar_tui.screens.controller import Controller


class ChangesTracker(Controller):
    class Found(Message):
        def __init__(self, marks: ChangeMarks) -> None:
            super().__init__()
            self.marks = marks

    class Failed(Message):
        def __init__(self, reason: str) -> None:
            super().__init__()
            self.reason = reason

    def __init__(
        self, request: ChangesSince, paths: Sequence[Path], store: EventStore, drafts: bool
    ) -> None:
        super().__init__()
        self.request = request
        self.paths = tuple(paths)
        self.store = store
        self.drafts = drafts

    def on_mount(self) -> None:
        self.compare()

    @work(thread=True, exclusive=True, group="changes", exit_on_error=False)
    def compare(self) -> None:
        from calendar_tui.cli_changes import posts_at
        from calendar_tui.model.changes import compare
        from calendar_tui.revisions import GitError, find_repository, last_change, revision

        if not self.paths:
            self.post_message(
                self.Failed(_("no posts' folder to compare (the programme is in memory)"))
            )
            return
        old_posts = []
        labels = []
        try:
            for path in self.paths:  # each in its own repository, maybe
                repo = find_repository(path)
                if self.request.revision is not None:
                    old = revision(repo, self.request.revision)
                else:
                    old = last_change(repo, before=self.request.since)
                old_posts.extend(posts_at(repo, old, path, self.drafts))
                labels.append(old.label if old is not None else _("(no earlier commit)"))
        except GitError as error:
            self.post_message(self.Failed(str(error)))
            return
        changes = compare(old_posts, self.store.posts)
        self.post_message(self.Found(marks_of(changes, ", ".join(dict.fromkeys(labels)))))

    @on(Found)
    def _found(self, event: Found) -> None:
        marks = event.marks
        counts = {"added": 0, "moved": 0, "modified": 0}
        for change in marks.by_session.values():
            counts[mark(change)] += 1
        self.notify(
            _(
                "Since {since}: {added} new, {moved} moved, {modified} modified, {removed} removed"
            ).format(since=one_line(marks.since), removed=marks.removed, **counts),
            title=_("Changes"),
            timeout=10,
            markup=False,
        )

    @on(Failed)
    def _failed(self, event: Failed) -> None:
        self.notify(event.reason, title=_("Changes"), severity="error", timeout=10, markup=False)
