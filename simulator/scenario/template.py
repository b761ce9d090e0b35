"""The starting point `uofsim new` writes: small, valid, and worth editing."""

from __future__ import annotations

import re

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")

TEMPLATE = """\
# A new uofsim scenario. Check it with:  uofsim validate {id}.yaml
# Editor completion: run `uofsim schema -o scenario.schema.json` in this folder,
# then keep the next line (VS Code's YAML extension reads it):
# yaml-language-server: $schema=./scenario.schema.json
format: 1
id: {id}
title: New scenario ({id})
version: "0.1"
difficulty: 1
minutes: 3
tags: [draft]
summary: A store manager asks you to remove a man who will not leave.
objectives:
  - Recognise passive resistance and answer it with communication
briefing: |
  Dispatch: the manager of a corner store reports a man who refuses to leave.
  He has made no threats. You are alone; backup is five minutes away.
officer:
  partners: 0
  equipment: [handcuffs, baton, oc_spray]
  backup_eta_s: 300
start: refuses
situations:
  refuses:
    title: He will not leave
    narrative: |
      A man sits on the floor by the door, arms folded. He says he is not going
      anywhere and looks away when you speak.
    scene:
      width_m: 10
      depth_m: 6
      officer: [2, 3]
      subjects:
        - {{at: [5, 3], label: Man, weapon: none}}
      objects:
        - {{kind: counter, at: [7, 1], size: [2, 0.8]}}
      exits: [[0, 3]]
    subject:
      behaviour: passive_resistant
      cues: [Arms folded, Sitting still, Refuses to answer]
    factors:
      environment: Small, bright store; no other customers
      subjects: 1
      abilities: No sign of a weapon; calm but stubborn
    time_limit_s: 30
    timeout: stands-up              # nothing is urgent: letting time pass is a tactic here
    wait: {{note: Giving him time to think lets him leave on his own.}}
    tactics:
      - {{id: time, label: Take your time; nothing here is urgent, consideration: time, rating: recommended}}
      - {{id: backup, label: Ask for a second officer, consideration: backup, rating: acceptable}}
    options:
      - id: explain
        label: Explain the trespass law and offer him a way out
        force: [communication]
        preferred: true
        next: stands-up
        rationale: He is refusing, not fighting. Clear words give him a way to comply.
      - id: spray
        label: Spray him with OC
        force: [intermediate_weapons]
        next: leaves-angry
        rationale: OC spray against someone sitting still is well beyond what passive resistance calls for.
  stands-up:
    narrative: He sighs, stands up and says he will go.
    subject:
      behaviour: cooperative
    options:
      - id: escort
        label: Walk with him to the door
        force: [officer_presence]
        preferred: true
        next: resolved
        rationale: He is cooperating now; presence is all that is needed.
endings:
  resolved:
    narrative: He leaves the store without further trouble.
    result: resolved
  leaves-angry:
    narrative: He leaves, shouting that he will be back.
    result: unresolved
"""


def render(scenario_id: str) -> str:
    if not ID_PATTERN.match(scenario_id):
        raise ValueError(f"'{scenario_id}' is not a valid id: use lowercase letters, digits and '-'")
    return TEMPLATE.format(id=scenario_id)
