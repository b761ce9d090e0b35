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
        """(heading, body, small) in reading order; empty parts left out. The reflection is apart."""
        text, option = self.session.text, self.option
        parts: list[tuple[str, str, bool]] = []
        if option is not None and option.consequence is not None:
            parts.append((self.t("coach.consequence"), reflow(text(option.consequence)), False))
        rationale = self.report.rationale
        if rationale:
            parts.append((self.t("coach.why"), reflow(rationale), False))
        notes = [n for n in self.report.feedback if not rationale or rationale not in n]
        if notes:
            parts.append((self.t("coach.notes"), "\n".join(f"– {n}" for n in notes), True))
        return parts

    def reflection(self) -> str | None:
        option = self.option
        return reflow(self.session.text(option.reflection)) if option is not None and option.reflection else None

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
        # The reflection question is the point of this screen: it gets its room first, above the button.
        question = self.reflection()
        if question:
            box_h = self._reflection_height(theme, question, width)
            bottom -= box_h + theme.pad
            self._draw_reflection(surface, theme, pygame.Rect(x, bottom + theme.pad, width, box_h), question)
        for heading, body, small in self.sections():
            if bottom - y < theme.body().get_linesize() * 2:
                break
            y += self._section(surface, theme, pygame.Rect(x, y, width, bottom - y), heading, body, small)
        label = self.t("coach.continue")
        button = pygame.Rect(x, area.bottom - button_h, min(width, theme.base * 20), button_h)
        draw_button(surface, theme, button, label, hover=self.is_hover(label), focus=True)
        self.add_hotspot(button, label, self.go_on)
        wheel = pygame.Rect(x + left_w + theme.pad * 2, area.y, area.width - left_w - theme.pad * 2, area.height)
        draw_report_wheel(surface, theme, self.t, wheel, report)
        footer(surface, theme, self.t("coach.hint"))

    def _reflection_height(self, theme: Theme, question: str, width: int) -> int:
        return (theme.bold(0.9).get_linesize() + text_height(question, theme.bold(), width - theme.pad * 2)
                + theme.pad * 2)

    def _draw_reflection(self, surface: pygame.Surface, theme: Theme, box: pygame.Rect, question: str) -> None:
        p = theme.palette
        pygame.draw.rect(surface, p.panel, box, border_radius=8)
        pygame.draw.rect(surface, p.accent, box, 2, border_radius=8)
        y = box.y + theme.pad
        y += draw_text(surface, self.t("coach.reflection"), theme.bold(0.9), p.accent, (box.x + theme.pad, y),
                       box.width - theme.pad * 2)
        draw_text(surface, question, theme.bold(), p.text, (box.x + theme.pad, y), box.width - theme.pad * 2)

    def _section(self, surface: pygame.Surface, theme: Theme, room: pygame.Rect, heading: str, body: str,
                 small: bool) -> int:
        """A heading and its text, cut to the room left; returns the height used."""
        p = theme.palette
        font = theme.small() if small else theme.body()
        heading_h = theme.bold(0.9).get_linesize()
        max_lines = max(1, (room.height - heading_h) // font.get_linesize())
        y = room.y + draw_text(surface, heading, theme.bold(0.9), p.accent, room.topleft, room.width)
        y += draw_text(surface, body, font, p.text, (room.x, y), room.width, max_lines=max_lines)
        return y - room.y + theme.pad // 2
