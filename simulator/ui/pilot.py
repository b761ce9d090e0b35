"""Drive the real window from tests, like Textual's Pilot: post real pygame
events into the queue and run iterations of the real loop. Nothing here calls
a screen method; the only way in is the event queue."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pygame

from simulator.ui.app import App

_NAMED_KEYS = {
    "enter": pygame.K_RETURN, "return": pygame.K_RETURN, "esc": pygame.K_ESCAPE, "escape": pygame.K_ESCAPE,
    "tab": pygame.K_TAB, "f11": pygame.K_F11, "f2": pygame.K_F2, "+": pygame.K_PLUS, "=": pygame.K_EQUALS,
    "-": pygame.K_MINUS, "up": pygame.K_UP, "down": pygame.K_DOWN, "left": pygame.K_LEFT, "right": pygame.K_RIGHT,
    "backspace": pygame.K_BACKSPACE, "pageup": pygame.K_PAGEUP, "pagedown": pygame.K_PAGEDOWN,
}


def key_code(key: str | int) -> int:
    if isinstance(key, int):
        return key
    if key.lower() in _NAMED_KEYS:
        return _NAMED_KEYS[key.lower()]
    return pygame.key.key_code(key)


class Pilot:
    def __init__(self, app: App) -> None:
        self.app = app
        app.step()  # the first frame

    @property
    def screen(self) -> str:
        return self.app.screen_name

    def press(self, key: str | int, mods: int = 0) -> None:
        code = key_code(key)
        self._post(pygame.KEYDOWN, key=code, mod=mods, unicode="", scancode=0)
        self._post(pygame.KEYUP, key=code, mod=mods, unicode="", scancode=0)
        self.pump()

    def type(self, text: str) -> None:
        for char in text:
            code = pygame.key.key_code(char) if char.isalnum() and char.isascii() else 0
            self._post(pygame.KEYDOWN, key=code, mod=0, unicode=char, scancode=0)
            self._post(pygame.TEXTINPUT, text=char)
            self._post(pygame.KEYUP, key=code, mod=0, unicode=char, scancode=0)
        self.pump()

    def click(self, target: str | pygame.Rect | tuple[int, int]) -> None:
        pos = self._position(target)
        self._post(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
        self._post(pygame.MOUSEBUTTONDOWN, pos=pos, button=1)
        self._post(pygame.MOUSEBUTTONUP, pos=pos, button=1)
        self.pump()

    def close_window(self) -> None:
        self._post(pygame.QUIT)
        self.pump()

    def resize(self, width: int, height: int) -> None:
        pygame.display.set_mode((width, height), pygame.RESIZABLE)
        self._post(pygame.VIDEORESIZE, size=(width, height), w=width, h=height)
        self.pump()

    def advance(self, seconds: float) -> None:
        """Move the fake clock on and run a frame (a decision window may run out)."""
        self.app.clock.advance(seconds)  # type: ignore[attr-defined]
        self.pump()

    def pump(self, iterations: int = 2) -> None:
        for _ in range(iterations):
            if not self.app.running:
                return
            self.app.step()

    def until(self, screen: str, *, press: str | int = "enter", max_steps: int = 20) -> None:
        """Press `press` until `screen` shows; raise after `max_steps` presses instead of looping for ever."""
        for _ in range(max_steps):
            if self.screen == screen:
                return
            if not self.app.running:
                break
            self.press(press)
        if self.screen != screen:
            raise TimeoutError(f"'{screen}' did not show within {max_steps} presses of {press!r}; on '{self.screen}'")

    def screenshot(self, path: str | os.PathLike[str]) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.app.screenshot(path)
        return path

    def labels(self) -> list[str]:
        """What can be clicked on the screen now."""
        return [spot.label for spot in self.app.top.hotspots]

    def _position(self, target: str | pygame.Rect | tuple[int, int]) -> tuple[int, int]:
        if isinstance(target, tuple):
            return target
        if isinstance(target, pygame.Rect):
            return target.center
        spots = self.app.top.hotspots
        exact = [s for s in spots if s.label == target]
        partial = [s for s in spots if target.lower() in s.label.lower()]
        found = exact or partial
        if len(found) != 1 and not exact:
            raise LookupError(f"{len(found)} clickable areas match {target!r} on '{self.screen}': {self.labels()}")
        return found[0].rect.center

    @staticmethod
    def _post(type_: int, **attributes: Any) -> None:
        pygame.event.post(pygame.event.Event(type_, **attributes))
