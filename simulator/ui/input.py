"""Input abstraction: pygame events become intents, each stamped with the clock
time at which the event was pulled from the queue (pygame events carry none).

Screens only ever see intents, so keys and mouse share one path, and the
Pilot drives the window by posting real pygame events.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto

import pygame


class Kind(Enum):
    PICK = auto()        # number 1..9
    CONFIRM = auto()     # Enter
    ESCAPE = auto()      # Esc: pause / back
    FULLSCREEN = auto()  # F11
    BIGGER = auto()      # Ctrl +
    SMALLER = auto()     # Ctrl -
    CONTRAST = auto()    # F2
    INFO = auto()        # Tab
    UP = auto()
    DOWN = auto()
    LEFT = auto()
    RIGHT = auto()
    PAGE_UP = auto()
    PAGE_DOWN = auto()
    BACKSPACE = auto()
    LETTER = auto()      # a plain letter key (R, Q...), lower case in `text`
    TEXT = auto()        # typed text (TEXTINPUT)
    PRESS = auto()       # mouse button down at `pos`
    CLICK = auto()       # mouse button up at `pos`
    SCROLL = auto()      # wheel: number = +1 up / -1 down
    MOTION = auto()
    CLOSE = auto()       # window closed
    RESIZE = auto()


@dataclass(frozen=True)
class Intent:
    kind: Kind
    at: float
    number: int = 0
    text: str = ""
    pos: tuple[int, int] = (0, 0)


_DIGITS = {getattr(pygame, f"K_{n}"): n for n in range(1, 10)} | {
    getattr(pygame, f"K_KP{n}"): n for n in range(1, 10)
}
_PLAIN = {
    pygame.K_RETURN: Kind.CONFIRM, pygame.K_KP_ENTER: Kind.CONFIRM, pygame.K_ESCAPE: Kind.ESCAPE,
    pygame.K_F11: Kind.FULLSCREEN, pygame.K_F2: Kind.CONTRAST, pygame.K_TAB: Kind.INFO,
    pygame.K_UP: Kind.UP, pygame.K_DOWN: Kind.DOWN, pygame.K_LEFT: Kind.LEFT, pygame.K_RIGHT: Kind.RIGHT,
    pygame.K_PAGEUP: Kind.PAGE_UP, pygame.K_PAGEDOWN: Kind.PAGE_DOWN, pygame.K_BACKSPACE: Kind.BACKSPACE,
}
_BIGGER_KEYS = {pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS}
_SMALLER_KEYS = {pygame.K_MINUS, pygame.K_KP_MINUS}


def intent_of(event: pygame.event.Event, at: float) -> Intent | None:
    """The intent an event carries, or None for events the window ignores."""
    if event.type == pygame.QUIT:
        return Intent(Kind.CLOSE, at)
    if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
        return Intent(Kind.RESIZE, at)
    if event.type == pygame.KEYDOWN:
        return _key_intent(event, at)
    if event.type == pygame.TEXTINPUT:
        return Intent(Kind.TEXT, at, text=event.text)
    if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
        return Intent(Kind.PRESS, at, pos=event.pos)
    if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
        return Intent(Kind.CLICK, at, pos=event.pos)
    if event.type == pygame.MOUSEWHEEL:
        return Intent(Kind.SCROLL, at, number=1 if event.y > 0 else -1)
    if event.type == pygame.MOUSEMOTION:
        return Intent(Kind.MOTION, at, pos=event.pos)
    return None


def _key_intent(event: pygame.event.Event, at: float) -> Intent | None:
    ctrl = bool(event.mod & pygame.KMOD_CTRL)
    if ctrl and event.key in _BIGGER_KEYS:
        return Intent(Kind.BIGGER, at)
    if ctrl and event.key in _SMALLER_KEYS:
        return Intent(Kind.SMALLER, at)
    if ctrl or event.mod & pygame.KMOD_ALT:
        return None
    if event.key in _DIGITS:
        return Intent(Kind.PICK, at, number=_DIGITS[event.key])
    if event.key in _PLAIN:
        return Intent(_PLAIN[event.key], at)
    if pygame.K_a <= event.key <= pygame.K_z:
        return Intent(Kind.LETTER, at, text=chr(event.key))
    return None
