"""A private PostgreSQL server for the tests: Debian's ``postgresql`` binaries, ``initdb`` and
``pg_ctl`` in a temporary folder, listening on a Unix socket in that folder only (and on
127.0.0.1 at a free port when asked, for TLS and password tests over TCP).

Run as root (CI), the server runs as the ``postgres`` user, which Debian's package makes:
PostgreSQL refuses to run as root. The superuser is ``postgres`` and may log in over the
socket without a password; every other account needs its password (scram-sha-256).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import psycopg

HBA = """\
local all postgres trust
local all all scram-sha-256
host all all 127.0.0.1/32 scram-sha-256
"""


def binaries() -> Path | None:
    """The folder of the newest installed PostgreSQL's server programs, if any."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: int(p.parent.parent.name))
    return found[-1].parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgServer:
    """One server in a fresh temporary folder; ``start`` and ``stop`` may be called again and again."""

    def __init__(self, tcp: bool = False) -> None:
        bin_dir = binaries()
        if bin_dir is None:
            raise RuntimeError("PostgreSQL is not installed: tools/system-deps.sh test installs it")
        self.bin = bin_dir
        self.folder = Path(tempfile.mkdtemp(prefix="sitimer-pg-"))
        self.data = self.folder / "data"
        self.port = _free_port() if tcp else 5432
        self.tcp = tcp
        self._as_postgres = os.geteuid() == 0
        if self._as_postgres:
            shutil.chown(self.folder, "postgres", "postgres")
        self.folder.chmod(0o755)
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync")
        (self.data / "pg_hba.conf").write_text(HBA)
        listen = "127.0.0.1" if tcp else ""
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.write(
                f"listen_addresses = '{listen}'\nport = {self.port}\n"
                f"unix_socket_directories = '{self.folder}'\nfsync = off\nmax_connections = 60\n"
            )
        if self._as_postgres:
            shutil.chown(self.data / "pg_hba.conf", "postgres", "postgres")
        self.start()

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.bin / program), *args]
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "log"), "-w", "start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def url(self, database: str = "postgres", user: str = "postgres", password: str | None = None) -> str:
        """A connection URL over the socket (or TCP when the server listens there)."""
        secret = f":{password}" if password else ""
        if self.tcp and user != "postgres":
            return f"postgresql://{user}{secret}@127.0.0.1:{self.port}/{database}"
        return f"postgresql://{user}{secret}@/{database}?host={self.folder}&port={self.port}"

    def create_database(self, name: str) -> str:
        """A new empty database; its superuser URL."""
        with psycopg.connect(self.url(), autocommit=True) as db:
            db.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def create_login(self, name: str, password: str, role: str) -> None:
        """A login account in ``role`` (the station's or the therapist's group role)."""
        with psycopg.connect(self.url(), autocommit=True) as db:
            db.execute(f'DROP ROLE IF EXISTS "{name}"')
            db.execute(f"CREATE ROLE \"{name}\" LOGIN PASSWORD '{password}' IN ROLE {role}")

    def close(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)
