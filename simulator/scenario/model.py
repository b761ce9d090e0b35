"""The scenario format, version 1, as pydantic models.

Field names mirror scenario-format.md exactly. The models check shapes and
vocabularies (strictly: a YAML `no` never becomes a bool, a "3" never an
int); checks that need the whole tree (references, reachability, files) live
in `simulator.scenario.lint`, which knows where every node came from.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, TypeVar

from annotated_types import Len
from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    RootModel,
    Strict,
    Tag,
    model_validator,
)

from simulator.domain import (
    AuthorityAct,
    Behaviour,
    CommunityAction,
    Consideration,
    Equipment,
    Factor,
    FirearmAct,
    Force,
    ForceRange,
    Injury,
    QualityRating,
    Rating,
    ReasonCode,
    Result,
    SceneObjectKind,
    Verdict,
    Weapon,
    default_range,
)

FORMAT_VERSION = 1

E = TypeVar("E")
# Vocabulary values arrive from YAML as strings; strict mode would demand enum instances.
Vocab = Annotated[E, Strict(False)]

NodeId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=100)]
ChoiceId = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", max_length=100)]
VariableName = Annotated[str, Field(pattern=r"^[a-z_][a-z0-9_]*$", max_length=100)]
Point = Annotated[list[float], Len(2, 2)]
LANGUAGE_PATTERN = r"^[a-z]{2}(-[A-Za-z]{2})?$"
LanguageCode = Annotated[str, Field(pattern=LANGUAGE_PATTERN)]


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=True)


class TextMap(BaseModel):
    """Text in several languages; `en` is required, other codes optional."""

    model_config = ConfigDict(extra="allow", strict=True)
    __pydantic_extra__: dict[Annotated[str, Field(pattern=r"^[a-z]{2}(-[A-Za-z]{2})?$")], str]
    en: str


class Text(RootModel[str | TextMap]):
    """A text field: a plain string, or a map of language code to string."""

    def get(self, lang: str = "en") -> str:
        if isinstance(self.root, str):
            return self.root
        if lang == "en":
            return self.root.en
        extra = self.root.__pydantic_extra__ or {}
        return extra.get(lang, self.root.en)

    def languages(self) -> set[str]:
        if isinstance(self.root, str):
            return {"en"}
        return {"en", *(self.root.__pydantic_extra__ or {})}

    def __str__(self) -> str:
        return self.get("en")


# --- officer -----------------------------------------------------------------


class Officer(StrictModel):
    partners: int = Field(0, ge=0, le=20)
    equipment: list[Vocab[Equipment]] = Field(default_factory=list)
    backup_eta_s: float | None = Field(None, ge=0, le=3600, allow_inf_nan=False)


# --- branching -----------------------------------------------------------------


class VariableTest(StrictModel):
    at_least: int | None = None
    at_most: int | None = None
    equals: int | None = None

    @model_validator(mode="after")
    def _needs_a_test(self) -> VariableTest:
        if self.at_least is None and self.at_most is None and self.equals is None:
            raise ValueError("a condition needs at least one of at_least, at_most, equals")
        return self

    def holds(self, value: int) -> bool:
        return (
            (self.at_least is None or value >= self.at_least)
            and (self.at_most is None or value <= self.at_most)
            and (self.equals is None or value == self.equals)
        )


Condition = dict[VariableName, VariableTest]


def condition_holds(condition: Condition, variables: dict[str, int]) -> bool:
    return all(test.holds(variables[name]) for name, test in condition.items())


class Branch(StrictModel):
    when: Condition | None = Field(None, alias="if")
    goto: NodeId


class RandomPick(StrictModel):
    weight: int = Field(gt=0, le=10**6)
    goto: NodeId


class RandomNext(StrictModel):
    random: Annotated[list[RandomPick], Len(1)]


def _next_kind(value: Any) -> str | None:
    if isinstance(value, str):
        return "goto"
    if isinstance(value, list):
        return "branches"
    if isinstance(value, dict | RandomNext):
        return "random"
    return None


Next = Annotated[
    Annotated[NodeId, Tag("goto")]
    | Annotated[Annotated[list[Branch], Len(1)], Tag("branches")]
    | Annotated[RandomNext, Tag("random")],
    Discriminator(
        _next_kind,
        custom_error_type="next_kind",
        custom_error_message="expected an id, a list of {if, goto} branches, or {random: [...]}",
    ),
]


def next_targets(next_: str | list[Branch] | RandomNext) -> list[str]:
    """Every id a `next` (or `timeout`) can lead to."""
    if isinstance(next_, str):
        return [next_]
    if isinstance(next_, list):
        return [branch.goto for branch in next_]
    return [pick.goto for pick in next_.random]


# --- situations ----------------------------------------------------------------


class SceneSubject(StrictModel):
    at: Point
    label: Text | None = None
    weapon: Vocab[Weapon] = Weapon.NONE


class SceneBystander(StrictModel):
    """A bystander with a name on the map (issue 13); a bare point is a bystander without one."""

    at: Point
    label: Text | None = None


def _bystander_kind(value: Any) -> str | None:
    if isinstance(value, dict | SceneBystander):
        return "labelled"
    if isinstance(value, list):
        return "point"
    return None


BystanderItem = Annotated[
    Annotated[Point, Tag("point")] | Annotated[SceneBystander, Tag("labelled")],
    Discriminator(_bystander_kind, custom_error_type="bystander_kind",
                  custom_error_message="expected a point [x, y] or {at: [x, y], label: ...}"),
]


class SceneObject(StrictModel):
    kind: Vocab[SceneObjectKind]
    at: Point
    size: Annotated[list[Annotated[float, Field(gt=0, le=500, allow_inf_nan=False)]], Len(2, 2)] | None = None
    cover: bool = False


class Scene(StrictModel):
    width_m: float = Field(gt=0, le=500, allow_inf_nan=False)
    depth_m: float = Field(gt=0, le=500, allow_inf_nan=False)
    officer: Point
    partner: Point | None = None
    subjects: list[SceneSubject] = Field(default_factory=list)
    bystanders: list[BystanderItem] = Field(default_factory=list)
    objects: list[SceneObject] = Field(default_factory=list)
    exits: list[Point] = Field(default_factory=list)

    def contains(self, point: list[float]) -> bool:
        x, y = point
        return 0 <= x <= self.width_m and 0 <= y <= self.depth_m

    def bystander_marks(self) -> list[tuple[list[float], Text | None]]:
        """(point, label) of every bystander, whichever way it was written."""
        return [(b.at, b.label) if isinstance(b, SceneBystander) else (b, None) for b in self.bystanders]


class Subject(StrictModel):
    behaviour: Vocab[Behaviour]
    cues: list[Text] = Field(default_factory=list)
    # Other categories a reasonable officer could defensibly perceive here; each scores as exact.
    accepted: list[Vocab[Behaviour]] = Field(
        default_factory=list,
        description="Other behaviour categories a reasonable officer could defensibly perceive here; "
        "each scores as exact.",
    )

    @property
    def acceptable_readings(self) -> tuple[Behaviour, ...]:
        """The authored behaviour first, then the other accepted readings."""
        return (self.behaviour, *(b for b in self.accepted if b != self.behaviour))


FactorValue = Text | int | float | list[Text]


class Wait(StrictModel):
    """Letting the time run out here is a deliberate wait (time as a tactic), not a freeze."""

    effects: dict[VariableName, int] = Field(default_factory=dict,
                                             description="Added to variables when the wait happens.")
    note: Text | None = Field(None, description="Why waiting is a tactic here, for the debrief.")


class Reasonable(StrictModel):
    min: Vocab[Force]
    max: Vocab[Force]


class Tactic(StrictModel):
    id: ChoiceId
    label: Text
    consideration: Vocab[Consideration]
    rating: Vocab[Rating]


class CriticalMark(StrictModel):
    """The author's word that choosing this option fails the session, and why."""

    reason: Vocab[ReasonCode] = Field(
        description="Why the choice fails the session; the debrief words it and cites the law.")
    note: Text | None = Field(None, description="The author's explanation, shown in the debrief.")


class Quality(StrictModel):
    """How the option is carried out, apart from its force level."""

    communication: Vocab[QualityRating] | None = Field(
        None, description="What is said: a threat rates low, an explanation high.")
    safety: Vocab[QualityRating] | None = Field(None, description="Position, distance and cover while doing it.")


class Option(StrictModel):
    id: ChoiceId
    label: Text
    force: Annotated[list[Vocab[Force]], Len(1)]
    next: Next
    preferred: bool = False
    verdict: Vocab[Verdict] | None = None
    rationale: Text | None = None
    effects: dict[VariableName, int] = Field(default_factory=dict)
    tactics: list[Vocab[Consideration]] = Field(default_factory=list)
    critical: CriticalMark | None = Field(
        None, description="Choosing this option fails the session, whatever its verdict.")
    without_authority: Vocab[AuthorityAct] | None = Field(
        None, description="The option acts with no lawful grounds (s.25(1)); with physical force it is critical."
    )
    quality: Quality | None = Field(None, description="How the option is carried out; the act scores its weakest side.")
    firearm: Vocab[FirearmAct] | None = Field(
        None, description="With lethal_force only: draw, point or discharge (the default). Only a discharge is a shot."
    )
    # Teaching fields (issue 13): shown after the act in immediate-feedback mode.
    consequence: Text | None = None
    reflection: Text | None = None


class DialogueLine(StrictModel):
    """One line of speech shown in the situation window (issue 13)."""

    speaker: Text
    text: Text


class Situation(StrictModel):
    title: Text | None = None
    narrative: Text
    image: str | None = None
    scene: Scene | None = None
    subject: Subject
    factors: dict[Vocab[Factor], FactorValue] = Field(default_factory=dict)
    time_limit_s: float | None = Field(None, gt=0, le=600, allow_inf_nan=False)
    timeout: Next | None = None
    wait: Wait | None = Field(
        None, description="Running out of time here is a deliberate wait (no penalty), not a freeze.")
    reasonable: Reasonable | None = None
    assess: bool = True
    tactics: list[Tactic] = Field(default_factory=list)
    options: Annotated[list[Option], Len(1, 9)]
    dialogue: list[DialogueLine] = Field(default_factory=list)  # issue 13

    @property
    def force_range(self) -> ForceRange:
        if self.reasonable is not None:
            return ForceRange(self.reasonable.min, self.reasonable.max)
        return default_range(self.subject.behaviour)

    def option(self, option_id: str) -> Option:
        for option in self.options:
            if option.id == option_id:
                return option
        raise KeyError(option_id)


# --- endings -------------------------------------------------------------------


NO_ACTION = "none"  # a follow-up that is no front-line action at all ("no follow-up", "close the file")


class FollowUp(StrictModel):
    id: ChoiceId
    label: Text
    action: Vocab[CommunityAction] | Literal["none"]
    rating: Vocab[Rating]


class Ending(StrictModel):
    narrative: Text
    result: Vocab[Result]
    injuries: list[Vocab[Injury]] = Field(default_factory=list)
    fatal: bool = False
    follow_up: list[FollowUp] = Field(default_factory=list)


# --- the scenario ----------------------------------------------------------------


class Scenario(StrictModel):
    format: Literal[1]
    id: NodeId
    title: Text
    version: str | None = None
    difficulty: int = Field(2, ge=1, le=5)
    minutes: float | None = Field(None, gt=0, le=600, allow_inf_nan=False)
    tags: list[str] = Field(default_factory=list)
    summary: Text | None = None
    objectives: list[Text] = Field(default_factory=list)
    briefing: Text | None = None
    officer: Officer = Field(default_factory=Officer)
    variables: dict[VariableName, int] = Field(default_factory=dict)
    start: NodeId
    situations: Annotated[dict[NodeId, Situation], Len(1)]
    endings: Annotated[dict[NodeId, Ending], Len(1)]
    rubric: str | None = None
    # Teaching fields (issue 13).
    introduction: Text | None = None
    key_lessons: list[Text] = Field(default_factory=list)
    languages: list[LanguageCode] = Field(default_factory=list)

    def node(self, node_id: str) -> Situation | Ending:
        return self.situations.get(node_id) or self.endings[node_id]

    def is_ending(self, node_id: str) -> bool:
        return node_id in self.endings
