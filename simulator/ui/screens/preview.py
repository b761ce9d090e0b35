"""The live preview's error screen: every validation error of the file, as
`validate` prints them, until a save fixes the file."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from simulator.ui.input import Intent, Kind
from simulator.ui.screens.base import Screen
from simulator.ui.screens.common import footer, header
from simulator.ui.theme import Theme
from simulator.ui.widgets import icons
from simulator.ui.widgets.text import draw_text

if TYPE_CHECKING:
    from simulator.ui.flow import PlayFlow


class PreviewErrorScreen(Screen):
    name = "preview_errors"

    def __init__(self, flow: PlayFlow, problems: list[str]) -> None:
        super().__init__(flow.app)
        self.flow = flow
        self.problems = problems

    def handle(self, intent: Intent) -> None:
        if intent.kind is Kind.ESCAPE:
            self.app.quit()

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        p = theme.palette
        area = header(surface, theme, self.t("preview.title"))
        x, y = area.x, area.y
        y += draw_text(surface, self.t("preview.hint"), theme.body(), p.muted, (x, y), area.width) + theme.pad
        size = theme.body().get_linesize()
        for problem in self.problems:
            if area.bottom - y < size:
                break
            icons.warning(surface, p.bad, (x + size // 2, y + size // 2), size - 4)
            y += draw_text(surface, problem, theme.body(), p.text, (x + size + 4, y), area.width - size - 4,
                           max_lines=max(1, (area.bottom - y) // size)) + theme.pad // 2
        watcher = self.flow.watcher
        footer(surface, theme,
               self.t("preview.watching", file=str(watcher.path)) if watcher else self.t("preview.hint"))
