"""The situation screen: narrative and cues, image, tactical map, the decision
timer, the assess-plan-act cycle, and the numbered choices of the current step.
Tab shows the situation factors and perception notes over the left column."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

import pygame

from simulator.domain import Behaviour
from simulator.engine import Phase, Session
from simulator.ui.input import Intent, Kind
from simulator.ui.screens.common import footer, header, panel
from simulator.ui.screens.session_base import SessionScreen
from simulator.ui.theme import Theme
from simulator.ui.widgets import icons
from simulator.ui.widgets.button import draw_button, layout_column
from simulator.ui.widgets.cycle import cycle_height, draw_cycle
from simulator.ui.widgets.model_wheel import WheelMarks, draw_wheel
from simulator.ui.widgets.picture import scenario_image
from simulator.ui.widgets.speech import draw_bubble
from simulator.ui.widgets.tactical_map import draw_map
from simulator.ui.widgets.text import draw_line, draw_text, reflow, text_height
from simulator.ui.widgets.timer_bar import draw_timer

if TYPE_CHECKING:
    from simulator.scenario.model import Situation
    from simulator.ui.flow import PlayFlow

DECISION_PHASES = (Phase.ASSESS, Phase.PLAN, Phase.ACT)
MIN_WHEEL_PX = 300  # below this its labels fall under ~10 px: unreadable


class SituationScreen(SessionScreen):
    name = "situation"

    def __init__(self, flow: PlayFlow, session: Session, notice: str | None = None) -> None:
        super().__init__(flow, session)
        self.notice = notice
        self.picked: list[str] = []        # tactics toggled in PLAN, in pick order
        self.assessed: Behaviour | None = None
        self.planned: list[str] | None = None
        self.info_open = False
        self._shown_phase: Phase | None = None
        situation = session.situation
        assert situation is not None, "the flow shows this screen only while a situation is current"
        self.situation: Situation = situation

    # --- engine ------------------------------------------------------------------------

    def step_changed(self) -> None:
        """The same visit moved to its next step (the flow reuses this screen)."""
        self.info_open = False

    def update(self, now: float) -> None:
        # Not before the first frame is on screen: the decision window opens when the
        # choices are shown (Session.shown), so time spent before that (e.g. reading
        # immediate feedback) can never run it out.
        if self._shown_phase is None:
            return
        if self.session.phase in DECISION_PHASES and self.session.tick(now):
            self.flow.timed_out()

    def animating(self) -> bool:
        # The timer bar moves only while the clock runs: paused, the CPU idles.
        return self.session.time_limit() is not None and not self.session.paused

    def after_flip(self, now: float) -> None:
        phase = self.session.phase
        if phase in DECISION_PHASES and phase is not self._shown_phase and not self.info_open:
            self._shown_phase = phase
            self.session.shown(now)

    # --- input -------------------------------------------------------------------------------

    def on_intent(self, intent: Intent) -> None:
        if intent.kind is Kind.INFO:
            self.info_open = not self.info_open
        elif intent.kind is Kind.PICK:
            self.pick(intent.number, intent.at)
        elif intent.kind is Kind.CONFIRM and self.session.phase is Phase.PLAN:
            self.confirm_plan(intent.at)

    def pick(self, number: int, at: float) -> None:
        choices = self.session.choices()
        if not 1 <= number <= len(choices) or self.info_open:
            return
        choice = choices[number - 1]
        phase = self.session.phase
        if phase is Phase.ASSESS:
            self.assessed = Behaviour(choice.id)
            self.send(lambda: self.session.assess(choice.id, at))
        elif phase is Phase.PLAN:
            if choice.id in self.picked:
                self.picked.remove(choice.id)
            else:
                self.picked.append(choice.id)
        elif phase is Phase.ACT:
            self.send(lambda: self.session.act(choice.id, at))

    def confirm_plan(self, at: float) -> None:
        planned = self.planned = list(self.picked)
        self.send(lambda: self.session.plan(planned, at))

    # --- drawing -------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        session, situation = self.session, self.situation
        lang = session.settings.lang
        title = situation.title.get(lang) if situation.title else session.scenario.title.get(lang)
        area = header(surface, theme, title, session.scenario.title.get(lang))
        bar_h = cycle_height(theme)
        timer_rect = pygame.Rect(area.x, area.y, int(area.width * 0.42), theme.bold().get_linesize())
        draw_timer(surface, theme, self.t, timer_rect, session.time_left(), session.time_limit())
        steps = [s for s, asked in (("assess", situation.assess), ("plan", bool(situation.tactics)),
                                    ("act", True)) if asked]
        current = session.phase.value if session.phase in DECISION_PHASES else None
        cycle = pygame.Rect(timer_rect.right + theme.pad, area.y, area.right - timer_rect.right - theme.pad, bar_h)
        draw_cycle(surface, theme, self.t, cycle, steps, current)
        body = pygame.Rect(area.x, area.y + bar_h + theme.pad, area.width, area.height - bar_h - theme.pad)
        left_w = int(body.width * 0.57)
        left = pygame.Rect(body.x, body.y, left_w, body.height)
        right = pygame.Rect(left.right + theme.pad * 2, body.y, body.width - left_w - theme.pad * 2, body.height)
        self._draw_side(surface, theme, right)
        if self.info_open:
            self._draw_info(surface, theme, left)
        else:
            self._draw_story_and_choices(surface, theme, left)
        footer(surface, theme, f"{self.t('situation.info_hint')} · {self.t('keys.hint')}")

    def _choice_labels(self) -> list[tuple[str, str | None]]:
        return [(c.label, str(c.key)) for c in self.session.choices()]

    def _draw_story_and_choices(self, surface: pygame.Surface, theme: Theme, left: pygame.Rect) -> None:
        p = theme.palette
        session = self.session
        phase = session.phase
        labels = self._choice_labels()
        confirm = self.t("situation.confirm_plan") if phase is Phase.PLAN else None
        prompt = self.t(f"situation.prompt.{phase.value}") if phase in DECISION_PHASES else ""
        # The choices must fit: shrink their text until they do (the story gives way first).
        btheme = theme
        while True:
            block_h = self._choices_height(btheme, labels, confirm, prompt, left.width)
            if block_h <= left.height * 0.72 or btheme.scale_index == 0:
                break
            btheme = btheme.smaller()
        if block_h > left.height * 0.72:
            btheme = replace(btheme, window_height=int(btheme.window_height * 0.85))
            block_h = self._choices_height(btheme, labels, confirm, prompt, left.width)
        story_h = left.height - block_h - theme.pad
        self._draw_story(surface, theme, pygame.Rect(left.x, left.y, left.width, story_h))

        y = left.bottom - block_h
        y += draw_text(surface, prompt, btheme.bold(), p.accent, (left.x, y), left.width) + btheme.pad // 2
        rects = layout_column(btheme, labels, left.x, y, left.width)
        for rect, (label, key), choice in zip(rects, labels, session.choices()):
            selected = (choice.id in self.picked) if phase is Phase.PLAN else None
            draw_button(surface, btheme, rect, label, key=key, hover=self.is_hover(label), selected=selected)
            self.add_hotspot(rect, label, partial(self.pick, choice.key))
        if confirm:
            top = rects[-1].bottom + btheme.pad if rects else y
            rect = pygame.Rect(left.x, top, left.width, btheme.body().get_linesize() + btheme.pad)
            draw_button(surface, btheme, rect, confirm, hover=self.is_hover(confirm), focus=True)
            self.add_hotspot(rect, confirm, self.confirm_plan)

    def _choices_height(self, theme: Theme, labels, confirm, prompt: str, width: int) -> int:
        rects = layout_column(theme, labels, 0, 0, width)
        h = text_height(prompt, theme.bold(), width) + theme.pad // 2
        h += (rects[-1].bottom if rects else 0)
        if confirm:
            h += theme.pad + theme.body().get_linesize() + theme.pad
        return h

    def _draw_story(self, surface: pygame.Surface, theme: Theme, rect: pygame.Rect) -> None:
        p = theme.palette
        session, situation = self.session, self.situation
        x, y, width = rect.x, rect.y, rect.width
        line = theme.body().get_linesize()
        notice = self.notice
        if notice is not None and notice == self.t("situation.timed_out"):
            icons.clock(surface, p.bad, (x + line // 2, y + line // 2), line - 4)
            y += draw_text(surface, notice, theme.bold(), p.bad, (x + line + 4, y), width - line - 4) + theme.pad // 2
        elif notice:  # e.g. the live preview's "Reloaded" line: information, not a fault
            y += draw_text(surface, notice, theme.small(), p.accent, (x, y), width) + theme.pad // 2
        progress = self._progress_text()
        lines_left = max(1, (rect.bottom - y) // line - (1 if progress else 0))
        # The narrative first, then who speaks; cues take what is left (Tab shows cues in full).
        speech = [(session.text(d.speaker), session.text(d.text)) for d in situation.dialogue]
        if speech:  # leave the dialogue at least half the story's room
            lines_left = max(1, lines_left // 2)
        narrative = reflow(session.text(situation.narrative))
        y += draw_text(surface, narrative, theme.body(), p.text, (x, y), width, max_lines=lines_left) + theme.pad // 2
        bottom = rect.bottom - (line if progress else 0)
        for speaker, said in speech:
            used = draw_bubble(surface, theme, x, y, width, speaker, said, bottom - y)
            if not used:
                break
            y += used
        cues = [session.text(c) for c in situation.subject.cues]
        if cues and bottom - y >= line * 2:
            y += draw_text(surface, self.t("situation.cues"), theme.bold(0.9), p.accent, (x, y), width)
            small_line = theme.small().get_linesize()
            for cue in cues:
                if bottom - y < small_line:
                    break
                y += draw_text(surface, f"– {cue}", theme.small(), p.text, (x + theme.pad, y), width - theme.pad,
                               max_lines=max(1, (bottom - y) // small_line))
        if progress:
            draw_text(surface, progress, theme.small(), p.muted, (x, rect.bottom - line), width, max_lines=1)

    def _progress_text(self) -> str:
        parts = []
        if self.assessed is not None:
            parts.append(self.t("situation.assessed", b=self.t.name("behaviour", self.assessed)))
        if self.planned is not None:
            labels = {t.id: self.session.text(t.label) for t in self.situation.tactics}
            chosen = ", ".join(labels[i] for i in self.planned) or self.t("situation.nothing")
            parts.append(self.t("situation.planned", t=chosen))
        return " · ".join(parts)

    def _draw_side(self, surface: pygame.Surface, theme: Theme, rect: pygame.Rect) -> None:
        situation = self.situation
        parts = []
        if situation.image:
            parts.append("image")
        if situation.scene is not None:
            parts.append("map")
        weights = {"image": 0.8, "map": 1.0, "wheel": 1.2}
        # The wheel only where it can be read; the debrief always shows it large.
        wheel_h = (rect.height - theme.pad * len(parts)) * 1.2 / (sum(weights[q] for q in parts) + 1.2)
        if min(wheel_h, rect.width) >= MIN_WHEEL_PX:
            parts.append("wheel")
        total = sum(weights[part] for part in parts)
        y = rect.y
        for part in parts:
            h = int((rect.height - theme.pad * (len(parts) - 1)) * weights[part] / total)
            box = pygame.Rect(rect.x, y, rect.width, h)
            if part == "image":
                self._draw_image(surface, theme, box)
            elif part == "map":
                assert situation.scene is not None, "parts has a map only for a situation with a scene"
                pygame.draw.rect(surface, theme.palette.panel, box, border_radius=8)
                draw_map(surface, theme, self.t, box, situation.scene, self.session.settings.lang)
            else:
                step = self.session.phase.value if self.session.phase in DECISION_PHASES else None
                draw_wheel(surface, theme, self.t, box, WheelMarks(assessed=self.assessed, step=step))
            y += h + theme.pad

    def _draw_image(self, surface: pygame.Surface, theme: Theme, box: pygame.Rect) -> None:
        assert self.situation.image, "drawn only for a situation with an image"
        image = scenario_image(self.situation.image, self.session.loaded.path, box.size)
        if image is not None:
            surface.blit(image, image.get_rect(center=box.center))

    def _draw_info(self, surface: pygame.Surface, theme: Theme, rect: pygame.Rect) -> None:
        p = theme.palette
        inner = panel(surface, theme, rect, self.t("info.title"))
        draw_line(surface, self.t("info.close"), theme.small(), p.muted, (rect.right - theme.pad, rect.y + theme.pad),
                  "topright")
        x, y, width = inner.x, inner.y, inner.width
        clip = surface.get_clip()
        surface.set_clip(inner)  # long factor lists stay inside the panel
        cues = [self.session.text(c) for c in self.situation.subject.cues]
        if cues:
            y += draw_text(surface, self.t("situation.cues"), theme.bold(0.9), p.accent, (x, y), width)
            y += draw_text(surface, "\n".join(f"– {c}" for c in cues), theme.small(), p.text, (x + theme.pad, y),
                           width - theme.pad)
        factors = self.situation.factors
        if not factors:
            y += draw_text(surface, self.t("info.none"), theme.body(), p.muted, (x, y), width)
        for factor, value in factors.items():
            y += draw_text(surface, self.t.name("factor", factor), theme.bold(0.9), p.accent, (x, y), width)
            y += draw_text(surface, self._factor_text(value), theme.small(), p.text, (x + theme.pad, y),
                           width - theme.pad)
        y += theme.pad
        y += draw_text(surface, self.t("info.perception"), theme.bold(0.9), p.accent, (x, y), width)
        y += draw_text(surface, self.t("info.perception_notes"), theme.small(), p.text, (x + theme.pad, y),
                       width - theme.pad)
        officer = self.session.scenario.officer
        items = ", ".join(self.t.name("equipment", e) for e in officer.equipment) or "—"
        y += draw_text(surface, self.t("info.officer", n=officer.partners, items=items), theme.small(), p.muted,
                       (x + theme.pad, y + theme.pad // 2), width - theme.pad)
        surface.set_clip(clip)

    def _factor_text(self, value) -> str:
        if isinstance(value, list):
            return "; ".join(self.session.text(v) for v in value)
        if isinstance(value, int | float):
            return f"{value:g}"
        return self.session.text(value)
