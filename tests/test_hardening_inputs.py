"""Hostile scenario and answers files through the real commands: exit 1, one
`path[:line:col]: error:` line, no traceback, seconds not minutes, bounded memory
and nothing executed. Files that attack time or memory run as subprocesses whose
own peak RSS is measured; the rest run in-process through `simulator.cli.main`
(same code path, a tenth of the time)."""

from __future__ import annotations

import os
import random
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from simulator.cli import main
from simulator.scenario.source import MAX_DEPTH, MAX_FILE_BYTES, MAX_NODES
from support.hardening import EXAMPLE, TRACEBACK, Outcome, uofsim

PEAK_RSS_MB = 300  # generous: a plain `validate` of a good file peaks near 35 MB
MARKER = "/tmp/uofsim-hardening-pwned"


def _laughs() -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


# Run as subprocesses, with their peak RSS measured: they attack time or memory.
RESOURCE_CASES = {"billion-laughs", "aliases-wide", "nodes-wide", "50-megabytes", "flow-seq-10000-deep",
                  "flow-map-10000-deep", "block-seq-10000-deep", "block-map-1001-deep", "python-apply-os-system",
                  "python-object-new", "binary"}

# name -> (bytes of the file, a piece of the one error line)
HOSTILE: dict[str, tuple[Callable[[], bytes], str]] = {
    "billion-laughs": (lambda: _laughs().encode(), "too many aliases"),
    "aliases-wide": (lambda: b"a: &a [1, 2, 3]\nb: [" + b", ".join([b"*a"] * 70_000) + b"]\n", "too many aliases"),
    "nodes-wide": (lambda: b"[" + b"1," * ((MAX_FILE_BYTES - 4) // 2) + b"1]", f"more than {MAX_NODES:,} values"),
    "50-megabytes": (lambda: b"# " + b"x" * (50 * 1024 * 1024) + b"\n", "larger than"),
    "flow-seq-10000-deep": (lambda: b"[" * 10_000 + b"]" * 10_000, "nested too deeply"),
    "flow-map-10000-deep": (lambda: b"{a: " * 10_000 + b"1" + b"}" * 10_000, "nested too deeply"),
    "block-seq-10000-deep": (lambda: b"- " * 10_000 + b"x\n", "nested too deeply"),
    "block-map-1001-deep": (lambda: b"".join(b" " * i + b"a:\n" for i in range(1001)), "nested too deeply"),
    "nested-past-max-depth": (lambda: b"a: " + b"[" * (MAX_DEPTH + 5) + b"]" * (MAX_DEPTH + 5) + b"\n",
                              f"nested more than {MAX_DEPTH} levels"),
    "python-apply-os-system": (lambda: f'format: 1\nid: !!python/object/apply:os.system ["touch {MARKER}"]\n'.encode(),
                               "unsupported YAML tag"),
    "python-object-new": (lambda: f'!!python/object/new:subprocess.Popen [["touch", "{MARKER}"]]\n'.encode(),
                          "unsupported YAML tag"),
    "python-name": (lambda: b"format: !!python/name:os.system\n", "unsupported YAML tag"),
    "local-tag": (lambda: b"format: 1\nid: !shell rm\n", "unsupported YAML tag"),
    "binary": (lambda: random.Random(7).randbytes(4096), "not UTF-8"),
    "latin-1": (lambda: "format: 1\nid: x\ntitle: Caf\xe9\n".encode("latin-1"), "not UTF-8"),
    "utf-16": (lambda: "format: 1\nid: x\n".encode("utf-16"), "not UTF-8"),
    "nul-byte": (lambda: b"format: 1\nid: a\x00b\n", "#x0000"),
    "control-char": (lambda: b"format: 1\nid: a\x1b[31mb\n", "not allowed"),
    "empty": (lambda: b"", "file is empty"),
    "only-comments": (lambda: b"# nothing here\n\n   \n", "file is empty"),
    "bom-only": (lambda: b"\xef\xbb\xbf", "file is empty"),
    "a-list": (lambda: b"- format: 1\n- id: x\n", "found a list"),
    "a-scalar": (lambda: b"just words\n", "found 'just words'"),
    "a-number": (lambda: b"42\n", "found 42"),
    "two-documents": (lambda: b"format: 1\n---\nformat: 1\n", "not valid YAML"),
    "duplicate-key": (lambda: b"format: 1\nid: a\nid: b\n", "duplicate key 'id'"),
}


def _one_error_line(result: Outcome, path: Path) -> str:
    errors = [line for line in result.out.splitlines() + result.err.splitlines() if ": error: " in line]
    assert len(errors) == 1, result
    assert re.match(rf"{re.escape(str(path))}(:\d+:\d+)?: error: ", errors[0]), errors[0]
    return errors[0]


def _assert_refused(result: Outcome, path: Path, expected: str) -> None:
    assert result.code == 1, result
    assert TRACEBACK not in result.err, result.err
    assert expected in _one_error_line(result, path)
    assert result.peak_rss_mb < PEAK_RSS_MB, f"{path.name}: peak RSS {result.peak_rss_mb:.0f} MB"


def in_process(capsys: pytest.CaptureFixture[str], *argv: str) -> Outcome:
    """`simulator.cli.main(argv)` with its output captured (peak RSS not measured)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return Outcome(code, out, err, 0.0)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_scenario_is_one_error_line(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if os.path.exists(MARKER):
        os.remove(MARKER)
    make, expected = HOSTILE[name]
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(make())
    result = uofsim("validate", str(path)) if name in RESOURCE_CASES else in_process(capsys, "validate", str(path))
    _assert_refused(result, path, expected)
    assert not os.path.exists(MARKER), "a YAML tag executed code"


@pytest.fixture
def scenario_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "scenario"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "example.yaml")
    (folder / "hallway.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return folder


def test_bom_and_crlf_are_fine_and_positions_stay_right(scenario_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (scenario_dir / "example.yaml").read_bytes()
    good = scenario_dir / "bom-crlf.yaml"
    good.write_bytes(b"\xef\xbb\xbf" + text.replace(b"\n", b"\r\n").replace(b"id: knife-crisis-hallway", b"id: other"))
    result = in_process(capsys, "validate", str(good))
    assert result.code == 0, result
    bad = scenario_dir / "bad-crlf.yaml"
    bad.write_bytes(b"\xef\xbb\xbf" + text.replace(b"\n", b"\r\n").replace(b"minutes: 6", b"minutes: 6\r\nsurprise: 1"))
    line = _one_error_line(in_process(capsys, "validate", str(bad)), bad)
    surprise = text.split(b"\n").index(b"minutes: 6                          # expected length") + 2
    assert line.startswith(f"{bad}:{surprise}:1: error: unknown field 'surprise'"), line


def test_scenario_read_through_a_symlink_is_the_users_choice(scenario_dir: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    link = elsewhere / "linked.yaml"
    link.symlink_to(scenario_dir / "example.yaml")
    (elsewhere / "hallway.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    result = in_process(capsys, "validate", str(link))
    assert result.code == 0, result


def _with_image(scenario_dir: Path, image: str) -> Path:
    text = (scenario_dir / "example.yaml").read_text()
    assert "image: hallway.png" in text
    path = scenario_dir / "imaged.yaml"
    path.write_text(text.replace("image: hallway.png", f"image: {image}"))
    return path


@pytest.mark.parametrize(
    ("image", "expected"),
    [
        ("../../../../../../etc/passwd", "leaves its folder"),
        ("/etc/passwd", "not absolute"),
        ("'C:/Windows/win.ini'", "not absolute"),
        ("'..\\\\secret.png'", "not a valid relative file path"),
        ('"hall\\0way.png"', "not a valid relative file path"),
        ("''", "not a valid relative file path"),
        ("escape.png", "leaves its folder"),  # a symlink out of the folder
        ("sub/../../outside.png", "leaves its folder"),
        ("missing.png", "not found"),
    ],
)
def test_image_paths_cannot_escape(scenario_dir: Path, tmp_path: Path, image: str, expected: str,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    outside = tmp_path / "outside.png"
    outside.write_bytes(b"\x89PNG\r\n\x1a\n")
    (scenario_dir / "escape.png").symlink_to(outside)
    (scenario_dir / "sub").mkdir()
    path = _with_image(scenario_dir, image)
    result = in_process(capsys, "validate", str(path))
    assert result.code == 1, result
    line = _one_error_line(result, path)
    assert re.match(rf"{re.escape(str(path))}:\d+:\d+: error: .*{re.escape(expected)}", line), line


def test_image_symlink_inside_the_folder_is_fine(scenario_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (scenario_dir / "pictures").mkdir()
    (scenario_dir / "hallway.png").rename(scenario_dir / "pictures" / "real.png")
    (scenario_dir / "alias.png").symlink_to(scenario_dir / "pictures" / "real.png")
    assert in_process(capsys, "validate", str(_with_image(scenario_dir, "alias.png"))).code == 0


# --- the answers file of `uofsim run` ------------------------------------------------------------

ANSWERS: dict[str, tuple[bytes, str]] = {
    "billion-laughs": (_laughs().encode(), "too many aliases"),
    "flow-10000-deep": (b"[" * 10_000 + b"]" * 10_000, "nested too deeply"),
    "block-10000-deep": (b"- " * 10_000 + b"x\n", "nested too deeply"),
    "python-apply": (f'- !!python/object/apply:os.system ["touch {MARKER}"]\n'.encode(), "unsupported YAML tag"),
    "binary": (random.Random(8).randbytes(2048), "not UTF-8"),
    "empty": (b"", "file is empty"),
    "a-mapping": (b"situation: arrival\n", "expected a non-empty list"),
    "a-scalar": (b"talk\n", "expected a non-empty list"),
    "empty-list": (b"[]\n", "expected a non-empty list"),
    "seconds-inf": (b"- {situation: arrival, act: talk, seconds: 1e999}\n", "finite"),
    "seconds-huge": (b"- {situation: arrival, act: talk, seconds: 1e300}\n", "must be <= 86400"),
    "seconds-negative": (b"- {situation: arrival, act: talk, seconds: -1}\n", ">= 0"),
    "seconds-text": (b"- {situation: arrival, act: talk, seconds: .nan}\n", "a number"),
    "unknown-key": (b"- {situation: arrival, act: talk, shell: rm}\n", "unknown field 'shell'"),
    "after-follow-up": (b"- {follow_up: [refer]}\n- {situation: arrival}\n", "nothing may follow"),
    "50-megabytes": (b"# " + b"x" * (50 * 1024 * 1024), "larger than"),
}


ANSWER_RESOURCE_CASES = {"billion-laughs", "flow-10000-deep", "python-apply", "50-megabytes"}


@pytest.mark.parametrize("name", sorted(ANSWERS))
def test_hostile_answers_file_is_one_error_line(name: str, scenario_dir: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    if os.path.exists(MARKER):
        os.remove(MARKER)
    text, expected = ANSWERS[name]
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(text)
    logs = tmp_path / "logs"
    argv = ("run", str(scenario_dir / "example.yaml"), "--answers", str(path), "--log-dir", str(logs))
    result = uofsim(*argv) if name in ANSWER_RESOURCE_CASES else in_process(capsys, *argv)
    _assert_refused(result, path, expected)
    assert len(result.err.strip().splitlines()) == 1, result.err
    assert not logs.exists() or not list(logs.iterdir()), "a bad answers file must not start a session"
    assert not os.path.exists(MARKER)


@pytest.mark.parametrize("special", ["/dev/zero", "folder"])
def test_answers_from_a_device_or_folder_is_bounded(special: str, scenario_dir: Path, tmp_path: Path) -> None:
    path = tmp_path if special == "folder" else Path(special)
    result = uofsim("run", str(scenario_dir / "example.yaml"), "--answers", str(path), "--log-dir", str(tmp_path / "l"))
    _assert_refused(result, path, "not a regular file" if special == "/dev/zero" else "is a folder")


# --- trainee ids, wherever they enter --------------------------------------------------------------

BAD_TRAINEES = ["../../etc/x", "a/b", "", ".hidden", "x" * 65, "recrue\u00e9", "a b", "a\nb", "a\x1b[2Jb", "C:x"]


@pytest.mark.parametrize("trainee", BAD_TRAINEES)
def test_run_refuses_bad_trainee_ids(trainee: str, scenario_dir: Path, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    logs = tmp_path / "logs"
    argv = ("run", str(scenario_dir / "example.yaml"), "--policy", "best", "--trainee", trainee, "--log-dir", str(logs))
    result = uofsim(*argv) if trainee == BAD_TRAINEES[0] else in_process(capsys, *argv)
    assert result.code == 2 and TRACEBACK not in result.err, result
    assert len(result.err.strip().splitlines()) == 1 and "invalid trainee id" in result.err
    assert not logs.exists()


@pytest.mark.parametrize("trainee", ["../../etc/x", "a\nb"])
def test_play_refuses_bad_trainee_ids_before_opening_a_window(trainee: str, scenario_dir: Path) -> None:
    result = uofsim("play", str(scenario_dir / "example.yaml"), "--trainee", trainee,
                    env={"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"})
    assert result.code == 2 and TRACEBACK not in result.err, result
    assert len(result.err.strip().splitlines()) == 1 and "invalid trainee id" in result.err
