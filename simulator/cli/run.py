"""`uofsim run`: play a scenario headless (answers file or policy) and write a real session log.

`--pace SECONDS` sleeps that long (real time) before every decision. It changes
nothing in the session (the simulated clock still moves by the answers'
`seconds`); it exists for demonstrations and for crash tests that kill the
process between decisions.
"""

from __future__ import annotations

import argparse
import sys

from simulator.cli.errors import PACE, SEED, TIME_SCALE, UsageError, UserError, check_number
from simulator.cli.import_ import add_store_arguments, check_cohort, store_session


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scenario", metavar="SCENARIO", help="scenario file")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--answers", metavar="FILE", help="YAML list of answers, one per situation visited")
    source.add_argument("--policy", choices=["best", "worst", "random"], help="let a policy answer")
    parser.add_argument("--seed", type=int, help="seed for random branches (default: drawn and logged)")
    parser.add_argument("--trainee", default="headless", help="trainee id written to the log (default: headless)")
    parser.add_argument("--log-dir", metavar="DIR", help="log folder (default: $UOFSIM_LOG_DIR or ./sessions)")
    parser.add_argument("--log-key-file", metavar="FILE", help="academy key for log MACs (default: $UOFSIM_LOG_KEY)")
    parser.add_argument("--lang", default="en", help="language of the session (default: en)")
    parser.add_argument("--time-scale", type=float, default=1.0, metavar="X", help="multiply every time limit")
    parser.add_argument("--feedback", choices=("immediate", "debrief"), default="debrief",
                        help="feedback mode recorded in the log (a headless run shows nothing either way)")
    add_store_arguments(parser)
    parser.add_argument("--pace", type=float, default=0.0, metavar="SECONDS",
                        help="real seconds to wait before each decision (demos and crash tests)")


def run(args: argparse.Namespace) -> int:
    from simulator.engine.answers import AnswerError, FileDecider, load_answers, rehearse
    from simulator.engine.clock import FakeClock
    from simulator.engine.explore import StateGraph
    from simulator.engine.policies import Decider, ExtremePolicy, RandomPolicy, play_headless, real_pace
    from simulator.engine.scoring import rubric_for
    from simulator.engine.session import Session, SessionSettings, SessionStopped, open_session_log
    from simulator.logbook.ids import validate_trainee_id
    from simulator.logbook.keys import KeyFileError, load_key, resolve_log_dir
    from simulator.logbook.writer import LogWriteError
    from simulator.scenario import ScenarioError, load_file
    from simulator.strings import language_refusal

    check_number("--time-scale", args.time_scale, TIME_SCALE)
    check_number("--pace", args.pace, PACE)
    check_number("--seed", args.seed, SEED)
    refusal = language_refusal(args.lang)
    if refusal:
        raise UsageError(refusal)
    try:
        validate_trainee_id(args.trainee)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    try:
        loaded = load_file(args.scenario)
        rubric = rubric_for(loaded)
        answers = load_answers(args.answers) if args.answers else None
        key = load_key(args.log_key_file)
    except ScenarioError as exc:
        raise UserError(str(exc)) from None
    except KeyFileError as exc:
        raise UserError(str(exc)) from None

    seed = args.seed if args.seed is not None else _random_seed()
    settings = SessionSettings(trainee=args.trainee, seed=seed, lang=args.lang, time_scale=args.time_scale,
                               mode="headless", feedback=args.feedback, cohort=check_cohort(args.cohort))
    if answers is not None:
        # The whole file against the scenario, in memory: a file that does not fit writes no log.
        try:
            rehearse(loaded, answers, args.answers, settings, rubric)
        except AnswerError as exc:
            raise UserError(str(exc)) from None
        decider: Decider = FileDecider(answers, args.answers)
    elif args.policy == "random":
        decider = RandomPolicy(seed)
    else:
        decider = ExtremePolicy(StateGraph(loaded.scenario, rubric), best=args.policy == "best")

    clock = FakeClock()
    try:
        log = open_session_log(resolve_log_dir(args.log_dir), settings, clock, key)
    except LogWriteError as exc:
        raise UserError(str(exc)) from None
    try:
        session = Session.start(loaded, settings, clock=clock, log=log, rubric=rubric)
        try:
            play_headless(session, decider, clock, real_pace(args.pace))
        except AnswerError as exc:
            session.abort("error")
            raise UserError(f"{exc} (session aborted; log {log.path})") from None
    except SessionStopped as exc:
        raise UserError(str(exc)) from None
    finally:
        log.close()
    debrief = session.debrief
    print(f"score: {debrief.score:.1f}")
    print(f"result: {'PASS' if debrief.passed else 'FAIL'}")
    for error in debrief.critical_errors:
        print(f"critical error: {error['situation']}/{error['option']}: {error['reason']}: "
              f"{error.get('text', '')}".rstrip(": "))
        if error.get("note"):
            print(f"  author's note: {error['note']}")
    if debrief.community is not None:
        print(f"community: {debrief.community:.1f}")
    print(f"log: {log.path}")
    sys.stdout.flush()
    return store_session(args.db, log.path, key)


def _random_seed() -> int:
    import random

    return random.SystemRandom().randrange(2**32)
