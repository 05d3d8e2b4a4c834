"""`changes`: the programme's versions committed in order into a repository made here.

The three versions of the bundled programme (14, 19 and 20 sessions, from ../shared/corpus and
data/) are committed in order; what each step added, removed and changed is pinned, then a
working-tree edit moves, retitles, re-tags and removes sessions.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from calendar_tui.cli import main
from calendar_tui.model.changes import compare
from calendar_tui.model.clock import PARIS
from calendar_tui.model.types import Post, Session, Slot
from calendar_tui.paths import bundled_programme

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "evenements"
if not CORPUS.is_dir():
    CORPUS = Path("/work/shared/corpus/evenements")
NAME = "mois-de-linnovation-publique-edition-2020.markdown"
VERSIONS = [  # (source, commit date): 14, 19 then 20 sessions
    (CORPUS / NAME, "2020-10-26T12:00:00+01:00"),
    (CORPUS / NAME.replace(".markdown", "__commit-436cec04.markdown"), "2020-11-09T12:00:00+01:00"),
    (bundled_programme(), "2020-11-16T12:00:00+01:00"),
]

pytestmark = [
    pytest.mark.skipif(shutil.which("git") is None, reason="needs the git command"),
    pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared/corpus"),
]


def git(repo: Path, *args: str, when: str = "2020-11-01T12:00:00+01:00") -> str:
    env = {
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
        "GIT_CONFIG_GLOBAL": "/dev/null",
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(repo),
        "PATH": "/usr/bin:/bin:/usr/local/bin",
    }
    done = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    (root / "_evenements").mkdir(parents=True)
    git(root, "init", "-q")
    for number, (source, when) in enumerate(VERSIONS, 1):
        shutil.copyfile(source, root / "_evenements" / NAME)
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", f"version {number}", when=when)
    return root


def changes(capsys, *args: str) -> dict:
    assert main(["changes", "--format", "json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def kinds(document: dict) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for change in document["changes"]:
        for kind in change["kinds"]:
            found.setdefault(kind, []).append(change["title"])
    return found


def test_each_committed_version_pins_what_it_added_and_changed(repo, capsys, monkeypatch):
    monkeypatch.chdir(repo)
    first = changes(capsys, "HEAD~2", "HEAD~1")
    assert first["summary"] == {
        "added": 5,
        "removed": 0,
        "moved": 0,
        "retitled": 1,
        "retagged": 1,
        "relocated": 0,
    }
    found = kinds(first)
    assert sorted(found["added"]) == sorted(
        [
            "France Relance : Comment développer nos talents numériques ?",
            "France Relance : Développez les compétences numériques des agents de l’État !",
            "La mission LABEL se présente",
            "La mission LABEL se présente",
            'Présentation du guichet SNAP2 "Identité numérique des agents publics » porté par le '
            "projet AgentConnect dans le cadre de France Relance",
        ]
    )
    [retitled] = [c for c in first["changes"] if "retitled" in c["kinds"]]
    assert retitled["old"]["title"].endswith("dans le cadre du Plan de relance")
    assert retitled["new"]["title"].endswith("dans le cadre du plan France Relance")
    assert "Plan de relance numérique" in retitled["old"]["tags"]
    assert "Volet numérique du plan France Relance" in retitled["new"]["tags"]

    second = changes(capsys, "HEAD~1", "HEAD")
    assert kinds(second) == {
        "added": ["Comment tirer profit du numérique dans vos politiques publiques ?"]
    }
    assert changes(capsys, "HEAD~2", "HEAD")["summary"]["added"] == 6
    assert changes(capsys)["changes"] == []  # the working tree is the last commit


def edit(path: Path, *replacements: tuple[str, str]) -> None:
    text = path.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")


def test_a_working_tree_edit_moves_retitles_retags_and_removes(repo, capsys, monkeypatch, english):
    post = repo / "_evenements" / NAME
    text = post.read_text(encoding="utf-8")
    start = text.index("**[Le 24/11 de 14h")  # the first "La mission LABEL se présente"
    end = text.index("<br>", start)
    post.write_text(text[:start] + text[end + len("<br>") :], encoding="utf-8")
    edit(
        post,
        ("[Le 19/11 à 14h]", "[Le 19/11 à 16h]"),
        (
            "**[Le 27/11 de 14h à 16h] [Webinaire]**\n*Piloter les politiques publiques par la "
            "donnée : lancement de l’offre d’accompagnement*",
            "**[Le 30/11 de 10h à 12h] [Webinaire] [Données]**\n*Piloter les politiques "
            "publiques par la donnée : lancement de l’offre interministérielle*",
        ),
    )
    document = changes(capsys, str(repo / "_evenements"))  # PATH given, from another folder
    assert document["to"]["label"] == "the working tree"
    by_title = {c["title"]: c for c in document["changes"]}
    pseudo = next(c for t, c in by_title.items() if t.startswith("La pseudonymisation"))
    assert pseudo["kinds"] == ["moved"]
    assert pseudo["old"]["slots"][0]["start"] == "2020-11-19T14:00:00+01:00"
    assert pseudo["new"]["slots"][0]["start"] == "2020-11-19T16:00:00+01:00"
    pilot = by_title[
        "Piloter les politiques publiques par la donnée : lancement de l’offre interministérielle"
    ]
    assert pilot["kinds"] == ["moved", "retitled", "retagged"]
    assert pilot["old"]["session_id"] != pilot["new"]["session_id"]  # paired by likeness
    assert [c["kinds"] for c in document["changes"] if c["title"].startswith("La mission")] == [
        ["removed"]
    ]
    assert document["summary"]["removed"] == 1 and len(document["changes"]) == 3

    monkeypatch.chdir(repo)
    assert main(["changes"]) == 0
    text_out = capsys.readouterr().out.splitlines()
    assert text_out[0].startswith("Changes in . from ") and "the working tree" in text_out[0]
    assert "~ moved: 19/11/2020 16:00  La pseudonymisation" in text_out[1]
    assert text_out[2] == "    was 19/11/2020 14:00"
    assert text_out[-1] == "1 removed, 2 moved, 1 retitled, 1 re-tagged"

    assert main(["changes", "--format", "ics"]) == 0
    ics = capsys.readouterr().out
    events = ics.split("BEGIN:VEVENT")[1:]
    cancelled = [e for e in events if "STATUS:CANCELLED" in e]
    # The removed session, and the old id of the one paired by likeness; the one moved on its
    # day keeps its id but not its start, so its old occurrence is cancelled too.
    assert len(events) == 5 and len(cancelled) == 3


def test_since_picks_the_revision_of_that_day(repo, capsys, monkeypatch):
    monkeypatch.chdir(repo)
    document = changes(capsys, "--since", "2020-11-10")
    assert document["from"]["label"].endswith("version 2")
    assert document["summary"]["added"] == 1  # version 3, as the working tree holds it
    everything = changes(capsys, "--since", "2020-10-01")  # before the first commit
    assert everything["from"] is None and everything["summary"]["added"] == 20


def test_outside_a_repository_and_unknown_revisions_are_explained(tmp_path, capsys, repo, english):
    assert main(["changes", str(tmp_path / "nothing-here")]) == 2  # not a path: a revision
    assert "unknown revision" in capsys.readouterr().err
    outside = tmp_path / "plain"
    outside.mkdir()
    assert main(["changes", str(outside)]) == 2
    assert "is not in a git repository" in capsys.readouterr().err
    assert main(["changes", "no-such-rev", str(repo)]) == 2
    assert "unknown revision 'no-such-rev'" in capsys.readouterr().err
    # A revision, never an option of git:
    assert main(["changes", "--", "--output=/tmp/x", str(repo)]) == 2
    assert "unknown revision '--output=/tmp/x'" in capsys.readouterr().err
    assert main(["changes", "a", "b", "c", str(repo)]) == 2
    assert "too many revisions" in capsys.readouterr().err


def session(ident: str, title: str, day: int, hour: int, tags=()) -> Session:
    start = datetime(2020, 11, day, hour, tzinfo=PARIS)
    return Session(ident, title, (Slot(start, None),), tags=tuple(tags))


def post(path: str, *sessions: Session) -> Post:
    return Post(path, "Programme", sessions=sessions)


def test_pairing_by_id_then_by_post_title_and_time():
    old = post(
        "a/prog.md",
        session("prog/1", "Atelier données ouvertes", 10, 14),
        session("prog/2", "Rencontre avec les équipes", 12, 9),
        session("prog/3", "Webinaire IA", 13, 10),
    )
    new = post(
        "b/prog.md",  # another folder, same post
        session("prog/1", "Atelier données ouvertes", 10, 15),  # same id, another hour
        session("prog/9", "Rencontre avec les équipes EIG", 19, 9),  # renamed a little, moved
        session("prog/8", "Tout autre chose", 13, 10),  # same time, unrelated title
    )
    changes = compare([old], [new])
    summary = sorted((c.kinds, c.entry.session.title) for c in changes)
    assert summary == [
        (("added",), "Tout autre chose"),
        (("moved",), "Atelier données ouvertes"),
        (("moved", "retitled"), "Rencontre avec les équipes EIG"),
        (("removed",), "Webinaire IA"),
    ]
    other_post = post("a/autre.md", session("autre/9", "Rencontre avec les équipes EIG", 19, 9))
    assert [c.kinds for c in compare([old], [other_post])].count(("added",)) == 1
    assert compare([old], [old]) == []


def test_a_revision_exports_only_post_files_never_symlinks(tmp_path):
    from calendar_tui.revisions import export, find_repository, last_change

    root = tmp_path / "repo"
    (root / "posts").mkdir(parents=True)
    (tmp_path / "secret.md").write_text("---\ntitle: Secret\n---\n", encoding="utf-8")
    (root / "posts" / "a.md").write_text("---\ntitle: A\n---\n", encoding="utf-8")
    (root / "posts" / "image.png").write_bytes(b"\x89PNG")
    (root / "posts" / "lien.md").symlink_to(tmp_path / "secret.md")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "posts")
    repo = find_repository(root / "posts")
    assert repo.prefix == "posts"
    into = tmp_path / "out"
    landing = export(repo, last_change(repo).sha, into)
    assert landing == into / "posts"
    assert sorted(p.name for p in landing.iterdir()) == ["a.md"]


def test_a_repository_without_commits_counts_everything_as_added(tmp_path, capsys):
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q")
    shutil.copyfile(VERSIONS[0][0], root / NAME)
    document = changes(capsys, str(root))
    assert document["from"] is None and document["summary"]["added"] == 14
