"""The library's pictures: made by our own script, present, and documented."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

from simulator.scenario import load_scenario

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "assets"
IMAGES = ASSETS / "images"
SCENARIOS = sorted((ROOT / "scenarios").glob("*.yaml"))


@pytest.fixture(scope="module")
def make_images() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_images", ASSETS / "make_images.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_committed_picture_is_one_the_script_draws(make_images: ModuleType) -> None:
    on_disk = {p.name for p in IMAGES.glob("*.png")}
    assert on_disk == set(make_images.SCENES)


def test_committed_pictures_match_the_script_pixel_for_pixel(make_images: ModuleType) -> None:
    import pygame

    for name in make_images.SCENES:
        drawn = make_images.render(name)
        saved = pygame.image.load(str(IMAGES / name))
        assert saved.get_size() == (640, 360), name
        assert pygame.image.tobytes(saved, "RGB") == pygame.image.tobytes(drawn, "RGB"), (
            f"{name} differs from what make_images.py draws; rerun the script"
        )


def test_script_writes_every_picture_to_a_chosen_folder(make_images: ModuleType, tmp_path: Path) -> None:
    assert make_images.main(["--out", str(tmp_path)]) == 0
    assert {p.name for p in tmp_path.glob("*.png")} == set(make_images.SCENES)


def test_readme_accounts_for_every_picture() -> None:
    readme = (ASSETS / "README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"`([a-z_]+\.png)`", readme))
    assert listed == {p.name for p in IMAGES.glob("*.png")}


def test_every_picture_named_by_a_scenario_exists_and_most_are_used() -> None:
    used = {
        situation.image
        for path in SCENARIOS
        for situation in load_scenario(path).situations.values()
        if situation.image
    }
    assert used <= {p.name for p in IMAGES.glob("*.png")}
    assert len(used) >= 6
