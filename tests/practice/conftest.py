"""One private PostgreSQL server for the practice tests (tests/helpers/pg_server.py), and a fresh
database set up by ``sitimer practice init`` for each test."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

from sitimer.core.practice.server import init
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
