"""The default rubric of scenario-format.md, with every number in a `Rubric`.

A rubric YAML file may change any number; `load_rubric` reads one through the
project's safe YAML parser, so mistakes come back as file:line:col.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from simulator.domain import (
    Behaviour,
    Competency,
    Consideration,
    ErrorFinding,
    Judgement,
    QualityRating,
    Rating,
    Verdict,
    behaviour_distance,
    is_reportable,
)
from simulator.scenario.judging import carried_tactics, judge_option
from simulator.scenario.model import Option, Situation

PARTS = ("assess", "plan", "act", "time")
# Competencies scored per situation; `community` comes from the follow-up step.
SITUATION_COMPETENCIES = tuple(c for c in Competency if c is not Competency.COMMUNITY)


@dataclass(frozen=True)
class Weights:
    assess: float = 0.25
    plan: float = 0.20
    act: float = 0.45
    time: float = 0.10


@dataclass(frozen=True)
class AssessRubric:
    exact: float = 1.0
    one_off: float = 0.5
    other: float = 0.0


@dataclass(frozen=True)
class PlanRubric:
    """(recommended + acceptable x picked acceptable - contraindicated x picked) / recommended offered;
    with nothing recommended: no_recommended_base - no_recommended_penalty x contraindicated picks."""

    recommended: float = 1.0
    acceptable: float = 0.5
    contraindicated: float = 1.0
    no_recommended_base: float = 1.0
    no_recommended_penalty: float = 0.5


@dataclass(frozen=True)
class ActRubric:
    preferred: float = 1.0
    reasonable: float = 0.8
    reasonable_no_preferred: float = 1.0  # the situation marks no option preferred
    severity_1: float = 0.3
    severity_2_plus: float = 0.0


@dataclass(frozen=True)
class QualityRubric:
    """Scores of an option's communication and safety ratings."""

    recommended: float = 1.0
    acceptable: float = 0.8
    poor: float = 0.3
    contraindicated: float = 0.0

    def of(self, rating: QualityRating | Rating) -> float:
        return float(getattr(self, QualityRating(rating.value).value))


@dataclass(frozen=True)
class Rubric:
    name: str = "default-2"
    weights: Weights = field(default_factory=Weights)
    assess: AssessRubric = field(default_factory=AssessRubric)
    plan: PlanRubric = field(default_factory=PlanRubric)
    act: ActRubric = field(default_factory=ActRubric)
    quality: QualityRubric = field(default_factory=QualityRubric)
    critical_severity: int = 1  # default-2: any excess fails the session (s.26)
    pass_mark: float = 70.0
    file_sha256: str | None = None  # sha256 of the rubric file's bytes, when loaded from one

    @property
    def sha256(self) -> str:
        """The file's hash, or for a built-in rubric the hash of its numbers."""
        if self.file_sha256 is not None:
            return self.file_sha256
        numbers = {k: v for k, v in asdict(self).items() if k != "file_sha256"}
        return hashlib.sha256(json.dumps(numbers, sort_keys=True, separators=(",", ":")).encode()).hexdigest()

    def identity(self) -> dict[str, str]:
        return {"name": self.name, "sha256": self.sha256}


DEFAULT_RUBRIC = Rubric()


# --- the parts of a situation's score -----------------------------------------------


def assess_score(rubric: Rubric, chosen: Behaviour | str,
                 expected: Behaviour | str | Iterable[Behaviour | str]) -> float:
    """Exact for any accepted reading; one category off the nearest one scores one_off."""
    readings = [expected] if isinstance(expected, str) else list(expected)
    distance = min(behaviour_distance(Behaviour(chosen), Behaviour(b)) for b in readings)
    if distance == 0:
        return rubric.assess.exact
    return rubric.assess.one_off if distance == 1 else rubric.assess.other


def rated_score(rubric: Rubric, offered: Sequence[tuple[str, Rating]], chosen: Iterable[str]) -> float:
    """Plan (tactics) and follow-up choices, clipped to 0..1."""
    picked = set(chosen)
    ratings = [Rating(rating) for choice_id, rating in offered if choice_id in picked]
    contraindicated = ratings.count(Rating.CONTRAINDICATED)
    recommended_offered = sum(1 for _, rating in offered if Rating(rating) is Rating.RECOMMENDED)
    p = rubric.plan
    if recommended_offered == 0:
        value = p.no_recommended_base - p.no_recommended_penalty * contraindicated
    else:
        gained = p.recommended * ratings.count(Rating.RECOMMENDED) + p.acceptable * ratings.count(Rating.ACCEPTABLE)
        value = (gained - p.contraindicated * contraindicated) / recommended_offered
    return min(1.0, max(0.0, value))


def tactics_score(rubric: Rubric, situation: Situation, picked: Iterable[str],
                  carried: Iterable[Consideration | str] = ()) -> float | None:
    """The tactics competency: the plan step's picks plus every offered tactic whose
    consideration the chosen option (or a deliberate wait) carries out. None when
    the situation offers no tactics."""
    if not situation.tactics:
        return None
    chosen = set(picked) | carried_tactics(situation, carried)
    return rated_score(rubric, [(t.id, t.rating) for t in situation.tactics], chosen)


def force_score(rubric: Rubric, situation: Situation, option: Option, judgement: Judgement) -> float:
    """Proportionality: severity decides for an unreasonable option; among reasonable ones the preferred scores best."""
    a = rubric.act
    if judgement.verdict is not Verdict.REASONABLE:
        return a.severity_1 if judgement.severity == 1 else a.severity_2_plus
    if option.preferred:
        return a.preferred
    if not any(o.preferred for o in situation.options):
        return a.reasonable_no_preferred
    return a.reasonable


@dataclass(frozen=True)
class ActAppraisal:
    """Everything the rubric says of one option chosen in one situation."""

    judgement: Judgement
    errors: ErrorFinding
    force: float
    communication: float | None
    safety: float | None
    authority: float | None  # None where the situation does not test lawful authority
    reportable: bool

    @property
    def act(self) -> float:
        """The act scores as its weakest side: a threat said at an in-range level is still a threat."""
        present = [v for v in (self.force, self.communication, self.safety, self.authority) if v is not None]
        return min(present)

    @property
    def critical(self) -> bool:
        return self.errors.critical


def appraise(rubric: Rubric, situation: Situation, option: Option) -> ActAppraisal:
    judgement, errors = judge_option(situation, option, rubric.critical_severity)
    quality = option.quality
    tests_authority = any(o.without_authority is not None for o in situation.options)
    return ActAppraisal(
        judgement=judgement,
        errors=errors,
        force=force_score(rubric, situation, option, judgement),
        communication=rubric.quality.of(quality.communication) if quality and quality.communication else None,
        safety=rubric.quality.of(quality.safety) if quality and quality.safety else None,
        authority=(0.0 if option.without_authority else 1.0) if tests_authority else None,
        reportable=is_reportable(option.force),
    )


def wait_score(rubric: Rubric, situation: Situation) -> float:
    """A deliberate wait is an act of its own: scored by the situation's `time` tactic
    where it rates one, else as a reasonable option that is not the preferred one."""
    rated = [t.rating for t in situation.tactics if t.consideration is Consideration.TIME]
    if rated:
        return rubric.quality.of(max(rated, key=lambda r: rubric.quality.of(r)))
    if not any(o.preferred for o in situation.options):
        return rubric.act.reasonable_no_preferred
    return rubric.act.reasonable


# --- a situation's parts and competencies -----------------------------------------------------------


@dataclass(frozen=True)
class SituationScore:
    parts: dict[str, float | None]  # assess, plan, act, time (None: not present)
    competencies: dict[str, float | None]  # SITUATION_COMPETENCIES
    total: float


def _situation_score(rubric: Rubric, parts: dict[str, float | None],
                     competencies: dict[Competency, float | None]) -> SituationScore:
    return SituationScore(
        parts=parts,
        competencies={c.value: competencies.get(c) for c in SITUATION_COMPETENCIES},
        total=situation_total(rubric, parts),
    )


def score_act(rubric: Rubric, situation: Situation, assess: float | None, picked: Iterable[str],
              option: Option, appraisal: ActAppraisal | None = None) -> SituationScore:
    """The trainee acted within the window."""
    appraisal = appraisal or appraise(rubric, situation, option)
    tactics = tactics_score(rubric, situation, picked, option.tactics)
    parts = {"assess": assess if situation.assess else None, "plan": tactics, "act": appraisal.act, "time": 1.0}
    return _situation_score(rubric, parts, {
        Competency.PERCEPTION: parts["assess"],
        Competency.TACTICS: tactics,
        Competency.FORCE: appraisal.force,
        Competency.COMMUNICATION: appraisal.communication,
        Competency.SAFETY: appraisal.safety,
        Competency.AUTHORITY: appraisal.authority,
        Competency.TIME: 1.0,
    })


def score_wait(rubric: Rubric, situation: Situation, assess: float | None, picked: Iterable[str]) -> SituationScore:
    """Time ran out in a situation whose author declared waiting a tactic: no penalty;
    steps not taken are not counted, and the wait is scored as the act."""
    tactics = tactics_score(rubric, situation, picked, [Consideration.TIME])
    parts = {"assess": assess if situation.assess else None, "plan": tactics,
             "act": wait_score(rubric, situation), "time": 1.0}
    return _situation_score(rubric, parts, {
        Competency.PERCEPTION: parts["assess"], Competency.TACTICS: tactics, Competency.TIME: 1.0,
    })


def score_freeze(rubric: Rubric, situation: Situation) -> SituationScore:
    """Time ran out: every part present counts 0."""
    parts = timed_out_parts({"assess": situation.assess, "plan": bool(situation.tactics), "act": True, "time": True})
    return _situation_score(rubric, parts, {
        Competency.PERCEPTION: parts["assess"], Competency.TACTICS: parts["plan"],
        Competency.FORCE: 0.0, Competency.TIME: 0.0,
    })


def session_competencies(situations: Sequence[dict[str, float | None]],
                         community: float | None) -> dict[str, float | None]:
    """Per competency, the mean over the situations that measured it, x 100 (one decimal)."""
    result: dict[str, float | None] = {}
    for competency in SITUATION_COMPETENCIES:
        values = [c[competency.value] for c in situations if c.get(competency.value) is not None]
        result[competency.value] = percent(sum(values) / len(values)) if values else None  # type: ignore[arg-type]
    result[Competency.COMMUNITY.value] = community
    return result


def situation_total(rubric: Rubric, parts: dict[str, float | None]) -> float:
    """Weighted mean over the parts present (None = not present)."""
    w = asdict(rubric.weights)
    present = [(w[name], value) for name, value in parts.items() if name in w and value is not None]
    weight = sum(wt for wt, _ in present)
    if weight <= 0:
        return 0.0
    return sum(wt * value for wt, value in present) / weight


def timed_out_parts(parts_present: dict[str, bool]) -> dict[str, float | None]:
    """A situation whose window ran out: every part present counts 0."""
    return {name: (0.0 if parts_present.get(name, False) else None) for name in PARTS}


def percent(fraction: float) -> float:
    """0..1 -> 0..100 with one decimal, rounding half up (not to even)."""
    return float(Decimal(repr(fraction * 100)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def session_score(totals: Sequence[float]) -> float:
    """Mean of situation scores x 100, one decimal (0.0 for no situations)."""
    return percent(sum(totals) / len(totals)) if totals else 0.0


def passed(rubric: Rubric, score: float, critical_errors: Sequence[object]) -> bool:
    return score >= rubric.pass_mark and not critical_errors


# --- rubric files ---------------------------------------------------------------------


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class _WeightsFile(_Strict):
    assess: float = Field(Weights.assess, ge=0, le=10**6)
    plan: float = Field(Weights.plan, ge=0, le=10**6)
    act: float = Field(Weights.act, ge=0, le=10**6)
    time: float = Field(Weights.time, ge=0, le=10**6)

    @model_validator(mode="after")
    def _not_all_zero(self) -> _WeightsFile:
        if self.assess + self.plan + self.act + self.time <= 0:
            raise ValueError("at least one weight must be above 0")
        return self


class _AssessFile(_Strict):
    exact: float = Field(AssessRubric.exact, ge=0, le=1)
    one_off: float = Field(AssessRubric.one_off, ge=0, le=1)
    other: float = Field(AssessRubric.other, ge=0, le=1)


class _PlanFile(_Strict):
    recommended: float = Field(PlanRubric.recommended, ge=0, le=10**6)
    acceptable: float = Field(PlanRubric.acceptable, ge=0, le=10**6)
    contraindicated: float = Field(PlanRubric.contraindicated, ge=0, le=10**6)
    no_recommended_base: float = Field(PlanRubric.no_recommended_base, ge=0, le=1)
    no_recommended_penalty: float = Field(PlanRubric.no_recommended_penalty, ge=0, le=10**6)


class _ActFile(_Strict):
    preferred: float = Field(ActRubric.preferred, ge=0, le=1)
    reasonable: float = Field(ActRubric.reasonable, ge=0, le=1)
    reasonable_no_preferred: float = Field(ActRubric.reasonable_no_preferred, ge=0, le=1)
    severity_1: float = Field(ActRubric.severity_1, ge=0, le=1)
    severity_2_plus: float = Field(ActRubric.severity_2_plus, ge=0, le=1)


class _QualityFile(_Strict):
    recommended: float = Field(QualityRubric.recommended, ge=0, le=1)
    acceptable: float = Field(QualityRubric.acceptable, ge=0, le=1)
    poor: float = Field(QualityRubric.poor, ge=0, le=1)
    contraindicated: float = Field(QualityRubric.contraindicated, ge=0, le=1)


class _RubricFile(_Strict):
    name: str = Field(min_length=1, max_length=100)
    weights: _WeightsFile = Field(default_factory=_WeightsFile)
    assess: _AssessFile = Field(default_factory=_AssessFile)
    plan: _PlanFile = Field(default_factory=_PlanFile)
    act: _ActFile = Field(default_factory=_ActFile)
    quality: _QualityFile = Field(default_factory=_QualityFile)
    # 1 (default-2): any excess fails. A rubric may relax it, e.g. 2 as the earlier default-1.
    critical_severity: int = Field(Rubric.critical_severity, ge=1, le=5)
    pass_mark: float = Field(70.0, ge=0, le=100)


def load_rubric(path: str | Path) -> Rubric:
    """Read a rubric YAML file; raises ScenarioError (problems with line:col) when it is wrong.

    Every key is optional except `name`; a number left out keeps its default.
    """
    from simulator.scenario.loader import model_field_names, validation_problems
    from simulator.scenario.problems import ScenarioError
    from simulator.scenario.source import decode, parse, read_limited

    path = Path(path)
    raw = read_limited(path, "rubric file")  # size checked before reading: a rubric cannot exhaust memory
    data, source = parse(decode(raw, str(path)), str(path))
    if not isinstance(data, dict):
        raise ScenarioError([source.problem((), "expected a mapping of rubric fields")])
    try:
        parsed = _RubricFile.model_validate(data)
    except ValidationError as exc:
        raise ScenarioError(validation_problems(exc, data, source, model_field_names(_RubricFile))) from None
    return Rubric(
        name=parsed.name,
        weights=Weights(**parsed.weights.model_dump()),
        assess=AssessRubric(**parsed.assess.model_dump()),
        plan=PlanRubric(**parsed.plan.model_dump()),
        act=ActRubric(**parsed.act.model_dump()),
        quality=QualityRubric(**parsed.quality.model_dump()),
        critical_severity=parsed.critical_severity,
        pass_mark=parsed.pass_mark,
        file_sha256=hashlib.sha256(raw).hexdigest(),
    )


def rubric_for(loaded: object) -> Rubric:
    """The scenario's own rubric file when it names one, else the default rubric."""
    from simulator.scenario.assets import AssetError, resolve_rubric
    from simulator.scenario.problems import Problem, ScenarioError, Severity

    scenario, path = loaded.scenario, loaded.path  # type: ignore[attr-defined]
    if not scenario.rubric:
        return DEFAULT_RUBRIC
    try:
        return load_rubric(resolve_rubric(scenario.rubric, Path(path)))
    except AssetError as exc:
        raise ScenarioError([Problem(str(path), None, None, Severity.ERROR, str(exc))]) from None
