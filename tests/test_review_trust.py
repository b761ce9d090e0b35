"""Trust: tampered, torn, aborted, other-version and odd logs; escaping of texts from logs."""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from support.review import ROOT, ended, play, review_json, run_cli, situation, write_log

SCRIPT_ID = "<script>alert(1)</script>"
S = "serious_bodily_harm_or_death"


def _one_session(folder: Path, trainee: str = "ok-1", minute: int = 1, **kw: object) -> Path:
    return write_log(folder, trainee=trainee, minute=minute, body=[
        *situation("s1", S, assessed=S, plan_score=1.0, option="shoot", level=5, verdict="reasonable",
                   range_max="lethal_force", total=1.0),
        *ended(100, True)], **kw)  # type: ignore[arg-type]


def test_tampered_log_listed_not_counted(tmp_path: Path) -> None:
    good = play(tmp_path, "phone-not-gun", "t1", policy="best")
    bad = play(tmp_path, "phone-not-gun", "t2", policy="worst")
    lines = bad.read_bytes().split(b"\n")
    lines[2] = lines[2].replace(b'"score":0.0', b'"score":1.0')  # a better assessment, after the fact
    bad.write_bytes(b"\n".join(lines))
    code, report, err = review_json(tmp_path)
    assert code == 1
    assert report["totals"]["sessions"] == 1 and [t["trainee"] for t in report["trainees"]] == ["t1"]
    (item,) = report["tampered"]
    assert item["path"] == str(bad) and item["claimed_trainee"] == "t2" and item["first_bad_seq"] in (1, 2)
    assert f"{bad}:{item['first_bad_seq'] + 1}: tampered" in err
    assert str(good) not in err


def test_torn_aborted_and_incomplete_counted_as_such(tmp_path: Path) -> None:
    write_log(tmp_path, trainee="x", minute=1, body=[
        ("situation_entered", {"situation": "s1", "behaviour": S, "time_limit_s": None}),
                                                    ("session_aborted", {"reason": "window_closed"})])
    torn = write_log(tmp_path, trainee="x", minute=2, body=[
        ("situation_entered", {"situation": "s1", "behaviour": S, "time_limit_s": None})])
    with open(torn, "ab") as handle:
        handle.write(b'{"seq":2,"t":')  # the crash hit while writing seq 2
    code, report, err = review_json(tmp_path)
    assert code == 0
    x = report["trainees"][0]
    assert (x["complete"], x["aborted"], x["incomplete"]) == (0, 1, 1)
    assert f"{torn}:3: torn last line skipped" in err
    assert [s["abort_reason"] for s in report["sessions"]] == ["window_closed", None]


def test_other_format_version_is_a_warning_not_tampering(tmp_path: Path) -> None:
    _one_session(tmp_path, minute=1)
    future = _one_session(tmp_path, minute=2, fmt=2)
    code, report, err = review_json(tmp_path)
    assert code == 1  # the input has a problem, but the rest still reports
    assert report["totals"]["sessions"] == 1 and report["totals"]["skipped"] == 1 and report["tampered"] == []
    assert f"{future}:1: session log format 2" in err


def test_wrong_types_and_unknown_records_warn_with_file_and_line(tmp_path: Path) -> None:
    odd = write_log(tmp_path, trainee="odd", minute=1, body=[
        ("situation_entered", {"situation": "s1", "behaviour": S, "time_limit_s": None}),
        ("action", {"situation": "s1", "option": "x", "force": ["lethal_force"], "level": "five",
                    "range": {"min": "communication", "max": "lethal_force"},
                    "verdict": "reasonable", "severity": 0, "critical": False, "reportable": True, "decision_s": 1.0}),
        *ended(50, False)])
    unknown = write_log(tmp_path, trainee="odd", minute=2, body=[("teleported", {"where": "moon"}), *ended(50, False)])
    broken = _one_session(tmp_path, trainee="odd", minute=3)
    lines = broken.read_bytes().split(b"\n")
    lines.insert(3, b"this is not json")
    broken.write_bytes(b"\n".join(lines))
    code, report, err = review_json(tmp_path)
    assert f"{odd}:3: action: level has the wrong type or value ('five'); line skipped" in err
    assert f"{unknown}:2: tampered (" in err and "teleported" in err
    assert re.search(re.escape(str(broken)) + r":\d+: tampered", err)
    odd_row = report["trainees"][0]
    assert odd_row["sessions"] == 1 and odd_row["actions"] == 0 and odd_row["latest_score"] == 50
    assert len(report["tampered"]) == 2 and code == 1


def test_mac_checked_with_the_key(tmp_path: Path) -> None:
    key_file = tmp_path / "academy.key"
    key_file.write_text("academy-secret\n")
    logs = tmp_path / "logs"
    _one_session(logs, key=b"academy-secret")
    code, report, _ = review_json(logs, extra=["--key-file", str(key_file)])
    assert code == 0 and report["totals"]["mac_checked"] and report["totals"]["sessions"] == 1
    key_file.write_text("another key\n")
    code, report, _ = review_json(logs, extra=["--key-file", str(key_file)])
    assert code == 1 and report["totals"]["sessions"] == 0 and "mac does not match" in report["tampered"][0]["detail"]


def test_copies_of_one_log_counted_once(tmp_path: Path) -> None:
    log = _one_session(tmp_path / "ws1")
    (tmp_path / "share").mkdir()
    shutil.copy(log, tmp_path / "share" / log.name)
    code, report, err = review_json(tmp_path)
    assert code == 0 and report["totals"]["sessions"] == 1 and report["totals"]["duplicates"] == 1
    assert "counted once" in err


def test_bad_usage_and_missing_paths(tmp_path: Path) -> None:
    assert run_cli(["review", str(tmp_path / "nope")])[0] == 1
    assert run_cli(["review", str(tmp_path), "--format", "csv"])[0] == 2
    assert run_cli(["review", str(tmp_path), "--since", "yesterday"])[0] == 2
    code, out, _ = run_cli(["review", str(tmp_path)])
    assert code == 0 and "0 session(s) counted" in out


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """Logs whose texts try to attack each output."""
    _one_session(tmp_path, trainee=SCRIPT_ID, minute=1)
    _one_session(tmp_path, trainee="\x1b[2J\x1b[31mred\x1b]0;title\x07\nforged line", minute=2)
    _one_session(tmp_path, trainee='=HYPERLINK("http://evil","x")', minute=3)
    _one_session(tmp_path, trainee="$\\frac{a}{b}$", minute=4)  # not mathtext in charts
    return tmp_path


def test_table_strips_control_sequences(hostile: Path) -> None:
    code, out, _ = run_cli(["review", str(hostile), "--timelines"])
    assert code == 0
    assert "\x1b" not in out and "\x07" not in out
    assert "redforged line" in out and SCRIPT_ID in out  # plain text in a terminal, harmless
    assert all(ch == "\n" or ch.isprintable() for ch in out)


def test_csv_guards_formulas(hostile: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("csv")
    assert run_cli(["review", str(hostile), "--format", "csv", "-o", str(folder)])[0] == 0
    for name in ("trainees.csv", "sessions.csv", "decisions.csv", "lethal_force.csv"):
        with open(folder / name, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
        cells = [c for row in rows for c in row.values()]
        assert not any(c.startswith(("=", "+", "@")) for c in cells), name
        assert any(c.startswith("'=HYPERLINK") for c in cells) or name == "decisions.csv"
    with open(folder / "sessions.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["score"] == "100.0" and rows[0]["passed"] == "true"


def _html(logs: Path, out: Path) -> str:
    code, _, err = run_cli(["review", str(logs), "--format", "html", "-o", str(out)])
    assert code == 0, err
    return out.read_text(encoding="utf-8")


def _only_our_script(html: str) -> None:
    """The report's one script is the filter box, allowed by hash in the CSP; no other."""
    from simulator.review.render_html import FILTER_SCRIPT, SCRIPT_HASH

    assert html.lower().count("<script") == 1 and f"<script>{FILTER_SCRIPT}</script>" in html
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
    assert csp and "default-src 'none'" in csp.group(1) and f"script-src '{SCRIPT_HASH}'" in csp.group(1)


def test_html_escapes_and_is_self_contained(hostile: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    html = _html(hostile, tmp_path_factory.mktemp("html") / "report.html")
    _only_our_script(html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert not re.search(r"""(src|href)=["'](?!data:|#)""", html)  # nothing loaded from elsewhere
    charts = re.findall(r"<svg\b.*?</svg>", html, re.S)
    assert len(charts) >= 2  # score distribution, progress
    for chart in charts:
        root = ElementTree.fromstring(chart.replace("&nbsp;", " "))
        assert root.tag.endswith("svg")
    assert html.count('<details class="session"') == 4 and "@media print" in html


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _chromium_run(args: list[str]) -> subprocess.CompletedProcess[str]:
    browser = _chromium()
    assert browser
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}", *args],
            capture_output=True, text=True, timeout=90, check=False,
        )


@pytest.mark.skipif(_chromium() is None,
                    reason="chromium is not installed (apt-get install -y chromium; .ci/run does it)")
def test_html_in_headless_chromium(hostile: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("chromium")
    play(hostile, "phone-not-gun", "real-1", policy="worst", seed=2)
    report = folder / "report.html"
    _html(hostile, report)
    dom = _chromium_run(["--dump-dom", report.as_uri()]).stdout
    for table in ("table-readiness", "table-trainees", "table-scenarios", "table-lethal", "table-competencies"):
        assert f'id="{table}"' in dom
    assert re.search(r'<figure id="chart-scores"><svg', dom)
    _only_our_script(dom)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom
    assert dom.count('<details class="session"') == 5 and "A dark object in his hand" in dom
    shot = folder / "report.png"
    _chromium_run(["--window-size=1400,2000", f"--screenshot={shot}", report.as_uri()])
    assert shot.exists() and shot.stat().st_size > 20_000


@pytest.mark.parametrize("fmt, engine, models", [("table", False, False), ("csv", False, False), ("xapi", False, True),
                                                 ("json", True, True), ("html", True, True)])
def test_each_format_imports_only_what_it_needs(tmp_path: Path, fmt: str, engine: bool, models: bool) -> None:
    """No matplotlib anywhere; Jinja2 only for html; the engine only where timelines are
    built; pydantic (the scenario model) only there and for xapi's interaction definitions,
    which list each situation's choices: start-up time is most of a small review."""
    _one_session(tmp_path / "logs")
    code = (
        "import sys, io, contextlib\n"
        "from simulator.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['review', {str(tmp_path / 'logs')!r}, '--format', {fmt!r}, '-o', {str(tmp_path / 'out')!r}])\n"
        "print('matplotlib' in sys.modules, 'jinja2' in sys.modules, 'simulator.engine' in sys.modules,"
        " 'pydantic' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}).stdout
    assert out.split() == ["False", str(fmt == "html"), str(engine), str(models)]


def test_records_out_of_order_still_report(tmp_path: Path) -> None:
    log = write_log(tmp_path, trainee="odd", minute=1, body=[
        ("action", {"situation": "s1", "option": "x", "force": ["communication"], "level": 1,
                    "range": {"min": "communication", "max": "lethal_force"}, "verdict": "insufficient",
                    "severity": 3, "critical": False, "reportable": False, "decision_s": 1.0}),
        *ended(10, False)])
    code, report, err = review_json(tmp_path)
    assert code == 0 and report["sessions"][0]["timeline"] is None
    assert f"{log}: timeline cannot be rebuilt" in err
    assert report["trainees"][0]["insufficient"] == 1
