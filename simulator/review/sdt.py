"""Signal detection figures for "use lethal force or not" decisions.

A *signal* decision is an action step whose reasonable range reaches lethal
force (range max = lethal_force); a *noise* decision is one whose range does not.
Choosing an option that includes lethal force is a *hit* on a signal decision
and a *false alarm* on a noise decision.

Rates of exactly 0 or 1 make z infinite, so both rates use the log-linear
correction (Hautus 1995): add 0.5 to the count and 1 to the number of trials,
H = (hits + 0.5) / (signal + 1), F = (false alarms + 0.5) / (noise + 1).
d' = z(H) - z(F) (how well lethal force is kept to where it is allowed) and
c = -(z(H) + z(F)) / 2 (bias: negative = leaning towards lethal force).
Both are None when either kind of decision is missing: the figures would then
say nothing about the trainee.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import NormalDist

_Z = NormalDist().inv_cdf


@dataclass
class LethalCounts:
    signal: int = 0  # action steps where lethal force is within the reasonable range
    noise: int = 0  # action steps where it is not
    hits: int = 0  # lethal force chosen on a signal step
    false_alarms: int = 0  # lethal force chosen on a noise step

    def add(self, lethal_allowed: bool, lethal_chosen: bool) -> None:
        if lethal_allowed:
            self.signal += 1
            self.hits += lethal_chosen
        else:
            self.noise += 1
            self.false_alarms += lethal_chosen

    @property
    def misses(self) -> int:
        return self.signal - self.hits

    @property
    def correct_rejections(self) -> int:
        return self.noise - self.false_alarms

    @property
    def hit_rate(self) -> float | None:
        """The corrected hit rate H, or None without signal steps."""
        return (self.hits + 0.5) / (self.signal + 1) if self.signal else None

    @property
    def false_alarm_rate(self) -> float | None:
        """The corrected false-alarm rate F, or None without noise steps."""
        return (self.false_alarms + 0.5) / (self.noise + 1) if self.noise else None

    @property
    def d_prime(self) -> float | None:
        h, f = self.hit_rate, self.false_alarm_rate
        return None if h is None or f is None else _Z(h) - _Z(f)

    @property
    def criterion(self) -> float | None:
        h, f = self.hit_rate, self.false_alarm_rate
        return None if h is None or f is None else -(_Z(h) + _Z(f)) / 2

    def as_dict(self) -> dict[str, float | int | None]:
        return {
            "signal": self.signal,
            "noise": self.noise,
            "hits": self.hits,
            "misses": self.misses,
            "false_alarms": self.false_alarms,
            "correct_rejections": self.correct_rejections,
            "hit_rate": self.hit_rate,
            "false_alarm_rate": self.false_alarm_rate,
            "d_prime": self.d_prime,
            "c": self.criterion,
        }
