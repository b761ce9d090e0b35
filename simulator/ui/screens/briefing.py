"""Briefing: dispatch text, what is known, the officer's partners and equipment, objectives."""

from __future__ import annotations

import pygame

from simulator.ui.input import Intent, Kind
from simulator.ui.screens.common import footer, header, panel, section
from simulator.ui.screens.session_base import SessionScreen
from simulator.ui.theme import Theme
from simulator.ui.widgets.button import draw_button
from simulator.ui.widgets.model_wheel import draw_wheel
from simulator.ui.widgets.text import draw_text, reflow


class BriefingScreen(SessionScreen):
    name = "briefing"

    def on_intent(self, intent: Intent) -> None:
        if intent.kind is Kind.CONFIRM:
            self.start(intent.at)

    def start(self, at: float = 0.0) -> None:
        self.send(self.session.begin)

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        p = theme.palette
        scenario = self.session.scenario
        lang = self.session.settings.lang
        area = header(surface, theme, scenario.title.get(lang), self.t("briefing.title"))
        left_w = int(area.width * 0.6)
        x, y = area.x, area.y
        button_h = theme.body().get_linesize() + theme.pad
        if scenario.introduction:  # the instructor's framing comes before dispatch
            y += section(surface, theme, x, y, left_w, self.t("briefing.introduction"),
                         reflow(scenario.introduction.get(lang)), p.muted)
        if scenario.briefing:
            y += section(surface, theme, x, y, left_w, self.t("briefing.dispatch"), reflow(scenario.briefing.get(lang)))
        if scenario.summary:
            y += section(surface, theme, x, y, left_w, self.t("briefing.summary"), reflow(scenario.summary.get(lang)))
        if scenario.objectives:
            objectives = "\n".join(f"– {o.get(lang)}" for o in scenario.objectives)
            y += section(surface, theme, x, y, left_w, self.t("briefing.objectives"), objectives)

        right = pygame.Rect(x + left_w + theme.pad * 2, area.y, area.width - left_w - theme.pad * 2, area.height)
        officer = scenario.officer
        lines = [self.t("briefing.partners", n=officer.partners)]
        if officer.equipment:
            lines.append(self.t("briefing.equipment",
                                items=", ".join(self.t.name("equipment", e) for e in officer.equipment)))
        else:
            lines.append(self.t("briefing.no_equipment"))
        if officer.backup_eta_s is not None:
            lines.append(self.t("briefing.backup", s=f"{officer.backup_eta_s:g}"))
        if self.session.settings.time_scale != 1.0:
            lines.append(self.t("briefing.time_scale", x=f"{self.session.settings.time_scale:g}"))
        body = theme.body()
        text_h = sum(len(_wrapped(line, body, right.width - theme.pad * 2)) for line in lines) * body.get_linesize()
        you = pygame.Rect(right.x, right.y, right.width, text_h + theme.bold().get_linesize() + theme.pad * 3)
        inner = panel(surface, theme, you, self.t("briefing.officer"))
        ty = inner.y
        for line in lines:
            ty += draw_text(surface, line, body, p.text, (inner.x, ty), inner.width)
        wheel_box = pygame.Rect(right.x, you.bottom + theme.pad, right.width,
                                right.bottom - you.bottom - button_h - theme.pad * 3)
        draw_wheel(surface, theme, self.t, wheel_box)

        label = self.t("briefing.start")
        button = pygame.Rect(right.x, area.bottom - button_h, right.width, button_h)
        draw_button(surface, theme, button, label, hover=self.is_hover(label), focus=True)
        self.add_hotspot(button, label, self.start)
        footer(surface, theme, self.t("keys.hint"))


def _wrapped(text, font, width):
    from simulator.ui.widgets.text import wrap

    return wrap(text, font, max(10, width))
