"""A practice's PostgreSQL server: connecting, the schema with its versions, and the two roles.

Every station (a kiosk, a therapist's PC) keeps writing its own SQLite history first; what it
sends on arrives here (:mod:`sitimer.core.practice.sender`). The tables live in the schema
``sitimer``; a station's account (a member of ``sitimer_station``) may add sessions through the
functions below and read and write the kiosk codes and their programmes, but it cannot read the
tables of sessions: a station reads one code's sessions at a time, through ``sessions_of``. Only
the therapist's account (``sitimer_therapist``) reads across codes.

``init`` (``sitimer practice init URL``, run by the database's owner) creates or updates the
schema and the roles; it is safe to run again. Errors are :class:`PracticeError`, one line, with
the password never shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from sitimer.core.practice.tallies import TALLIES, TALLY_FUNCTIONS

STATION_ROLE = "sitimer_station"
THERAPIST_ROLE = "sitimer_therapist"
CONNECT_TIMEOUT_S = 5  # a station never waits longer on a server that does not answer

UNREACHABLE = "unreachable"  # the server is down, or the network: try again later
REFUSED = "refused"  # a wrong password, or an account not allowed to do this
NEWER = "newer"  # the server's schema was made by a newer sitimer
OTHER = "other"


class PracticeError(Exception):
    """What went wrong with the practice's server, in one line; ``kind`` is one of the kinds above."""

    def __init__(self, message: str, kind: str = OTHER) -> None:
        super().__init__(message)
        self.kind = kind


def is_practice_url(text: str) -> bool:
    """Whether ``text`` names a PostgreSQL server (``postgresql://…`` or ``postgres://…``)."""
    return text.startswith(("postgresql://", "postgres://"))


def redact(url: str) -> str:
    """The URL with its password replaced by ***, for messages and logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


def _one_line(err: BaseException, url: str) -> str:
    text = " ".join(str(err).split()) or type(err).__name__
    parts = urlsplit(url)
    if parts.password:
        text = text.replace(parts.password, "***")
    return text


# TLS and pg_hba.conf turning a station away: the server is there, the set-up needs a look.
_NOT_TRUSTED = (
    r"certificate verify failed|does not match host name|root certificate file|pg_hba\.conf"
    r"|SSL error|server does not support SSL"
)


def error_for(err: BaseException, url: str, doing: str) -> PracticeError:
    """A psycopg error as one calm line naming the server (never its password) and its kind."""
    import psycopg

    where = redact(url)
    line = _one_line(err, url)
    if isinstance(err, psycopg.errors.InsufficientPrivilege):
        return PracticeError(f"the practice server at {where} refused to {doing}: {line}", REFUSED)
    errors = psycopg.errors
    busy = (errors.DeadlockDetected, errors.SerializationFailure, errors.LockNotAvailable)
    if isinstance(err, busy):  # operational errors too, but the server is there: it asks to try again
        return PracticeError(f"the practice server at {where} was busy and could not {doing}: {line}")
    if isinstance(err, psycopg.OperationalError):
        if re.search(r"password authentication failed|no password supplied|role .* does not exist", line):
            return PracticeError(f"the practice server at {where} refused the login: {line}", REFUSED)
        if re.search(_NOT_TRUSTED, line):  # trying again every minute would not help: a set-up to fix
            return PracticeError(
                f"the connection to the practice server at {where} is not trusted or not allowed: {line}",
                REFUSED,
            )
        return PracticeError(f"the practice server at {where} cannot be reached: {line}", UNREACHABLE)
    return PracticeError(f"the practice server at {where} could not {doing}: {line}")


@contextmanager
def connected(url: str, doing: str = "be used", timeout_s: float = CONNECT_TIMEOUT_S) -> Iterator[Any]:
    """A connection to the server (autocommit), closed afterwards; every error as PracticeError."""
    import psycopg  # only a practice needs it: a patient at home never loads it

    try:
        db = psycopg.connect(url, autocommit=True, connect_timeout=max(1, round(timeout_s)))
    except (psycopg.Error, ValueError) as err:
        raise error_for(err, url, doing) from err
    try:
        yield db
    except psycopg.Error as err:
        raise error_for(err, url, doing) from err
    finally:
        db.close()


# -- the schema ------------------------------------------------------------------------------------
# Each entry moves the schema up one version; index i takes version i to i + 1. Times are text,
# ISO 8601 in UTC with a Z, as in the SQLite history: they sort, and rows read the same from both.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE sitimer.sessions (
        id bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        uuid uuid PRIMARY KEY,
        station text NOT NULL DEFAULT '',
        profile text NOT NULL DEFAULT '',
        programme text NOT NULL,
        programme_title text NOT NULL DEFAULT '',
        programme_hash text NOT NULL,
        per_day_min integer NOT NULL,
        per_day_max integer NOT NULL,
        started_at text NOT NULL,
        utc_offset_min integer NOT NULL,
        ended_at text,
        status text NOT NULL DEFAULT 'in_progress',
        simulated integer NOT NULL DEFAULT 0,
        steps_planned integer NOT NULL,
        dose_planned text NOT NULL DEFAULT '{}',
        pain_before integer,
        pain integer,
        effort real,
        note text,
        dose_share real,
        rev integer NOT NULL DEFAULT 1,
        received_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX sessions_by_profile ON sitimer.sessions (profile, started_at);
    CREATE TABLE sitimer.steps (
        id bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        uuid uuid PRIMARY KEY,
        session_uuid uuid NOT NULL REFERENCES sitimer.sessions (uuid),
        step integer NOT NULL,
        kind text NOT NULL,
        exercise text,
        set_no integer,
        side text,
        reps integer,
        seconds real NOT NULL,
        skipped integer NOT NULL,
        ended_at text NOT NULL
    );
    CREATE INDEX steps_by_session ON sitimer.steps (session_uuid);
    CREATE TABLE sitimer.codes (
        code text PRIMARY KEY,
        programmes jsonb NOT NULL DEFAULT '[]',
        station text NOT NULL DEFAULT '',
        updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE sitimer.programmes (
        ref text PRIMARY KEY,
        content text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
    );
    """,
    # 2: the therapist's overview reads the tallies a trigger keeps (see TALLIES), never the sessions
    f"""
    LOCK TABLE sitimer.sessions IN SHARE MODE;
    CREATE TABLE sitimer.code_days (
        profile text NOT NULL,
        programme text NOT NULL,
        day date NOT NULL,
        sessions integer NOT NULL DEFAULT 0,
        done integer NOT NULL DEFAULT 0,
        pain_sum integer NOT NULL DEFAULT 0,
        pain_n integer NOT NULL DEFAULT 0,
        effort_sum double precision NOT NULL DEFAULT 0,
        effort_n integer NOT NULL DEFAULT 0,
        run_done bigint NOT NULL DEFAULT 0,
        run_pain_sum bigint NOT NULL DEFAULT 0,
        run_pain_n bigint NOT NULL DEFAULT 0,
        run_effort_sum double precision NOT NULL DEFAULT 0,
        run_effort_n bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (profile, programme, day)
    );
    CREATE INDEX code_days_by_day ON sitimer.code_days (day)  -- the overview reads only this
        INCLUDE (profile, programme, run_done, run_pain_sum, run_pain_n, run_effort_sum, run_effort_n);
    CREATE TABLE sitimer.code_programmes (
        profile text NOT NULL,
        programme text NOT NULL,
        title text NOT NULL,
        per_day integer NOT NULL,
        first_day date NOT NULL,
        last_day date NOT NULL,
        last_started text NOT NULL,
        last_station text NOT NULL,
        run_done bigint NOT NULL DEFAULT 0,
        run_pain_sum bigint NOT NULL DEFAULT 0,
        run_pain_n bigint NOT NULL DEFAULT 0,
        run_effort_sum double precision NOT NULL DEFAULT 0,
        run_effort_n bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (profile, programme)
    );
    {TALLIES}
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)

# Functions and grants: made again by every init, so a newer sitimer can change them.
SESSION_FIELDS = (
    "station, profile, programme, programme_title, programme_hash, per_day_min, per_day_max, started_at,"
    " utc_offset_min, ended_at, status, simulated, steps_planned, dose_planned, pain_before, pain, effort,"
    " note, dose_share, rev"
)
STEP_FIELDS = "session_uuid, step, kind, exercise, set_no, side, reps, seconds, skipped, ended_at"
_UPDATES = ", ".join(f"{name} = EXCLUDED.{name}" for name in SESSION_FIELDS.split(", ") if name != "station")
FUNCTIONS = f"""
CREATE OR REPLACE FUNCTION sitimer.put_session(s jsonb) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = sitimer, pg_temp AS $$
    INSERT INTO sitimer.sessions (uuid, {SESSION_FIELDS})
    SELECT uuid, {SESSION_FIELDS} FROM jsonb_populate_record(NULL::sitimer.sessions, s)
    ON CONFLICT (uuid) DO UPDATE SET {_UPDATES}
    WHERE sessions.rev <= EXCLUDED.rev
$$;
CREATE OR REPLACE FUNCTION sitimer.put_steps(steps jsonb) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = sitimer, pg_temp AS $$
    INSERT INTO sitimer.steps (uuid, {STEP_FIELDS})
    SELECT uuid, {STEP_FIELDS} FROM jsonb_populate_recordset(NULL::sitimer.steps, steps)
    ON CONFLICT (uuid) DO NOTHING
$$;
CREATE OR REPLACE FUNCTION sitimer.sessions_of(code text) RETURNS SETOF sitimer.sessions
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = sitimer, pg_temp AS $$
    SELECT * FROM sitimer.sessions WHERE profile = code ORDER BY started_at, id
$$;
CREATE OR REPLACE FUNCTION sitimer.steps_of(code text) RETURNS SETOF sitimer.steps
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = sitimer, pg_temp AS $$
    SELECT t.* FROM sitimer.steps t JOIN sitimer.sessions s ON s.uuid = t.session_uuid
    WHERE s.profile = code ORDER BY t.id
$$;
{TALLY_FUNCTIONS}
DROP TRIGGER IF EXISTS session_counted ON sitimer.sessions;
CREATE TRIGGER session_counted AFTER INSERT OR UPDATE OR DELETE ON sitimer.sessions
    FOR EACH ROW EXECUTE FUNCTION sitimer.session_counted();
REVOKE ALL ON ALL TABLES IN SCHEMA sitimer FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA sitimer FROM PUBLIC;
GRANT USAGE ON SCHEMA sitimer TO {STATION_ROLE}, {THERAPIST_ROLE};
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA sitimer TO {STATION_ROLE}, {THERAPIST_ROLE};
GRANT SELECT ON sitimer.schema_version TO {STATION_ROLE}, {THERAPIST_ROLE};
GRANT SELECT, INSERT, UPDATE, DELETE ON sitimer.codes, sitimer.programmes TO {STATION_ROLE}, {THERAPIST_ROLE};
GRANT SELECT ON sitimer.sessions, sitimer.steps TO {THERAPIST_ROLE};
GRANT SELECT ON sitimer.code_days, sitimer.code_programmes TO {THERAPIST_ROLE};
REVOKE EXECUTE ON FUNCTION sitimer.count_session(sitimer.sessions, integer), sitimer.session_counted(),
    sitimer.recount(text, text, date), sitimer.refigure(text, text, date) FROM {STATION_ROLE};
REVOKE EXECUTE ON FUNCTION sitimer.count_session(sitimer.sessions, integer), sitimer.session_counted(),
    sitimer.recount(text, text, date), sitimer.refigure(text, text, date) FROM {THERAPIST_ROLE};
"""


def schema_version(db: Any) -> int:
    """The server's schema version: 0 when sitimer's schema is not there yet."""
    found = db.execute("SELECT to_regclass('sitimer.schema_version')").fetchone()[0]
    if found is None:
        return 0
    row = db.execute("SELECT version FROM sitimer.schema_version").fetchone()
    return int(row[0]) if row else 0


def check_version(db: Any, url: str) -> None:
    """PracticeError unless the server's schema is the one this sitimer writes."""
    version = schema_version(db)
    if version > SCHEMA_VERSION:
        raise PracticeError(
            f"the practice server at {redact(url)} was set up by a newer sitimer (schema {version}); "
            "update sitimer on this computer",
            NEWER,
        )
    if version < SCHEMA_VERSION:
        raise PracticeError(
            f"the practice server at {redact(url)} is not set up for this sitimer (schema {version}, "
            f"needs {SCHEMA_VERSION}): run `sitimer practice init URL` as its owner",
            OTHER,
        )


def init(url: str) -> int:
    """Create or update sitimer's schema, functions, roles and grants; returns the schema version."""
    with connected(url, "set up the practice's schema") as db, db.transaction():
        db.execute("SELECT pg_advisory_xact_lock(hashtext('sitimer schema'))")  # two inits at once: one waits
        for role in (STATION_ROLE, THERAPIST_ROLE):
            if db.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone() is None:
                db.execute(f"CREATE ROLE {role} NOLOGIN")
        db.execute("CREATE SCHEMA IF NOT EXISTS sitimer")
        db.execute("CREATE TABLE IF NOT EXISTS sitimer.schema_version (version integer NOT NULL)")
        version = schema_version(db)
        if version > SCHEMA_VERSION:
            where = redact(url)
            raise PracticeError(
                f"the practice server at {where} was set up by a newer sitimer (schema {version})", NEWER
            )
        for number in range(version, SCHEMA_VERSION):
            for statement in MIGRATIONS[number].split(";"):
                if statement.strip():
                    db.execute(statement)
        db.execute("DELETE FROM sitimer.schema_version")
        db.execute("INSERT INTO sitimer.schema_version VALUES (%s)", (SCHEMA_VERSION,))
        db.execute(FUNCTIONS)
    return SCHEMA_VERSION


def add_account(url: str, name: str, password: str, role: str) -> None:
    """A login account for a station or a therapist (the owner's URL); its password changed when it exists."""
    from psycopg import sql

    if role not in (STATION_ROLE, THERAPIST_ROLE):
        raise ValueError(role)
    with connected(url, "add the account") as db, db.transaction():
        exists = db.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone()
        verb = "ALTER" if exists else "CREATE"
        login = sql.SQL(verb + " ROLE {} LOGIN PASSWORD {}")
        db.execute(login.format(sql.Identifier(name), sql.Literal(password)))
        db.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(role), sql.Identifier(name)))
