"""The second hardening round's hostile corpus (issue 12), one or more cases per class:

1. log reading bounded (FIFO, /dev/zero, huge files, endless lines, key files);
2. numbers finite and bounded (scenarios, rubrics, flags, logs in review);
3. scenario cost (loops, long paths, state budget, image header, many problems);
4. OS errors one line (long paths, folders, symlink loops, symlinks out);
5. integrity (duplicates by session id across the corpus);
6. replay refuses records out of order.

Every case runs as its own process under a 3 GiB address-space limit and a
15 s timeout (support.hardening2.run_cases), and must end with exit 1 or
2, no traceback, and one line on the stream that carries the refusal.
Static inputs live in tests/fixtures/hostile2/; the rest (FIFOs, symlinks,
re-chained logs, big files) is made here.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from support.hardening2 import (
    HOSTILE,
    ROOT,
    Case,
    Result,
    assert_one_line_refusal,
    real_log,
    rechain,
    records_of,
    run_cases,
)

LONG = "a" * 300  # longer than NAME_MAX (255): ENAMETOOLONG


def _scenario(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _example_with(folder: Path, name: str, old: str, new: str) -> str:
    """The contract example (copied with its image) with one text replaced."""
    text = (ROOT / "tests" / "fixtures" / "contract_example.yaml").read_text(encoding="utf-8")
    assert old in text, old
    shutil.copy(ROOT / "assets" / "images" / "hallway.png", folder / "hallway.png")
    return _scenario(folder, name, text.replace(old, new, 1))


def _logs(folder: Path, name: str) -> Path:
    path = folder / name
    path.mkdir()
    return path


def _mutated_log(folder: Path, name: str, edit: Callable[[list[dict]], None]) -> Path:
    """A genuine log, edited, re-chained so that it verifies, alone in its own folder."""
    source = real_log(folder / f"{name}-source")
    records = records_of(source.read_bytes())
    edit(records)
    target = _logs(folder, name) / source.name
    target.write_bytes(rechain(records))
    return target


def _set(type_: str, key: str, value: object) -> Callable[[list[dict]], None]:
    def edit(records: list[dict]) -> None:
        next(r for r in records if r["type"] == type_)[key] = value
    return edit


def _action_first(records: list[dict]) -> None:
    action = next(r for r in records if r["type"] == "action")
    records.remove(action)
    records.insert(1, action)


def build(tmp: Path) -> dict[str, tuple[Case, Callable[[Result], None]]]:  # noqa: PLR0915 - one table
    cases: dict[str, tuple[Case, Callable[[Result], None]]] = {}

    def add(name: str, argv: list[str], check: Callable[[Result], None], **kwargs: object) -> None:
        cases[name] = (Case(name, argv, **kwargs), check)  # type: ignore[arg-type]

    def refused(contains: str, stream: str = "err", codes: tuple[int, ...] = (1, 2)) -> Callable[[Result], None]:
        return lambda r: assert_one_line_refusal(r, stream=stream, codes=codes, contains=contains)

    # 1. log reading ------------------------------------------------------------------------
    fifo = _logs(tmp, "fifo")
    os.mkfifo(fifo / "x.jsonl")
    add("verify-fifo", ["verify", str(fifo)], refused("skipped (not a regular file (a FIFO))", "out"))
    add("review-fifo", ["review", str(fifo)], refused("not a regular file (a FIFO); skipped"))
    zero = _logs(tmp, "zero")
    (zero / "z.jsonl").symlink_to("/dev/zero")
    add("verify-dev-zero", ["verify", str(zero)], refused("not a regular file (a character device)", "out"))
    add("review-dev-zero", ["review", str(zero), "--format", "json"],
        refused("not a regular file (a character device)"))
    huge = _logs(tmp, "huge")
    with open(huge / "n.jsonl", "wb") as handle:
        handle.truncate(20 * 1024 * 1024)  # 20 MB, sparse: costs no disk
    add("verify-20mb", ["verify", str(huge)],
        refused("file is 20,971,520 bytes; a session log may be at most 8,388,608", "out"))
    add("review-20mb", ["review", str(huge), "--format", "html"], refused("a session log may be at most 8,388,608"))
    newlines = _logs(tmp, "newlines")
    (newlines / "n.jsonl").write_bytes(b"\n" * (7 * 1024 * 1024))
    add("verify-newlines", ["verify", str(newlines)], refused("more than 20,000 lines", "out"))
    add("review-newlines", ["review", str(newlines), "--format", "xapi"], refused("more than 20,000 lines"))
    wide = _logs(tmp, "wide")
    (wide / "w.jsonl").write_bytes(b'{"seq":0,"t":0,"type":"session_started","x":"' + b"y" * 200_000 + b'"}\n')
    add("verify-long-line", ["verify", str(wide)], refused("line 1: line longer than 65,536 bytes", "out"))
    add("review-long-line", ["review", str(wide)], refused("w.jsonl:1: line longer than 65,536 bytes"))

    os.mkfifo(tmp / "key-fifo")
    add("verify-key-file-fifo", ["verify", str(wide), "--key-file", str(tmp / "key-fifo")],
        refused("key file is not a regular file (a FIFO)"))
    add("review-key-file-dev-zero", ["review", str(wide), "--key-file", "/dev/zero"],
        refused("key file is not a regular file (a character device)"))

    # 2. numbers ---------------------------------------------------------------------------------
    num = tmp / "numbers"
    num.mkdir()
    add("validate-time-limit-inf", ["validate", _example_with(num, "t-inf.yaml", "time_limit_s: 20",
                                                              "time_limit_s: 1e999")],
        refused("'1e999' is not a finite number", "out"))
    add("validate-time-limit-601", ["validate", _example_with(num, "t-601.yaml", "time_limit_s: 20",
                                                              "time_limit_s: 601")],
        refused("must be <= 600", "out"))
    add("validate-width-1e8", ["validate", _example_with(num, "w.yaml", "width_m: 20", "width_m: 1e8")],
        refused("must be <= 500", "out"))
    add("validate-weight-1e18", ["validate", str(HOSTILE / "weight-1e18.yaml")],
        refused("whole numbers may be at most 1,000,000", "out"))
    add("validate-effect-huge", ["validate", _example_with(num, "e.yaml", "agitation: 3", "agitation: 10000000")],
        refused(":20:14: error: 10000000 is out of range", "out"))
    add("validate-rubric-inf", ["validate", str(HOSTILE / "rubric-inf" / "rubric-inf.yaml")],
        refused("bad-rubric.yaml:3:16: error: '1e999' is not a finite number", "out"))
    example = str(ROOT / "tests" / "fixtures" / "contract_example.yaml")
    for flag, value in [("--time-scale", "inf"), ("--time-scale", "nan"), ("--pace", "inf"), ("--seed", "-1"),
                        ("--time-scale", "0.01"), ("--seed", str(2**70))]:
        orphans = tmp / f"orphans{flag}{value}"
        add(f"run{flag}-{value}", ["run", example, "--policy", "best", flag, value, "--log-dir", str(orphans)],
            _and(refused(f"{flag} must be a number from", codes=(2,)), _no_files(orphans)))
    big = _mutated_log(tmp, "d1e308", _set("action", "decision_s", 1e308))
    add("review-decision-1e308", ["review", str(big.parent), "--format", "csv", "-o", str(tmp / "csv-out")],
        refused("decision_s 1e+308 is out of range (at most 1,000,000,000 in size); log skipped"))
    year = _mutated_log(tmp, "y9999", _set("session_started", "started_at", "9999-12-31T23:59:59.000Z"))
    add("review-xapi-year-9999", ["review", str(year.parent), "--format", "xapi"],
        refused("started_at year 9999 is out of range (1970 to 2999); log skipped"))

    # 3. scenario cost -------------------------------------------------------------------------------
    add("validate-random-self-loop", ["validate", str(HOSTILE / "self-loop-random.yaml")],
        refused("a loop lets a session go on without end: a -> a", "out"))
    add("run-random-self-loop", ["run", str(HOSTILE / "self-loop-random.yaml"), "--policy", "random", "--log-dir",
                                 str(tmp / "loop-logs")],
        _and(refused("a loop lets a session go on without end"), _no_files(tmp / "loop-logs")))
    add("validate-long-path", ["validate", _scenario(tmp, "long-path.yaml", _long_path(510))],
        refused("a path visits more than 500 situations: s0 -> s1", "out"))
    add("validate-four-counters", ["validate", str(HOSTILE / "four-counters.yaml")],
        refused("too many states: 4 variables with ranges a -2..62, b -2..62, c -2..62, d -2..62", "out"))
    add("explore-four-counters", ["explore", str(HOSTILE / "four-counters.yaml")],
        refused("reduce the ranges or add bounds"))
    add("validate-image-40000px", ["validate", str(HOSTILE / "huge-image" / "huge-image.yaml")],
        refused("'huge.png' is 40,000 x 40,000 pixels; an image may have at most 16,777,216", "out"))
    add("validate-rubric-600kb", ["validate", _big_rubric(tmp)],
        refused("rubric file is larger than 524,288 bytes", "out"))
    add("validate-45000-unknown-keys", ["validate", _scenario(tmp, "keys.yaml", _many_unknown_keys(45_000))],
        _many_problems(45_000))

    # 4. OS errors ------------------------------------------------------------------------------------
    cwd = str(tmp)
    add("validate-300-char-path", ["validate", f"{LONG}.yaml"], refused("file name too long", "err"), cwd=cwd)
    add("verify-300-char-path", ["verify", f"{LONG}.jsonl"], refused("File name too long"), cwd=cwd)
    add("review-300-char-path", ["review", f"{LONG}.jsonl"], refused("File name too long"), cwd=cwd)
    add("new-300-char-dir", ["new", "x", "--dir", LONG], refused("file name too long"), cwd=cwd)
    add("replay-300-char-path", ["replay", f"{LONG}.jsonl"], refused("file name too long"), cwd=cwd)
    add("run-300-char-scenario", ["run", f"{LONG}.yaml", "--policy", "best"], refused("File name too long"), cwd=cwd)
    add("schema-o-folder", ["schema", "-o", str(tmp)], refused("is a folder, not a file"))
    add("validate-image-symlink-loop", ["validate", _image_loop(tmp)],
        refused("'loop.png' is a symbolic link that leads nowhere", "out"))
    dangling = tmp / "new-here"
    dangling.mkdir()
    (dangling / "drill.yaml").symlink_to(tmp / "outside" / "drill.yaml")
    add("new-through-dangling-symlink", ["new", "drill", "--dir", str(dangling), "--force"],
        _and(refused("is a symbolic link that leaves its folder"), _no_files(tmp / "outside")))

    # 5. integrity ---------------------------------------------------------------------------------------
    conflict = _conflicting_copies(tmp)
    add("review-conflicting-copies", ["review", str(conflict), "--format", "json"], _conflict_check)

    # 6. replay -----------------------------------------------------------------------------------------
    disorder = _mutated_log(tmp, "disorder", _action_first)
    add("replay-action-before-situation", ["replay", str(disorder)],
        refused(":2: action before any situation; cannot replay"), env={"SDL_VIDEODRIVER": "dummy"})
    return cases


def _and(*checks: Callable[[Result], None]) -> Callable[[Result], None]:
    def check(result: Result) -> None:
        for one in checks:
            one(result)
    return check


def _no_files(folder: Path) -> Callable[[Result], None]:
    def check(_: Result) -> None:
        assert not folder.exists() or not any(folder.rglob("*")), list(folder.rglob("*"))
    return check


def _many_problems(count: int) -> Callable[[Result], None]:
    """In time (positions are indexed), one line per problem, at most 100 listed and
    then one line saying how many more."""
    def check(result: Result) -> None:
        assert result.code == 1 and "Traceback" not in result.err + result.out, result.err[-2000:]
        lines = result.out.strip().split("\n")
        assert len(lines) == 102 and lines[-1] == "1 file checked: 101 errors, 0 warnings", lines[-3:]
        assert sum("more problems (only the first 100 are listed)" in line for line in lines) == 1
        assert sum(bool(re.search(r"keys\.yaml:\d+:\d+: error: unknown field 'k\d+'", line)) for line in lines) >= 90
    return check


def _long_path(length: int) -> str:
    situations = "\n".join(
        f"  s{i}:\n    narrative: Step {i}.\n    subject: {{behaviour: cooperative}}\n"
        f"    options: [{{id: go, label: Go, force: [officer_presence], "
        f"next: {'end' if i == length - 1 else f's{i + 1}'}}}]"
        for i in range(length))
    return (f"format: 1\nid: long-path\ntitle: Long\nstart: s0\nsituations:\n{situations}\n"
            "endings:\n  end: {narrative: Done., result: resolved}\n")


def _many_unknown_keys(count: int) -> str:
    junk = "".join(f"k{i}: 1\n" for i in range(count))  # about 450 KB: under the 512 KiB cap
    return f"format: 1\nid: keys\ntitle: Keys\nstart: a\n{junk}situations: {{}}\nendings: {{}}\n"


def _big_rubric(tmp: Path) -> str:
    folder = tmp / "big-rubric"
    folder.mkdir()
    (folder / "rubric.yaml").write_text("name: big\n" + "#" * 600_000 + "\n", encoding="utf-8")
    return _example_with(folder, "s.yaml", "difficulty: 3 ", "rubric: rubric.yaml\ndifficulty: 3 ")


def _image_loop(tmp: Path) -> str:
    folder = tmp / "image-loop"
    folder.mkdir()
    (folder / "loop.png").symlink_to("loop.png")
    path = _example_with(folder, "s.yaml", "image: hallway.png", "image: loop.png")
    return path


def _conflicting_copies(tmp: Path) -> Path:
    """One genuine passing log twice under other names, and a different log claiming its id."""
    corpus = tmp / "copies"
    genuine = real_log(tmp / "copies-source")
    data = genuine.read_bytes()
    for name in ("a", "b"):
        (corpus / name).mkdir(parents=True)
        (corpus / name / f"renamed-{name}.jsonl").write_bytes(data)
    other = records_of(real_log(tmp / "copies-other", seed=2, policy="worst").read_bytes())
    other[0]["session_id"] = records_of(data)[0]["session_id"]
    (corpus / "c.jsonl").write_bytes(rechain(other))
    return corpus


def _conflict_check(result: Result) -> None:
    assert result.code == 1 and "Traceback" not in result.err, result
    totals = json.loads(result.out)["totals"]
    lines = result.err.strip().split("\n")
    assert len(lines) == 3 and all("conflict, not counted" in line for line in lines), lines
    assert (totals["files"], totals["sessions"], totals["skipped"], totals["duplicates"]) == (3, 0, 3, 0), totals


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Result, Callable[[Result], None]]]:
    table = build(tmp_path_factory.mktemp("hostile2"))
    assert sorted(table) == sorted(CASE_NAMES)
    results = run_cases([case for case, _ in table.values()])
    return {name: (results[name], check) for name, (_, check) in table.items()}


CASE_NAMES = [
    "verify-fifo", "review-fifo", "verify-dev-zero", "review-dev-zero", "verify-20mb", "review-20mb",
    "verify-newlines", "review-newlines", "verify-long-line", "review-long-line", "verify-key-file-fifo",
    "review-key-file-dev-zero",
    "validate-time-limit-inf", "validate-time-limit-601", "validate-width-1e8", "validate-weight-1e18",
    "validate-effect-huge", "validate-rubric-inf",
    "run--time-scale-inf", "run--time-scale-nan", "run--pace-inf", "run--seed--1", "run--time-scale-0.01",
    f"run--seed-{2**70}", "review-decision-1e308", "review-xapi-year-9999",
    "validate-random-self-loop", "run-random-self-loop", "validate-long-path", "validate-four-counters",
    "explore-four-counters", "validate-image-40000px", "validate-rubric-600kb", "validate-45000-unknown-keys",
    "validate-300-char-path", "verify-300-char-path", "review-300-char-path", "new-300-char-dir",
    "replay-300-char-path", "run-300-char-scenario", "schema-o-folder", "validate-image-symlink-loop",
    "new-through-dangling-symlink", "review-conflicting-copies", "replay-action-before-situation",
]


@pytest.mark.parametrize("name", CASE_NAMES)
def test_hostile_case(outcomes: dict[str, tuple[Result, Callable[[Result], None]]], name: str) -> None:
    result, check = outcomes[name]
    assert result.code is not None and result.seconds < 15.0, (name, result.seconds)
    check(result)
