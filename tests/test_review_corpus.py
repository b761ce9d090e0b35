"""A few hundred real headless sessions (`uofsim run`, varied policies, seeds and
trainees), reviewed in every format and checked against a plain recount of the logs."""

from __future__ import annotations

import csv
import json
from collections import Counter, defaultdict
from pathlib import Path
from statistics import mean
from typing import Any

import pytest

from simulator.logbook import read_log
from support.review import play, review_json, run_cli

SCENARIOS = ["phone-not-gun", "crisis-knife-apartment", "shoplifter-flees", "trespasser-goes-limp",
             "bar-refuses-to-leave", "assault-parking-lot"]
TRAINEES = [f"recruit-{n:02d}" for n in range(8)]
RUNS_PER_PAIR = 5  # 8 trainees x 6 scenarios x 5 = 240 sessions


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    for t, trainee in enumerate(TRAINEES):
        for s, scenario in enumerate(SCENARIOS):
            for run in range(RUNS_PER_PAIR):
                seed = 1000 * t + 10 * s + run
                policy = "best" if seed % 5 == 0 else "worst" if seed % 7 == 0 else "random"
                play(root / f"ws{t % 3}", scenario, trainee, policy=policy, seed=seed)
    return root


@pytest.fixture(scope="module")
def recount(corpus: Path) -> dict[str, Any]:
    """The figures recounted straight from the records, independently of simulator.review."""
    logs = [read_log(p) for p in sorted(corpus.rglob("*.jsonl"))]
    by_trainee: dict[str, list[Any]] = defaultdict(list)
    by_scenario: dict[str, list[Any]] = defaultdict(list)
    lethal = Counter()
    decisions = 0
    for log in logs:
        start = log.records[0]
        by_trainee[start["trainee"]].append(log)
        by_scenario[start["scenario"]["id"]].append(log)
        for r in log.records:
            decisions += r["type"] in ("assessment", "plan", "action", "timeout", "follow_up")
            if r["type"] == "action":
                allowed = r["range"]["max"] == "lethal_force"
                lethal["signal" if allowed else "noise"] += 1
                # a shot is a discharge; a draw or a point is not (old logs: no firearm key, a discharge)
                shot = r["level"] == 5 and r.get("firearm", "discharge") == "discharge"
                lethal["hits" if allowed else "false_alarms"] += shot
    return {"logs": logs, "by_trainee": by_trainee, "by_scenario": by_scenario, "lethal": lethal,
            "decisions": decisions}


def _end(log: Any) -> dict[str, Any]:
    return log.records[-1]


def test_corpus_figures_match_a_recount(corpus: Path, recount: dict[str, Any]) -> None:
    code, report, err = review_json(corpus)
    assert code == 0, err
    total = len(TRAINEES) * len(SCENARIOS) * RUNS_PER_PAIR
    assert report["totals"]["sessions"] == report["totals"]["complete"] == total == len(recount["logs"])
    for row in report["trainees"]:
        logs = recount["by_trainee"][row["trainee"]]
        scores = [_end(log)["score"] for log in logs]
        assert row["sessions"] == len(logs)
        assert row["best_score"] == max(scores)
        assert row["latest_score"] == _end(max(logs, key=lambda log: log.records[0]["started_at"]))["score"]
        assert row["passed"] == sum(_end(log)["passed"] for log in logs)
        assert row["critical_errors"] == sum(len(_end(log)["critical_errors"]) for log in logs)
        assert row["attempts"] == {s: RUNS_PER_PAIR for s in SCENARIOS}
        assessments = [r for log in logs for r in log.records if r["type"] == "assessment"]
        # right: the behaviour as authored, or one the situation accepts (newer logs: `accepted`)
        assert row["assessment_accuracy"] == pytest.approx(
            mean(r["chosen"] == r["expected"] or r["chosen"] in r.get("accepted", []) for r in assessments))
    for row in report["scenarios"]:
        logs = recount["by_scenario"][row["scenario"]]
        assert row["attempts"] == len(logs)
        assert row["mean_score"] == pytest.approx(mean(_end(log)["score"] for log in logs))
        assert row["difficulty"] == logs[0].records[0]["scenario"]["difficulty"]
    overall = report["lethal_force"]["overall"]
    for key in ("signal", "noise", "hits", "false_alarms"):
        assert overall[key] == recount["lethal"][key]
    assert sum(report["score_histogram"]["passed"]) + sum(report["score_histogram"]["failed"]) == total


def test_corpus_xapi(corpus: Path, recount: dict[str, Any]) -> None:
    code, out, _ = run_cli(["review", str(corpus), "--format", "xapi", "--xapi-homepage", "https://police-college.example/"])
    assert code == 0
    statements = json.loads(out)
    assert len(statements) == len(recount["logs"]) + recount["decisions"]
    assert len({s["id"] for s in statements}) == len(statements)
    for s in statements:
        assert s["actor"] == {"objectType": "Agent", "account": {"homePage": "https://police-college.example",
                                                                 "name": s["actor"]["account"]["name"]}}
        assert s["object"]["id"].startswith("https://police-college.example/uofsim/scenarios/")
        assert s["verb"]["id"].startswith(("http://adlnet.gov/expapi/verbs/", "https://w3id.org/xapi/uofsim/verbs/"))
        assert s["timestamp"].endswith("Z")
    sessions = [s for s in statements if s["verb"]["display"]["en-US"] in ("passed", "failed")]
    assert len(sessions) == len(recount["logs"])
    assert all(0 <= s["result"]["score"]["scaled"] <= 1 for s in sessions)
    # the same logs give the same statement ids (an LRS keeps one copy)
    again = run_cli(["review", str(corpus), "--format", "xapi", "--xapi-homepage", "https://police-college.example/"])
    assert [s["id"] for s in json.loads(again[1])] == [s["id"] for s in statements]


def test_corpus_csv_levels(corpus: Path, recount: dict[str, Any], tmp_path: Path) -> None:
    assert run_cli(["review", str(corpus), "--format", "csv", "-o", str(tmp_path / "out")])[0] == 0

    def rows(name: str) -> list[dict[str, str]]:
        with open(tmp_path / "out" / name, encoding="utf-8-sig", newline="") as handle:
            return list(csv.DictReader(handle))

    assert len(rows("trainees.csv")) == len(TRAINEES)
    assert len(rows("scenarios.csv")) == len(SCENARIOS)
    assert len(rows("sessions.csv")) == len(recount["logs"])
    assert len(rows("decisions.csv")) == recount["decisions"]
    assert [r["trainee"] for r in rows("lethal_force.csv")] == TRAINEES  # totals are in totals.csv, not an "(all)" row
    (totals,) = rows("totals.csv")
    assert int(totals["sessions"]) == sum(int(r["sessions"]) for r in rows("trainees.csv")) == len(recount["logs"])
    assert int(totals["lethal_hits"]) == recount["lethal"]["hits"]
    assert sum(int(r["attempts"]) for r in rows("trainee_scenarios.csv")) == len(recount["logs"])
    assert rows("tampered.csv") == [] and rows("warnings.csv") == []


def test_corpus_trainee_filter_and_html(corpus: Path, tmp_path: Path) -> None:
    code, report, _ = review_json(corpus, extra=["--trainee", "recruit-03"])
    assert code == 0 and [t["trainee"] for t in report["trainees"]] == ["recruit-03"]
    assert report["totals"]["sessions"] == len(SCENARIOS) * RUNS_PER_PAIR
    out = tmp_path / "r.html"
    assert run_cli(["review", str(corpus), "--format", "html", "-o", str(out)])[0] == 0
    html = out.read_text(encoding="utf-8")
    assert html.count('<details class="session"') == len(TRAINEES) * len(SCENARIOS) * RUNS_PER_PAIR
    assert html.count('<details class="trainee"') == len(TRAINEES)
