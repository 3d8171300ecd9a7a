"""The timers of the home tests: what each shows and what it writes, with time passed in.

Three kinds, each a small state machine over events that carry the time they happened
(milliseconds on any clock that only goes forward; the browser uses `performance.now()`):

- `COUNTDOWN` (30-second chair stand): "start" runs a count-down of `duration_ms`; each
  "tap" while it runs counts one stand; it ends by itself when the time is up. Result: the
  count.
- `HOLDS` (4-stage balance test): "start" begins the hold of the current stage; a hold
  that lasts `duration_ms` is held (the next "start" begins the next stage); "fail" (the
  feet moved) ends the test. Result: the last stage held (0 if stage 1 was not held).
- `STOPWATCH` (Timed Up and Go, 5-times sit-to-stand): "start", then "stop". Result: the
  time in seconds to the tenth; a time past `limit_ms` is no result (the page refuses it).

"reset" always goes back to the start. Every other event either changes the state as
described or is ignored (a tap before the start, a second start): never an error, so a
double click cannot break a timer. The component's JavaScript (`ui/timer/timer.js`) is the
same machine; the browser tests click through it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Literal

Event = Literal["start", "tap", "stop", "fail", "tick", "reset"]
EVENTS: tuple[Event, ...] = ("start", "tap", "stop", "fail", "tick", "reset")


class Kind(StrEnum):
    COUNTDOWN = "countdown"
    HOLDS = "holds"
    STOPWATCH = "stopwatch"


class Phase(StrEnum):
    READY = "ready"  # not started (HOLDS: also between two stages)
    RUNNING = "running"
    DONE = "done"  # finished: `result` holds what goes into the page's input


@dataclass(frozen=True)
class Spec:
    """What a timer does: its kind, its length (count-down, hold), its limit (stopwatch)."""

    kind: Kind
    duration_ms: int = 0  # COUNTDOWN: the test's length; HOLDS: each stage's hold
    stages: int = 0  # HOLDS: how many stages
    limit_ms: int = 0  # STOPWATCH: longer than this is no result

    def __post_init__(self) -> None:
        if self.kind in (Kind.COUNTDOWN, Kind.HOLDS) and self.duration_ms <= 0:
            raise ValueError("a count-down or hold needs a duration above 0")
        if self.kind is Kind.HOLDS and self.stages < 1:
            raise ValueError("a hold timer needs at least one stage")
        if self.kind is Kind.STOPWATCH and self.limit_ms <= 0:
            raise ValueError("a stopwatch needs a limit above 0")


@dataclass(frozen=True)
class State:
    """Where a timer is. `started_ms` is when the running part began."""

    phase: Phase = Phase.READY
    started_ms: int = 0
    ended_ms: int = 0  # when it finished (DONE)
    count: int = 0  # COUNTDOWN: stands counted
    stage: int = 1  # HOLDS: the stage being held or next to hold
    held: int = 0  # HOLDS: the last stage held
    result: float | None = None  # DONE: the value for the page's input (None: no result)


def countdown(seconds: int) -> Spec:
    return Spec(Kind.COUNTDOWN, duration_ms=seconds * 1000)


def holds(seconds: int, stages: int) -> Spec:
    return Spec(Kind.HOLDS, duration_ms=seconds * 1000, stages=stages)


def stopwatch(limit_seconds: float) -> Spec:
    return Spec(Kind.STOPWATCH, limit_ms=round(limit_seconds * 1000))


def tenths(ms: int) -> float:
    """Milliseconds as seconds rounded to the nearest tenth (half up): 11_950 -> 12.0."""
    return ((max(ms, 0) + 50) // 100) / 10


def elapsed_ms(spec: Spec, state: State, now_ms: int) -> int:
    """Time on the clock of the running part (capped at a count-down's or hold's length)."""
    if state.phase is Phase.READY:
        return 0
    end = state.ended_ms if state.phase is Phase.DONE else max(now_ms, state.started_ms)
    run = end - state.started_ms
    return min(run, spec.duration_ms) if spec.kind is not Kind.STOPWATCH else run


def remaining_ms(spec: Spec, state: State, now_ms: int) -> int:
    """Time left of a count-down or hold (0 for a stopwatch)."""
    if spec.kind is Kind.STOPWATCH:
        return 0
    if state.phase is Phase.READY:
        return spec.duration_ms
    return spec.duration_ms - elapsed_ms(spec, state, now_ms)


def step(spec: Spec, state: State, event: Event, now_ms: int) -> State:
    """The state after `event` at `now_ms`. Time first catches up (a count-down that ran
    out, a hold that was held), so a tap after the end is not counted."""
    if event == "reset":
        return State()
    state = _catch_up(spec, state, now_ms)
    if state.phase is Phase.DONE:
        return state
    if spec.kind is Kind.COUNTDOWN:
        if event == "start" and state.phase is Phase.READY:
            return replace(state, phase=Phase.RUNNING, started_ms=now_ms, count=0)
        if event == "tap" and state.phase is Phase.RUNNING:
            return replace(state, count=state.count + 1)
        return state
    if spec.kind is Kind.HOLDS:
        if event == "start" and state.phase is Phase.READY:
            return replace(state, phase=Phase.RUNNING, started_ms=now_ms)
        if event == "fail" and state.phase is Phase.RUNNING:
            return replace(state, phase=Phase.DONE, ended_ms=now_ms, result=float(state.held))
        if event == "stop" and state.phase is Phase.READY and state.held > 0:
            # Stopping between stages (not going on to the next): the stages held stand.
            return replace(state, phase=Phase.DONE, ended_ms=now_ms, result=float(state.held))
        return state
    # STOPWATCH
    if event == "start" and state.phase is Phase.READY:
        return replace(state, phase=Phase.RUNNING, started_ms=now_ms)
    if event == "stop" and state.phase is Phase.RUNNING:
        run = max(now_ms, state.started_ms) - state.started_ms
        return replace(state, phase=Phase.DONE, ended_ms=now_ms, result=_timed(spec, run))
    return state


def _timed(spec: Spec, run_ms: int) -> float | None:
    """A stopwatch's result: the tenths of a second, or None past the limit or at 0.0."""
    seconds = tenths(run_ms)
    return seconds if 0 < seconds * 1000 <= spec.limit_ms else None


def _catch_up(spec: Spec, state: State, now_ms: int) -> State:
    """What time alone does: a count-down ends, a hold is held, a stopwatch passes its limit."""
    if state.phase is not Phase.RUNNING:
        return state
    end = state.started_ms + (spec.limit_ms if spec.kind is Kind.STOPWATCH else spec.duration_ms)
    if spec.kind is Kind.STOPWATCH:
        if now_ms > end:  # past the limit: no time to write, the reader starts again
            return replace(state, phase=Phase.DONE, ended_ms=now_ms, result=None)
        return state
    if now_ms < end:
        return state
    if spec.kind is Kind.COUNTDOWN:
        return replace(state, phase=Phase.DONE, ended_ms=end, result=float(state.count))
    held = state.stage
    if held >= spec.stages:
        return replace(state, phase=Phase.DONE, ended_ms=end, held=held, result=float(held))
    return replace(state, phase=Phase.READY, ended_ms=end, held=held, stage=held + 1)


def run(spec: Spec, events: list[tuple[Event, int]]) -> State:
    """The state after a sequence of (event, time) pairs from the start."""
    state = State()
    for event, now_ms in events:
        state = step(spec, state, event, now_ms)
    return state
