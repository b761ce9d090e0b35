"""The ending's narrative, its result in words (and an icon), injuries and whether it was fatal."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from simulator.domain import Result
from simulator.engine import Session
from simulator.ui.input import Intent, Kind
from simulator.ui.screens.common import footer, header
from simulator.ui.screens.session_base import SessionScreen
from simulator.ui.theme import Theme
from simulator.ui.widgets import icons
from simulator.ui.widgets.button import draw_button
from simulator.ui.widgets.text import draw_text, reflow

if TYPE_CHECKING:
    from simulator.ui.flow import PlayFlow


class EndingScreen(SessionScreen):
    name = "ending"

    def __init__(self, flow: PlayFlow, session: Session, notice: str | None = None) -> None:
        super().__init__(flow, session)
        self.notice = notice

    def on_intent(self, intent: Intent) -> None:
        if intent.kind is Kind.CONFIRM:
            self.proceed()

    def proceed(self, at: float = 0.0) -> None:
        self.send(self.session.proceed)

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        p = theme.palette
        ending = self.session.ending
        assert ending is not None
        area = header(surface, theme, self.t("ending.title"),
                      self.session.scenario.title.get(self.session.settings.lang))
        width = min(area.width, theme.base * 44)
        x, y = area.centerx - width // 2, area.y + theme.pad
        line = theme.title().get_linesize()
        if self.notice:
            y += draw_text(surface, self.notice, theme.bold(), p.bad, (x, y), width) + theme.pad
        resolved = ending.result is Result.RESOLVED
        (icons.check if resolved else icons.cross)(surface, p.good if resolved else p.bad,
                                                   (x + line // 2, y + line // 2), line - 6)
        word = self.t("ending.resolved" if resolved else "ending.unresolved")
        draw_text(surface, word, theme.title(), p.text, (x + line + theme.pad, y), width - line)
        y += line + theme.pad
        y += draw_text(surface, reflow(self.session.text(ending.narrative)), theme.body(), p.text, (x, y),
                       width) + theme.pad
        if ending.injuries:
            names = ", ".join(self.t.name("injury", i) for i in ending.injuries)
            size = theme.body().get_linesize()
            icons.warning(surface, p.warn, (x + size // 2, y + size // 2), size - 4)
            y += draw_text(surface, self.t("ending.injuries", list=names), theme.bold(), p.text, (x + size + 4, y),
                           width)
        else:
            y += draw_text(surface, self.t("ending.no_injuries"), theme.body(), p.text, (x, y), width)
        if ending.fatal:
            y += draw_text(surface, self.t("ending.fatal"), theme.bold(), p.bad, (x, y), width)
        label = self.t("ending.continue")
        rect = pygame.Rect(x, y + theme.pad * 2, width, theme.body().get_linesize() + theme.pad)
        draw_button(surface, theme, rect, label, hover=self.is_hover(label), focus=True)
        self.add_hotspot(rect, label, self.proceed)
        footer(surface, theme, self.t("keys.hint"))
