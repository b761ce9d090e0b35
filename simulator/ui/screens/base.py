"""What every screen shares: hotspots for the mouse, a handle() for intents."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from simulator.ui.input import Intent
from simulator.ui.theme import Theme
from simulator.ui.widgets.button import Hotspot

if TYPE_CHECKING:
    from simulator.ui.app import App


def untimed(action: Callable[[], object]) -> Callable[[float], None]:
    """A hotspot action for a callback that does not need the click's time."""

    def run(at: float) -> None:
        action()

    return run


class Screen:
    """A full-window screen. Subclasses implement draw() and handle()."""

    name = "screen"

    def __init__(self, app: App) -> None:
        self.app = app
        self.hotspots: list[Hotspot] = []
        self._hover: str | None = None

    @property
    def t(self):  # the string catalogue, short because it is everywhere
        return self.app.strings

    # -- drawing ---------------------------------------------------------------

    def render(self, surface: pygame.Surface, theme: Theme) -> None:
        self.hotspots = []
        self.draw(surface, theme)

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        raise NotImplementedError

    def add_hotspot(self, rect: pygame.Rect, label: str, action: Callable[[float], None]) -> None:
        self.hotspots.append(Hotspot(pygame.Rect(rect), label, action))

    def is_hover(self, label: str) -> bool:
        return self._hover == label

    # -- input -------------------------------------------------------------------

    def handle(self, intent: Intent) -> None:
        """Keys and typed text; clicks arrive through activate()."""

    def hotspot_at(self, pos: tuple[int, int]) -> str | None:
        for spot in reversed(self.hotspots):
            if spot.rect.collidepoint(pos):
                return spot.label
        return None

    def activate(self, label: str, at: float) -> None:
        for spot in self.hotspots:
            if spot.label == label:
                spot.action(at)
                return

    def hover(self, pos: tuple[int, int]) -> bool:
        """Track the hovered hotspot; True if that changed (the window redraws)."""
        label = self.hotspot_at(pos)
        changed = label != self._hover
        self._hover = label
        return changed

    # -- time ----------------------------------------------------------------------

    def update(self, now: float) -> None:
        """Called every loop iteration (e.g. to let a decision window run out)."""

    def animating(self) -> bool:
        return False

    def after_flip(self, now: float) -> None:
        """Called after each drawn frame reached the screen."""
