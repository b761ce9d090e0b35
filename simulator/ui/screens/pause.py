"""Pause (Esc): resume, or quit the session (logged as aborted, reason 'quit').

The engine's decision clock is stopped while this is open, so the scene is
hidden: a pause must not become free thinking time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from simulator.ui.input import Intent, Kind
from simulator.ui.screens.base import Screen
from simulator.ui.theme import Theme
from simulator.ui.widgets.button import draw_button, layout_column
from simulator.ui.widgets.text import draw_text, text_height

if TYPE_CHECKING:
    from simulator.ui.flow import PlayFlow


class PauseScreen(Screen):
    name = "pause"

    def __init__(self, flow: PlayFlow) -> None:
        super().__init__(flow.app)
        self.flow = flow

    def handle(self, intent: Intent) -> None:
        if intent.kind is Kind.ESCAPE or (intent.kind is Kind.PICK and intent.number == 1):
            self.resume(intent.at)
        elif (intent.kind is Kind.PICK and intent.number == 2) or (intent.kind is Kind.LETTER and intent.text == "q"):
            self.quit()

    def resume(self, at: float | None = None) -> None:
        if self.flow.session is not None:
            self.flow.session.resume(at)
        self.app.close_overlay()

    def quit(self, at: float = 0.0) -> None:
        self.flow.quit_session()

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        p = theme.palette
        w, h = surface.get_size()
        surface.fill(p.background)
        width = min(w - theme.pad * 4, theme.base * 28)
        labels = [(self.t("pause.resume"), "1"), (self.t("pause.quit"), "2")]
        inner_w = width - theme.pad * 2
        title_h = text_height(self.t("pause.title"), theme.title(), inner_w)
        note_h = text_height(self.t("pause.note"), theme.body(), inner_w)
        buttons = layout_column(theme, labels, 0, 0, inner_w)
        box_h = title_h + note_h + buttons[-1].bottom + theme.pad * 3
        box = pygame.Rect(0, 0, width, box_h)
        box.center = (w // 2, h // 2)
        pygame.draw.rect(surface, p.panel, box, border_radius=10)
        pygame.draw.rect(surface, p.accent, box, 3, border_radius=10)
        x, y = box.x + theme.pad, box.y + theme.pad
        y += draw_text(surface, self.t("pause.title"), theme.title(), p.text, (x, y), box.width - theme.pad * 2)
        y += draw_text(surface, self.t("pause.note"), theme.body(), p.muted, (x, y), box.width - theme.pad * 2)
        y += theme.pad
        actions = [self.resume, self.quit]
        for rect, (label, key), action in zip(layout_column(theme, labels, x, y, box.width - theme.pad * 2), labels,
                                              actions):
            draw_button(surface, theme, rect, label, key=key, hover=self.is_hover(label))
            self.add_hotspot(rect, label, action)
