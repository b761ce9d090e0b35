"""Debrief: score, pass/fail and critical errors first; then every situation in
order, with the assessment against the authored behaviour, tactics, the option
and its verdict on the wheel, decision time against the limit, the rationale,
the teaching notes, and whether an Ontario use-of-force report would be needed."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from simulator.engine import Debrief, SituationReport
from simulator.strings import Strings
from simulator.ui.input import Intent, Kind
from simulator.ui.screens.base import Screen, untimed
from simulator.ui.screens.common import footer, header, panel
from simulator.ui.theme import Theme
from simulator.ui.widgets import icons
from simulator.ui.widgets.button import draw_button
from simulator.ui.widgets.model_wheel import WheelMarks, draw_wheel, draw_wheel_legend
from simulator.ui.widgets.text import draw_line, draw_text, render, text_height

if TYPE_CHECKING:
    from simulator.ui.flow import PlayFlow


class DebriefPanel:
    """The debrief drawn into a rect; shared by the live debrief and the replay."""

    def __init__(self, debrief: Debrief, strings: Strings, lessons: list[str] | None = None) -> None:
        self.debrief = debrief
        self.t = strings
        self.lessons = lessons or []  # the scenario's key_lessons, in the session's language
        self.selected = 0
        self.scroll = 0           # pixels the details panel is scrolled down
        self._overflow = 0        # how far it can scroll

    def handle(self, intent: Intent) -> bool:
        count = len(self.debrief.situations)
        if intent.kind is Kind.PICK and 1 <= intent.number <= count:
            self.select(intent.number - 1)
        elif intent.kind is Kind.UP and count:
            self.select(max(0, self.selected - 1))
        elif intent.kind is Kind.DOWN and count:
            self.select(min(count - 1, self.selected + 1))
        elif intent.kind in (Kind.PAGE_DOWN, Kind.PAGE_UP, Kind.SCROLL):
            down = intent.kind is Kind.PAGE_DOWN or (intent.kind is Kind.SCROLL and intent.number < 0)
            step = 120 if intent.kind is Kind.SCROLL else 300
            self.scroll = max(0, min(self._overflow, self.scroll + (step if down else -step)))
        else:
            return False
        return True

    def select(self, index: int) -> None:
        self.selected = index
        self.scroll = 0

    def draw(self, surface: pygame.Surface, theme: Theme, rect: pygame.Rect, screen: Screen) -> None:
        top = self._draw_summary(surface, theme, rect)
        top = self._draw_lessons(surface, theme, rect, top)
        body = pygame.Rect(rect.x, top + theme.pad, rect.width, rect.bottom - top - theme.pad)
        if not self.debrief.situations:
            return
        timeline_w = int(body.width * 0.25)
        wheel_w = int(body.width * 0.28)
        timeline = pygame.Rect(body.x, body.y, timeline_w, body.height)
        details = pygame.Rect(timeline.right + theme.pad, body.y, body.width - timeline_w - wheel_w - theme.pad * 2,
                              body.height)
        wheel = pygame.Rect(details.right + theme.pad, body.y, wheel_w, body.height)
        self._draw_timeline(surface, theme, timeline, screen)
        report = self.debrief.situations[min(self.selected, len(self.debrief.situations) - 1)]
        self._draw_details(surface, theme, details, report)
        self._draw_wheel(surface, theme, wheel, report)

    # --- summary ------------------------------------------------------------------

    def _draw_summary(self, surface: pygame.Surface, theme: Theme, rect: pygame.Rect) -> int:
        p = theme.palette
        d = self.debrief
        x, y = rect.x, rect.y
        title = theme.title()
        score = render(self.t("debrief.score", s=f"{d.score:.1f}"), title, p.text)
        surface.blit(score, (x, y))
        badge_text = self.t("debrief.pass" if d.passed else "debrief.fail")
        badge_img = render(badge_text, theme.bold(1.2), p.accent_text)
        line = title.get_linesize()
        badge = pygame.Rect(x + score.get_width() + theme.pad * 2, y, badge_img.get_width() + line + theme.pad * 2,
                            line)
        pygame.draw.rect(surface, p.good if d.passed else p.bad, badge, border_radius=8)
        (icons.check if d.passed else icons.cross)(surface, p.accent_text, (badge.x + line // 2 + 4, badge.centery),
                                                   line - 12)
        surface.blit(badge_img, badge_img.get_rect(midleft=(badge.x + line + 4, badge.centery)))
        meta = []
        if d.difficulty is not None:
            meta.append(self.t("debrief.difficulty", n=d.difficulty))
        if d.result is not None:
            meta.append(self.t("debrief.outcome", result=self.t(f"ending.{d.result.value}")))
        if d.community is not None:
            meta.append(self.t("debrief.community", s=f"{d.community:.0f}"))
        draw_line(surface, " · ".join(meta), theme.body(), p.muted, (badge.right + theme.pad * 2, badge.centery),
                  "midleft", max_width=max(10, rect.right - badge.right - theme.pad * 2))
        y += line + theme.pad // 2
        if d.critical_errors:
            items = [self.t("debrief.critical_item", situation=self._title_of(e.get("situation", "")),
                            option=self._option_of(e.get("situation", ""), e.get("option", "")),
                            reason=e.get("text") or e.get("reason", ""))
                     for e in d.critical_errors]
            text = "\n".join(items)
            size = theme.bold().get_linesize()
            text_x, text_w = x + theme.pad * 2 + size, rect.width - size - theme.pad * 3
            heading = self.t("debrief.critical")
            # Measure first, so the box is drawn once at the height its text needs.
            height = text_height(heading, theme.bold(), text_w) + text_height(text, theme.body(), text_w)
            box = pygame.Rect(x, y, rect.width, height + theme.pad * 2)
            pygame.draw.rect(surface, p.panel, box, border_radius=8)
            pygame.draw.rect(surface, p.bad, box, 3, border_radius=8)
            icons.warning(surface, p.bad, (box.x + theme.pad + size // 2, box.y + theme.pad + size // 2), size - 4)
            ty = box.y + theme.pad
            ty += draw_text(surface, heading, theme.bold(), p.text, (text_x, ty), text_w)
            draw_text(surface, text, theme.body(), p.text, (text_x, ty), text_w)
            y = box.bottom + theme.pad // 2
        if d.competencies:
            y = self._draw_competencies(surface, theme, rect, y)
        if d.reportable and not d.reportable_actions:
            y += draw_text(surface, self.t("feedback.reportable_outcome"), theme.small(), p.text, (x, y), rect.width)
        return y

    def _draw_competencies(self, surface: pygame.Surface, theme: Theme, rect: pygame.Rect, y: int) -> int:
        """One row per session: each competency's name over its score; unmeasured ones say so."""
        p, small, bold = theme.palette, theme.small(), theme.bold(0.9)
        draw_line(surface, self.t("debrief.competencies"), small, p.muted, (rect.x, y))
        y += small.get_linesize()
        items = list(self.debrief.competencies.items())
        cell = rect.width // max(1, len(items))
        for i, (competency, value) in enumerate(items):
            cx = rect.x + i * cell
            draw_line(surface, self.t(f"competency_short.{competency}"), small, p.muted, (cx, y),
                      max_width=cell - theme.pad)
            if value is None:
                text, colour = self.t("debrief.not_measured"), p.muted
            else:
                text, colour = f"{value:.0f}", p.good if value >= 70 else p.bad
            draw_line(surface, text, bold if value is not None else small, colour, (cx, y + small.get_linesize()),
                      max_width=cell - theme.pad)
        return y + small.get_linesize() + bold.get_linesize() + theme.pad // 2

    def _draw_lessons(self, surface: pygame.Surface, theme: Theme, rect: pygame.Rect, top: int) -> int:
        """The author's key lessons under the score: what this scenario should leave behind."""
        if not self.lessons:
            return top
        p = theme.palette
        text = "\n".join(f"– {lesson}" for lesson in self.lessons)
        width = rect.width - theme.pad * 2
        # At most a fifth of the screen: the timeline and details need the rest.
        lines = max(1, min(len(self.lessons) * 2, rect.height // 5 // theme.small().get_linesize()))
        height = theme.bold(0.9).get_linesize() + min(text_height(text, theme.small(), width),
                                                       lines * theme.small().get_linesize())
        box = pygame.Rect(rect.x, top, rect.width, height + theme.pad)
        pygame.draw.rect(surface, p.panel, box, border_radius=8)
        pygame.draw.rect(surface, p.accent, box, 1, border_radius=8)
        y = box.y + theme.pad // 2
        y += draw_text(surface, self.t("debrief.key_lessons"), theme.bold(0.9), p.accent, (box.x + theme.pad, y), width)
        draw_text(surface, text, theme.small(), p.text, (box.x + theme.pad, y), width, max_lines=lines)
        return box.bottom + theme.pad // 2

    def _title_of(self, situation_id: str) -> str:
        for report in self.debrief.situations:
            if report.situation == situation_id:
                return report.title or situation_id
        return situation_id

    def _option_of(self, situation_id: str, option_id: str) -> str:
        for report in self.debrief.situations:
            if report.situation == situation_id and report.option == option_id:
                return report.option_label or option_id
        return option_id

    # --- timeline -------------------------------------------------------------------

    def _draw_timeline(self, surface: pygame.Surface, theme: Theme, rect: pygame.Rect, screen: Screen) -> None:
        p = theme.palette
        y = rect.y + draw_text(surface, self.t("debrief.timeline"), theme.small(), p.muted, rect.topleft, rect.width)
        small = theme.small()
        card_h = theme.bold(0.9).get_linesize() + small.get_linesize() * 2 + theme.pad
        step = card_h + theme.pad // 2
        fits = max(1, (rect.bottom - y + theme.pad // 2) // step)
        # Scroll the list so the selected situation is always on screen.
        first = min(max(0, self.selected - fits + 1), max(0, len(self.debrief.situations) - fits))
        for index, report in list(enumerate(self.debrief.situations))[first:first + fits]:
            card = pygame.Rect(rect.x, y, rect.width, card_h)
            focus = index == self.selected
            label = f"{index + 1}. {report.title or report.situation}"
            hover = screen.is_hover(label)
            pygame.draw.rect(surface, p.button_hover if hover else p.button, card, border_radius=6)
            pygame.draw.rect(surface, p.accent if focus else p.panel_edge, card, 3 if focus else 1, border_radius=6)
            tx, tw = card.x + theme.pad // 2 + 2, card.width - theme.pad - 4
            ty = card.y + theme.pad // 2
            draw_line(surface, label, theme.bold(0.9), p.text, (tx, ty), max_width=tw)
            ty += theme.bold(0.9).get_linesize()
            self._verdict_line(surface, theme, report, tx, ty, tw, small)
            ty += small.get_linesize()
            draw_line(surface, self._time_text(report), small, p.muted, (tx, ty), max_width=tw)
            screen.add_hotspot(card, label, untimed(partial(self.select, index)))
            y += step

    def _verdict_line(self, surface, theme: Theme, report: SituationReport, x: int, y: int, width: int, font) -> None:
        draw_verdict(surface, theme, self.t, report, x, y, width, font)

    def _time_text(self, report: SituationReport) -> str:
        total = sum(seconds for seconds in report.decision_s.values() if seconds is not None)
        if report.time_limit_s:
            return self.t("debrief.time", d=f"{total:.1f}", l=f"{report.time_limit_s:g}")
        return self.t("debrief.time_nolimit", d=f"{total:.1f}")

    # --- details ----------------------------------------------------------------------

    def _draw_details(self, screen_surface: pygame.Surface, theme: Theme, rect: pygame.Rect,
                      report: SituationReport) -> None:
        p = theme.palette
        inner = panel(screen_surface, theme, rect, report.title or report.situation)
        # Drawn on a tall canvas, then shown through the panel: PgUp/PgDn or the wheel scroll it.
        surface = pygame.Surface((inner.width, max(inner.height, 1) * 6), pygame.SRCALPHA)
        x, y, w = 0, 0, inner.width
        body, small = theme.body(), theme.small()
        size = body.get_linesize()

        def line(text: str, font=body, colour=p.text, indent: int = 0) -> None:
            nonlocal y
            y += draw_text(surface, text, font, colour, (x + indent, y), w - indent)

        authored = self.t.name("behaviour", report.behaviour)
        if report.assessed is None:
            line(self.t("debrief.assessed", a=self.t("debrief.not_asked")))
        else:
            match = report.assessed in (report.accepted or [report.behaviour])
            (icons.check if match else icons.cross)(surface, p.good if match else p.bad, (x + size // 2, y + size // 2),
                                                    size - 6)
            verdict = self.t("debrief.assess_match" if match else "debrief.assess_off")
            line(f"{self.t('debrief.assessed', a=self.t.name('behaviour', report.assessed))} — {verdict}",
                 indent=size + 2)
        line(self.t("debrief.authored", b=authored), small, p.muted)
        if report.tactics_offered:
            labels = {tid: (label, rating) for tid, label, rating in report.tactics_offered}
            chosen = ", ".join(f"{labels[t][0]} ({self.t.name('rating', labels[t][1])})" if t in labels else t
                               for t in report.tactics_chosen) or self.t("situation.nothing")
            line(self.t("debrief.tactics", list=chosen), small)
        if report.option is not None:
            line(self.t("debrief.option", option=report.option_label or report.option))
            if report.range is not None and report.force:
                forces = " + ".join(self.t.name("force", f) for f in report.force)
                line(self.t("debrief.force", force=forces, min=self.t.name("force", report.range.min),
                            max=self.t.name("force", report.range.max)), small, p.muted)
        verdict_y = y
        self._verdict_line(surface, theme, report, x, verdict_y, w, theme.bold())
        y += theme.bold().get_linesize()
        line(self._time_text(report) + self._phase_times(report), small, p.muted)
        if report.timed_out:
            line(self.t("debrief.timed_out",
                        phase=self.t(f"step.{report.timeout_phase}") if report.timeout_phase else "?"), small, p.bad)
        if report.reportable:
            icons.warning(surface, p.warn, (x + size // 2, y + size // 2), size - 4)
            line(self.t("debrief.report"), small, p.text, indent=size + 4)
        if report.rationale and not any(report.rationale in note for note in report.feedback):
            line(self.t("debrief.rationale", text=report.rationale), small)
        if report.preferred_option and report.preferred_option != report.option_label:
            line(self.t("debrief.preferred", label=report.preferred_option), small, p.muted)
        # Notes that already have their own line above are not repeated.
        shown_above = {self.t("feedback.reportable")} if report.reportable else set()
        if report.preferred_option and report.preferred_option != report.option_label:
            shown_above.add(self.t("feedback.preferred", option=report.preferred_option))
        for note in report.feedback:
            if note not in shown_above:
                line(f"– {note}", small)
        total = report.scores.get("total")
        if total is not None:
            line(self.t("debrief.situation_score", s=f"{total * 100:.0f}"), theme.bold(0.9), p.accent)
        measured = [f"{self.t(f'competency.{c}')} {v * 100:.0f}"
                    for c, v in report.competencies.items() if v is not None]
        if measured:
            line(f"{self.t('debrief.competencies')}: {' · '.join(measured)}", small, p.muted)
        more_h = small.get_linesize()
        self._overflow = max(0, y - inner.height + more_h)
        self.scroll = min(self.scroll, self._overflow)
        view_h = inner.height - (more_h if self._overflow else 0)
        screen_surface.blit(surface, inner.topleft, pygame.Rect(0, self.scroll, inner.width, view_h))
        if self._overflow:
            hint = self.t("debrief.more_down" if self.scroll < self._overflow else "debrief.more_up")
            draw_line(screen_surface, hint, small, p.accent, (inner.right, inner.bottom), "bottomright")

    def _phase_times(self, report: SituationReport) -> str:
        parts = [f"{self.t(f'step.{k}')} {v:.1f} s"
                 for k, v in report.decision_s.items() if k in ("assess", "plan", "act")]
        return f" — {', '.join(parts)}" if parts else ""

    def _draw_wheel(self, surface: pygame.Surface, theme: Theme, rect: pygame.Rect, report: SituationReport) -> None:
        draw_report_wheel(surface, theme, self.t, rect, report)


# Shared with the immediate-feedback screen, which shows one situation's verdict and wheel.


def draw_verdict(surface: pygame.Surface, theme: Theme, t: Strings, report: SituationReport, x: int, y: int,
                 width: int, font) -> None:
    """An icon and the verdict in words (or "no action" after a timeout)."""
    p = theme.palette
    size = font.get_linesize()
    if report.verdict is None:
        icons.clock(surface, p.warn, (x + size // 2, y + size // 2), size - 6)
        text = t("verdict.none")
    else:
        good = report.verdict.value == "reasonable"
        (icons.check if good else icons.cross)(surface, p.good if good else p.bad, (x + size // 2, y + size // 2),
                                               size - 4)
        text = t(f"verdict.{report.verdict.value}")
        if report.critical:
            text += " (!)"
    draw_line(surface, text, font, p.text, (x + size + 2, y), max_width=width - size - 2)


def draw_report_wheel(surface: pygame.Surface, theme: Theme, t: Strings, rect: pygame.Rect,
                      report: SituationReport) -> None:
    """The model wheel marked with the assessment, the authored behaviour, the option and the range."""
    legend_h = theme.small().get_linesize() * 3 + theme.pad
    box = pygame.Rect(rect.x, rect.y, rect.width, min(rect.width, rect.height - legend_h))
    marks = WheelMarks(assessed=report.assessed, authored=report.behaviour, option_level=report.level,
                       reasonable=report.range)
    draw_wheel(surface, theme, t, box, marks)
    draw_wheel_legend(surface, theme, t, rect.x, box.bottom + theme.pad // 2, with_range=True, max_right=rect.right)


class DebriefScreen(Screen):
    name = "debrief"

    def __init__(self, flow: PlayFlow, debrief: Debrief, log_path: Path | None = None,
                 lessons: list[str] | None = None) -> None:
        super().__init__(flow.app)
        self.flow = flow
        self.panel = DebriefPanel(debrief, flow.app.strings, lessons)
        self.log_path = log_path

    def handle(self, intent: Intent) -> None:
        if self.panel.handle(intent):
            return
        if intent.kind is Kind.LETTER and intent.text == "r":
            self.flow.play_again()
        elif intent.kind in (Kind.CONFIRM, Kind.ESCAPE):
            self.flow.leave_debrief()

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        p = theme.palette
        area = header(surface, theme, self.t("debrief.title"), self.panel.debrief.scenario_title)
        button_h = theme.body().get_linesize() + theme.pad
        content = pygame.Rect(area.x, area.y, area.width, area.height - button_h - theme.pad)
        self.panel.draw(surface, theme, content, self)
        y = area.bottom - button_h
        again = self.t("debrief.play_again")
        leave = self.t("debrief.library" if self.flow.has_library else "debrief.quit")
        width = min(area.width // 4, theme.base * 14)
        for i, (label, action) in enumerate(((again, lambda at: self.flow.play_again()),
                                              (leave, lambda at: self.flow.leave_debrief()))):
            rect = pygame.Rect(area.right - (2 - i) * (width + theme.pad), y, width, button_h)
            draw_button(surface, theme, rect, label, hover=self.is_hover(label), focus=i == 1)
            self.add_hotspot(rect, label, action)
        if self.log_path is not None:
            draw_line(surface, self.t("debrief.log", path=self.log_path.name), theme.small(), p.muted,
                      (area.x, y + button_h // 2), "midleft",
                      max_width=area.width - 2 * (width + theme.pad) - theme.pad)
        footer(surface, theme, self.t("keys.hint"))
