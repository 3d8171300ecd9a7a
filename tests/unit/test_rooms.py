"""A presenter's two tabs follow each other through a room (lib.scenes.Rooms)."""

from __future__ import annotations

from lib.scenes import ROOM_CODE, Rooms


def test_a_tab_that_moved_publishes_and_the_other_follows():
    rooms = Rooms()
    projector_seen, move = rooms.sync("r", "a", 0)
    assert move is None
    assert projector_seen == 1
    notes_seen, move = rooms.sync("r", "a", 0)  # the notes tab opens on the same scene
    assert move is None
    assert notes_seen == 1
    notes_seen, move = rooms.sync("r", "b", notes_seen)  # the presenter moves on
    assert move is None
    assert notes_seen == 2
    projector_seen, move = rooms.sync("r", "a", projector_seen)  # the projector polls
    assert (projector_seen, move) == (2, "b")
    assert rooms.sync("r", "b", projector_seen) == (2, None)  # it arrived: nothing changes


def test_rooms_are_separate_and_the_oldest_are_forgotten():
    rooms = Rooms(limit=2)
    rooms.publish("one", "a")
    rooms.publish("two", "b")
    rooms.publish("one", "a2")  # "one" moved last: "two" is now the oldest
    rooms.publish("three", "c")
    assert rooms.get("two") is None
    assert rooms.get("one") == (2, "a2")
    assert rooms.get("three") == (1, "c")


def test_publishing_the_same_scene_keeps_the_version():
    rooms = Rooms()
    assert rooms.publish("r", "a") == 1
    assert rooms.publish("r", "a") == 1
    assert rooms.publish("r", "b") == 2


def test_room_codes_are_eight_hex_digits():
    assert ROOM_CODE.match("0a1b2c3d")
    for bad in ("", "0a1b2c3", "0a1b2c3dd", "0A1B2C3D", "<script>"):
        assert not ROOM_CODE.match(bad)
