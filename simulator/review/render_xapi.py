"""`--format xapi`: xAPI 1.0.3 statements, one per session and one per decision.

A JSON array an academy can POST to its learning record store's /statements
resource. Statement ids are UUID v5 of the session id (and record seq), so
loading the same logs twice gives the same ids and the LRS keeps one copy.
The verbs, activity ids and extensions are documented in docs/xapi.md.
"""

from __future__ import annotations

import json
import uuid
from datetime import timedelta
from typing import Any, TextIO
from urllib.parse import quote

from simulator.review.scan import Review, parse_time

ADL = "http://adlnet.gov/expapi/verbs/"
VERBS = {
    "passed": (ADL + "passed", "passed"),
    "failed": (ADL + "failed", "failed"),
    "aborted": (ADL + "terminated", "terminated"),
    "incomplete": (ADL + "suspended", "suspended"),
    "decision": (ADL + "responded", "responded"),
    "timeout": ("https://w3id.org/xapi/uofsim/verbs/timed-out", "timed out"),
}
SIMULATION = "http://adlnet.gov/expapi/activities/simulation"
INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction"
EXT = "https://w3id.org/xapi/uofsim/extensions/"
_NAMESPACE = uuid.UUID("6f1b7c2e-2b64-5b8e-9a43-0c3a8e7d51f0")  # uofsim's own namespace for statement ids


def write_xapi(review: Review, out: TextIO, *, homepage: str) -> None:
    base = homepage.rstrip("/")
    out.write("[")
    first = True
    for session in review.sessions:
        for statement in session_statements(session, base):
            out.write(("\n" if first else ",\n") + json.dumps(statement, ensure_ascii=False, separators=(",", ":")))
            first = False
    out.write("\n]\n")


def session_statements(session: dict[str, Any], base: str) -> list[dict[str, Any]]:
    """The session's statement followed by one per decision."""
    actor = {"objectType": "Agent", "account": {"homePage": base, "name": session["trainee"]}}
    registration = str(uuid.uuid5(_NAMESPACE, session["session_id"]))
    scenario = scenario_activity(session, base)
    started = parse_time(session["started_at"])
    statements = [_session_statement(session, base, actor, registration, scenario, started)]
    for d in session.get("decisions", []):
        statements.append(_decision_statement(session, d, base, actor, registration, scenario, started))
    return statements


def scenario_activity(session: dict[str, Any], base: str) -> dict[str, Any]:
    return {
        "objectType": "Activity",
        "id": f"{base}/uofsim/scenarios/{quote(session['scenario'], safe='')}",
        "definition": {"type": SIMULATION, "name": {"en": session.get("scenario_title") or session["scenario"]}},
    }


def _verb(name: str) -> dict[str, Any]:
    verb_id, display = VERBS[name]
    return {"id": verb_id, "display": {"en-US": display}}


def _session_statement(session: dict[str, Any], base: str, actor: dict[str, Any], registration: str,
                       scenario: dict[str, Any], started: Any) -> dict[str, Any]:
    status = session["status"]
    verb = ("passed" if session["passed"] else "failed") if status == "complete" else status
    result: dict[str, Any] = {"completion": status == "complete", "duration": _duration(session["duration_s"])}
    if status == "complete":
        result["success"] = bool(session["passed"])
        result["score"] = {"scaled": round(session["score"] / 100, 4), "raw": session["score"], "min": 0, "max": 100}
    result["extensions"] = _present({
        EXT + "critical-errors": session["critical_errors"],
        EXT + "situations": session["situations"],
        EXT + "ending": session.get("ending"),
        EXT + "abort-reason": session.get("abort_reason"),
    })
    return {
        "id": str(uuid.uuid5(_NAMESPACE, session["session_id"] + "/session")),
        "actor": actor,
        "verb": _verb(verb),
        "object": scenario,
        "result": result,
        "context": {
            "registration": registration,
            "platform": "uofsim",
            "extensions": _present({
                EXT + "session-id": session["session_id"],
                EXT + "workstation": session.get("workstation", ""),
                EXT + "difficulty": session.get("difficulty"),
            }),
        },
        "timestamp": _iso(started + timedelta(seconds=session["duration_s"])),
    }


def _decision_statement(session: dict[str, Any], d: dict[str, Any], base: str, actor: dict[str, Any],
                        registration: str, scenario: dict[str, Any], started: Any) -> dict[str, Any]:
    kind = d["kind"]
    step = d.get("phase") if kind == "timeout" else kind
    where = f"situations/{quote(d['situation'], safe='')}/{step}" if d.get("situation") else "follow-up"
    activity = {
        "objectType": "Activity",
        "id": f"{scenario['id']}/{where}",
        "definition": {"type": INTERACTION, "name": {"en": f"{d.get('situation') or 'follow-up'}: {step}"}},
    }
    result: dict[str, Any] = {}
    if kind != "timeout":
        response = d.get("response")
        result["response"] = "[,]".join(response) if isinstance(response, list) else str(response)
        if d.get("score") is not None:
            result["score"] = {"scaled": round(float(d["score"]), 4)}
        if kind == "assess":
            result["success"] = d.get("response") == d.get("expected")
        if kind == "act":
            result["success"] = d.get("verdict") == "reasonable"
            result["extensions"] = _present({
                EXT + "verdict": d.get("verdict"),
                EXT + "force-level": d.get("level"),
                EXT + "range-max": d.get("range_max"),
                EXT + "critical": d.get("critical", False),
                EXT + "reportable": d.get("reportable", False),
            })
        if d.get("decision_s") is not None:
            result["duration"] = _duration(d["decision_s"])
    statement: dict[str, Any] = {
        "id": str(uuid.uuid5(_NAMESPACE, f"{session['session_id']}/{d['seq']}")),
        "actor": actor,
        "verb": _verb("timeout" if kind == "timeout" else "decision"),
        "object": activity,
        "context": {
            "registration": registration,
            "platform": "uofsim",
            "contextActivities": {"parent": [scenario]},
            "extensions": {EXT + "session-id": session["session_id"], EXT + "seq": d["seq"]},
        },
        "timestamp": _iso(started + timedelta(seconds=d["t"])),
    }
    if result:
        statement["result"] = result
    return statement


def _duration(seconds: float) -> str:
    """ISO 8601 duration, to the hundredth of a second (xAPI's precision)."""
    return f"PT{round(float(seconds), 2):g}S"


def _iso(moment: Any) -> str:
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _present(values: dict[str, Any]) -> dict[str, Any]:
    """Extensions without the ones that have no value."""
    return {k: v for k, v in values.items() if v is not None}
