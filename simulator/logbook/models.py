"""The records of session log format 1: one frozen model per record type (session-log.md).

This is the one definition of what a log line holds. The engine builds these
models, the writer turns them into lines (keys in the order declared here), and
verify, review, replay and the debrief read lines back into them.
`RECORD_TYPES`, `END_TYPES`, review's value rules and verify's end-record check
all come from these classes. Adding a field means adding it here.

The models are msgspec Structs, not pydantic models like the scenario: review
reads every record of thousands of logs, and msgspec checks a record in about a
microsecond and imports in milliseconds (`uofsim review --format table` loads
neither pydantic nor the engine).

The envelope (`prev`, `digest`, `mac`) is the writer's and verify's business,
not a field: readers ignore it, like any key a newer writer may add.

Two kinds of optional field:
* a field named in its class's `OMIT_IF_NONE` was added after format 1's first
  writers; the writer leaves its key out when it is None, so older lines stay
  byte for byte what they were, and readers of older logs get None;
* any other field with a default is always written; the default only lets a
  reader accept a log from a writer that left the key out.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated, Any, ClassVar, Union

import msgspec
from msgspec import Meta, Struct

from simulator.domain import Behaviour, Force, Verdict
from simulator.logbook.records import FORMAT_VERSION

# JSON numbers keep their type (an int stays an int), so a line read and written
# again is the same bytes; a bool is not a number.
Number = Union[int, float]
Percent = Union[Annotated[int, Meta(ge=0, le=100)], Annotated[float, Meta(ge=0, le=100)]]
ForceLevel = Annotated[int, Meta(ge=0, le=5)]
Count = Annotated[int, Meta(ge=0)]
Phase = Annotated[str, Meta(pattern="^(assess|plan|act)$")]
Competencies = dict[str, Union[int, float, None]]


class _Part(Struct, frozen=True, kw_only=True):
    """A nested object of a record (always written whole)."""


class ScenarioInfo(_Part, frozen=True, kw_only=True):
    id: str
    version: str | None = None
    title: str | None = None
    difficulty: int | None = None
    sha256: str = ""


class RubricInfo(_Part, frozen=True, kw_only=True):
    name: str
    sha256: str = ""


class ForceBand(_Part, frozen=True, kw_only=True):
    min: Force
    max: Force


class Scores(_Part, frozen=True, kw_only=True):
    """A situation's parts (None: the part was not asked for) and its total."""

    assess: Number | None = None
    plan: Number | None = None
    act: Number | None = None
    time: Number | None = None
    total: Number | None = None


class CriticalError(_Part, frozen=True, kw_only=True):
    situation: str
    option: str
    reason: str


class LogRecord(Struct, frozen=True, kw_only=True, tag_field="type"):
    """Every record: `seq` and `t` are set by the writer; the class's tag is its `type`."""

    seq: int = -1
    t: Number = 0.0

    ENDS_SESSION: ClassVar[bool] = False
    OMIT_IF_NONE: ClassVar[tuple[str, ...]] = ()

    @property
    def type(self) -> str:
        return str(self.__struct_config__.tag)

    def line(self) -> dict[str, Any]:
        """The record as its log line holds it, without the envelope: seq, t, type, then its fields."""
        return {"seq": self.seq, "t": self.t, "type": self.type, **self.fields()}

    def fields(self) -> dict[str, Any]:
        """The record's own keys and JSON values, in line order (not seq, t, type or the envelope)."""
        out: dict[str, Any] = msgspec.to_builtins(self)
        for key in _NOT_FIELDS:
            del out[key]
        for name in self.OMIT_IF_NONE:
            if out[name] is None:
                del out[name]
        return out

    def stamped(self, seq: int, t: float) -> LogRecord:
        """This record as written at position `seq`, `t` seconds into the session."""
        return msgspec.structs.replace(self, seq=seq, t=t)


_NOT_FIELDS = ("type", "seq", "t")
_ISO_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?")


class SessionStarted(LogRecord, tag="session_started", frozen=True, kw_only=True):
    format: int
    session_id: str
    trainee: str
    workstation: str = ""
    app_version: str = ""
    started_at: str
    seed: int | None = None
    lang: str = "en"
    scenario: ScenarioInfo
    rubric: RubricInfo | None = None
    mode: str = ""
    time_scale: Number = 1.0
    feedback: str | None = None  # issue 13
    cohort: str | None = None  # issue 14: only when given

    OMIT_IF_NONE = ("feedback", "cohort")

    def __post_init__(self) -> None:
        try:
            if _ISO_TIME.fullmatch(self.started_at) is None:
                raise ValueError
            datetime.fromisoformat(self.started_at.replace("Z", "+00:00"))
        except ValueError:
            raise ValueError("started_at is not an ISO 8601 date and time") from None


class SituationEntered(LogRecord, tag="situation_entered", frozen=True, kw_only=True):
    situation: str
    behaviour: Behaviour
    time_limit_s: Number | None


class Assessment(LogRecord, tag="assessment", frozen=True, kw_only=True):
    situation: str
    chosen: Behaviour
    expected: Behaviour
    score: Number | None
    decision_s: Number | None
    accepted: list[Behaviour] | None = None  # when more than one reading is right

    OMIT_IF_NONE = ("accepted",)


class Plan(LogRecord, tag="plan", frozen=True, kw_only=True):
    situation: str
    chosen: list[str]
    score: Number | None
    decision_s: Number | None


class Action(LogRecord, tag="action", frozen=True, kw_only=True):
    situation: str
    option: str
    force: list[Force]
    level: ForceLevel
    range: ForceBand
    verdict: Verdict
    severity: int
    critical: bool
    reportable: bool
    decision_s: Number | None
    firearm: str | None = None  # draw | point | discharge, with lethal force
    reasons: list[str] | None = None  # reason codes (issue 10)

    OMIT_IF_NONE = ("firearm", "reasons")


class Timeout(LogRecord, tag="timeout", frozen=True, kw_only=True):
    situation: str
    phase: Phase
    wait: bool | None = None  # True: the author's deliberate wait (else left out)

    OMIT_IF_NONE = ("wait",)


class SituationScored(LogRecord, tag="situation_scored", frozen=True, kw_only=True):
    situation: str
    scores: Scores
    competencies: Competencies | None = None

    OMIT_IF_NONE = ("competencies",)


class EndingReached(LogRecord, tag="ending_reached", frozen=True, kw_only=True):
    ending: str
    result: str | None = None
    injuries: list[str]
    fatal: bool
    reportable: bool | None = None  # the outcome made force reportable

    OMIT_IF_NONE = ("reportable",)


class FollowUp(LogRecord, tag="follow_up", frozen=True, kw_only=True):
    chosen: list[str]
    score: Number | None
    decision_s: Number | None = None

    OMIT_IF_NONE = ("decision_s",)


class Paused(LogRecord, tag="paused", frozen=True, kw_only=True):
    situation: str | None = None
    phase: str


class Resumed(LogRecord, tag="resumed", frozen=True, kw_only=True):
    situation: str | None = None
    phase: str
    paused_s: Number


class SessionEnded(LogRecord, tag="session_ended", frozen=True, kw_only=True):
    score: Percent
    passed: bool
    critical_errors: list[CriticalError]
    community: Number | None
    situations: Count
    competencies: Competencies | None = None

    ENDS_SESSION = True
    OMIT_IF_NONE = ("competencies",)


class SessionAborted(LogRecord, tag="session_aborted", frozen=True, kw_only=True):
    reason: Annotated[str, Meta(min_length=1)]

    ENDS_SESSION = True


_MODELS: tuple[type[LogRecord], ...] = (
    SessionStarted, SituationEntered, Assessment, Plan, Action, Timeout, SituationScored, EndingReached,
    FollowUp, Paused, Resumed, SessionEnded, SessionAborted,
)
RECORD_MODELS: dict[str, type[LogRecord]] = {str(cls.__struct_config__.tag): cls for cls in _MODELS}
START_TYPE = str(SessionStarted.__struct_config__.tag)
RECORD_TYPES = frozenset(RECORD_MODELS)
END_TYPES = frozenset(name for name, cls in RECORD_MODELS.items() if cls.ENDS_SESSION)


class RecordError(ValueError):
    """A line that is JSON but not a record of format 1; the message is one line."""


def read_record(data: Any) -> LogRecord:
    """`data` (one parsed line) as its model; RecordError naming the first problem.

    The envelope and unknown keys are ignored; a `session_started` of another
    format version is refused.
    """
    # Dispatched by hand: msgspec caches what it learns of a Struct class, but
    # would parse a Union afresh on every call (15 times slower).
    type_ = data.get("type") if isinstance(data, dict) else None
    model = RECORD_MODELS.get(type_) if isinstance(type_, str) else None
    if model is None:
        raise RecordError(_problem(data, ""))
    try:
        record: LogRecord = msgspec.convert(data, model, strict=True)
    except msgspec.ValidationError as exc:
        raise RecordError(_problem(data, str(exc))) from None
    if isinstance(record, SessionStarted) and record.format != FORMAT_VERSION:
        raise RecordError(f"format version {record.format!r} (this reader reads version {FORMAT_VERSION})")
    return record


_AT_KEY = re.compile(r" - at `\$\.([^`.\[]+)")
_MISSING_KEY = re.compile(r"^Object missing required field `([^`]+)`$")


def _problem(data: Any, message: str) -> str:
    type_ = data.get("type") if isinstance(data, dict) else None
    if not isinstance(type_, str) or type_ not in RECORD_MODELS:
        return f"unknown record type {type_!r}"
    at = _AT_KEY.search(message)
    if at is None:
        missing = _MISSING_KEY.match(message)
        if missing is not None:
            return f"{type_}: missing {missing.group(1)}"
        return f"{type_}: {message}"  # a model's own check (__post_init__)
    key = at.group(1)
    if key == "t":
        return f"{type_}: t is not a number"
    return f"{type_}: {key} has the wrong type or value ({_short(data.get(key, _MISSING))})"


_MISSING = object()


def _short(value: Any) -> str:
    text = "nothing" if value is _MISSING else repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
