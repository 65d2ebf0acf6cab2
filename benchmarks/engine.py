"""Benchmark: programme load + plan time, and session-engine cost per wake-up.

What is measured, for every bundled programme (``sitimer.core.paths.bundled_programmes()``):

* ``load_file`` (read, YAML compose, check) and ``build_plan`` (default phases and
  ``all_phases=True``), each timed on its own over ``--repeat`` calls: median and p95.
* The engine on a whole session: ``SessionEngine(plan, FakeClock(), auto=True)`` is
  started and then woken exactly at ``next_deadline()`` each time (``clock.now =
  deadline``, then ``advance()``), as the Qt driver's single timer would, until the
  session finishes. Every ``advance()`` and ``next_deadline()`` call is timed on its
  own; the walk is repeated ``--walks`` times and the samples pooled: wake-up count,
  median, p99 and max per call, plus the engine's total time for the whole session
  (construction + ``start()`` + every ``advance()`` and ``next_deadline()``) and the
  process CPU time of a whole walk, harness included.

How: ``perf_counter_ns`` around each single call (its own overhead is measured and
printed, not subtracted), ``process_time_ns`` around each walk, a few untimed warm-up
calls first, garbage collector left on as in the app. The fake clock means no
waiting: the whole run takes a few seconds.

Run: ``.venv/bin/python benchmarks/engine.py`` for a table, ``--json`` for
machine-readable output; ``--repeat`` and ``--walks`` change the repetitions.

``--scaling`` measures instead how the cost grows with the size of the input, to show
that each check is linear (issue 15, item 6): ``load_text`` of a file with N unknown
fields (N problems), ``load_text`` of a file with N exercises (over the limit of 100,
so every one is still checked), and ``SessionEngine(plan)`` (its cue schedule) plus one
``session_remaining_s()`` per step for a plan of N steps (built from an exercise
repeated, past the loader's limits). Each figure is the best of ``--repeat`` runs (at
most 5) by ``perf_counter``; linear means the cost per item stays flat as N doubles.
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import gc
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sitimer.core.clock import FakeClock
from sitimer.core.paths import bundled_programmes
from sitimer.core.programme.loader import load_file, load_text
from sitimer.core.programme.plan import Plan, build_plan
from sitimer.core.programme.reader import ProgrammeError
from sitimer.core.session.engine import Event, EventKind, SessionEngine, State

WARM_UP = 5
WAKE_KINDS = ("second", "cue", "rep", "step change")


def wake_kind(events: list[Event]) -> str:
    """What a wake-up did, by the weightiest event it handed out."""
    kinds = {e.kind for e in events}
    if EventKind.STEP_STARTED in kinds:
        return "step change"
    if EventKind.REP in kinds:
        return "rep"
    return "cue" if EventKind.CUE in kinds else "second"


def percentile(samples: list[int], q: float) -> int:
    """Nearest-rank percentile (q in 0..100) of nanosecond samples."""
    ordered = sorted(samples)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def summary(samples: list[int]) -> dict[str, float]:
    """Count, median, p95, p99 and max of nanosecond samples, in microseconds."""
    return {
        "n": len(samples),
        "median_us": statistics.median(samples) / 1e3,
        "p95_us": percentile(samples, 95) / 1e3,
        "p99_us": percentile(samples, 99) / 1e3,
        "max_us": max(samples) / 1e3,
    }


def time_calls(call: Callable[[], object], repeat: int) -> list[int]:
    """Nanoseconds of ``repeat`` single calls, after a few untimed ones."""
    for _ in range(WARM_UP):
        call()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter_ns()
        call()
        samples.append(time.perf_counter_ns() - start)
    return samples


def timer_overhead_ns(repeat: int = 10_000) -> float:
    """Median cost of an empty ``perf_counter_ns`` pair: included in every sample."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter_ns()
        samples.append(time.perf_counter_ns() - start)
    return statistics.median(samples)


def bench_load(path: Path, repeat: int) -> dict[str, Any]:
    """Load and plan times of one programme file."""
    programme = load_file(path)
    return {
        "load_file": summary(time_calls(lambda: load_file(path), repeat)),
        "build_plan": summary(time_calls(lambda: build_plan(programme), repeat)),
        "build_plan_all_phases": summary(time_calls(lambda: build_plan(programme, all_phases=True), repeat)),
    }


def walk(plan: Plan) -> dict[str, Any]:
    """One whole session on a fake clock, woken exactly at each deadline; every call timed."""
    cpu_start = time.process_time_ns()
    clock = FakeClock()
    t0 = time.perf_counter_ns()
    engine = SessionEngine(plan, clock, auto=True)
    t1 = time.perf_counter_ns()
    engine.start()
    t2 = time.perf_counter_ns()
    construct_ns, start_ns = t1 - t0, t2 - t1
    advance: list[int] = []
    by_kind: dict[str, list[int]] = {kind: [] for kind in WAKE_KINDS}
    deadline: list[int] = []
    events = empty = most = 0
    limit = 10 * int(plan.total_s) + 10 * len(plan.steps) + 100  # far more than a session can need
    while True:
        t0 = time.perf_counter_ns()
        due = engine.next_deadline()
        deadline.append(time.perf_counter_ns() - t0)
        if due is None:
            break
        clock.now = max(clock.now, due)
        t0 = time.perf_counter_ns()
        out = engine.advance()
        took = time.perf_counter_ns() - t0
        advance.append(took)
        by_kind[wake_kind(out)].append(took)
        events += len(out)
        empty += not out
        most = max(most, len(out))
        if len(advance) > limit:
            raise RuntimeError(f"{plan.programme.id}: the session did not finish after {limit} wake-ups")
    if engine.state is not State.FINISHED:
        raise RuntimeError(f"{plan.programme.id}: no deadline left but the session is {engine.state}")
    return {
        "advance": advance,
        "by_kind": by_kind,
        "deadline": deadline,
        "construct_ns": construct_ns,
        "start_ns": start_ns,
        "engine_ns": construct_ns + start_ns + sum(advance) + sum(deadline),
        "cpu_ns": time.process_time_ns() - cpu_start,
        "events": events,
        "empty": empty,
        "most": most,
    }


def bench_engine(plan: Plan, walks: int) -> dict[str, Any]:
    """Pooled per-call figures over ``walks`` whole sessions of one plan."""
    walk(plan)  # warm-up
    collections = sum(g["collections"] for g in gc.get_stats())
    runs = [walk(plan) for _ in range(walks)]
    collections = sum(g["collections"] for g in gc.get_stats()) - collections
    first = runs[0]
    return {
        "steps": len(plan.steps),
        "session_s": plan.total_s,
        "wake_ups": len(first["advance"]),
        "events": first["events"],
        "empty_wake_ups": first["empty"],
        "most_events_per_wake_up": first["most"],
        "advance": summary([ns for run in runs for ns in run["advance"]]),
        "advance_by_wake_kind": {
            kind: summary([ns for run in runs for ns in run["by_kind"][kind]])
            for kind in WAKE_KINDS
            if first["by_kind"][kind]
        },
        "next_deadline": summary([ns for run in runs for ns in run["deadline"]]),
        "construct": summary([run["construct_ns"] for run in runs]),
        "start": summary([run["start_ns"] for run in runs]),
        "session_engine_ms": statistics.median(run["engine_ns"] for run in runs) / 1e6,
        "session_cpu_ms": statistics.median(run["cpu_ns"] for run in runs) / 1e6,
        "gc_collections": collections,
    }


def cpu_model() -> str:
    """The CPU's model name from /proc/cpuinfo, else what the platform says."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def run(repeat: int, walks: int) -> dict[str, Any]:
    """Every measure, for every bundled programme."""
    result: dict[str, Any] = {
        "machine": {
            "python": platform.python_version(),
            "implementation": platform.python_implementation(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "cpu_model": cpu_model(),
        },
        "repeat": repeat,
        "walks": walks,
        "timer_overhead_ns": timer_overhead_ns(),
        "programmes": [],
    }
    for path in bundled_programmes():
        programme = load_file(path)
        sessions = {
            "default": bench_engine(build_plan(programme), walks),
            "all_phases": bench_engine(build_plan(programme, all_phases=True), walks),
        }
        result["programmes"].append(
            {"id": programme.id, "file": path.name, **bench_load(path, repeat), "engine": sessions}
        )
    return result


def table(result: dict[str, Any]) -> str:
    """The figures as compact text tables."""
    m = result["machine"]
    lines = [
        f"Python {m['python']} ({m['implementation']}), {m['cpus']} CPUs, {m['cpu_model']}",
        f"repeat {result['repeat']}, walks {result['walks']}, "
        f"perf_counter_ns pair overhead {result['timer_overhead_ns']:.0f} ns (included)",
        "",
        "Load and plan (µs per call)",
        f"{'programme':<22} {'measure':<24} {'median':>9} {'p95':>9}",
    ]
    for p in result["programmes"]:
        for key in ("load_file", "build_plan", "build_plan_all_phases"):
            s = p[key]
            lines.append(f"{p['id']:<22} {key:<24} {s['median_us']:>9.1f} {s['p95_us']:>9.1f}")
    lines += [
        "",
        "Engine per wake-up (µs per call; session engine total and walk CPU in ms)",
        f"{'programme':<22} {'session':<10} {'steps':>5} {'len s':>6} {'wakes':>6} "
        f"{'adv med':>8} {'adv p99':>8} {'adv max':>8} {'nd med':>7} {'nd max':>7} "
        f"{'init':>7} {'total':>6} {'cpu':>6}",
    ]
    for p in result["programmes"]:
        for name, e in p["engine"].items():
            a, d = e["advance"], e["next_deadline"]
            lines.append(
                f"{p['id']:<22} {name:<10} {e['steps']:>5} {e['session_s']:>6.0f} {e['wake_ups']:>6} "
                f"{a['median_us']:>8.2f} {a['p99_us']:>8.2f} {a['max_us']:>8.1f} "
                f"{d['median_us']:>7.2f} {d['max_us']:>7.1f} "
                f"{e['construct']['median_us']:>7.0f} {e['session_engine_ms']:>6.2f} "
                f"{e['session_cpu_ms']:>6.2f}"
            )
    lines += [
        "",
        "advance() by what the wake-up did (wake-ups per session: median µs / p99 µs)",
        f"{'programme':<22} {'session':<10} " + " ".join(f"{kind:>22}" for kind in WAKE_KINDS),
    ]
    for p in result["programmes"]:
        for name, e in p["engine"].items():
            cells = []
            for kind in WAKE_KINDS:
                k = e["advance_by_wake_kind"].get(kind)
                text = f"{k['n'] // result['walks']}: {k['median_us']:.1f} / {k['p99_us']:.1f}" if k else "-"
                cells.append(f"{text:>22}")
            lines.append(f"{p['id']:<22} {name:<10} " + " ".join(cells))
    gc_runs = sum(e["gc_collections"] for p in result["programmes"] for e in p["engine"].values())
    lines += [
        "",
        "adv: advance(); nd: next_deadline(); init: SessionEngine() median µs; "
        "total: engine time of one session; cpu: process CPU of one walk, harness included.",
        f"Garbage collections during the timed walks: {gc_runs}.",
    ]
    return "\n".join(lines)


_HEAD = "id: big\ntitle: Big\nfrequency: {sessions_per_day: 1}\nexercises:\n"
_EXERCISE = (
    "  - {{id: e{0}, name: E, instructions: Do it., kind: hold, hold_s: 0.5, sides: each, sets: 50,"
    " switch_s: 0.5, prepare_s: 0, rest_after_s: 1}}\n"
)


def best_s(call: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return min(times)


def _problems(text: str) -> int:
    """Load; the number of problems found (0: it loaded)."""
    try:
        load_text(text)
    except ProgrammeError as err:
        return len(err.problems)
    return 0


def _engine(plan: Plan) -> None:
    engine = SessionEngine(plan, FakeClock())
    for index in range(len(plan.steps)):
        engine.index = index
        engine.session_remaining_s()


def scaling(repeat: int) -> dict[str, Any]:
    """Cost against input size: problems, exercises, plan steps."""
    repeat = min(repeat, 5)
    result: dict[str, Any] = {"repeat": repeat, "problems": [], "exercises": [], "steps": []}
    for n in (5_000, 10_000, 20_000, 40_000):
        block = "  - id: e0\n    name: E\n    instructions: Do it.\n    kind: hold\n    hold_s: 30\n"
        text = _HEAD + block + "".join(f"    x{i}: 1\n" for i in range(n))
        row = {"n": n, "problems": _problems(text), "s": best_s(functools.partial(_problems, text), repeat)}
        result["problems"].append(row)
    for n in (500, 1_000, 2_000, 4_000):
        text = _HEAD + "".join(_EXERCISE.format(i) for i in range(n))
        row = {"n": n, "problems": _problems(text), "s": best_s(functools.partial(_problems, text), repeat)}
        result["exercises"].append(row)
    one = load_text(_HEAD + _EXERCISE.format(0))
    for copies in (50, 100, 200, 400):
        exercises = tuple(dataclasses.replace(one.exercises[0], id=f"e{i}") for i in range(copies))
        plan = build_plan(dataclasses.replace(one, exercises=exercises))
        result["steps"].append({"n": len(plan.steps), "s": best_s(functools.partial(_engine, plan), repeat)})
    return result


def scaling_table(result: dict[str, Any]) -> str:
    lines = [f"best of {result['repeat']} runs"]
    for key, what in (
        ("problems", "load_text, N unknown fields"),
        ("exercises", "load_text, N exercises"),
        ("steps", "SessionEngine + session_remaining_s per step, N steps"),
    ):
        lines += ["", what, f"{'N':>8} {'problems':>9} {'s':>9} {'µs per item':>12}"]
        for row in result[key]:
            found = row.get("problems", "")
            lines.append(f"{row['n']:>8} {found:>9} {row['s']:>9.3f} {row['s'] / row['n'] * 1e6:>12.1f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--repeat", type=int, default=200, help="calls per load/plan measure (200)")
    parser.add_argument("--walks", type=int, default=20, help="whole sessions per engine measure (20)")
    parser.add_argument("--scaling", action="store_true", help="cost against input size instead")
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.walks < 1:
        parser.error("--repeat and --walks must be at least 1")
    if args.scaling:
        result = scaling(args.repeat)
        print(json.dumps(result, indent=2) if args.json else scaling_table(result))
        return 0
    result = run(args.repeat, args.walks)
    print(json.dumps(result, indent=2) if args.json else table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
