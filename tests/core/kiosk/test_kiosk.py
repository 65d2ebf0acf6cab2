"""The kiosk's pure parts: the PIN, wrong-PIN delays, idle time, the config file, patient codes."""

from __future__ import annotations

import hashlib
import json
import stat
from datetime import UTC, date, datetime, timedelta

import pytest

from sitimer.core.clock import FakeClock
from sitimer.core.history.adherence import Figures, figures
from sitimer.core.history.store import HistoryStore
from sitimer.core.kiosk.config import (
    KioskConfig,
    KioskConfigStore,
    programme_ref,
    resolve_programme,
    valid_code,
)
from sitimer.core.kiosk.idle import IdleDeadline
from sitimer.core.kiosk.pin import (
    CODE_FORGET_S,
    PinCheck,
    PinGate,
    PinHash,
    backoff_s,
    code_tries,
    hash_pin,
    valid_pin,
    verify_pin,
)
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.plan import build_plan
from sitimer.core.session.recorder import session_start
from sitimer.core.settings import kiosk_in_settings
from tests.conftest import PROGRAMMES


def cheap_pin(pin: str) -> PinHash:
    """A PIN hashed at a tiny scrypt cost (the cost is stored with it), so tries cost no time."""
    salt = b"test-salt-16byte"
    return PinHash(salt, hashlib.scrypt(pin.encode(), salt=salt, n=16, r=8, p=1, dklen=32), n=16)


# -- the PIN -------------------------------------------------------------------------------------
def test_a_pin_is_kept_salted_and_only_itself_opens():
    first, second = hash_pin("2468"), hash_pin("2468")
    assert first.salt != second.salt and first.digest != second.digest  # one PIN, two hashes
    assert verify_pin("2468", first) and verify_pin("2468", second)
    assert not verify_pin("2469", first) and not verify_pin("", first) and not verify_pin("24680", first)
    assert b"2468" not in json.dumps(first.to_json()).encode()


def test_a_stored_pin_reads_back_and_a_tampered_one_is_refused():
    stored = hash_pin("135790")
    again = PinHash.from_json(json.loads(json.dumps(stored.to_json())))
    assert again == stored and verify_pin("135790", again)
    for bad in (
        {**stored.to_json(), "scheme": "md5"},
        {**stored.to_json(), "n": 1000},  # not a power of two
        {**stored.to_json(), "n": 2**30},  # a denial of service, not a cost
        {**stored.to_json(), "salt": "zz"},
        {**stored.to_json(), "hash": ""},
        "2468",
    ):
        with pytest.raises(ValueError):
            PinHash.from_json(bad)


def test_wrong_pins_wait_0_1_2_4_8_seconds_up_to_a_minute():
    assert [backoff_s(n) for n in range(1, 11)] == [0, 1, 2, 4, 8, 16, 32, 60, 60, 60]


def test_the_gate_refuses_unread_during_the_delay_and_opens_after_it():
    clock = FakeClock()
    gate = PinGate(cheap_pin("2468"), clock)
    assert gate.attempt("1111").check is PinCheck.WRONG  # first wrong try: no wait yet
    assert gate.wait_s() == 0
    second = gate.attempt("2222")
    assert (second.check, second.wait_s) == (PinCheck.WRONG, 1.0)
    clock.advance(0.5)
    refused = gate.attempt("2468")  # the right PIN, but too soon: not even read
    assert (refused.check, refused.wait_s) == (PinCheck.WAIT, 0.5)
    assert gate.failures == 2  # a refused try does not count, nor lengthen the delay
    clock.advance(0.5)
    assert gate.attempt("3333").wait_s == 2.0  # third wrong: two seconds
    clock.advance(2.0)
    assert gate.attempt("4444").wait_s == 4.0
    clock.advance(4.0)
    assert gate.attempt("2468").check is PinCheck.RIGHT
    assert gate.failures == 0
    assert gate.attempt("5555").wait_s == 0  # the count started again


def test_a_long_run_of_wrong_pins_waits_a_minute_at_most():
    clock = FakeClock()
    gate = PinGate(cheap_pin("2468"), clock)
    for _ in range(12):
        clock.advance(gate.wait_s())
        result = gate.attempt("0000")
    assert result.wait_s == 60.0


class Wall:
    """The time of day as seconds since the epoch, moved by hand (the kiosk off, the night)."""

    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def test_a_restart_does_not_reset_the_wrong_pins(tmp_path):
    state = tmp_path / "kiosk-pin.json"
    clock = FakeClock()
    wall = Wall()
    gate = PinGate(cheap_pin("2468"), clock, state=state, wall=wall)
    for _ in range(4):
        clock.advance(gate.wait_s())
        wall.now += gate.wait_s()
        gate.attempt("0000")
    assert gate.wait_s() == 4.0
    wall.now += 1.0
    again = PinGate(cheap_pin("2468"), FakeClock(), state=state, wall=wall)  # the kiosk restarted
    assert again.failures == 4 and again.wait_s() == 3.0  # the delay goes on where it was
    assert again.attempt("2468").check is PinCheck.WAIT
    again.clock.advance(3.0)
    assert again.attempt("2468").check is PinCheck.RIGHT
    assert PinGate(cheap_pin("2468"), FakeClock(), state=state).wait_s() == 0  # the right PIN cleared it


def test_without_a_pin_nothing_opens():
    assert PinGate(None, FakeClock()).attempt("2468").check is PinCheck.NO_PIN


# -- codes ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("code", ["123456", "004217", "12345678"])
def test_codes_are_six_to_eight_digits(code):
    assert valid_code(code)


@pytest.mark.parametrize(
    "code", ["", "12", "123", "0042", "12345", "123456789", "12a456", "123 456", "-12345", "١٢٣٤٥٦", "1234.5"]
)
def test_anything_else_is_not_a_new_code(code):
    assert not valid_code(code)
    with pytest.raises(ValueError):
        KioskConfig().assign(code, ["si-gewricht.yaml"])


def test_an_older_configs_short_codes_still_open_with_a_notice_to_renew_them(tmp_path):
    path = tmp_path / "kiosk.json"
    path.write_text(json.dumps({"codes": {"042": ["a.yaml"], "1234": ["b.yaml"], "123456": ["c.yaml"]}}))
    store = KioskConfigStore(path)
    config = store.load()
    assert list(config.codes) == ["042", "1234", "123456"]  # a patient's card keeps working
    [notice] = store.notices
    assert "042, 1234" in notice and "shorter than 6 digits" in notice and "new code" in notice
    assert list(config.assign("042", ["d.yaml"]).codes) == ["042", "1234", "123456"]  # still editable
    assert list(config.assign("1234", []).codes) == ["042", "123456"]  # and removable
    path.write_text(json.dumps({"codes": {"4217": ["a.yaml"], "123456": ["c.yaml"]}}))
    one = KioskConfigStore(path)
    one.load()
    assert (
        "code 4217 is shorter than 6 digits" in one.notices[0] and "this patient a new code" in one.notices[0]
    )
    with pytest.raises(ValueError, match="6 to 8 digits"):
        config.assign("4321", ["a.yaml"])  # a new one must be long


def test_wrong_codes_slow_down_are_kept_across_restarts_and_fade_only_with_time(tmp_path):
    state, clock, wall = tmp_path / "kiosk-codes.json", FakeClock(), Wall()
    tries = code_tries(clock, state, wall)
    waits = []
    for _ in range(10):  # 300 wrong codes no longer fit in seconds: 10 take over four minutes
        clock.advance(tries.wait_s())
        wall.now += tries.wait_s()
        waits.append(tries.wrong())
    assert waits == [0, 1, 2, 4, 8, 16, 32, 60, 60, 60]
    wall.now += 20  # 20 s of the minute's wait gone, then the kiosk restarted (a crash, unplugged)
    again = code_tries(FakeClock(), state, wall)
    assert again.failures == 10 and again.wait_s() == 40  # a restart buys a guesser nothing
    again.clock.advance(40)
    wall.now += 40
    assert again.wait_s() == 0 and again.failures == 10  # a right code clears nothing: none is asked
    again.clock.advance(CODE_FORGET_S * 8)  # forty quiet minutes: one typo fewer each five
    wall.now += CODE_FORGET_S * 8
    assert again.failures == 2 and json.loads(state.read_text())["failures"] == 2
    assert again.wrong() == 2.0  # the third in a while waits two seconds


def test_the_time_a_kiosk_was_off_counts_as_time_without_a_wrong_code(tmp_path):
    """The count was kept with no time: each start locked the keypad at once ("Wait 9 seconds…"),
    and a count never read before the kiosk closed never faded, however long it was off."""
    state, wall = tmp_path / "kiosk-codes.json", Wall()
    tries = code_tries(FakeClock(), state, wall)
    for _ in range(5):
        tries.clock.advance(tries.wait_s())
        wall.now += tries.wait_s()
        tries.wrong()
    wall.now += 12 * 3600  # closed for the night
    morning = code_tries(FakeClock(), state, wall)
    assert morning.wait_s() == 0 and morning.failures == 0  # the first patient types at once


def test_a_count_kept_by_an_older_sitimer_waits_its_delay_again(tmp_path):
    state = tmp_path / "kiosk-codes.json"
    state.write_text(json.dumps({"failures": 4}))  # no times in it
    tries = code_tries(FakeClock(), state, Wall())
    assert tries.failures == 4 and tries.wait_s() == 4  # from the start, whole


def test_pins_are_four_to_twelve_digits():
    assert valid_pin("2468") and valid_pin("1" * 12)
    assert not valid_pin("246") and not valid_pin("1" * 13) and not valid_pin("24x8")


# -- idle ----------------------------------------------------------------------------------------
def test_idle_is_two_minutes_after_the_last_input():
    clock = FakeClock()
    idle = IdleDeadline(clock, 120)
    clock.advance(100)
    assert not idle.expired() and idle.remaining_s() == 20
    idle.touch()
    clock.advance(119.9)
    assert not idle.expired()
    clock.advance(0.1)
    assert idle.expired() and idle.remaining_s() == 0


# -- the config file -----------------------------------------------------------------------------
def test_the_config_round_trips_and_is_private(tmp_path):
    store = KioskConfigStore.in_folder(tmp_path / "data")
    assert store.load() == KioskConfig()  # nothing yet: no PIN, no codes
    config = KioskConfig(pin=hash_pin("2468"), idle_minutes=3.5, station="programmes/station.yaml")
    config = config.assign("567890", ["si-blokkade-herstel.yaml"]).assign(
        "012345", ["si-gewricht.yaml", "programmes/own.yaml", "si-gewricht.yaml"]
    )
    store.save(config)
    again = KioskConfigStore(store.path).load()
    assert again == config
    assert list(again.codes) == ["012345", "567890"]  # sorted; the leading zero kept
    assert again.codes["012345"] == ("si-gewricht.yaml", "programmes/own.yaml")  # once each
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(store.path.parent.stat().st_mode) == 0o700  # the folder made for it, too
    assert [p.name for p in store.path.parent.iterdir()] == ["kiosk.json"]  # no temporary left
    assert again.assign("012345", []).codes.keys() == {"567890"}  # no programmes: the code goes
    assert json.loads(store.path.read_text())["pin"]["scheme"] == "scrypt"
    assert again.public_json()["pin"] is True


def test_a_corrupt_config_is_moved_aside_never_deleted(tmp_path):
    path = tmp_path / "kiosk.json"
    path.write_text('{"pin": {"scheme": "scrypt", ')  # cut off mid-write by hand
    store = KioskConfigStore(path)
    assert store.load() == KioskConfig()
    [aside] = tmp_path.glob("kiosk.json.broken-*")
    assert aside.read_text() == '{"pin": {"scheme": "scrypt", '
    [notice] = store.notices
    assert "could not be read" in notice and aside.name in notice and "\n" not in notice
    assert not path.exists()


def test_one_bad_value_falls_back_alone(tmp_path):
    path = tmp_path / "kiosk.json"
    good = hash_pin("2468").to_json()
    path.write_text(
        json.dumps(
            {
                "pin": good,
                "idle_minutes": "soon",
                "codes": {"123456": ["a.yaml"], "12": ["b.yaml"], "567890": "c.yaml"},
                "station": 7,
            }
        )
    )
    store = KioskConfigStore(path)
    config = store.load()
    assert config.pin is not None and verify_pin("2468", config.pin)
    assert config.idle_minutes == 2.0 and config.codes == {"123456": ("a.yaml",)} and config.station is None
    assert len(store.notices) == 4 and path.exists()  # nothing moved: only the bad values left out


def test_programme_files_are_named_relative_to_the_data_or_bundled_folder(tmp_path):
    data, bundled = tmp_path / "data", PROGRAMMES
    (data / "programmes").mkdir(parents=True)
    own = data / "programmes" / "own.yaml"
    own.write_text("id: own\n")
    assert programme_ref(own, data, bundled) == "programmes/own.yaml"
    assert programme_ref(bundled / "si-gewricht.yaml", data, bundled) == "si-gewricht.yaml"
    assert programme_ref(tmp_path / "x.yaml", data, bundled) == str((tmp_path / "x.yaml").resolve())
    assert resolve_programme("programmes/own.yaml", data, bundled) == own
    assert resolve_programme("si-gewricht.yaml", data, bundled) == bundled / "si-gewricht.yaml"
    assert resolve_programme(str(own), tmp_path / "elsewhere", bundled) == own
    assert resolve_programme("gone.yaml", data, bundled) == data / "gone.yaml"  # shown as missing


def test_kiosk_true_in_the_settings_asks_for_the_kiosk(tmp_path):
    assert not kiosk_in_settings(tmp_path)
    (tmp_path / "settings.json").write_text('{"kiosk": true, "voice": false}')
    assert kiosk_in_settings(tmp_path)
    (tmp_path / "settings.json").write_text('{"kiosk": "yes"}')
    assert not kiosk_in_settings(tmp_path)
    (tmp_path / "settings.json").write_text("{kiosk")
    assert not kiosk_in_settings(tmp_path) and (tmp_path / "settings.json").exists()


# -- a patient's figures -------------------------------------------------------------------------
def test_figures_count_the_week_from_the_first_session(tmp_path, si_gewricht):
    """Started on Wednesday, 2× a day: Wednesday and Thursday both, Friday (today) one so far."""
    plan = build_plan(load_file(si_gewricht))
    now = [datetime(2026, 11, 4, 7, tzinfo=UTC)]
    store = HistoryStore(tmp_path / "history.db", now=lambda: now[0])
    for day, hour in ((0, 7), (0, 18), (1, 7), (1, 18), (2, 7)):
        now[0] = datetime(2026, 11, 4, hour, tzinfo=UTC) + timedelta(days=day)
        store.end(store.begin(session_start(plan, simulated=False, profile="1234")), "completed")
    store.end(store.begin(session_start(plan, simulated=True, profile="1234")), "completed")
    sessions = store.sessions(profile="1234", include_simulated=True)
    got = figures(sessions, per_day=2, today=date(2026, 11, 6))  # Friday's evening may still come
    assert got == Figures(sessions=5, week_percent=100.0, streak_days=2, today_done=1, per_day=2)
    saturday = figures(sessions, per_day=2, today=date(2026, 11, 7))  # Friday's evening was missed
    assert saturday.week_percent == pytest.approx(100 * 5 / 6) and saturday.today_done == 0
    empty = figures([], per_day=2, today=date(2026, 11, 6))
    assert (empty.sessions, empty.week_percent, empty.streak_days) == (0, None, 0)
