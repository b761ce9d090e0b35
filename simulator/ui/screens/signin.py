"""Sign-in: the trainee types an id (letters, digits, - _ .) and presses Enter."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from simulator.logbook.ids import validate_trainee_id
from simulator.ui.input import Intent, Kind
from simulator.ui.screens.base import Screen
from simulator.ui.screens.common import footer, header
from simulator.ui.theme import Theme
from simulator.ui.widgets import icons
from simulator.ui.widgets.button import draw_button
from simulator.ui.widgets.text import draw_line, draw_text

if TYPE_CHECKING:
    from simulator.ui.flow import PlayFlow

MAX_LENGTH = 64


class SignInScreen(Screen):
    name = "signin"

    def __init__(self, flow: PlayFlow, initial: str = "") -> None:
        super().__init__(flow.app)
        self.flow = flow
        self.text = initial
        self.error = False

    def handle(self, intent: Intent) -> None:
        if intent.kind is Kind.TEXT:
            self.text = (self.text + intent.text.strip())[:MAX_LENGTH]
            self.error = False
        elif intent.kind is Kind.BACKSPACE:
            self.text = self.text[:-1]
        elif intent.kind is Kind.CONFIRM:
            self.submit(intent.at)
        elif intent.kind is Kind.ESCAPE:
            self.app.quit()

    def submit(self, at: float = 0.0) -> None:
        try:
            trainee = validate_trainee_id(self.text)
        except ValueError:
            self.error = True
            return
        self.flow.signed_in(trainee)

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        p = theme.palette
        area = header(surface, theme, self.t("signin.title"), self.t("app.title"))
        width = min(area.width, theme.base * 34)
        x = area.centerx - width // 2
        y = area.y + area.height // 6
        y += draw_text(surface, self.t("signin.prompt"), theme.bold(1.2), p.text, (x, y), width) + theme.pad
        box = pygame.Rect(x, y, width, theme.body().get_linesize() + theme.pad * 2)
        pygame.draw.rect(surface, p.panel, box, border_radius=6)
        pygame.draw.rect(surface, p.accent, box, 3, border_radius=6)
        shown = draw_line(surface, self.text, theme.body(), p.text, (box.x + theme.pad, box.centery), "midleft",
                          max_width=box.width - theme.pad * 3)
        caret_x = box.x + theme.pad + (shown.width if self.text else 0) + 2
        pygame.draw.line(surface, p.text, (caret_x, box.y + theme.pad), (caret_x, box.bottom - theme.pad), 2)
        y = box.bottom + theme.pad
        y += draw_text(surface, self.t("signin.rules"), theme.small(), p.muted, (x, y), width) + theme.pad
        if self.error:
            size = theme.body().get_linesize()
            icons.warning(surface, p.bad, (x + size // 2, y + size // 2), size - 4)
            y += draw_text(surface, self.t("signin.invalid"), theme.body(), p.bad, (x + size + theme.pad, y),
                           width - size - theme.pad) + theme.pad
        label = self.t("signin.submit")
        button = pygame.Rect(x, y + theme.pad, width, theme.body().get_linesize() + theme.pad)
        draw_button(surface, theme, button, label, hover=self.is_hover(label))
        self.add_hotspot(button, label, self.submit)
        footer(surface, theme, self.t("keys.hint"))
