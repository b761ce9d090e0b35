"""The window's loop: wait for events (CPU idle), hand intents to the screen,
draw only when something changed, 60 frames a second only while animating.

The App knows nothing of scenarios or sessions: screens do the work, and a
`guard` (the play flow) is told when the window closes or the loop crashes so
the session log records why it stopped.
"""

from __future__ import annotations

import math
import os
import sys
import time
import warnings
from collections.abc import Callable
from typing import Protocol

import pygame

from simulator.strings import Strings
from simulator.ui.input import Intent, Kind, intent_of
from simulator.ui.screens.base import Screen
from simulator.ui.theme import Theme, make_theme

FRAME_S = 1 / 60
IDLE_WAIT_MS = 1000  # a wake-up now and then, so a stuck event queue never hangs the loop
MIN_SIZE = (1024, 640)
FIRST_FRAME_ENV = "UOFSIM_REPORT_FIRST_FRAME"
FIRST_FRAME_MARKER = "uofsim: first frame drawn"


class Clock(Protocol):
    def now(self) -> float: ...


class SessionGuard(Protocol):
    def abort(self, reason: str) -> None: ...


class App:
    def __init__(
        self,
        first_screen: Callable[[App], Screen],
        *,
        strings: Strings,
        clock: Clock,
        size: tuple[int, int] = (1280, 720),
        fullscreen: bool = False,
        high_contrast: bool = False,
    ) -> None:
        pygame.display.init()
        pygame.font.init()
        self.strings = strings
        self.clock = clock
        self.guard: SessionGuard | None = None
        self._windowed_size = (max(size[0], MIN_SIZE[0]), max(size[1], MIN_SIZE[1]))
        self.fullscreen = False
        self.window = self._set_mode(fullscreen)
        pygame.display.set_caption(strings("app.title"))
        pygame.key.start_text_input()
        self.theme: Theme = make_theme(self.window.get_height(), high_contrast)
        self.running = True
        self.frames = 0
        self.frame_log: list[float] | None = None  # draw+flip seconds per frame, when benchmarking
        self._dirty = True
        self._next_frame = 0.0
        self._pressed: str | None = None
        self.overlay: Screen | None = None
        # Called once per loop iteration (e.g. the live preview's file watcher); the
        # loop wakes at least every IDLE_WAIT_MS, so a poll runs about once a second when idle.
        self.pollers: list[Callable[[], None]] = []
        self.screen: Screen = first_screen(self)

    # --- navigation -------------------------------------------------------------

    def show(self, screen: Screen) -> None:
        self.screen = screen
        self.overlay = None
        self._dirty = True

    def open_overlay(self, screen: Screen) -> None:
        self.overlay = screen
        self._dirty = True

    def close_overlay(self) -> None:
        self.overlay = None
        self._dirty = True

    def quit(self) -> None:
        self.running = False

    @property
    def top(self) -> Screen:
        return self.overlay or self.screen

    @property
    def screen_name(self) -> str:
        return self.top.name

    # --- the loop -----------------------------------------------------------------

    def run(self) -> None:
        try:
            while self.running:
                self.step(block=True)
        except BaseException as exc:
            self.crashed(exc)
            raise
        finally:
            pygame.display.quit()

    def crashed(self, exc: BaseException) -> None:
        """Log the abort before the error leaves the window (no decision is lost:
        the engine wrote each record before the screen after it was drawn)."""
        if self.guard is not None:
            reason = "quit" if isinstance(exc, KeyboardInterrupt) else "error"
            try:
                self.guard.abort(reason)
            except Exception:  # the original error matters more
                pass

    def step(self, block: bool = False) -> None:
        """One iteration: take events (waiting if `block`), update, draw if needed."""
        events = self._take_events(block)
        at = self.clock.now()  # the moment these events were pulled, before any drawing
        for event in events:
            intent = intent_of(event, at)
            if intent is not None:
                self._dispatch(intent)
        if not self.running:
            return
        for poll in self.pollers:
            poll()
        self.screen.update(self.clock.now())
        if self._dirty or self.animating():
            self._draw()

    def animating(self) -> bool:
        return self.screen.animating() or (self.overlay is not None and self.overlay.animating())

    def _take_events(self, block: bool) -> list[pygame.event.Event]:
        if not block:
            return pygame.event.get()
        if self._dirty:
            wait_ms = 0
        elif self.animating():
            wait_ms = max(0, math.ceil((self._next_frame - time.perf_counter()) * 1000))
        else:
            wait_ms = IDLE_WAIT_MS
        first = pygame.event.wait(wait_ms) if wait_ms > 0 else pygame.event.poll()
        events = [first] if first.type != pygame.NOEVENT else []
        return events + pygame.event.get()

    def _dispatch(self, intent: Intent) -> None:
        kind = intent.kind
        if kind is Kind.CLOSE:
            if self.guard is not None:
                self.guard.abort("window_closed")
            self.quit()
        elif kind is Kind.RESIZE:
            self._resized()
        elif kind is Kind.FULLSCREEN:
            self.window = self._set_mode(not self.fullscreen)
            self._resized()
        elif kind is Kind.BIGGER:
            self._set_theme(self.theme.bigger())
        elif kind is Kind.SMALLER:
            self._set_theme(self.theme.smaller())
        elif kind is Kind.CONTRAST:
            self._set_theme(self.theme.toggled_contrast())
        elif kind is Kind.PRESS:
            self._pressed = self.top.hotspot_at(intent.pos)
        elif kind is Kind.CLICK:
            label = self.top.hotspot_at(intent.pos)
            if label is not None and label == self._pressed:
                self.top.activate(label, intent.at)
                self._dirty = True
            self._pressed = None
        elif kind is Kind.MOTION:
            if self.top.hover(intent.pos):
                self._dirty = True
        else:
            self.top.handle(intent)
            self._dirty = True

    def _set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._dirty = True

    def _resized(self) -> None:
        window = pygame.display.get_surface()
        assert window is not None, "a resize event comes only from an open window"
        self.window = window
        width, height = self.window.get_size()
        if not self.fullscreen and (width < MIN_SIZE[0] or height < MIN_SIZE[1]):
            # Below 1024x640 the layout cannot hold a situation screen: grow back.
            self.window = pygame.display.set_mode((max(width, MIN_SIZE[0]), max(height, MIN_SIZE[1])), pygame.RESIZABLE)
        if not self.fullscreen:
            self._windowed_size = self.window.get_size()
        self.theme = self.theme.with_height(self.window.get_height())
        self._dirty = True

    def _set_mode(self, fullscreen: bool) -> pygame.Surface:
        self.fullscreen = fullscreen
        if fullscreen:
            return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        surface = pygame.display.set_mode(self._windowed_size, pygame.RESIZABLE)
        try:  # the window manager then refuses anything smaller
            with warnings.catch_warnings():  # pygame-ce 2.5 has no other handle on the display's window
                warnings.simplefilter("ignore", DeprecationWarning)
                pygame.Window.from_display_module().minimum_size = MIN_SIZE
        except (AttributeError, pygame.error):
            pass
        return surface

    def _draw(self) -> None:
        started = time.perf_counter()
        surface = self.window
        surface.fill(self.theme.palette.background)
        self.screen.render(surface, self.theme)
        if self.overlay is not None:
            shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
            shade.fill((0, 0, 0, 170))
            surface.blit(shade, (0, 0))
            self.overlay.render(surface, self.theme)
        pygame.display.flip()
        self.frames += 1
        self._dirty = False
        self._next_frame = started + FRAME_S
        if self.frame_log is not None:
            self.frame_log.append(time.perf_counter() - started)
        if self.frames == 1 and os.environ.get(FIRST_FRAME_ENV):
            # For benchmarks/bench_window.py: startup time to the first drawn frame.
            print(FIRST_FRAME_MARKER, file=sys.stderr, flush=True)
        self.top.after_flip(self.clock.now())
        if self.overlay is not None:
            self.screen.after_flip(self.clock.now())

    # --- screenshots -------------------------------------------------------------

    def screenshot(self, path: str | os.PathLike[str]) -> None:
        self._draw()
        pygame.image.save(self.window, os.fspath(path))
