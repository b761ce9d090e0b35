"""`--format table`: the review for a terminal.

Every text that came from a log goes through text.clean(), so a trainee id or
scenario title holding escape sequences or line breaks cannot recolour, clear
or forge lines of the terminal.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from simulator.review import formatting as f
from simulator.review.competencies import COMPETENCIES
from simulator.review.labels import Labels, why_lines
from simulator.review.readiness import DEFAULT_RULE, ReadinessRule
from simulator.review.scan import Review
from simulator.review.summary import summary
from simulator.review.text import clean


def write_table(review: Review, out: TextIO, *, timelines: bool = False, lang: str = "en",
                rule: ReadinessRule = DEFAULT_RULE) -> None:
    data = summary(review, rule)
    labels = Labels(lang, titles={s["scenario"]: s["title"] for s in data["scenarios"] if s["title"]})
    t = data["totals"]
    out.write(
        f"Reviewed {t['files']} log file(s): {t['sessions']} session(s) counted "
        f"({t['complete']} complete, {t['aborted']} aborted, {t['incomplete']} incomplete), "
        f"{t['tampered']} tampered (not counted), {t['skipped']} skipped, {t['duplicates']} duplicate(s), "
        f"{t['filtered_out']} filtered out. MACs {'checked' if t['mac_checked'] else 'not checked (no key)'}.\n"
    )
    _section(out, labels("col.readiness"))
    if not data["trainees"]:
        out.write("(none)\n")
    for tr in data["trainees"]:
        status = labels(f"status.{tr['readiness']['status']}")
        out.write(clean(f"  {tr['trainee']}: {status}") + "\n")
        for line in why_lines(tr["readiness"], labels, rule):
            out.write("      " + clean(line) + "\n")
    _section(out, "Trainees")
    _table(
        out,
        ["trainee", "sessions", "done/abrt/inc", "latest", "best", "pass rate", "critical",
         "excess/insuff of acts", "assess ok", "tactics", "median decision", "timeouts (assess/plan/act)",
         "trend/repeat"],
        [
            [tr["trainee"], tr["sessions"], f"{tr['complete']}/{tr['aborted']}/{tr['incomplete']}",
             f.score(tr["latest_score"]), f.score(tr["best_score"]),
             f.rate_with_counts(tr["pass_rate"], tr["passed"], tr["complete"]), tr["critical_errors"],
             f"{tr['excessive']}/{tr['insufficient']} of {tr['actions']}",
             f.pct(tr["assessment_accuracy"]), f.pct(tr["tactic_score"]), f.seconds(tr["median_decision_s"]),
             _steps(tr["timeouts_by_phase"]), f"{f.trend(tr['trend'])} {tr['trend_label']}"]
            for tr in data["trainees"]
        ],
    )
    _section(out, "Attempts per scenario (latest score / best score; ! critical error in the latest)")
    _table(
        out,
        ["trainee", "scenario", "attempts", "complete", "passed", "latest", "best"],
        (
            [tr["trainee"], scenario, c["attempts"], c["complete"], c["passed"],
             f.score(c["latest_score"]) + ("!" if c["latest_critical_errors"] else ""), f.score(c["best_score"])]
            for tr in data["trainees"]
            for scenario, c in tr["by_scenario"].items()
        ),
    )
    _section(out, "Competencies (mean over sessions, 0-100)")
    names = [labels.name("competency_short", c) for c in COMPETENCIES]
    _table(
        out,
        ["trainee / scenario", *names],
        [
            *([tr["trainee"], *(f.competency(tr["competencies"][c]) for c in COMPETENCIES)] for tr in data["trainees"]),
            *([s["scenario"], *(f.competency(s["competencies"][c]) for c in COMPETENCIES)] for s in data["scenarios"]),
        ],
    )
    _section(out, "Scenarios")
    _table(
        out,
        ["scenario", "difficulty", "attempts", "done/abrt/inc", "mean score", "pass rate",
         "timeouts (assess/plan/act)"],
        [
            [s["scenario"], s["difficulty"] if s["difficulty"] is not None else f.NONE, s["attempts"],
             f"{s['complete']}/{s['aborted']}/{s['incomplete']}", f.score(s["mean_score"]),
             f.rate_with_counts(s["pass_rate"], s["passed"], s["complete"]), _steps(s["timeouts_by_phase"])]
            for s in data["scenarios"]
        ],
    )
    for s in data["scenarios"]:
        out.write(f"  {clean(s['scenario'])}\n")
        out.write(f"    most points lost: {clean(f.situation_list(s['costly_situations']))}\n")
        out.write(f"    most common wrong assessment: {clean(f.wrong_assessment(s['common_wrong_assessment']))}\n")
        out.write("    most chosen unreasonable option: "
                  f"{clean(f.unreasonable_option(s['common_unreasonable_option']))}\n")
    _section(out, "Lethal-force decisions (signal detection; log-linear correction)")
    lethal = data["lethal_force"]
    _table(
        out,
        ["trainee", "allowed", "hits", "not allowed", "false alarms", "d'", "c"],
        [_lethal_row("(all)", lethal["overall"])] + [_lethal_row(r["trainee"], r) for r in lethal["per_trainee"]],
    )
    _section(out, "Sessions")
    _table(
        out,
        ["started (UTC)", "trainee", "scenario", "status", "score", "result", "critical", "session id"],
        ([r["started_at"], r["trainee"], r["scenario"], r["status"], f.score(r["score"]),
          "pass" if r["passed"] else ("fail" if r["passed"] is False else f.NONE), r["critical_errors"],
          r["session_id"]]
         for r in review.sessions),
    )
    if timelines:
        for row in review.sessions:
            _timeline(out, row)
    if data.get("academy"):
        from simulator.academy.render import write_academy_table

        write_academy_table(data["academy"], out)
    if data["tampered"]:
        _section(out, "Tampered logs (never counted)")
        for item in data["tampered"]:
            claimed = f" claims trainee {item['claimed_trainee']!r}" if item["claimed_trainee"] else ""
            out.write(clean(f"  {item['path']}: tampered at seq {item['first_bad_seq']} ({item['detail']}){claimed}")
                      + "\n")
    if data["warnings"]:
        _section(out, f"Warnings ({t['warnings']})")
        for warning in data["warnings"]:
            out.write("  " + clean(warning) + "\n")


def _steps(by_phase: dict[str, int]) -> str:
    """Timeouts as "total (assess/plan/act)": "3 (1/0/2)"."""
    return f"{sum(by_phase.values())} ({'/'.join(str(by_phase.get(p, 0)) for p in ('assess', 'plan', 'act'))})"


def _lethal_row(who: str, c: dict[str, Any]) -> list[Any]:
    return [who, c["signal"], c["hits"], c["noise"], c["false_alarms"], f.signed(c["d_prime"]), f.signed(c["c"])]


def _section(out: TextIO, title: str) -> None:
    out.write(f"\n{title}\n{'=' * len(title)}\n")


def _table(out: TextIO, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Aligned columns. Rows are streamed in chunks so a long session list needs no big buffer."""
    chunk: list[list[str]] = []
    first = True
    for row in rows:
        chunk.append([clean(cell) for cell in row])
        if len(chunk) == 200:
            _emit(out, header, chunk, first)
            chunk, first = [], False
    if chunk or first:
        _emit(out, header, chunk, first)


def _emit(out: TextIO, header: Sequence[str], rows: list[list[str]], with_header: bool) -> None:
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(header)]
    if with_header:
        out.write("  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip() + "\n")
        out.write("  ".join("-" * w for w in widths) + "\n")
    if not rows and with_header:
        out.write("(none)\n")
    for r in rows:
        out.write("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() + "\n")


def _timeline(out: TextIO, row: dict[str, Any]) -> None:
    tl = row.get("timeline")
    if not tl:
        return
    _section(out, f"Session {clean(row['session_id'])}")
    out.write(clean(f"trainee {row['trainee']}, scenario {row['scenario']} ({tl['scenario_title']}), {row['status']}, "
                    f"score {f.score(row['score'])}") + "\n")
    for n, s in enumerate(tl["situations"], start=1):
        out.write(clean(f" {n}. {s['title']} — subject {s['behaviour']}") + "\n")
        if s.get("assessed"):
            ok = "right" if s["assessed"] == s["behaviour"] else "wrong"
            out.write(clean(f"    assessed: {s['assessed']} ({ok}, {f.seconds(s['decision_s'].get('assess'))})") + "\n")
        if s.get("tactics_chosen") or s.get("plan_score") is not None:
            out.write(clean(f"    tactics: {', '.join(s['tactics_chosen']) or 'none'} "
                            f"(score {f.pct(s['plan_score'])})") + "\n")
        if s.get("option"):
            out.write(clean(f"    action: {s['option_label']} (level {s['level']}, {s['verdict']}"
                            f"{', CRITICAL' if s['critical'] else ''}{', reportable' if s['reportable'] else ''})")
                      + "\n")
        if s.get("timed_out"):
            out.write(clean(f"    timed out in {s['timeout_phase']}") + "\n")
        for note in s.get("feedback", []):
            out.write("    - " + clean(note) + "\n")
    if tl.get("ending"):
        out.write(clean(f" ending: {tl['ending']} ({tl.get('result')})") + "\n")
