"""Replay: a recorded session shown step by step (read-only) for a debrief with
an instructor. Built from the log's records through debrief_from_records and
drawn with the same widgets as the live screens."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pygame

from simulator.domain import Behaviour
from simulator.engine import Debrief, SituationReport
from simulator.logbook.models import LogRecord, SessionStarted
from simulator.scenario import LoadedScenario
from simulator.ui.input import Intent, Kind
from simulator.ui.screens.base import Screen
from simulator.ui.screens.common import footer, header, section
from simulator.ui.screens.debrief import DebriefPanel
from simulator.ui.theme import Theme
from simulator.ui.widgets import icons
from simulator.ui.widgets.button import draw_button, layout_column
from simulator.ui.widgets.cycle import cycle_height, draw_cycle
from simulator.ui.widgets.model_wheel import WheelMarks, draw_wheel, draw_wheel_legend
from simulator.ui.widgets.tactical_map import draw_map
from simulator.ui.widgets.text import draw_line, draw_text, reflow


@dataclass
class ReplayData:
    records: list[LogRecord]
    debrief: Debrief
    scenario: LoadedScenario | None   # None when missing or changed since (ids only)
    problem: str | None               # why the scenario texts are not shown
    warnings: list[str]
    status: str
    lang: str = "en"


class ReplayScreen(Screen):
    def __init__(self, app, data: ReplayData) -> None:
        super().__init__(app)
        self.data = data
        self.pages: list[tuple[str, int]] = [("intro", 0)]
        self.pages += [("situation", i) for i in range(len(data.debrief.situations))]
        if data.debrief.ending:
            self.pages.append(("ending", 0))
        self.pages.append(("debrief", 0))
        self.page = 0
        lessons = [lesson.get(data.lang) for lesson in data.scenario.scenario.key_lessons] if data.scenario else []
        self.panel = DebriefPanel(data.debrief, app.strings, lessons)

    @property
    def name(self) -> str:  # type: ignore[override]
        return f"replay:{self.pages[self.page][0]}"

    # --- input ---------------------------------------------------------------------

    def handle(self, intent: Intent) -> None:
        kind = self.pages[self.page][0]
        if kind == "debrief" and self.panel.handle(intent):
            return
        if intent.kind in (Kind.CONFIRM, Kind.RIGHT):
            self.next()
        elif intent.kind is Kind.LEFT:
            self.back()
        elif intent.kind is Kind.ESCAPE:
            self.app.quit()

    def next(self, at: float = 0.0) -> None:
        self.page = min(len(self.pages) - 1, self.page + 1)

    def back(self, at: float = 0.0) -> None:
        self.page = max(0, self.page - 1)

    # --- drawing ---------------------------------------------------------------------

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        kind, index = self.pages[self.page]
        title = f"{self.t('replay.title')} — {self.data.debrief.scenario_title or self.data.debrief.scenario_id}"
        area = header(surface, theme, title, self.t("replay.page", n=self.page + 1, total=len(self.pages)))
        nav_h = theme.body().get_linesize() + theme.pad
        content = pygame.Rect(area.x, area.y, area.width, area.height - nav_h - theme.pad)
        if kind == "intro":
            self._intro(surface, theme, content)
        elif kind == "situation":
            self._situation(surface, theme, content, self.data.debrief.situations[index])
        elif kind == "ending":
            self._ending(surface, theme, content)
        else:
            self.panel.draw(surface, theme, content, self)
        self._nav(surface, theme, pygame.Rect(area.x, area.bottom - nav_h, area.width, nav_h))
        footer(surface, theme, self.t("replay.nav"))

    def _nav(self, surface, theme: Theme, rect: pygame.Rect) -> None:
        width = min(rect.width // 4, theme.base * 10)
        back, nxt = self.t("replay.back"), self.t("replay.next")
        for i, (label, action, enabled) in enumerate(((back, self.back, self.page > 0),
                                                       (nxt, self.next, self.page < len(self.pages) - 1))):
            button = pygame.Rect(rect.right - (2 - i) * (width + theme.pad), rect.y, width, rect.height)
            draw_button(surface, theme, button, label, hover=self.is_hover(label), muted=not enabled)
            if enabled:
                self.add_hotspot(button, label, action)

    def _intro(self, surface, theme: Theme, rect: pygame.Rect) -> None:
        p = theme.palette
        d = self.data.debrief
        started = next((r for r in self.data.records if isinstance(r, SessionStarted)), None)
        x, y, width = rect.x, rect.y, min(rect.width, theme.base * 50)
        header = self.t("replay.header", trainee=d.trainee, scenario=d.scenario_title or d.scenario_id,
                        started=started.started_at if started else "?")
        y += draw_text(surface, header, theme.bold(), p.text, (x, y), width)
        y += draw_text(surface, self.t("replay.status", status=self.t(f"replay.status_{self.data.status}")),
                       theme.body(), p.text, (x, y), width) + theme.pad
        notes = ([self.data.problem] if self.data.problem else []) + self.data.warnings
        for note in notes:
            size = theme.body().get_linesize()
            icons.warning(surface, p.warn, (x + size // 2, y + size // 2), size - 4)
            y += draw_text(surface, note, theme.body(), p.text, (x + size + 4, y), width - size - 4) + theme.pad // 2
        loaded = self.data.scenario
        if loaded is not None and loaded.scenario.briefing:
            y += theme.pad
            section(surface, theme, x, y, width, self.t("briefing.dispatch"),
                    reflow(loaded.scenario.briefing.get(self.data.lang)))

    def _situation(self, surface, theme: Theme, rect: pygame.Rect, report: SituationReport) -> None:
        p = theme.palette
        model = self.data.scenario.scenario.situations.get(report.situation) if self.data.scenario else None
        steps = [s for s, asked in (("assess", report.assessed is not None or (model is not None and model.assess)),
                                    ("plan", bool(report.tactics_offered)), ("act", True)) if asked]
        bar_h = cycle_height(theme)
        draw_line(surface, report.title or report.situation, theme.bold(1.2), p.text, rect.topleft,
                  max_width=rect.width // 2)
        draw_cycle(surface, theme, self.t, pygame.Rect(rect.centerx, rect.y, rect.width // 2, bar_h), steps, None)
        body = pygame.Rect(rect.x, rect.y + bar_h + theme.pad, rect.width, rect.height - bar_h - theme.pad)
        left = pygame.Rect(body.x, body.y, int(body.width * 0.57), body.height)
        right = pygame.Rect(left.right + theme.pad * 2, body.y, body.width - left.width - theme.pad * 2, body.height)
        sections = self._step_sections(report, model)
        ltheme = theme
        while self._sections_height(ltheme, sections, left.width) > left.height * 0.75 and ltheme.scale_index > 0:
            ltheme = ltheme.smaller()
        if self._sections_height(ltheme, sections, left.width) > left.height * 0.75:
            ltheme = replace(ltheme, window_height=int(ltheme.window_height * 0.8))
        block_h = self._sections_height(ltheme, sections, left.width)
        draw_text(surface, reflow(report.narrative or ""), theme.body(), p.text, left.topleft, left.width,
                  max_lines=max(1, (left.height - block_h - theme.pad) // theme.body().get_linesize()))
        y = left.bottom - block_h
        for heading, items in sections:
            y += draw_text(surface, heading, ltheme.bold(), p.accent, (left.x, y), left.width)
            rects = layout_column(ltheme, [(label, None) for label, _ in items], left.x, y, left.width)
            for r, (label, chosen) in zip(rects, items):
                draw_button(surface, ltheme, r, label, selected=chosen)
            y = (rects[-1].bottom if rects else y) + ltheme.pad // 2
        # right: map (if the scenario is known) and the wheel
        wheel_h = right.height
        if model is not None and model.scene is not None:
            map_box = pygame.Rect(right.x, right.y, right.width, int(right.height * 0.42))
            pygame.draw.rect(surface, p.panel, map_box, border_radius=8)
            draw_map(surface, theme, self.t, map_box, model.scene, self.data.lang)
            wheel_h = right.bottom - map_box.bottom - theme.pad
        legend_h = theme.small().get_linesize() * 2 + theme.pad
        wheel_box = pygame.Rect(right.x, right.bottom - wheel_h, right.width, wheel_h - legend_h)
        draw_wheel(surface, theme, self.t, wheel_box, WheelMarks(assessed=report.assessed, authored=report.behaviour,
                                                                 option_level=report.level, reasonable=report.range))
        draw_wheel_legend(surface, theme, self.t, right.x, wheel_box.bottom + 2, True, right.right)

    def _step_sections(self, report: SituationReport, model) -> list[tuple[str, list[tuple[str, bool]]]]:
        t = self.t
        out: list[tuple[str, list[tuple[str, bool]]]] = []
        if report.assessed is not None:
            items = []
            for b in Behaviour:
                label = t.name("behaviour", b)
                if b == report.behaviour:
                    label += f" — {t('replay.authored')}"
                items.append((label, b == report.assessed))
            out.append((f"{t('step.assess').upper()} · {self._time(report, 'assess')}", items))
        if report.tactics_offered:
            items = [(f"{label} ({t.name('rating', rating)})", tid in report.tactics_chosen)
                     for tid, label, rating in report.tactics_offered]
            out.append((f"{t('step.plan').upper()} · {self._time(report, 'plan')}", items))
        act_heading = f"{t('step.act').upper()} · {self._time(report, 'act')}"
        if model is not None:
            lang = self.data.lang
            items = [(option.label.get(lang), option.id == report.option) for option in model.options]
        elif report.option is not None:
            items = [(report.option_label or report.option, True)]
        else:
            items = []
        if report.timed_out:
            phase = t(f"step.{report.timeout_phase}") if report.timeout_phase else "?"
            act_heading += f" · {t('debrief.timed_out', phase=phase)}"
        if report.verdict is not None:
            act_heading += f" · {t(f'verdict.{report.verdict.value}')}"
        out.append((act_heading, items))
        return out

    def _time(self, report: SituationReport, phase: str) -> str:
        seconds = report.decision_s.get(phase)
        return f"{seconds:.1f} s" if seconds is not None else self.t("replay.no_choice")

    def _sections_height(self, theme: Theme, sections, width: int) -> int:
        from simulator.ui.widgets.text import text_height

        total = 0
        for heading, items in sections:
            total += text_height(heading, theme.bold(), width)
            rects = layout_column(theme, [(label, None) for label, _ in items], 0, 0, width)
            total += (rects[-1].bottom if rects else 0) + theme.pad // 2
        return total

    def _ending(self, surface, theme: Theme, rect: pygame.Rect) -> None:
        p = theme.palette
        d = self.data.debrief
        x, y, width = rect.x, rect.y, min(rect.width, theme.base * 44)
        resolved = d.result is not None and d.result.value == "resolved"
        line = theme.title().get_linesize()
        (icons.check if resolved else icons.cross)(surface, p.good if resolved else p.bad,
                                                   (x + line // 2, y + line // 2), line - 6)
        result = self.t(f"ending.{d.result.value}") if d.result is not None else "?"
        draw_text(surface, f"{result} — {d.ending}", theme.title(), p.text, (x + line + theme.pad, y), width - line)
        y += line + theme.pad
        y += draw_text(surface, reflow(d.ending_narrative), theme.body(), p.text, (x, y), width) + theme.pad
        names = ", ".join(self.t.name("injury", i) for i in d.injuries)
        y += draw_text(surface, self.t("ending.injuries", list=names) if names else self.t("ending.no_injuries"),
                       theme.body(), p.text, (x, y), width)
        if d.fatal:
            y += draw_text(surface, self.t("ending.fatal"), theme.bold(), p.bad, (x, y), width)
        if d.follow_up_chosen or d.community is not None:
            y += theme.pad
            labels = self._follow_up_labels()
            chosen = ", ".join(labels.get(i, i) for i in d.follow_up_chosen) or self.t("situation.nothing")
            section(surface, theme, x, y, width, self.t("follow_up.title"), chosen)

    def _follow_up_labels(self) -> dict[str, str]:
        loaded, ending = self.data.scenario, self.data.debrief.ending
        if loaded is None or ending is None or ending not in loaded.scenario.endings:
            return {}
        return {f.id: f.label.get(self.data.lang) for f in loaded.scenario.endings[ending].follow_up}
