"""`uofsim explore`: walk every branch of scenarios over their (situation, variables) states."""

from __future__ import annotations

import argparse
import json
from typing import Any

from simulator.cli.errors import UserError
from simulator.safetext import printable


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scenarios", nargs="+", metavar="SCENARIO", help="scenario files")
    parser.add_argument("--format", choices=["text", "json"], default="text")


def run(args: argparse.Namespace) -> int:
    from simulator.engine.explore import explore
    from simulator.engine.scoring import rubric_for
    from simulator.scenario import ScenarioError, Severity, load_file
    from simulator.scenario.lint import CHECKS
    from simulator.scenario.statespace import TooManyStates

    reports: list[dict[str, Any]] = []
    failed = False
    for path in args.scenarios:
        try:
            # The graph checks are explore's own; every other lint error stops it.
            loaded = load_file(path, lint=False)
            errors = [p for check in CHECKS for p in check(loaded) if p.severity is Severity.ERROR]
            if errors:
                raise ScenarioError(errors)
            report = explore(loaded.scenario, rubric_for(loaded)).as_dict()
        except (ScenarioError, TooManyStates) as exc:
            message = str(exc) if isinstance(exc, ScenarioError) else f"{path}: error: {exc}"
            if len(args.scenarios) == 1:
                raise UserError(message) from None
            failed = True
            reports.append({"path": path, "error": message})
            continue
        report["path"] = path
        failed = failed or report["graph_error"]
        reports.append(report)
    if args.format == "json":
        print(json.dumps(reports if len(reports) > 1 else reports[0], indent=2, ensure_ascii=False))
    else:
        print(printable("\n\n".join(_text(r) for r in reports)))
    return 1 if failed else 0


def _text(r: dict[str, Any]) -> str:
    if "error" in r:
        return r["error"]
    lines = [f"{r['path']}: scenario '{r['scenario']}', {r['states']} (situation, variables) states"
             + ("" if r["complete"] else " (cut short: too many states)")]
    for kind in ("situations", "endings"):
        reached, unreached = r[kind]["reached"], r[kind]["unreached"]
        lines.append(f"  {kind} reached: {len(reached)}/{len(reached) + len(unreached)}"
                     + (f"; never reached: {', '.join(unreached)}" if unreached else ""))
    for stuck in r["stuck"]:
        values = ", ".join(f"{k}={v}" for k, v in stuck["variables"].items())
        lines.append(f"  error: no ending can be reached from '{stuck['situation']}'"
                     + (f" with {values}" if values else ""))
    lines.append("  random branches: taken as favourable for the best score, adversarial for the worst")
    for name in ("best", "worst"):
        e = r[name]
        if e is None:
            lines.append(f"  {name}: no complete session is possible")
            continue
        verdict = "passes" if e["passes"] else "fails"
        notes = [n for n, on in (("critical error", e["critical_error"]),
                                 ("loops: over sessions up to the loop cap", e["loops"])) if on]
        path = " -> ".join(f"{s['situation']}:{s['option'] or 'timeout'}" for s in e["path"]) + f" -> {e['ending']}"
        lines.append(f"  {name}: {e['score']:.1f} ({verdict}{'; ' + '; '.join(notes) if notes else ''})")
        lines.append(f"    path: {path}")
    if r["graph_error"]:
        lines.append("  graph error")
    return "\n".join(lines)
