"""`sitimer practice report`: the therapist's overview of every code on the practice's server
(being built)."""

from __future__ import annotations

import argparse

from sitimer.core.notices import say


def cmd_overview(args: argparse.Namespace) -> int:
    """Print every code's figures, who is falling behind first."""
    say("practice report is not built yet")
    return 2
