"""One private PostgreSQL server for the practice tests (tests/helpers/pg_server.py), and a fresh
database set up by ``sitimer practice init`` for each test."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

from sitimer.core.practice.server import init
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.plan import Plan, build_plan
from tests.conftest import PROGRAMMES
from tests.helpers.pg_server import PgServer

_numbers = itertools.count()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    server = PgServer()
    yield server
    server.close()


@pytest.fixture
def practice_url(pg_server: PgServer) -> str:
    """The owner's URL of a new database with sitimer's schema."""
    url = pg_server.create_database(f"practice_{next(_numbers)}")
    init(url)
    return url


@pytest.fixture(scope="session")
def plan() -> Plan:
    """The plan of si-gewricht, the sessions most practice tests record."""
    return build_plan(load_file(PROGRAMMES / "si-gewricht.yaml"))
