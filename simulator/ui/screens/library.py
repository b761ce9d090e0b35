"""The library: scenarios grouped by call type and difficulty, each with its title,
summary and minutes, and what the signed-in trainee has done with it (passed, best
score, or not tried), so a recruit knows what to do next. A file that fails
validation is listed as unavailable with its first error."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import pygame

from simulator.ui.input import Intent, Kind
from simulator.ui.library import LibraryEntry, Progress, call_type
from simulator.ui.screens.base import Screen, untimed
from simulator.ui.screens.common import footer, header
from simulator.ui.theme import Theme
from simulator.ui.widgets import icons
from simulator.ui.widgets.text import draw_line, draw_text, render

if TYPE_CHECKING:
    from simulator.ui.flow import PlayFlow

PER_PAGE_MAX = 9


class LibraryScreen(Screen):
    name = "library"

    def __init__(self, flow: PlayFlow, entries: list[LibraryEntry], progress: dict[str, Progress] | None = None,
                 named_calls: set[str] | None = None) -> None:
        super().__init__(flow.app)
        self.flow = flow
        self.entries = entries
        self.progress = progress or {}
        self.named_calls = named_calls or set()
        self.focus = 0
        self.per_page = PER_PAGE_MAX

    # -- input -------------------------------------------------------------------

    @property
    def page_start(self) -> int:
        return (self.focus // self.per_page) * self.per_page

    def handle(self, intent: Intent) -> None:
        count = len(self.entries)
        if intent.kind is Kind.PICK:
            index = self.page_start + intent.number - 1
            if index < min(count, self.page_start + self.per_page):
                self.focus = index
                self.open(index)
        elif intent.kind is Kind.CONFIRM and count:
            self.open(self.focus)
        elif intent.kind is Kind.UP and count:
            self.focus = max(0, self.focus - 1)
        elif intent.kind is Kind.DOWN and count:
            self.focus = min(count - 1, self.focus + 1)
        elif intent.kind is Kind.PAGE_DOWN and count:
            self.focus = min(count - 1, self.page_start + self.per_page)
        elif intent.kind is Kind.PAGE_UP and count:
            self.focus = max(0, self.page_start - self.per_page)
        elif intent.kind is Kind.LETTER and intent.text == "t":
            self.flow.change_trainee()
        elif intent.kind is Kind.LETTER and intent.text == "f":
            self.flow.toggle_feedback()
        elif intent.kind is Kind.ESCAPE:
            self.app.quit()

    def open(self, index: int) -> None:
        entry = self.entries[index]
        if entry.available:
            self.flow.open_entry(entry)

    # -- drawing -------------------------------------------------------------------

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        p = theme.palette
        right = self.t("library.signed_in", trainee=self.flow.trainee or "")
        area = header(surface, theme, self.t("library.title"), right)
        mode_rect = self._draw_mode(surface, theme, area)
        hint_h = draw_text(surface, self.t("library.hint"), theme.small(), p.muted, area.topleft,
                           area.width - mode_rect.width - theme.pad)
        top = area.y + max(hint_h, mode_rect.height) + theme.pad // 2
        card_h = self._card_height(theme)
        self.per_page = max(1, min(PER_PAGE_MAX, (area.bottom - top - theme.pad * 2) // (card_h + theme.pad // 2)))
        if not self.entries:
            draw_text(surface, self.t("library.empty", folder=str(self.flow.library_dir)), theme.body(), p.text,
                      (area.x, top), area.width)
        start = self.page_start
        for slot, index in enumerate(range(start, min(start + self.per_page, len(self.entries)))):
            rect = pygame.Rect(area.x, top + slot * (card_h + theme.pad // 2), area.width, card_h)
            self._draw_card(surface, theme, rect, self.entries[index], slot + 1, index == self.focus)
            self.add_hotspot(rect, self._label(index), untimed(partial(self._clicked, index)))
        pages = max(1, -(-len(self.entries) // self.per_page))
        if pages > 1:
            draw_line(surface, self.t("library.page", page=start // self.per_page + 1, pages=pages), theme.small(),
                      p.muted, (area.right, area.bottom), "bottomright")
        footer(surface, theme, self.t("keys.hint"))

    def mode_label(self) -> str:
        mode = self.t("mode.label", mode=self.t(f"mode.{self.flow.feedback}"))
        return f"{mode} · {self.t('mode.toggle')}"

    def _draw_mode(self, surface: pygame.Surface, theme: Theme, area: pygame.Rect) -> pygame.Rect:
        """The instructor's feedback-mode switch, top right; F or a click changes it."""
        p = theme.palette
        label = self.mode_label()
        font = theme.small()
        width = min(font.size(label)[0] + theme.pad * 2, area.width // 2)
        rect = pygame.Rect(area.right - width, area.y, width, font.get_linesize() + theme.pad // 2)
        pygame.draw.rect(surface, p.button_hover if self.is_hover(label) else p.button, rect, border_radius=6)
        pygame.draw.rect(surface, p.accent, rect, 1, border_radius=6)
        draw_line(surface, label, font, p.text, rect.center, "center", max_width=width - theme.pad)
        self.add_hotspot(rect, label, lambda at: self.flow.toggle_feedback())
        return rect

    def _status(self, scenario_id: str, theme: Theme) -> tuple[str, tuple[int, int, int]]:
        p = theme.palette
        done = self.progress.get(scenario_id)
        if done is None:
            return self.t("library.status_new"), p.muted
        best = "–" if done.best is None else f"{done.best:.0f}"
        if done.passed:
            return self.t("library.status_passed", best=best, n=done.attempts), p.good
        return self.t("library.status_not_yet", best=best, n=done.attempts), p.warn

    def _call_name(self, entry: LibraryEntry) -> str:
        tag = call_type(entry, self.named_calls)
        if tag in self.named_calls:
            return self.t(f"call.{tag}")
        return tag.replace("-", " ").capitalize()

    def _clicked(self, index: int) -> None:
        self.focus = index
        self.open(index)

    def _label(self, index: int) -> str:
        entry = self.entries[index]
        if entry.loaded is not None:
            return entry.loaded.scenario.title.get(self.t.lang)
        return entry.path.name

    def _card_height(self, theme: Theme) -> int:
        return theme.bold().get_linesize() + theme.small().get_linesize() * 3 + theme.pad

    def _draw_card(self, surface: pygame.Surface, theme: Theme, rect: pygame.Rect, entry: LibraryEntry,
                   number: int, focus: bool) -> None:
        p = theme.palette
        hover = self.is_hover(self._label(self.entries.index(entry)))
        pygame.draw.rect(surface, p.button_hover if hover else p.button, rect, border_radius=6)
        pygame.draw.rect(surface, p.accent if focus else p.panel_edge, rect, 3 if focus else 1, border_radius=6)
        badge = pygame.Rect(rect.x + theme.pad, rect.y + theme.pad // 2, int(theme.base * 1.5),
                            theme.bold().get_linesize())
        pygame.draw.rect(surface, p.accent if entry.available else p.muted, badge, border_radius=4)
        num = render(str(number), theme.bold(0.9), p.accent_text)
        surface.blit(num, num.get_rect(center=badge.center))
        x = badge.right + theme.pad
        width = rect.right - x - theme.pad
        y = rect.y + theme.pad // 2
        lang = self.t.lang
        if entry.loaded is None:
            draw_line(surface, f"{entry.path.name} — {self.t('library.unavailable')}", theme.bold(), p.text, (x, y),
                      max_width=width)
            y += theme.bold().get_linesize()
            size = theme.small().get_linesize()
            icons.warning(surface, p.bad, (x + size // 2, y + size // 2), size - 4)
            draw_text(surface, entry.error or "", theme.small(), p.text, (x + size + 4, y), width - size - 4,
                      max_lines=3)
            return
        scenario = entry.loaded.scenario
        status, colour = self._status(scenario.id, theme)
        status_rect = draw_line(surface, status, theme.small(), colour, (rect.right - theme.pad, y), "topright",
                                max_width=width // 3)
        draw_line(surface, scenario.title.get(lang), theme.bold(), p.text, (x, y),
                  max_width=max(10, status_rect.left - x - theme.pad))
        y += theme.bold().get_linesize()
        meta = [self._call_name(entry), self.t("library.difficulty", n=scenario.difficulty)]
        if scenario.minutes:
            meta.append(self.t("library.minutes", n=f"{scenario.minutes:g}"))
        draw_line(surface, " · ".join(meta), theme.small(), p.accent, (x, y), max_width=width)
        y += theme.small().get_linesize()
        summary = scenario.summary.get(lang) if scenario.summary else ""
        draw_text(surface, summary, theme.small(), p.muted, (x, y), width, max_lines=2)
