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


class HomepageError(ValueError):
    """--xapi-homepage is not an absolute IRI (one line)."""


class AccountsError(ValueError):
    """The trainee -> LMS account mapping file cannot be used (one line, file:line)."""


Accounts = dict[str, dict[str, str]]  # trainee id -> {"homePage": …, "name": …}


def check_homepage(homepage: str) -> str:
    """The academy's homepage if it is an absolute IRI with a host (http or https),
    as xAPI requires of an account's homePage; else HomepageError. Without this,
    `academy.local` made every statement invalid and an LRS refused them all."""
    from urllib.parse import urlsplit

    parts = urlsplit(homepage)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in homepage):
        raise HomepageError(f"--xapi-homepage {homepage!r} is not an absolute IRI (give e.g. https://academy.example)")
    return homepage


def load_accounts(path: Any) -> Accounts:
    """A CSV file `trainee,name[,homepage]` (header line first): each trainee's LMS
    account. Trainees not listed keep the academy homepage and their trainee id."""
    import csv

    accounts: Accounts = {}
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise AccountsError(f"{path}: cannot read the accounts file "
                            f"({getattr(exc, 'strerror', None) or exc})") from None
    if not rows or [c.strip().lower() for c in rows[0][:2]] != ["trainee", "name"]:
        raise AccountsError(f"{path}:1: the first line must be the header trainee,name[,homepage]")
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) not in (2, 3) or not row[0].strip() or not row[1].strip():
            raise AccountsError(f"{path}:{number}: expected trainee,name[,homepage]")
        trainee, name = row[0].strip(), row[1].strip()
        home = row[2].strip() if len(row) == 3 and row[2].strip() else None
        if home is not None:
            try:
                check_homepage(home)
            except HomepageError:
                raise AccountsError(f"{path}:{number}: homepage {home!r} is not an absolute IRI") from None
        if trainee in accounts:
            raise AccountsError(f"{path}:{number}: trainee {trainee!r} is listed twice")
        accounts[trainee] = {"name": name, **({"homePage": home} if home else {})}
    return accounts


def write_xapi(review: Review, out: TextIO, *, homepage: str, accounts: Accounts | None = None) -> None:
    out.write("[")
    first = True
    for statement in iter_statements(review, homepage, accounts):
        out.write(("\n" if first else ",\n") + json.dumps(statement, ensure_ascii=False, separators=(",", ":")))
        first = False
    out.write("\n]\n")


def iter_statements(review: Review, homepage: str, accounts: Accounts | None = None) -> Any:
    """Every statement of the review, session by session."""
    base = check_homepage(homepage).rstrip("/")
    library = ScenarioChoices()
    for session in review.sessions:
        yield from session_statements(session, base, accounts, library)


def session_statements(session: dict[str, Any], base: str, accounts: Accounts | None = None,
                       library: ScenarioChoices | None = None) -> list[dict[str, Any]]:
    """The session's statement followed by one per decision."""
    account = (accounts or {}).get(session["trainee"], {})
    actor = {"objectType": "Agent",
             "account": {"homePage": account.get("homePage", base), "name": account.get("name", session["trainee"])}}
    registration = str(uuid.uuid5(_NAMESPACE, session["session_id"]))
    scenario = scenario_activity(session, base)
    started = parse_time(session["started_at"])
    statements = [_session_statement(session, base, actor, registration, scenario, started)]
    choices = (library or ScenarioChoices()).of(session["scenario"])
    for d in session.get("decisions", []):
        statement = _decision_statement(session, d, base, actor, registration, scenario, started)
        statement["object"]["definition"].update(interaction(d, choices, session.get("ending")))
        statements.append(statement)
    return statements


class ScenarioChoices:
    """Per scenario id, each situation's options and tactics, with the correct
    ones, from the scenario files (default: the bundled library), loaded once."""

    def __init__(self, paths: list[Any] | None = None) -> None:
        self._paths = paths
        self._by_id: dict[str, Any] | None = None

    def of(self, scenario_id: str) -> Any:
        if self._by_id is None:
            self._by_id = self._load()
        return self._by_id.get(scenario_id)

    def _load(self) -> dict[str, Any]:
        from simulator.paths import scenarios_dir
        from simulator.scenario.library import scenario_files
        from simulator.scenario.loader import load_file

        found: dict[str, Any] = {}
        for path in scenario_files([p for p in (self._paths or [scenarios_dir()]) if p.exists()]):
            try:
                scenario = load_file(path, lint=False).scenario
            except Exception:  # a broken file only costs its choices in the definitions
                continue
            found[scenario.id] = scenario
        return found


def interaction(d: dict[str, Any], scenario: Any, ending: str | None = None) -> dict[str, Any]:
    """xAPI interaction definition of one decision: `choice`, the choices and the
    correct response pattern (assessments: the five behaviours; plans and acts:
    the situation's tactics and options; follow-ups: the ending's; all when the
    scenario file is at hand)."""
    from simulator.domain import Behaviour

    kind = d["phase"] if d["kind"] == "timeout" else d["kind"]  # a timeout is the step that ran out
    if kind == "assess":
        return _choice([(b.value, b.value.replace("_", " ")) for b in Behaviour], [d.get("expected")])
    if kind == "follow_up":
        end = scenario.endings.get(ending) if scenario is not None and ending else None
        if end is None:
            return {"interactionType": "choice"}
        return _choice([(f.id, _en(f.label)) for f in end.follow_up],
                       ["[,]".join(f.id for f in end.follow_up if str(f.rating) == "recommended")])
    situation = scenario.situations.get(d.get("situation")) if scenario is not None and d.get("situation") else None
    if situation is None:
        return {"interactionType": "choice"}
    if kind == "plan":
        tactics = [(t.id, _en(t.label)) for t in situation.tactics]
        return _choice(tactics, ["[,]".join(t.id for t in situation.tactics if str(t.rating) == "recommended")])
    if kind == "act":
        from simulator.domain.judgement import judge

        band = situation.force_range
        right = [o.id for o in situation.options if str(judge(o.force, band, o.verdict).verdict) == "reasonable"]
        return _choice([(o.id, _en(o.label)) for o in situation.options], right)
    return {"interactionType": "choice"}


def _choice(choices: list[tuple[str, str]], correct: list[Any]) -> dict[str, Any]:
    return {
        "interactionType": "choice",
        "choices": [{"id": cid, "description": {"en": label or cid}} for cid, label in choices],
        "correctResponsesPattern": [str(c) for c in correct if c is not None],
    }


def _en(text: Any) -> str:
    if isinstance(text, dict):
        return str(text.get("en") or next(iter(text.values()), ""))
    getter = getattr(text, "get", None)
    return str(getter("en")) if callable(getter) else str(text)


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
