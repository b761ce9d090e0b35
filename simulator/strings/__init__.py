"""The one catalogue of interface strings (en.yaml, fr.yaml), shipped as package data.

It sits below the engine so the window, the debrief notes and the review
reports all speak from the same words in the same languages.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml


def _registry() -> tuple[str, ...]:
    """The playable languages: one per catalogue file shipped here.

    Adding `de.yaml` beside en.yaml makes German playable; nothing else lists
    languages, so the CLI, the window and the lint cannot drift apart."""
    names = (entry.name for entry in resources.files(__name__).iterdir())
    found = sorted(name.removesuffix(".yaml") for name in names if name.endswith(".yaml"))
    return tuple(["en", *(code for code in found if code != "en")])


LANGUAGES = _registry()


def language_refusal(lang: str) -> str | None:
    """One line saying why `lang` cannot be played, or None when it can."""
    if lang in LANGUAGES:
        return None
    return (f"--lang {lang}: no interface catalogue for this language "
            f"(playable: {', '.join(LANGUAGES)}; add simulator/strings/{lang}.yaml to add one)")


@cache
def _catalogue(lang: str) -> dict[str, str]:
    text = (resources.files(__name__) / f"{lang}.yaml").read_text(encoding="utf-8")
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise ValueError(f"strings/{lang}.yaml must map keys to strings")
    return data


class Strings:
    """Interface strings in one language, English where a key is missing."""

    def __init__(self, lang: str = "en") -> None:
        self.lang = lang if lang in LANGUAGES else "en"
        self._own = _catalogue(self.lang)
        self._fallback = _catalogue("en")

    def __call__(self, key: str, **values: object) -> str:
        text = self._own.get(key) or self._fallback.get(key)
        if text is None:
            raise KeyError(f"no interface string {key!r}")
        return text.format(**values) if values else text

    def keys(self) -> set[str]:
        """Every key this catalogue (or the English fallback) defines."""
        return set(self._own) | set(self._fallback)

    def name(self, kind: str, value: object) -> str:
        """The display name of a vocabulary value, e.g. name('force', Force.LETHAL_FORCE)."""
        key = f"{kind}.{getattr(value, 'value', value)}"
        if key in self._own or key in self._fallback:
            return self(key)
        return str(getattr(value, "value", value)).replace("_", " ")


def keys(lang: str) -> set[str]:
    return set(_catalogue(lang))
