"""The report a training officer reads (issue 15): readiness, the grid, competencies,
the documented figures, tidy CSV, languages, and the HTML in a real browser at cohort
size (25 recruits x 12 scenarios): screenshots, print to PDF, nothing cut."""

from __future__ import annotations

import csv
import importlib.util
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest

from simulator.review import DEFAULT_RULE, ReadinessRule, trainee_readiness
from simulator.review.formatting import DIGITS
from simulator.review.render_csv import TABLES
from support.review import ROOT, cohort, ended, review_json, run_cli, situation, write_log

S, A, P = "serious_bodily_harm_or_death", "assaultive", "passive_resistant"
DOCS = ROOT / "docs"
# Screenshots go to the git-ignored screenshots/ folder for a person to look at; set
# UOFSIM_UPDATE_DOCS=1 to refresh the ones in docs/images/ (so a test run leaves the tree clean).
IMAGES = DOCS / "images" if os.environ.get("UOFSIM_UPDATE_DOCS") else ROOT / "screenshots"


# --- readiness ---------------------------------------------------------------------------------

def _trainee(cells: dict[str, dict[str, Any]],
             latest_competencies: dict[str, float | None] | None = None) -> dict[str, Any]:
    full = {s: {"attempts": 1, "complete": 1, "passed": 1, "latest_passed": True, "latest_score": 90.0,
                "latest_critical_errors": 0, **c} for s, c in cells.items()}
    return {"by_scenario": full, "latest_competencies": latest_competencies or {"perception": 80.0, "force": None}}


def test_readiness_default_rule() -> None:
    scenarios = ["a", "b"]
    assert trainee_readiness(_trainee({"a": {}, "b": {}}), scenarios).status == "ready"
    not_yet = trainee_readiness(_trainee({"a": {}}), scenarios)
    assert not_yet.status == "not_yet" and [(r.code, r.where) for r in not_yet.reasons] == [("not_attempted", "b")]
    failed = trainee_readiness(_trainee({"a": {"latest_passed": False, "latest_score": 41.5},
                                         "b": {"latest_critical_errors": 1}}), scenarios)
    assert failed.status == "needs_help"
    assert [(r.code, r.where, r.value) for r in failed.reasons] \
        == [("latest_failed", "a", 41.5), ("latest_critical", "b", 1)]
    low = trainee_readiness(_trainee({"a": {}, "b": {}}, {"perception": 59.9, "tactics": 60.0, "time": None}),
                            scenarios)
    assert low.status == "needs_help" and [(r.code, r.where) for r in low.reasons] == [("competency_low", "perception")]


def test_readiness_rule_is_data() -> None:
    """An academy's settings plug in as a ReadinessRule (issue 14's store)."""
    row = _trainee({"a": {"latest_passed": False}}, {"perception": 10.0})
    lenient = ReadinessRule(required_scenarios=("a",), latest_must_pass=False, min_competency=None, name="academy")
    assert trainee_readiness(row, ["a", "b"], lenient).status == "ready"
    assert trainee_readiness(row, ["a", "b"], DEFAULT_RULE).status == "needs_help"


# --- figures as documented ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def hand_set(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report_hand")
    # cy: "drill" 20 -> 40 -> 60 (slope +20, three attempts), "other" 80 -> 70 (slope -10, two attempts).
    # Documented trend: the plain mean of the slopes, (20 + -10) / 2 = +5 (weighted by repeats it would be +10).
    for minute, score in ((1, 20), (2, 40), (3, 60)):
        write_log(folder, trainee="cy", minute=minute, body=[
            *situation("s1", A, assessed=A, plan_score=1.0, option="push", level=3, verdict="reasonable",
                       range_max="intermediate_weapons", total=score / 100, seconds=1.234),
            *ended(score, score >= 50)])
    for minute, score in ((4, 80), (5, 70)):
        write_log(folder, trainee="cy", minute=minute, scenario="other", body=[
            *situation("s9", A, assessed=P, plan_score=0.5, option="push", level=3, verdict="reasonable",
                       range_max="intermediate_weapons", total=score / 100, seconds=2.0),
            ("timeout", {"situation": "s9", "phase": "plan"}),
            *ended(score, True)])
    # dee: a newer log: competencies recorded, a drawn firearm (not a shot), a deliberate wait.
    write_log(folder, trainee="dee", minute=6, body=[
        ("situation_entered", {"situation": "s1", "behaviour": S, "time_limit_s": 5.0}),
        ("assessment", {"situation": "s1", "chosen": A, "expected": S, "score": 0.5, "decision_s": 1.0}),
        ("timeout", {"situation": "s1", "phase": "plan", "wait": True}),
        ("action", {"situation": "s1", "option": "draw", "force": ["lethal_force"], "level": 5, "firearm": "draw",
                    "range": {"min": "communication", "max": "intermediate_weapons"}, "verdict": "excessive",
                    "severity": 1,
                    "critical": False, "reportable": True, "reasons": ["excess"], "decision_s": 1.0}),
        ("situation_scored", {"situation": "s1", "scores": {"assess": 0.5, "plan": None, "act": 0.5, "time": 1.0,
                                                            "total": 0.5}}),
        ("session_ended", {"score": 50.0, "passed": False, "critical_errors": [], "community": None, "situations": 1,
                           "competencies": {"perception": 50.0, "tactics": None, "force": 40.5, "communication": 70.0,
                                            "safety": 90.0, "authority": 100.0, "time": 100.0, "community": None}}),
    ])
    return folder


def test_trend_is_the_plain_mean_of_per_scenario_slopes(hand_set: Path) -> None:
    _, report, _ = review_json(hand_set)
    cy = next(t for t in report["trainees"] if t["trainee"] == "cy")
    assert cy["trend"] == pytest.approx(5.0) and cy["trend_label"] == "improving"
    assert cy["timeouts"] == 2 and cy["timeouts_by_phase"] == {"assess": 0, "plan": 2, "act": 0}
    assert cy["median_decision_s"] == 1.23  # to the hundredth, as documented
    assert cy["by_scenario"]["drill"] == {"attempts": 3, "complete": 3, "passed": 1, "best_score": 60.0,
                                          "latest_score": 60.0,
                                          "latest_passed": True, "latest_critical_errors": 0, "critical_errors": 0}


def test_competencies_recorded_or_derived(hand_set: Path) -> None:
    _, report, _ = review_json(hand_set)
    by = {t["trainee"]: t for t in report["trainees"]}
    assert by["dee"]["competencies"] == {"perception": 50.0, "tactics": None, "force": 40.5, "communication": 70.0,
                                         "safety": 90.0, "authority": 100.0, "time": 100.0, "community": None}
    cy = by["cy"]["competencies"]  # an older log: derived (docs/review.md, "Competencies")
    assert cy["perception"] == pytest.approx(60.0)  # 3 sessions right (100), 2 wrong (0): mean over sessions
    assert cy["tactics"] == pytest.approx((3 * 100 + 2 * 50) / 5)
    assert cy["force"] == 100.0
    assert cy["time"] == pytest.approx((3 * 100 + 2 * 75) / 5)  # "other": 1 timeout among 4 decision steps
    assert cy["communication"] is None and cy["safety"] is None and cy["authority"] is None
    drill = next(s for s in report["scenarios"] if s["scenario"] == "drill")
    assert drill["competencies"]["perception"] == pytest.approx((300 + 50) / 4)


def test_a_drawn_firearm_is_not_a_shot_and_a_wait_is_not_a_timeout(hand_set: Path) -> None:
    _, report, _ = review_json(hand_set)
    dee = next(r for r in report["lethal_force"]["per_trainee"] if r["trainee"] == "dee")
    assert (dee["noise"], dee["false_alarms"]) == (1, 0)
    by = {t["trainee"]: t for t in report["trainees"]}
    assert by["dee"]["timeouts"] == 0 and by["dee"]["excessive"] == 1
    session = next(s for s in report["sessions"] if s["trainee"] == "dee")
    act = next(d for d in session["decisions"] if d["kind"] == "act")
    assert act["firearm"] == "draw" and act["reasons"] == ["excess"]


def test_an_accepted_reading_counts_as_right(tmp_path: Path) -> None:
    """Newer logs: a situation may accept more than one reading (`accepted`, scored 1.0)."""
    write_log(tmp_path, trainee="eve", minute=1, body=[
        ("situation_entered", {"situation": "s1", "behaviour": A, "time_limit_s": None}),
        ("assessment", {"situation": "s1", "chosen": S, "expected": A, "accepted": [A, S], "score": 1.0,
                        "decision_s": 1.0}),
        *ended(90, True)])
    _, report, _ = review_json(tmp_path)
    assert report["trainees"][0]["assessment_accuracy"] == 1.0
    assert report["scenarios"][0]["common_wrong_assessment"] is None


def test_table_shows_the_documented_figures(hand_set: Path) -> None:
    code, out, _ = run_cli(["review", str(hand_set)])
    assert code == 0
    assert "60% (3/5)" in out  # pass rate with its counts
    assert "1.23 s" in out  # median decision to the hundredth
    assert "2 (0/2/0)" in out  # timeouts per step
    assert "+5.0 improving" in out
    assert "Needs help" in out and "Readiness" in out


# --- CSV ---------------------------------------------------------------------------------------

def _csv_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def _documented_csv_columns() -> dict[str, set[str]]:
    text = (DOCS / "review.md").read_text(encoding="utf-8")
    section = text[text.index("## CSV files"): text.index("## Safety of the report")]
    found: dict[str, set[str]] = {}
    for name, body in re.findall(r"\*\*`([a-z_]+\.csv)`\*\*(.*?)(?=\*\*`[a-z_]+\.csv`\*\*|\Z)", section, re.S):
        found[name] = set(re.findall(r"`([a-z_]+)`", body)) | {c for c in re.findall(r"`(competency)_…`", body)}
    return found


def test_every_csv_column_is_documented() -> None:
    documented = _documented_csv_columns()
    assert set(documented) == set(TABLES)
    for name, columns in TABLES.items():
        for column in columns:
            ok = column.name in documented[name] or (
                column.name.startswith("competency_")
                and (column.name in documented[name] or "competency" in documented[name]))
            assert ok, f"{name}: column {column.name} is not named in docs/review.md"


@pytest.fixture(scope="module")
def csv_folder(hand_set: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("csv") / "out"
    code, _, err = run_cli(["review", str(hand_set), "--format", "csv", "-o", str(folder)])
    assert code == 0, err
    return folder


def test_csv_files_are_tidy(csv_folder: Path) -> None:
    assert sorted(p.name for p in csv_folder.iterdir()) == sorted(TABLES)
    for name, columns in TABLES.items():
        header, rows = _csv_rows(csv_folder / name)
        assert header == [c.name for c in columns], name
        for row in rows:
            for column in columns:
                cell = row[column.name]
                if cell == "":
                    continue
                if column.kind == "bool":
                    assert cell in ("true", "false"), (name, column.name, cell)
                elif column.kind in DIGITS:
                    digits = DIGITS[column.kind]
                    decimals = len(cell.split(".")[1]) if "." in cell else 0
                    assert decimals <= max(digits, 1), (name, column.name, cell)  # rounded as displayed
                    assert not column.name.endswith("_fraction") or 0 <= float(cell) <= 1, (name, column.name, cell)
                elif column.kind == "int":
                    int(cell)
                assert ";" not in cell or column.kind == "text" and name in ("warnings.csv", "tampered.csv"), \
                    (name, column.name)
    raw = (csv_folder / "scenario_versions.csv").read_text(encoding="utf-8-sig")
    assert '"drill","1.0"' in raw  # text that looks like a number is quoted
    _, totals = _csv_rows(csv_folder / "totals.csv")
    _, trainees = _csv_rows(csv_folder / "trainees.csv")
    assert int(totals[0]["sessions"]) == sum(int(t["sessions"]) for t in trainees) == 6
    _, cells = _csv_rows(csv_folder / "trainee_scenarios.csv")
    assert {(c["trainee"], c["scenario"]): c["attempts"] for c in cells} \
        == {("cy", "drill"): "3", ("cy", "other"): "2", ("dee", "drill"): "1"}
    _, items = _csv_rows(csv_folder / "decision_items.csv")
    assert {"item": "reason", "value": "excess"}.items() <= next(i for i in items if i["item"] == "reason").items()
    assert {i["value"] for i in items if i["item"] == "tactic"} == {"cover"}


@pytest.mark.skipif(importlib.util.find_spec("pandas") is None, reason="pandas is not installed (optional)")
def test_csv_files_load_in_pandas(csv_folder: Path) -> None:
    import pandas as pd

    for name in TABLES:
        frame = pd.read_csv(csv_folder / name, encoding="utf-8-sig")
        assert list(frame.columns) == [c.name for c in TABLES[name]]
    trainees = pd.read_csv(csv_folder / "trainees.csv", encoding="utf-8-sig")
    assert trainees["pass_fraction"].between(0, 1).all()


# --- HTML words and languages --------------------------------------------------------------------

def test_html_shows_labels_not_ids_in_the_chosen_language(hand_set: Path, tmp_path: Path) -> None:
    for lang, words in (("en", ("Needs help", "One category off".lower(), "Assaultive")),
                        ("fr", ("À aider", "à une catégorie près", "Recrue"))):
        out = tmp_path / f"{lang}.html"
        code, _, err = run_cli(["review", str(hand_set), "--format", "html", "--lang", lang, "-o", str(out)])
        assert code == 0, err
        html = out.read_text(encoding="utf-8")
        assert f'<html lang="{lang}">' in html
        for word in words:
            assert word in html, (lang, word)
        visible = re.sub(r"<[^>]+>", " ", html)
        assert "serious_bodily_harm_or_death" not in visible and "passive_resistant" not in visible
    with pytest.raises(SystemExit) as stop:
        run_cli(["review", str(hand_set), "--lang", "de"])
    assert stop.value.code == 2


# --- the cohort in a real browser ----------------------------------------------------------------

def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _browser(args: list[str]) -> subprocess.CompletedProcess[str]:
    browser = _chromium()
    assert browser
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--hide-scrollbars", f"--user-data-dir={profile}", *args],
            capture_output=True, text=True, timeout=120, check=False,
        )


# Measures the layout at 1,400 px: what the first screen shows, and any cell or
# table wider than its box (cut). Only added to a copy made for the test; the
# report itself allows no script but its own filter.
_PROBE = """<script>
window.addEventListener("load", function () {
  var out = {}, vw = document.documentElement.clientWidth;
  function box(id) {
    var r = document.getElementById(id).getBoundingClientRect();
    return [r.top, r.bottom, r.left, r.right];
  }
  out.viewport = [vw, window.innerHeight];
  out.readiness = box("table-readiness");
  var rows = document.querySelectorAll("#table-readiness tbody tr");
  // the first screen of a 1,400 x 1,000 window (headless --dump-dom reports a shorter innerHeight)
  out.rows_on_first_screen = Array.prototype.filter.call(rows, function (r) {
    return r.getBoundingClientRect().bottom <= 1000;
  }).length;
  out.cut = [];
  document.querySelectorAll("table").forEach(function (t) {
    if (t.getBoundingClientRect().right > vw + 1) out.cut.push("table " + t.id);
  });
  document.querySelectorAll("th, td").forEach(function (c) {
    if (c.scrollWidth > c.clientWidth + 1)
      out.cut.push((c.closest("table").id || "?") + ": " + c.textContent.slice(0, 40));
  });
  document.getElementById("probe").textContent = JSON.stringify(out);
});
</script>"""


@pytest.fixture(scope="module")
def cohort_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cohort")
    logs = cohort(root / "logs", 25)
    report = root / "report.html"
    code, _, err = run_cli(["review", str(logs), "--format", "html", "-o", str(report)])
    assert code == 0, err
    return report


def test_cohort_report_contents(cohort_report: Path) -> None:
    html = cohort_report.read_text(encoding="utf-8")
    assert html.count('<tr data-trainee="recruit-') >= 25 * 3  # readiness+grid, competencies, figures
    assert html.count('<th class="scn"') == 12
    for status in ("Ready", "Needs help", "Not yet"):
        assert f">{status}</span>" in html
    assert html.count('<details class="trainee"') == 25


@pytest.mark.skipif(_chromium() is None,
                    reason="chromium is not installed (apt-get install -y chromium; .ci/run does it)")
def test_cohort_first_screen_at_1400px_nothing_cut(cohort_report: Path, tmp_path: Path) -> None:
    probe = tmp_path / "probe.html"
    html = cohort_report.read_text(encoding="utf-8")
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    probe.write_text(html.replace("</body>", '<pre id="probe"></pre>' + _PROBE + "</body>"), encoding="utf-8")
    dom = _browser(["--window-size=1400,1000", "--virtual-time-budget=5000", "--dump-dom", probe.as_uri()]).stdout
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    assert found and found.group(1), dom[-2000:]
    layout = json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&"))
    assert layout["readiness"][0] < 250, layout  # readiness and the grid start on the first screen
    assert layout["rows_on_first_screen"] >= 15, layout
    assert layout["cut"] == [], layout["cut"][:10]
    IMAGES.mkdir(exist_ok=True)
    shot = IMAGES / "review.png"
    _browser(["--window-size=1400,1000", f"--screenshot={shot}", cohort_report.as_uri()])
    assert shot.exists() and shot.stat().st_size > 50_000


@pytest.mark.skipif(_chromium() is None,
                    reason="chromium is not installed (apt-get install -y chromium; .ci/run does it)")
def test_cohort_summary_prints_on_at_most_four_a4_pages(cohort_report: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    _browser(["--no-pdf-header-footer", f"--print-to-pdf={pdf}", cohort_report.as_uri()])
    data = pdf.read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", data))
    assert 1 <= pages <= 4, pages
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    assert boxes and all(abs(float(w) - 842) < 3 and abs(float(h) - 595) < 3 for w,
                         h in boxes)  # A4 landscape, in points
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                        str(IMAGES / "review-print")], check=True, timeout=60)
        assert (IMAGES / "review-print.png").exists()
