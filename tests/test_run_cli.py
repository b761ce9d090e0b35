"""`uofsim run`: real logs from answers files and policies, errors, and a SIGKILL mid-session."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from simulator.cli import main
from simulator.logbook.reader import read_log

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "tests" / "fixtures" / "contract_example.yaml"


@pytest.fixture
def example(tmp_path: Path) -> Path:
    folder = tmp_path / "scenario"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "example.yaml")
    (folder / "hallway.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # the test must not depend on assets/
    return folder / "example.yaml"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["run", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _log(out: str) -> Path:
    return Path(next(line for line in out.splitlines() if line.startswith("log: "))[5:])


def test_best_policy_passes_and_worst_fails(example: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, str(example), "--policy", "best", "--seed", "1", "--log-dir", str(tmp_path / "logs"))
    assert code == 0 and "score: 100.0" in out and "result: PASS" in out
    log = read_log(_log(out))
    assert log.status == "complete" and not log.warnings
    assert log.records[0]["scenario"]["id"] == "knife-crisis-hallway" and log.records[0]["mode"] == "headless"
    code, out, _ = _run(capsys, str(example), "--policy", "worst", "--seed", "1", "--log-dir", str(tmp_path / "logs"))
    assert code == 0 and "result: FAIL" in out
    assert read_log(_log(out)).records[-1]["passed"] is False


def _answers(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "answers.yaml"
    path.write_text(text)
    return path


GOOD = """\
- {situation: arrival, assess: serious_bodily_harm_or_death, plan: [cover, backup], act: talk, seconds: 6}
- {situation: lowers-knife, assess: passive_resistant, act: talk-down, seconds: 2}
- {follow_up: [refer]}
"""


def test_answers_file_same_seed_same_log(example: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = _answers(tmp_path, GOOD)
    logs = []
    for _ in range(2):
        code, out, err = _run(capsys, str(example), "--answers", str(answers), "--seed", "7", "--log-dir",
                              str(tmp_path / "l"))
        assert code == 0, err
        logs.append(read_log(_log(out)).records)
    def strip(r: dict) -> dict:
        return {k: v for k, v in r.items() if k not in ("prev", "digest", "session_id", "started_at", "workstation")}

    assert [strip(r) for r in logs[0]] == [strip(r) for r in logs[1]]
    assert logs[0][-1]["score"] == 100.0 and logs[0][-1]["community"] == 100.0


def test_answers_over_the_limit_is_a_timeout(example: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = _answers(tmp_path, "- {situation: arrival, assess: assaultive, plan: [], seconds: 21}\n"
                                 "- {situation: advances, assess: assaultive, act: fire, seconds: 5}\n")
    code, out, err = _run(capsys, str(example), "--answers", str(answers), "--seed", "1", "--log-dir",
                          str(tmp_path / "l"))
    assert code == 0, err
    records = read_log(_log(out)).records
    assert [r["phase"] for r in records if r["type"] == "timeout"] == ["act", "act"]
    assert records[-1]["score"] == 0.0


def test_answer_for_another_situation_names_both(example: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    answers = _answers(tmp_path, "- {situation: arrival, assess: assaultive, plan: [], act: challenge}\n"
                                 "- {situation: lowers-knife, assess: passive_resistant, act: talk-down}\n")
    code, _, err = _run(capsys, str(example), "--answers", str(answers), "--log-dir", str(tmp_path / "l"))
    assert code == 1
    assert len(err.strip().splitlines()) == 1
    assert "answers.yaml:2:3" in err and "'lowers-knife'" in err and "'advances'" in err


@pytest.mark.parametrize(
    ("text", "where"),
    [("- {situation: arrival, act: talk, secnds: 1}\n", "answers.yaml:1:"), ("[]\n", "answers.yaml:1:1"),
     ("- {situation: arrival, seconds: fast}\n", "answers.yaml:1:33")],
)
def test_bad_answers_file_is_one_line(example: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str,
                                      where: str) -> None:
    code, _, err = _run(capsys, str(example), "--answers", str(_answers(tmp_path, text)), "--log-dir",
                        str(tmp_path / "l"))
    assert code == 1 and where in err and len(err.strip().splitlines()) == 1


def test_usage_errors_exit_2(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["run", str(example)], ["run", str(example), "--policy", "best", "--answers", "x.yaml"]):
        with pytest.raises(SystemExit) as caught:
            main(argv)
        assert caught.value.code == 2


def test_bad_scenario_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nid: x\n")
    code, _, err = _run(capsys, str(bad), "--policy", "best")
    assert code == 1 and "bad.yaml" in err and len(err.strip().splitlines()) == 1


def test_sigkill_between_decisions_keeps_every_decision(example: Path, tmp_path: Path) -> None:
    answers = _answers(tmp_path, GOOD)
    logs = tmp_path / "logs"
    proc = subprocess.Popen(
        [sys.executable, "-m", "simulator", "run", str(example), "--answers", str(answers), "--seed", "1",
         "--log-dir", str(logs), "--pace", "0.3"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    try:
        seen: list[str] = []
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # wait until the first situation's action is logged
            files = list(logs.glob("*.jsonl"))
            if files:
                seen = files[0].read_text().splitlines()
                if any('"type":"action"' in line for line in seen):
                    break
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
    assert any('"type":"action"' in line for line in seen), proc.stderr.read() if proc.stderr else ""
    log = read_log(files[0])
    assert log.status == "incomplete"
    decisions = [r["type"] for r in log.records if r["type"] in ("assessment", "plan", "action")]
    assert decisions[:3] == ["assessment", "plan", "action"]
    assert len(log.records) >= len(seen)  # nothing written before the kill was lost
