"""The academy store on SQLite and on a real PostgreSQL server (issue 14).

The PostgreSQL cluster is started by the tests themselves (initdb + pg_ctl on
a free localhost port) and stopped at the end; its tests skip, saying why,
only when the PostgreSQL binaries are not installed.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from support.store import (
    PG_BIN,
    create_database,
    postgres_cluster,
    python_cli,
    run_cli,
    templates,
    write_corpus,
)

CORPUS = 600


@pytest.fixture(scope="module")
def pg_server() -> Iterator[str]:
    if not (PG_BIN / "initdb").exists():
        pytest.skip(f"PostgreSQL binaries not found in {PG_BIN} (install the Debian postgresql package)")
    with postgres_cluster() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new, empty store on each backend."""
    if request.param == "sqlite":
        return str(tmp_path / "academy.db")
    server = request.getfixturevalue("pg_server")
    return create_database(server, f"t{abs(hash(request.node.nodeid)) % 10**9}")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("corpus")
    sessions = templates(base / "templates")
    write_corpus(base / "logs", sessions, CORPUS)
    return base / "logs"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def full_store(request: pytest.FixtureRequest, corpus: Path,
               tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """The whole corpus imported once per backend (the 600-log tests share it):
    (URL, what the first import printed)."""
    if request.param == "sqlite":
        db = str(tmp_path_factory.mktemp("full") / "academy.db")
    else:
        db = create_database(request.getfixturevalue("pg_server"), "full")
    code, out, err = imported(db, corpus)
    assert code == 0, err
    return db, out


def review_json(*argv: str) -> tuple[int, dict[str, Any], str]:
    code, out, err = run_cli(["review", *argv, "--format", "json"])
    assert out, err
    return code, json.loads(out), err


def comparable(report: dict[str, Any]) -> dict[str, Any]:
    """Every figure; `files` and `duplicates` count files, which a store does not hold."""
    report = json.loads(json.dumps(report))
    for key in ("files", "duplicates"):
        report["totals"].pop(key)
    report.pop("academy", None)
    return report


def imported(db: str, *paths: Path | str, extra: tuple[str, ...] = ()) -> tuple[int, str, str]:
    return run_cli(["import", *map(str, paths), "--db", db, *extra])


def test_import_twice_then_store_review_equals_file_review(full_store: tuple[str, str], corpus: Path) -> None:
    db, first = full_store
    assert f"{CORPUS} new session(s), 0 already stored" in first
    code, out, _ = imported(db, corpus)
    assert code == 0 and f"0 new session(s), {CORPUS} already stored" in out
    _, from_files, _ = review_json(str(corpus))
    _, from_store, _ = review_json("--db", db)
    assert from_store["totals"]["sessions"] == CORPUS
    assert comparable(from_store) == comparable(from_files)


def test_renamed_copies_are_the_same_sessions(db: str, corpus: Path, tmp_path: Path) -> None:
    copies = tmp_path / "usb-stick"
    copies.mkdir()
    originals = sorted(corpus.rglob("*.jsonl"))[:40]
    for n, path in enumerate(originals):
        shutil.copy(path, copies / f"Copy of {n} - session.jsonl")
    code, out, err = imported(db, copies)
    assert code == 0 and "40 new session(s)" in out, err
    code, out, _ = imported(db, originals[0].parent)
    assert code == 0
    _, report, _ = review_json("--db", db)
    ids = {p.stem for p in originals}
    in_folder = {p.stem for p in originals[0].parent.glob("*.jsonl")}
    assert report["totals"]["sessions"] == len(in_folder) + len(ids - in_folder)
    assert len({row["session_id"] for row in report["sessions"]}) == report["totals"]["sessions"]


def test_file_review_with_renamed_copies_equals_store_review(db: str, corpus: Path, tmp_path: Path) -> None:
    folder = tmp_path / "share"
    shutil.copytree(sorted(p for p in corpus.iterdir() if p.is_dir())[0], folder / "ws0")
    (folder / "usb").mkdir()
    for n, path in enumerate(sorted((folder / "ws0").glob("*.jsonl"))[:20]):
        shutil.copy(path, folder / "usb" / f"Copy of {n}.jsonl")
    assert imported(db, folder)[0] == 0
    _, from_files, _ = review_json(str(folder))
    _, from_store, _ = review_json("--db", db)

    def figures(report: dict[str, Any]) -> dict[str, Any]:
        report = comparable(report)
        report.pop("warnings")  # file review also warns about each copy it skipped
        report.pop("warnings_not_shown")
        report["totals"].pop("warnings")
        for row in report["sessions"]:
            row.pop("path")  # whichever copy came first
        return report

    assert from_files["totals"]["sessions"] == from_store["totals"]["sessions"]
    assert figures(from_files) == figures(from_store)


def test_tampered_logs_are_quarantined_never_counted(db: str, corpus: Path, tmp_path: Path) -> None:
    folder = tmp_path / "logs"
    folder.mkdir()
    source = sorted(corpus.rglob("*.jsonl"))
    for path in source[:10]:
        shutil.copy(path, folder / path.name)
    victim = folder / source[3].name
    lines = victim.read_bytes().splitlines(keepends=True)
    lines[2] = lines[2].replace(b'"score":', b'"score": ', 1) if b'"score":' in lines[2] else lines[2][:-2] + b" }\n"
    victim.write_bytes(b"".join(lines))
    code, out, err = imported(db, folder)
    assert code == 1
    assert "9 new session(s)" in out and "1 tampered (quarantined" in out
    assert victim.name in err and "tampered" in err
    code, _, _ = imported(db, folder)  # again: still quarantined once, nothing counted
    _, report, _ = review_json("--db", db)
    _, files, _ = review_json(str(folder))
    assert report["totals"]["sessions"] == 9 and report["totals"]["tampered"] == 1
    assert report["tampered"] == files["tampered"]
    assert comparable(report) == comparable(files)


def test_mac_checked_only_when_imported_with_the_key(db: str, tmp_path: Path) -> None:
    from support.review import ended, situation, write_log

    key = b"academy-secret"
    (tmp_path / "k").write_bytes(key)
    body = situation("s1", "cooperative", assessed="cooperative", plan_score=1.0, option="talk", level=1,
                     verdict="reasonable", range_max="communication", total=1.0) + ended(90, True)
    write_log(tmp_path / "logs", trainee="ana", minute=1, body=body, key=key)
    code, out, err = imported(db, tmp_path / "logs", extra=("--key-file", str(tmp_path / "k")))
    assert code == 0, err
    _, report, _ = review_json("--db", db)
    _, files, _ = review_json(str(tmp_path / "logs"), "--key-file", str(tmp_path / "k"))
    assert report["totals"]["mac_checked"] is True and comparable(report) == comparable(files)
    write_log(tmp_path / "more", trainee="ben", minute=2, body=body, key=key)
    assert imported(db, tmp_path / "more")[0] == 0  # without the key: MACs not checked
    _, report, _ = review_json("--db", db, "--key-file", str(tmp_path / "k"))
    assert report["totals"]["mac_checked"] is False


def test_eight_importers_at_once(db: str, corpus: Path, tmp_path: Path) -> None:
    """Eight workstations import into one store at the same time: each its own
    folder, shared by two of them, plus one folder all eight import."""
    logs = sorted(corpus.rglob("*.jsonl"))[:140]
    folders = [tmp_path / f"ws{n}" for n in range(4)] + [tmp_path / "shared"]
    for folder in folders:
        folder.mkdir()
    for n, log in enumerate(logs):
        shutil.copy(log, folders[n % 5] / log.name)
    processes = [python_cli("import", str(folders[n % 4]), str(folders[4]), "--db", db) for n in range(8)]
    results = [(p.wait(timeout=300), p.stdout.read().decode(), p.stderr.read().decode()) for p in processes]
    for p in processes:
        p.stdout.close()
        p.stderr.close()
    assert all(code == 0 for code, _, _ in results), results
    new = sum(int(out.split(": ")[1].split(" new")[0]) for _, out, _ in results)
    assert new == len(logs)  # each session stored by exactly one of them
    _, report, _ = review_json("--db", db)
    assert report["totals"]["sessions"] == len(logs)
    assert len({row["session_id"] for row in report["sessions"]}) == len(logs)


def test_annotations_are_shown_and_cannot_be_edited_unnoticed(db: str, corpus: Path, tmp_path: Path) -> None:
    logs = sorted(corpus.rglob("*.jsonl"))[:5]
    folder = tmp_path / "logs"
    folder.mkdir()
    for p in logs:
        shutil.copy(p, folder / p.name)
    assert imported(db, folder)[0] == 0
    sid = logs[0].stem
    key = tmp_path / "academy.key"
    key.write_text("academy-secret\n")
    assert run_cli(["annotate", sid, "--by", "sgt-lee", "--note", "good use of cover", "--db", db, "--key-file",
                    str(key)])[0] == 0
    assert run_cli(["annotate", sid, "--by", "sgt-lee", "--remediation", "repeat crisis drills", "--db", db,
                    "--key-file", str(key)])[0] == 0
    assert run_cli(["annotate", sid, "--by", "insp-roy", "--sign-off", "--db", db, "--key-file", str(key)])[0] == 0
    code, _, err = run_cli(["annotate", "no-such-session", "--by", "sgt-lee", "--note", "x", "--db", db])
    assert code == 1 and "not in the store" in err and "Traceback" not in err
    _, report, _ = review_json("--db", db)
    kinds = [(a["kind"], a["by"]) for a in report["academy"]["annotations"]]
    assert kinds == [("note", "sgt-lee"), ("remediation", "sgt-lee"), ("sign-off", "insp-roy")]
    code, out, _ = run_cli(["review", "--db", db])
    assert "Instructor annotations" in out and "good use of cover" in out
    code, _, err = run_cli(["review", "--db", db, "--format", "csv", "-o", str(tmp_path / "csv")])
    assert code == 0, err
    assert (tmp_path / "csv" / "annotations.csv").read_text(encoding="utf-8-sig").count("sgt-lee") == 2
    assert (tmp_path / "csv" / "cohorts.csv").exists()
    code, _, err = run_cli(["review", "--db", db, "--format", "html", "-o", str(tmp_path / "r.html")])
    assert code == 0 and (tmp_path / "r.html").stat().st_size > 0, err
    code, out, _ = run_cli(["verify", "--db", db, "--key-file", str(key)])
    assert code == 0 and "annotations: ok (3, MACs checked)" in out
    _edit_annotation(db, 1, "no remediation needed")
    code, out, _ = run_cli(["verify", "--db", db])
    assert code == 1 and "annotations: tampered at #1" in out


def _edit_annotation(db: str, position: int, text: str) -> None:
    import sqlalchemy as sa

    from simulator.store import open_store

    store = open_store(db)
    with store.writing() as conn:
        conn.execute(sa.text("UPDATE annotations SET text = :t WHERE position = :p"), {"t": text, "p": position})
    store.close()


def test_a_session_imported_while_running_is_updated_when_it_ends(db: str, corpus: Path, tmp_path: Path) -> None:
    log = sorted(corpus.rglob("*.jsonl"))[0]
    folder = tmp_path / "logs"
    folder.mkdir()
    running = folder / log.name
    running.write_bytes(b"".join(log.read_bytes().splitlines(keepends=True)[:5]))  # mid-session
    code, out, _ = imported(db, folder)
    assert code == 0 and "1 new session(s)" in out
    _, report, _ = review_json("--db", db)
    assert report["totals"]["incomplete"] == 1
    shutil.copy(log, running)  # the session ended
    code, out, _ = imported(db, folder)
    assert code == 0 and "1 updated (seen ending)" in out
    _, from_store, _ = review_json("--db", db)
    _, from_files, _ = review_json(str(folder))
    assert from_store["totals"]["complete"] == 1 and comparable(from_store) == comparable(from_files)


def test_verify_db_notices_a_removed_end_record(db: str, corpus: Path, tmp_path: Path) -> None:
    log = sorted(corpus.rglob("*.jsonl"))[0]
    folder = tmp_path / "logs"
    folder.mkdir()
    copy = folder / log.name
    shutil.copy(log, copy)
    assert imported(db, folder)[0] == 0
    copy.write_bytes(b"".join(copy.read_bytes().splitlines(keepends=True)[:-1]))
    code, out, _ = run_cli(["verify", str(folder)])
    assert code == 0 and "incomplete" in out  # the chain alone cannot tell
    code, out, _ = run_cli(["verify", str(folder), "--db", db])
    assert code == 1 and "truncated" in out and "it ended (complete)" in out


def test_readiness_rule_and_cohorts(full_store: tuple[str, str], corpus: Path, tmp_path: Path) -> None:
    db, _ = full_store
    settings = tmp_path / "academy.yaml"
    settings.write_text("required_scenarios: [phone-not-gun, shoplifter-flees]\n"
                        "readiness:\n  pass_required: true\n  no_critical_in_last: 3\n  min_competency: 70\n")
    _, store_report, _ = review_json("--db", db, "--settings", str(settings))
    _, file_report, _ = review_json(str(corpus), "--settings", str(settings))
    academy = store_report["academy"]
    assert academy["readiness"] == file_report["academy"]["readiness"]
    assert academy["cohorts"] == file_report["academy"]["cohorts"]
    by_trainee = {r["trainee"]: r for r in academy["readiness"]}
    assert len(by_trainee) == 25
    for r in by_trainee.values():
        assert r["answer"] == ("ready" if r["ready"] else "not yet, because " + "; ".join(r["reasons"]))
        # every competency is either measured (and judged) or listed as not measured, never both
        assert set(r["not_measured"]).isdisjoint(r["competencies"])
        assert set(r["not_measured"]) | set(r["competencies"]) == {
            "perception", "tactics", "force", "communication", "safety", "authority", "time", "community"}
        for name, value in r["competencies"].items():
            assert (f"{name} {value:.1f} < 70" in r["answer"]) == (value < 70)
    assert {c["cohort"] for c in academy["cohorts"]} == {"intake-1", "intake-2", "intake-3"}
    assert sum(c["trainees"] for c in academy["cohorts"]) == 25
    assert sum(c["sessions"] for c in academy["cohorts"]) == CORPUS
    assert sum(c["ready"] for c in academy["cohorts"]) == sum(r["ready"] for r in by_trainee.values())


def test_readiness_rule_on_hand_made_sessions(tmp_path: Path) -> None:
    from simulator.academy.readiness import academy_section
    from simulator.academy.settings import AcademySettings
    from support.review import ended, situation, write_log

    body = situation("s1", "cooperative", assessed="cooperative", plan_score=1.0, option="talk", level=1,
                     verdict="reasonable", range_max="communication", total=1.0)
    write_log(tmp_path, trainee="ana", minute=1, body=body + ended(40, False, criticals=1), scenario="drill")
    write_log(tmp_path, trainee="ana", minute=2, body=body + ended(90, True), scenario="drill")
    write_log(tmp_path, trainee="ben", minute=3, body=body + ended(95, True), scenario="drill")
    settings = AcademySettings.model_validate({"required_scenarios": ["drill", "other"],
                                               "readiness": {"no_critical_in_last": 3, "min_competency": 70}})
    _, report, _ = review_json(str(tmp_path), "--format", "json")
    section = academy_section(report["sessions"], settings, None)
    ana, ben = section["readiness"]
    assert ana["answer"] == "not yet, because has not passed other; critical error in 1 of the last 2 attempt(s)"
    assert ben["answer"] == "not yet, because has not passed other"
    # a log without competencies: review derives perception, tactics, force and time from its decisions
    assert ben["not_measured"] == ["communication", "safety", "authority", "community"]
    lenient = AcademySettings.model_validate({"required_scenarios": ["drill"], "readiness": {"no_critical_in_last": 1}})
    ana, ben = academy_section(report["sessions"], lenient, None)["readiness"]
    assert ana["ready"] and ana["answer"] == "ready" and ben["ready"]


@pytest.mark.parametrize("text, message", [
    ("required_scenarios: [Phone]\n", "1:22: error:"),
    ("readiness:\n  min_competency: 170\n", "2:19: error:"),
    ("readiness:\n  typo: 1\n", "2:3: error:"),
    ("- a\n", "expected a mapping"),
])
def test_bad_settings_file_is_one_line(tmp_path: Path, corpus: Path, text: str, message: str) -> None:
    settings = tmp_path / "academy.yaml"
    settings.write_text(text)
    code, out, err = run_cli(["review", str(sorted(corpus.rglob("*.jsonl"))[0]), "--settings", str(settings)])
    assert code == 1 and message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


@pytest.mark.parametrize("url, message", [
    ("mysql://x/y", "unsupported scheme"),
    ("sqlite:relative.db", "not valid"),
    ("/no/such/folder/academy.db", "does not exist"),
    ("postgresql://nobody@127.0.0.1:1/x", "cannot open the store"),
])
def test_bad_database_url_is_one_line(url: str, message: str, corpus: Path) -> None:
    code, _, err = run_cli(["import", str(corpus), "--db", url])
    assert code == 1 and message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_run_logs_cohort_and_stores_the_session(tmp_path: Path) -> None:
    db = str(tmp_path / "academy.db")
    code, out, err = run_cli(["run", "scenarios/phone-not-gun.yaml", "--policy", "best", "--trainee", "r1",
                              "--cohort", "2026-spring", "--log-dir", str(tmp_path / "logs"), "--db", db])
    assert code == 0, err
    log = Path(out.strip().splitlines()[-1].removeprefix("log: "))
    assert json.loads(log.read_bytes().splitlines()[0])["cohort"] == "2026-spring"
    row = sqlite3.connect(db).execute("SELECT cohort, status FROM sessions").fetchall()
    assert row == [("2026-spring", "complete")]
    code, out, _ = run_cli(["run", "scenarios/phone-not-gun.yaml", "--policy", "best", "--log-dir",
                            str(tmp_path / "logs")])
    log = Path(out.strip().splitlines()[-1].removeprefix("log: "))
    assert "cohort" not in json.loads(log.read_bytes().splitlines()[0])


def test_store_is_not_imported_by_validate() -> None:
    import subprocess
    import sys

    probe = ("import sys; from simulator.cli import main; main(['validate', 'scenarios/phone-not-gun.yaml']); "
             "print('sqlalchemy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         cwd=Path(__file__).parent.parent)
    assert out.stdout.strip().endswith("False")


def test_progress_bar_and_summary_line(tmp_path: Path, corpus: Path) -> None:
    code, out, err = run_cli(["import", str(corpus), "--db", str(tmp_path / "a.db"), "--progress"])
    assert code == 0 and out.count("\n") == 1 and out.startswith(f"imported {CORPUS} file(s) into ")
    assert f"] {CORPUS}/{CORPUS} logs" in err and err.endswith("\n")
    code, out, err = run_cli(["import", str(corpus), "--db", str(tmp_path / "a.db")])
    assert code == 0 and err == ""  # not a terminal, not asked: no bar


def test_migrations_build_exactly_the_schema_the_code_uses(db: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    from simulator.store import open_store
    from simulator.store.db import HEAD, _alembic_config
    from simulator.store.schema import metadata

    store = open_store(db)
    try:
        with store.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), metadata) == []
        assert store.revision() == HEAD == ScriptDirectory.from_config(_alembic_config()).get_current_head()
    finally:
        store.close()


def test_window_session_is_stored_as_its_log_closes(tmp_path: Path) -> None:
    """play --db: the session is in the store as soon as it ends, the window still open."""
    import pygame

    from simulator.cli.import_ import SessionStorer
    from simulator.engine import FakeClock
    from simulator.scenario import load_file
    from simulator.ui.flow import PlayConfig
    from simulator.ui.pilot import Pilot
    from simulator.ui.run import play_app

    db = str(tmp_path / "academy.db")
    storer = SessionStorer(db, None)
    contract = Path(__file__).parent / "fixtures" / "contract_example.yaml"
    config = PlayConfig(library_dir=None, scenario=load_file(contract), trainee="t1", log_dir=tmp_path / "logs",
                        seed=7, cohort="2026-B", on_log_closed=storer)
    try:
        pilot = Pilot(play_app(config, clock=FakeClock(1000.0), size=(1280, 720)))
        pilot.press("enter")
        pilot.press("escape")
        pilot.press("q")  # quit: the log closes (aborted)
    finally:
        pygame.display.quit()
    assert storer.report() == 0
    rows = sqlite3.connect(db).execute("SELECT trainee, cohort, status FROM sessions").fetchall()
    assert rows == [("t1", "2026-B", "aborted")]


def test_uofsim_db_names_the_store_when_no_logs_are_given(tmp_path: Path, corpus: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UOFSIM_DB", str(tmp_path / "env.db"))
    folder = sorted(p for p in corpus.iterdir() if p.is_dir())[0]
    assert run_cli(["import", str(folder)])[0] == 0
    code, report, _ = review_json()
    assert code == 0 and report["totals"]["sessions"] == len(list(folder.glob("*.jsonl")))
    monkeypatch.delenv("UOFSIM_DB")
    code, _, err = run_cli(["review"])
    assert code == 2 and "PATH" in err


def test_instructors_annotating_at_once_keep_one_chain(db: str, corpus: Path, tmp_path: Path) -> None:
    log = sorted(corpus.rglob("*.jsonl"))[0]
    (tmp_path / "logs").mkdir()
    shutil.copy(log, tmp_path / "logs" / log.name)
    assert imported(db, tmp_path / "logs")[0] == 0
    processes = [python_cli("annotate", log.stem, "--by", f"sgt-{n}", "--note", f"note {n}", "--db", db)
                 for n in range(4)]
    for p in processes:
        assert p.wait(timeout=120) == 0, p.stderr.read().decode()
        p.stdout.close()
        p.stderr.close()
    code, out, _ = run_cli(["verify", "--db", db])
    assert code == 0 and "annotations: ok (4)" in out
    _, report, _ = review_json("--db", db)
    assert sorted(a["by"] for a in report["academy"]["annotations"]) == [f"sgt-{n}" for n in range(4)]
