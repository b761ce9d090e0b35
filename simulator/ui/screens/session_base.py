"""What the screens of a session in progress share: Esc opens the pause menu."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from simulator.engine import Outcome, Session
from simulator.ui.input import Intent, Kind
from simulator.ui.screens.base import Screen

if TYPE_CHECKING:
    from simulator.ui.flow import PlayFlow


class SessionScreen(Screen):
    def __init__(self, flow: PlayFlow, session: Session) -> None:
        super().__init__(flow.app)
        self.flow = flow
        self.session = session

    def send(self, engine_call: Callable[[], Outcome]) -> None:
        self.flow.send(engine_call)

    def handle(self, intent: Intent) -> None:
        if intent.kind is Kind.ESCAPE:
            from simulator.ui.screens.pause import PauseScreen

            self.session.pause(intent.at)
            self.app.open_overlay(PauseScreen(self.flow))
        else:
            self.on_intent(intent)

    def on_intent(self, intent: Intent) -> None:
        """Keys other than Esc."""
