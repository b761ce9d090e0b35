"""The author's live preview (`uofsim play FILE --from SITUATION --watch`).

Like Ren'Py's reload: the instructor edits the file in one window and sees
the result in the other. The window loop polls the file's modification time
(no extra dependency, no thread); on a change the file is loaded again and
the session restarts where it was, if that situation still exists, or the
validation errors are shown until a save fixes them.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.scenario import ScenarioError, load_file
from simulator.ui.library import LibraryEntry

if TYPE_CHECKING:
    from simulator.ui.flow import PlayFlow

RELOAD_REASON = "reloaded"  # session_aborted.reason of a session the preview replaced


class Watcher:
    def __init__(self, flow: PlayFlow, path: Path, start_at: str | None = None,
                 problems: list[str] | None = None) -> None:
        self.flow = flow
        self.path = Path(path)
        self.start_at = start_at
        self.stamp = self._stamp()
        self.reloads = 0
        self.problems: list[str] = list(problems or [])  # the errors on screen, when the last load failed
        self._last_position: str | None = start_at

    def _stamp(self) -> tuple[int, int] | None:
        try:
            info = os.stat(self.path)
        except OSError:  # an editor may replace the file in two steps: try again next poll
            return None
        return info.st_mtime_ns, info.st_size

    def poll(self) -> None:
        """Called by the window loop: reload when the file changed since last seen."""
        stamp = self._stamp()
        if stamp is None or stamp == self.stamp:
            return
        self.stamp = stamp
        self.reload()

    def position(self) -> str | None:
        """The situation the author is looking at (the last one entered), kept across reloads."""
        session = self.flow.session
        if session is not None:
            entered = [r["situation"] for r in session.records if r.get("type") == "situation_entered"]
            if entered:
                self._last_position = entered[-1]
        return self._last_position

    def reload(self) -> None:
        position = self.position()
        self.flow.abort(RELOAD_REASON)
        self.reloads += 1
        try:
            loaded = load_file(self.path)
        except ScenarioError as exc:
            from simulator.ui.screens.preview import PreviewErrorScreen

            self.problems = [str(p) for p in exc.problems if p.severity.value == "error"] or [str(exc)]
            self.flow.app.show(PreviewErrorScreen(self.flow, self.problems))
            return
        self.problems = []
        self.flow.config.scenario = loaded
        if self.flow.trainee is None:  # not signed in yet: the session starts once signed in
            self.flow.app.show(self.flow.first_screen())
            return
        situations = loaded.scenario.situations
        kept = position if position in situations else None
        fallback = self.start_at if self.start_at in situations else loaded.scenario.start
        t = self.flow.app.strings
        if position is not None and kept is None:
            self.flow.notice = t("preview.moved", file=self.path.name, id=position, start=fallback)
        else:
            self.flow.notice = t("preview.reloaded", file=self.path.name)
        self.flow.app.show(self.flow.start_preview(LibraryEntry(self.path, loaded, None), kept or fallback))
