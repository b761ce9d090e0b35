"""Follow-up: community-policing actions after the ending; toggle any, then confirm."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import pygame

from simulator.engine import Phase, Session
from simulator.ui.input import Intent, Kind
from simulator.ui.screens.base import untimed
from simulator.ui.screens.common import footer, header
from simulator.ui.screens.session_base import SessionScreen
from simulator.ui.theme import Theme
from simulator.ui.widgets.button import draw_button, layout_column
from simulator.ui.widgets.text import draw_text, reflow

if TYPE_CHECKING:
    from simulator.ui.flow import PlayFlow


class FollowUpScreen(SessionScreen):
    name = "follow_up"

    def __init__(self, flow: PlayFlow, session: Session) -> None:
        super().__init__(flow, session)
        self.picked: list[str] = []
        self._shown = False

    def after_flip(self, now: float) -> None:
        if not self._shown and self.session.phase is Phase.FOLLOW_UP:
            self._shown = True
            self.session.shown(now)

    def on_intent(self, intent: Intent) -> None:
        if intent.kind is Kind.PICK:
            self.toggle(intent.number)
        elif intent.kind is Kind.CONFIRM:
            self.confirm(intent.at)

    def toggle(self, number: int) -> None:
        choices = self.session.choices()
        if 1 <= number <= len(choices):
            choice_id = choices[number - 1].id
            if choice_id in self.picked:
                self.picked.remove(choice_id)
            else:
                self.picked.append(choice_id)

    def confirm(self, at: float) -> None:
        chosen = list(self.picked)
        self.send(lambda: self.session.follow_up(chosen, at))

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        p = theme.palette
        ending = self.session.ending
        assert ending is not None
        area = header(surface, theme, self.t("follow_up.title"),
                      self.session.scenario.title.get(self.session.settings.lang))
        width = min(area.width, theme.base * 44)
        x, y = area.centerx - width // 2, area.y + theme.pad
        y += draw_text(surface, reflow(self.session.text(ending.narrative)), theme.body(), p.muted, (x, y), width,
                       max_lines=4)
        y += theme.pad
        y += draw_text(surface, self.t("follow_up.prompt"), theme.bold(), p.accent, (x, y), width) + theme.pad // 2
        choices = self.session.choices()
        labels = [(c.label, str(c.key)) for c in choices]
        rects = layout_column(theme, labels, x, y, width)
        for rect, choice in zip(rects, choices):
            draw_button(surface, theme, rect, choice.label, key=str(choice.key), hover=self.is_hover(choice.label),
                        selected=choice.id in self.picked)
            self.add_hotspot(rect, choice.label, untimed(partial(self.toggle, choice.key)))
        label = self.t("follow_up.confirm")
        top = (rects[-1].bottom if rects else y) + theme.pad
        rect = pygame.Rect(x, top, width, theme.body().get_linesize() + theme.pad)
        draw_button(surface, theme, rect, label, hover=self.is_hover(label), focus=True)
        self.add_hotspot(rect, label, self.confirm)
        footer(surface, theme, self.t("keys.hint"))
