"""Unit tests of lib.timers: each timer's states, its end, its result; time is passed in."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib import screening, timers
from lib.timers import Phase, State

CHAIR = timers.countdown(screening.CHAIR_STAND_SECONDS)  # 30 000 ms
BALANCE = timers.holds(screening.BALANCE_HOLD_SECONDS, screening.BALANCE_STAGE_COUNT)
TUG = timers.stopwatch(screening.MAX_TUG_SECONDS)  # 600 000 ms
T0 = 5_000  # the clock need not start at 0


# --- the 30-second chair stand ------------------------------------------------------------

CHAIR_CASES = [
    # events after "start" at T0 -> (phase, count, result)
    ([], (Phase.RUNNING, 0, None)),
    ([("tap", T0 + 1_000)] * 3, (Phase.RUNNING, 3, None)),
    ([("tick", T0 + 29_999)], (Phase.RUNNING, 0, None)),
    ([("tick", T0 + 30_000)], (Phase.DONE, 0, 0.0)),  # a count of 0 is a result (arms needed)
    ([("tap", T0 + 100), ("tap", T0 + 29_999), ("tick", T0 + 30_000)], (Phase.DONE, 2, 2.0)),
    ([("tap", T0 + 100), ("tap", T0 + 30_000)], (Phase.DONE, 1, 1.0)),  # a tap at the end: late
    ([("tap", T0 + 100), ("tap", T0 + 45_000)], (Phase.DONE, 1, 1.0)),  # no tick came: still late
    ([("tap", T0 + 100), ("start", T0 + 200), ("tap", T0 + 300)], (Phase.RUNNING, 2, None)),
    ([("stop", T0 + 100), ("fail", T0 + 200)], (Phase.RUNNING, 0, None)),  # not chair events
    ([("tap", T0 + 100), ("reset", T0 + 200)], (Phase.READY, 0, None)),
    ([("tick", T0 + 30_000), ("reset", T0 + 31_000), ("tap", T0 + 31_500)], (Phase.READY, 0, None)),
]


@pytest.mark.parametrize(("events", "expected"), CHAIR_CASES)
def test_chair_stand_countdown(events, expected):
    state = timers.run(CHAIR, [("start", T0), *events])
    assert (state.phase, state.count, state.result) == expected


def test_taps_before_the_start_count_nothing():
    state = timers.run(CHAIR, [("tap", 0), ("tap", 1), ("start", 2)])
    assert (state.phase, state.count) == (Phase.RUNNING, 0)


def test_countdown_clock():
    """30 s at the start, counting down, 0 at the end and after it; elapsed stops at 30 s."""
    ready = State()
    assert timers.remaining_ms(CHAIR, ready, 99) == 30_000
    running = timers.step(CHAIR, ready, "start", T0)
    assert timers.remaining_ms(CHAIR, running, T0 + 12_500) == 17_500
    assert timers.elapsed_ms(CHAIR, running, T0 + 12_500) == 12_500
    assert timers.remaining_ms(CHAIR, running, T0 + 40_000) == 0
    done = timers.step(CHAIR, running, "tick", T0 + 40_000)
    assert done.ended_ms == T0 + 30_000  # ended when the time was up, not when it was noticed
    assert timers.elapsed_ms(CHAIR, done, T0 + 99_000) == 30_000


# --- the 4-stage balance test --------------------------------------------------------------


def held(stages_held: int, start: int = T0) -> list[tuple[timers.Event, int]]:
    """Events that hold the first `stages_held` stages for 10 s each, 2 s apart."""
    events: list[tuple[timers.Event, int]] = []
    t = start
    for _ in range(stages_held):
        events += [("start", t), ("tick", t + 10_000)]
        t += 12_000
    return events


BALANCE_CASES = [
    # events -> (phase, stage, held, result)
    ([("start", T0), ("fail", T0 + 3_000)], (Phase.DONE, 1, 0, 0.0)),  # stage 1 not held
    ([("start", T0), ("tick", T0 + 9_999)], (Phase.RUNNING, 1, 0, None)),
    ([("start", T0), ("tick", T0 + 10_000)], (Phase.READY, 2, 1, None)),
    ([("start", T0), ("fail", T0 + 10_000)], (Phase.READY, 2, 1, None)),  # already held by then
    ([*held(2), ("start", T0 + 30_000), ("fail", T0 + 31_000)], (Phase.DONE, 3, 2, 2.0)),
    ([*held(3), ("stop", T0 + 40_000)], (Phase.DONE, 4, 3, 3.0)),  # stops before stage 4
    (held(4), (Phase.DONE, 4, 4, 4.0)),  # all four: done without a click
    ([("stop", T0)], (Phase.READY, 1, 0, None)),  # nothing held: nothing to stop
    ([*held(2), ("reset", T0 + 30_000)], (Phase.READY, 1, 0, None)),
    ([*held(1), ("tap", T0 + 13_000)], (Phase.READY, 2, 1, None)),
]


@pytest.mark.parametrize(("events", "expected"), BALANCE_CASES)
def test_balance_holds(events, expected):
    state = timers.run(BALANCE, events)
    assert (state.phase, state.stage, state.held, state.result) == expected


# --- stopwatch: Timed Up and Go, 5-times sit-to-stand --------------------------------------

STOPWATCH_CASES = [
    # ms from start to stop -> result (seconds to the tenth; None: no result)
    (13_000, 13.0),
    (11_949, 11.9),
    (11_950, 12.0),  # half a tenth rounds up: at the 12 s cut-off
    (49, None),  # rounds to 0.0 s: no time at all
    (50, 0.1),
    (600_000, 600.0),  # the longest the input takes
    (600_049, None),  # rounds to 600.0 but is past the limit: refused, not made up
]


@pytest.mark.parametrize(("run_ms", "expected"), STOPWATCH_CASES)
def test_stopwatch_result(run_ms, expected):
    state = timers.run(TUG, [("start", T0), ("stop", T0 + run_ms)])
    assert state.phase is Phase.DONE
    assert state.result == expected


def test_stopwatch_past_its_limit_ends_with_no_result():
    running = timers.run(TUG, [("start", T0), ("tick", T0 + 600_000)])
    assert running.phase is Phase.RUNNING
    over = timers.step(TUG, running, "tick", T0 + 600_001)
    assert (over.phase, over.result) == (Phase.DONE, None)
    assert timers.step(TUG, over, "stop", T0 + 600_002) == over


def test_stopwatch_ignores_stop_before_start_and_a_second_start():
    state = timers.run(TUG, [("stop", 1), ("start", T0), ("start", T0 + 5_000)])
    assert (state.phase, state.started_ms) == (Phase.RUNNING, T0)


@pytest.mark.parametrize(
    ("ms", "seconds"), [(0, 0.0), (49, 0.0), (50, 0.1), (149, 0.1), (150, 0.2), (-10, 0.0)]
)
def test_tenths(ms, seconds):
    assert timers.tenths(ms) == seconds


@pytest.mark.parametrize(
    "bad",
    [
        lambda: timers.Spec(timers.Kind.COUNTDOWN),
        lambda: timers.Spec(timers.Kind.HOLDS, duration_ms=10_000),
        lambda: timers.Spec(timers.Kind.STOPWATCH),
    ],
)
def test_specs_need_their_lengths(bad):
    with pytest.raises(ValueError, match="needs"):
        bad()


# --- properties over any sequence of events ------------------------------------------------

SPECS = st.sampled_from([CHAIR, BALANCE, TUG, timers.stopwatch(screening.MAX_STS5_SECONDS)])
EVENT_LISTS = st.lists(
    st.tuples(st.sampled_from(timers.EVENTS), st.integers(min_value=0, max_value=40_000)),
    max_size=40,
).map(lambda pairs: _forward(pairs))


def _forward(pairs: list[tuple[timers.Event, int]]) -> list[tuple[timers.Event, int]]:
    """Gaps as times that only go forward (as performance.now() does)."""
    t, out = 0, []
    for event, gap in pairs:
        t += gap
        out.append((event, t))
    return out


@given(SPECS, EVENT_LISTS)
def test_any_events_keep_a_timer_sound(spec, events):
    """Whatever is clicked, in any order: counts never drop while running, a result exists
    only when done and fits its input, and only "reset" leaves DONE."""
    state = State()
    for event, now in events:
        after = timers.step(spec, state, event, now)
        if state.phase is Phase.DONE and event != "reset":
            assert after == state
        if after.phase is Phase.RUNNING and state.phase is Phase.RUNNING:
            assert after.count >= state.count
            # The same run goes on, unless a hold was held and the next stage started.
            assert after.started_ms == state.started_ms or after.stage == state.stage + 1
        if after.phase is not Phase.DONE:
            assert after.result is None
        elif after.result is not None:
            if spec.kind is timers.Kind.COUNTDOWN:
                assert after.result == after.count
                assert after.ended_ms - after.started_ms == spec.duration_ms
            elif spec.kind is timers.Kind.HOLDS:
                assert 0 <= after.result == after.held <= spec.stages
            else:
                assert 0 < after.result * 1000 <= spec.limit_ms
        assert timers.elapsed_ms(spec, after, now) >= 0
        if spec.kind is not timers.Kind.STOPWATCH:
            assert 0 <= timers.remaining_ms(spec, after, now) <= spec.duration_ms
        assert after.held <= after.stage <= max(spec.stages, 1)
        state = after


@given(EVENT_LISTS)
def test_countdown_counts_only_taps_inside_the_30_seconds(events):
    state = timers.run(CHAIR, events)
    # From the last (re)start that ran: the taps inside its 30 seconds.
    last_reset = max((i for i, (e, _) in enumerate(events) if e == "reset"), default=-1)
    after = events[last_reset + 1 :]
    first = next((i for i, (e, _) in enumerate(after) if e == "start"), None)
    if first is None:
        assert state.phase is Phase.READY
        return
    begin = after[first][1]
    inside = sum(1 for e, t in after[first + 1 :] if e == "tap" and t < begin + 30_000)
    assert state.count == inside
