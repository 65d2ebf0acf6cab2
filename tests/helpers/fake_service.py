"""A Unix socket that takes connections and answers what a test says (or, stuck, nothing)."""

from __future__ import annotations

import socket
import threading
from pathlib import Path


class FakeService:
    """Listens at ``path``; every question gets ``answer``, or no answer at all when it is None."""

    def __init__(self, path: Path, answer: bytes | None = None) -> None:
        self.path = path
        self.answer = answer
        self.questions: list[bytes] = []
        self._server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._kept: list[socket.socket] = []

    def __enter__(self) -> FakeService:
        self._server.bind(str(self.path))
        self._server.listen()
        threading.Thread(target=self._serve, daemon=True).start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._server.close()
        for conn in self._kept:
            conn.close()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self._server.accept()
            except OSError:
                return
            self._kept.append(conn)  # a stuck service keeps the connection open, unanswered
            self.questions.append(conn.recv(256))
            if self.answer is not None:
                conn.sendall(self.answer)
