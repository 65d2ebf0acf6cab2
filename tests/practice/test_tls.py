"""A station talks to the practice's server over TLS (``sslmode=verify-full``): it sends when the
server's certificate was signed by the practice's own authority for the name the station uses, and
says in one line why it will not send otherwise — a certificate from another authority, a certificate
for another name — and a station that does not ask for TLS is turned away by the server."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from sitimer.core.history.store import HistoryStore
from sitimer.core.practice.sender import Waiting, send, waiting
from sitimer.core.practice.server import REFUSED, STATION_ROLE, PracticeError, connected, init
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.plan import build_plan
from tests.conftest import PROGRAMMES
from tests.helpers.history_data import record_session
from tests.helpers.pg_server import PgServer, TestCA

PASSWORD = "kiosk-tls-1"


@pytest.fixture(scope="module")
def authority(tmp_path_factory: pytest.TempPathFactory) -> TestCA:
    """The practice's own certificate authority."""
    return TestCA(tmp_path_factory.mktemp("practice-ca"), "Fysio Oost CA")


@pytest.fixture(scope="module")
def tls_server(authority: TestCA) -> Iterator[PgServer]:
    """A server on 127.0.0.1 with ``ssl = on``, its certificate for ``localhost`` from the practice's CA;
    a database set up by ``init`` and a station's account ``kiosk_tls``."""
    server = PgServer(tcp=True, tls=authority.issue("localhost"))
    try:
        init(server.create_database("practice"))
        server.create_login("kiosk_tls", PASSWORD, STATION_ROLE)
        yield server
    finally:
        server.close()


@pytest.fixture
def history(tmp_path: Path) -> Path:
    """A station's history with one finished session of ``si-gewricht`` (15 exercise steps)."""
    now = [datetime(2026, 12, 1, 8, tzinfo=UTC)]

    def clock() -> datetime:
        now[0] += timedelta(minutes=1)
        return now[0]

    store = HistoryStore(tmp_path / "history.db", now=clock)
    record_session(store, build_plan(load_file(PROGRAMMES / "si-gewricht.yaml")), profile="123456")
    store.close()
    return tmp_path / "history.db"


def _sessions_on(server: PgServer) -> int:
    with connected(server.url("practice")) as db:
        return int(db.execute("SELECT count(*) FROM sitimer.sessions").fetchone()[0])


def test_a_station_sends_over_tls_checking_the_certificate_against_the_practices_authority(
    tls_server: PgServer, authority: TestCA, history: Path
) -> None:
    url = tls_server.tls_url("practice", "kiosk_tls", PASSWORD, authority.cert)
    before = _sessions_on(tls_server)
    assert send(history, url, "kiosk-a") == Waiting(1, 15)
    assert not waiting(history)
    assert _sessions_on(tls_server) == before + 1
    with connected(url) as db:  # the station's own connection really is encrypted
        ssl, version = db.execute(
            "SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()"
        ).fetchone()
    assert ssl is True and version.startswith("TLS")


def test_a_server_whose_certificate_another_authority_signed_is_not_sent_to(
    tls_server: PgServer, history: Path, tmp_path: Path
) -> None:
    stranger = TestCA(tmp_path / "other-ca", "Someone else's CA")
    url = tls_server.tls_url("practice", "kiosk_tls", PASSWORD, stranger.cert)
    before = _sessions_on(tls_server)
    with pytest.raises(PracticeError) as refused:
        send(history, url, "kiosk-a")
    line = str(refused.value)
    assert "certificate verify failed" in line and "not trusted or not allowed" in line
    assert refused.value.kind == REFUSED  # a set-up to fix, not a server to wait for
    assert "\n" not in line and PASSWORD not in line and "kiosk_tls:***@localhost" in line
    assert waiting(history) == Waiting(1, 15)  # it waits, whole, for a server the station can trust
    assert _sessions_on(tls_server) == before


def test_a_certificate_for_another_name_than_the_station_uses_is_not_trusted(
    tls_server: PgServer, authority: TestCA, history: Path
) -> None:
    url = tls_server.tls_url("practice", "kiosk_tls", PASSWORD, authority.cert, host="127.0.0.1")
    with pytest.raises(PracticeError) as refused:
        send(history, url, "kiosk-a")
    assert 'server certificate for "localhost"' in str(refused.value)
    assert 'does not match host name "127.0.0.1"' in str(refused.value)
    assert refused.value.kind == REFUSED
    assert waiting(history) == Waiting(1, 15)


def test_a_station_that_does_not_ask_for_tls_is_turned_away_by_the_server(
    tls_server: PgServer, history: Path
) -> None:
    url = f"postgresql://kiosk_tls:{PASSWORD}@localhost:{tls_server.port}/practice?sslmode=disable"
    with pytest.raises(PracticeError) as refused:
        send(history, url, "kiosk-a")
    assert "no pg_hba.conf entry" in str(refused.value) and "no encryption" in str(refused.value)
    assert refused.value.kind == REFUSED
    assert PASSWORD not in str(refused.value)
    assert waiting(history) == Waiting(1, 15)
