"""A private PostgreSQL server for the tests: Debian's ``postgresql`` binaries, ``initdb`` and
``pg_ctl`` in a temporary folder, listening on a Unix socket in that folder only (and on
127.0.0.1 at a free port when asked, for TLS and password tests over TCP).

TLS: :class:`TestCA` makes a certificate authority with the ``openssl`` command (Debian's
``postgresql`` package brings it) and signs a server certificate for ``localhost``;
``PgServer(tcp=True, tls=ca.issue("localhost"))`` turns ``ssl`` on, and over TCP an account
other than ``postgres`` must then come with TLS (``hostssl`` in pg_hba.conf).

Run as root (CI), the server runs as the ``postgres`` user, which Debian's package makes:
PostgreSQL refuses to run as root. The superuser is ``postgres`` and may log in over the
socket without a password; every other account needs its password (scram-sha-256).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import psycopg

HBA = """\
local all postgres trust
local all all scram-sha-256
host all all 127.0.0.1/32 scram-sha-256
"""
HBA_TLS = """\
local all postgres trust
local all all scram-sha-256
hostssl all all 127.0.0.1/32 scram-sha-256
"""


def binaries() -> Path | None:
    """The folder of the newest installed PostgreSQL's server programs, if any."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: int(p.parent.parent.name))
    return found[-1].parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


NEW_KEY = ("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes")  # small and quick to make


def _openssl(*args: str | Path) -> None:
    subprocess.run(["openssl", *map(str, args)], check=True, capture_output=True, timeout=60)


class TestCA:
    """A certificate authority of its own in ``folder`` (``ca.crt``, ``ca.key``), as a practice makes one."""

    __test__ = False  # not a test class, whatever its name

    def __init__(self, folder: Path, name: str = "sitimer test CA") -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.cert = folder / "ca.crt"
        self.key = folder / "ca.key"
        authority = ("basicConstraints=critical,CA:TRUE", "keyUsage=keyCertSign,cRLSign")
        extensions = [arg for ext in authority for arg in ("-addext", ext)]
        new_cert = ("-x509", "-days", "30", "-subj", f"/CN={name}")
        _openssl("req", *new_cert, *NEW_KEY, *extensions, "-keyout", self.key, "-out", self.cert)

    def issue(self, host: str) -> tuple[Path, Path]:
        """A server certificate for ``host`` signed by this CA, and its key: (certificate, key)."""
        cert, key = self.folder / f"{host}.crt", self.folder / f"{host}.key"
        request, extensions = self.folder / f"{host}.csr", self.folder / f"{host}.ext"
        extensions.write_text(f"subjectAltName = DNS:{host}\nextendedKeyUsage = serverAuth\n")
        _openssl("req", "-new", *NEW_KEY, "-keyout", key, "-out", request, "-subj", f"/CN={host}")
        signed_by = ("-CA", self.cert, "-CAkey", self.key, "-CAcreateserial")
        _openssl(
            "x509", "-req", "-in", request, *signed_by, "-out", cert, "-days", "30", "-extfile", extensions
        )
        return cert, key


class PgServer:
    """One server in a fresh temporary folder; ``start`` and ``stop`` may be called again and again.

    ``tcp``: listen on 127.0.0.1 too, at a free port; ``tls``: (certificate, key) to turn ``ssl`` on with;
    ``durable``: commits wait for the disk as on a practice's server (the tests do without: ``fsync = off``).
    """

    def __init__(
        self, tcp: bool = False, tls: tuple[Path, Path] | None = None, durable: bool = False
    ) -> None:
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
        (self.data / "pg_hba.conf").write_text(HBA_TLS if tls else HBA)
        listen = "127.0.0.1" if tcp else ""
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.write(
                f"listen_addresses = '{listen}'\nport = {self.port}\n"
                f"unix_socket_directories = '{self.folder}'\nmax_connections = 60\n"
            )
            if not durable:
                conf.write("fsync = off\n")
            if tls:
                conf.write(self._tls_files(*tls))
        if self._as_postgres:
            shutil.chown(self.data / "pg_hba.conf", "postgres", "postgres")
        self.start()

    def _tls_files(self, cert: Path, key: Path) -> str:
        """The certificate and key copied into the data folder (the key readable by the server only)."""
        for source, name in ((cert, "server.crt"), (key, "server.key")):
            target = self.data / name
            shutil.copyfile(source, target)
            target.chmod(0o600)
            if self._as_postgres:
                shutil.chown(target, "postgres", "postgres")
        return "ssl = on\nssl_cert_file = 'server.crt'\nssl_key_file = 'server.key'\n"

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

    def tls_url(
        self, database: str, user: str, password: str, root_cert: Path, host: str = "localhost"
    ) -> str:
        """A URL over TCP that insists on TLS and checks the server's certificate against ``root_cert``."""
        return (
            f"postgresql://{user}:{password}@{host}:{self.port}/{database}"
            f"?sslmode=verify-full&sslrootcert={root_cert}"
        )

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


def server_session(code: str, **changes: object) -> dict[str, object]:
    """A session as a station puts it on the server (``put_session``): completed, of si-gewricht."""
    row: dict[str, object] = {
        "uuid": str(uuid.uuid4()),
        "station": "kiosk-a",
        "profile": code,
        "programme": "si-gewricht",
        "programme_title": "SI-gewricht",
        "programme_hash": "abc",
        "per_day_min": 2,
        "per_day_max": 2,
        "started_at": "2026-12-01T08:00:00.000000Z",
        "utc_offset_min": 60,
        "status": "completed",
        "simulated": 0,
        "steps_planned": 10,
        "dose_planned": "{}",
        "pain": None,
        "effort": None,
        "rev": 1,
    }
    return row | changes


def put_sessions(url: str, *sessions: dict[str, object]) -> None:
    """Put ``sessions`` on the server at ``url`` as a station does, one by one."""
    from sitimer.core.practice.server import connected

    with connected(url) as db:
        for session in sessions:
            db.execute("SELECT sitimer.put_session(%s::jsonb)", (json.dumps(session),))
