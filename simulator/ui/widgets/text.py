"""Wrapped text with a render cache (text is redrawn every animated frame)."""

from __future__ import annotations

import re
from functools import lru_cache

import pygame

from simulator.ui.theme import Colour


@lru_cache(maxsize=2048)
def render(text: str, font: pygame.font.Font, colour: Colour) -> pygame.Surface:
    return font.render(text, True, colour)


@lru_cache(maxsize=1024)
def wrap(text: str, font: pygame.font.Font, width: int) -> tuple[str, ...]:
    """Lines of `text` that fit `width` pixels; paragraphs kept, long words split."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words = paragraph.split()
        if not words:
            lines.append("")
            continue
        line = ""
        for word in words:
            candidate = f"{line} {word}" if line else word
            if font.size(candidate)[0] <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = _split_long(word, font, width, lines)
        lines.append(line)
    while lines and lines[-1] == "":
        lines.pop()
    return tuple(lines)


def _split_long(word: str, font: pygame.font.Font, width: int, lines: list[str]) -> str:
    while font.size(word)[0] > width and len(word) > 1:
        cut = len(word)
        while cut > 1 and font.size(word[:cut])[0] > width:
            cut -= 1
        lines.append(word[:cut])
        word = word[cut:]
    return word


def reflow(text: str) -> str:
    """Authors' YAML blocks break lines where the file wraps; keep only blank-line
    paragraph breaks and lines that start a list item."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    out = []
    for paragraph in paragraphs:
        lines = [line.strip() for line in paragraph.splitlines() if line.strip()]
        merged: list[str] = []
        for line in lines:
            if merged and not line.startswith(("-", "–", "•", "*")):
                merged[-1] += " " + line
            else:
                merged.append(line)
        out.append("\n".join(merged))
    return "\n\n".join(out)


def text_height(text: str, font: pygame.font.Font, width: int) -> int:
    return len(wrap(text, font, max(width, 10))) * font.get_linesize()


def draw_text(
    surface: pygame.Surface,
    text: str,
    font: pygame.font.Font,
    colour: Colour,
    pos: tuple[int, int],
    width: int,
    max_lines: int | None = None,
) -> int:
    """Draw wrapped text at `pos`; returns the height used."""
    lines = list(wrap(text, font, max(width, 10)))
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _ellipsize(lines[-1], font, width)
    x, y = pos
    step = font.get_linesize()
    for line in lines:
        if line:
            surface.blit(render(line, font, colour), (x, y))
        y += step
    return len(lines) * step


def _ellipsize(line: str, font: pygame.font.Font, width: int) -> str:
    while line and font.size(line + "…")[0] > width:
        line = line[:-1]
    return line + "…"


def draw_line(surface: pygame.Surface, text: str, font: pygame.font.Font, colour: Colour,
              pos: tuple[int, int], anchor: str = "topleft", max_width: int | None = None) -> pygame.Rect:
    """One unwrapped line; clipped with an ellipsis to `max_width`."""
    if max_width is not None and font.size(text)[0] > max_width:
        text = _ellipsize(text, font, max_width)
    image = render(text, font, colour)
    rect = image.get_rect(**{anchor: pos})
    surface.blit(image, rect)
    return rect
