"""Immediate feedback (`--feedback immediate`): after each act, the verdict, the
author's consequence, why, a reflection question and the model wheel.

The decision clock is stopped here by construction: the engine has already
entered the next situation, but its decision window opens only when that
situation's choices are first drawn (`Session.shown`), and this screen never
ticks the session, so reading time never counts against the trainee.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from simulator.engine import Session, SituationReport
from simulator.scenario.model import Option
from simulator.ui.input import Intent, Kind
from simulator.ui.screens.common import footer, header
from simulator.ui.screens.debrief import draw_report_wheel, draw_verdict
from simulator.ui.screens.session_base import SessionScreen
from simulator.ui.theme import Theme
from simulator.ui.widgets.button import draw_button
from simulator.ui.widgets.text import draw_text, reflow, text_height

if TYPE_CHECKING:
    from simulator.ui.flow import PlayFlow


class CoachScreen(SessionScreen):
    name = "feedback"

    def __init__(self, flow: PlayFlow, session: Session, report: SituationReport, option: Option | None,
                 then: Callable[[], None]) -> None:
        super().__init__(flow, session)
        self.report = report
        self.option = option
        self._then = then

    # --- input -------------------------------------------------------------------------

    def on_intent(self, intent: Intent) -> None:
        if intent.kind is Kind.CONFIRM:
            self.go_on()

    def go_on(self, at: float = 0.0) -> None:
        self._then()

    # --- what it says ------------------------------------------------------------------

    def sections(self) -> list[tuple[str, str, bool]]:
        """(heading, body, highlighted) in reading order; empty parts left out."""
        text, option = self.session.text, self.option
        parts: list[tuple[str, str, bool]] = []
        if option is not None and option.consequence is not None:
            parts.append((self.t("coach.consequence"), reflow(text(option.consequence)), False))
        if self.report.rationale:
            parts.append((self.t("coach.why"), reflow(self.report.rationale), False))
        notes = [n for n in self.report.feedback if self.report.rationale not in n or not self.report.rationale]
        if notes:
            parts.append((self.t("coach.notes"), "\n".join(f"– {n}" for n in notes), False))
        if option is not None and option.reflection is not None:
            parts.append((self.t("coach.reflection"), reflow(text(option.reflection)), True))
        return parts

    # --- drawing -----------------------------------------------------------------------

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        p = theme.palette
        report = self.report
        area = header(surface, theme, f"{self.t('coach.title')} — {report.title or report.situation}",
                      self.session.scenario.title.get(self.session.settings.lang))
        button_h = theme.body().get_linesize() + theme.pad
        left_w = int(area.width * 0.6)
        x, y, width = area.x, area.y, left_w
        y += draw_text(surface, self.t("coach.your_option", option=report.option_label or report.option or ""),
                       theme.body(), p.text, (x, y), width)
        draw_verdict(surface, theme, self.t, report, x, y, width, theme.title())
        y += theme.title().get_linesize() + theme.pad
        bottom = area.bottom - button_h - theme.pad
        for heading, body, highlighted in self.sections():
            if bottom - y < theme.body().get_linesize() * 2:
                break
            y += self._section(surface, theme, pygame.Rect(x, y, width, bottom - y), heading, body, highlighted)
        label = self.t("coach.continue")
        button = pygame.Rect(x, area.bottom - button_h, min(width, theme.base * 20), button_h)
        draw_button(surface, theme, button, label, hover=self.is_hover(label), focus=True)
        self.add_hotspot(button, label, self.go_on)
        wheel = pygame.Rect(x + left_w + theme.pad * 2, area.y, area.width - left_w - theme.pad * 2, area.height)
        draw_report_wheel(surface, theme, self.t, wheel, report)
        footer(surface, theme, f"{self.t('coach.hint')} · {self.t('keys.hint')}")

    def _section(self, surface: pygame.Surface, theme: Theme, room: pygame.Rect, heading: str, body: str,
                 highlighted: bool) -> int:
        """A heading and its text; the reflection question stands out in a framed box."""
        p = theme.palette
        inset = theme.pad if highlighted else 0
        width = room.width - inset * 2
        body_font = theme.bold() if highlighted else theme.body()
        heading_h = theme.bold(0.9).get_linesize()
        max_lines = max(1, (room.height - heading_h - inset * 2) // body_font.get_linesize())
        body_h = min(text_height(body, body_font, width), max_lines * body_font.get_linesize())
        if highlighted:
            box = pygame.Rect(room.x, room.y, room.width, heading_h + body_h + inset * 2)
            pygame.draw.rect(surface, p.panel, box, border_radius=8)
            pygame.draw.rect(surface, p.accent, box, 2, border_radius=8)
        y = room.y + inset
        y += draw_text(surface, heading, theme.bold(0.9), p.accent, (room.x + inset, y), width)
        draw_text(surface, body, body_font, p.text, (room.x + inset, y), width, max_lines=max_lines)
        return heading_h + body_h + inset * 2 + theme.pad
