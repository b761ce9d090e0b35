"""Issue 13: answers files that explain themselves. Every error names the
answers file's own fields and the situation's real choices, and no error ever
leaves a session log behind (the file is rehearsed in memory first)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from simulator.cli import main
from simulator.logbook.reader import read_log

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "tests" / "fixtures" / "contract_example.yaml"

START = "- {situation: arrival, assess: serious_bodily_harm_or_death, plan: [cover], act: talk}\n"
CALM = "- {situation: lowers-knife, assess: passive_resistant, act: talk-down}\n"


@pytest.fixture
def example(tmp_path: Path) -> Path:
    folder = tmp_path / "scenario"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "knife-crisis-hallway.yaml")
    (folder / "hallway.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return folder / "knife-crisis-hallway.yaml"


def run_answers(tmp_path: Path, example: Path, text: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    answers = tmp_path / "answers.yaml"
    answers.write_text(text, encoding="utf-8")
    code = main(["run", str(example), "--answers", str(answers), "--seed", "1", "--log-dir", str(tmp_path / "logs")])
    out, err = capsys.readouterr()
    return code, out, err


def no_log_written(tmp_path: Path) -> bool:
    logs = tmp_path / "logs"
    return not logs.exists() or not any(logs.iterdir())


ERRORS = {
    "unknown act, with the real options": (
        "- {situation: arrival, assess: serious_bodily_harm_or_death, plan: [cover], act: tackel}\n",
        "answers.yaml:1:3: act 'tackel' is not an option of 'arrival' (options: talk, challenge, tackle)"),
    "unknown situation, with did you mean": (
        "- {situation: arival, assess: serious_bodily_harm_or_death, plan: [cover], act: talk}\n",
        "situation 'arival' but the session reached 'arrival' here ('arival' is not a situation of this scenario; "
        "did you mean 'arrival'?)"),
    "another situation than the one reached": (
        START + "- {situation: advances, act: fire}\n",
        "answers.yaml:2:3: situation 'advances' but the session reached 'lowers-knife' here"),
    "unknown behaviour": (
        "- {situation: arrival, assess: agressive, plan: [cover], act: talk}\n",
        "assess 'agressive' is not a behaviour (behaviours: cooperative, passive_resistant"),
    "unknown tactic": (
        "- {situation: arrival, assess: serious_bodily_harm_or_death, plan: [cvr], act: talk}\n",
        "plan 'cvr' is not a tactic of 'arrival' (tactics: cover, backup, rush)"),
    "unknown field names answer-file fields": (
        "- {situation: arrival, assess: serious_bodily_harm_or_death, plan: [cover], act: talk, secs: 3}\n",
        "unknown field 'secs' (did you mean 'seconds'?)"),
    "a step the situation asks for is missing": (
        "- {situation: arrival, plan: [cover], act: talk}\n",
        "situation 'arrival' asks for 'assess' but the entry has none"),
    "a step the situation does not ask for": (
        START + "- {situation: lowers-knife, assess: passive_resistant, plan: [cover], act: talk-down}\n",
        "situation 'lowers-knife' does not ask for 'plan'; remove it"),
    "no act while time remains": (
        "- {situation: arrival, assess: serious_bodily_harm_or_death, plan: [cover]}\n",
        "no 'act' for situation 'arrival' and its 'seconds' stay within the time limit "
        "(options: talk, challenge, tackle)"),
    "the file ends before the scenario": (
        START,
        "the file ends, but the session reached situation 'lowers-knife'"),
    "an answer after the ending": (
        START + CALM + "- {situation: lowers-knife, act: talk-down}\n",
        "answers.yaml:3:3: an answer for situation 'lowers-knife' after the session ended at 'resolved'"),
    "unknown follow-up": (
        START + CALM + "- {follow_up: [refr]}\n",
        "follow_up 'refr' is not a choice of ending 'resolved' (choices: refer, nothing)"),
}


@pytest.mark.parametrize("case", sorted(ERRORS))
def test_answer_file_errors_are_one_line_and_write_no_log(case: str, example: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    text, expected = ERRORS[case]
    code, out, err = run_answers(tmp_path, example, text, capsys)
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert expected in err
    assert "options' (did you mean" not in err          # never scenario fields
    assert no_log_written(tmp_path), "a file that does not fit the path must write no log"


def test_follow_up_for_an_ending_without_one(example: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = ("- {situation: arrival, assess: serious_bodily_harm_or_death, plan: [cover], act: challenge, seconds: 1}\n"
            "- {situation: advances, assess: serious_bodily_harm_or_death, act: fire, seconds: 1}\n"
            "- {follow_up: [refer]}\n")
    code, _, err = run_answers(tmp_path, example, text, capsys)
    assert code == 1 and "the ending 'shot' has no follow-up step; remove the {follow_up: [...]} entry" in err
    assert no_log_written(tmp_path)


def test_follow_up_entry_is_optional(example: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_answers(tmp_path, example, START + CALM, capsys)
    assert code == 0, err
    log = read_log(Path(next(line for line in out.splitlines() if line.startswith("log: "))[5:]))
    assert log.status == "complete"
    assert [r for r in log.records if r["type"] == "follow_up"][0]["chosen"] == []
    assert log.records[-1]["type"] == "session_ended"


def test_authoring_guide_worked_example_runs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The answers file in docs/authoring.md plays the bus-shelter scenario to its end."""
    import re

    guide = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- answers-example -->\s*```yaml\n(.*?)```", guide, re.S)
    assert block, "docs/authoring.md lost its answers-file example"
    answers = tmp_path / "answers.yaml"
    answers.write_text(block.group(1), encoding="utf-8")
    scenario = ROOT / "tests" / "fixtures" / "teaching" / "bus-shelter-refusal.yaml"
    code = main(["run", str(scenario), "--answers", str(answers), "--seed", "1", "--log-dir", str(tmp_path / "l")])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "result: PASS" in out
