"""`sitimer export --practice FILE` and `sitimer practice import FILE`: a home patient hands in their
history as a file (being built)."""

from __future__ import annotations

import argparse

from sitimer.core.notices import say


def cmd_export(args: argparse.Namespace) -> int:
    """Write this computer's history to one file for the therapist."""
    say("export --practice is not built yet")
    return 2


def cmd_import(args: argparse.Namespace) -> int:
    """Put a home patient's file on the practice's server, each session once."""
    say("practice import is not built yet")
    return 2
