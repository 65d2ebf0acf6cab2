"""The programme format's fields, described once.

The loader checks a file against these tables, and the JSON Schema in
``resources/programme.schema.json`` is generated from them, so the two
cannot drift apart (a test regenerates the schema and compares).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sitimer.core.figure.pose import JOINTS, Base
from sitimer.core.figure.skeleton import View
from sitimer.core.figure.spec import DEFAULT_CYCLE_S
from sitimer.core.programme.model import Kind, Pacing, Side, Sides

MAX_SECONDS = 4 * 3600.0  # one duration
MAX_SESSION_S = 4 * 3600.0  # one session of every exercise, all phases on
MAX_EXERCISES = 100
MAX_PHASES = 20
MAX_REMINDERS = 24
MAX_CHECK_INS = 20
MAX_TEXT_CHARS = 10_000  # one text (instructions, a name); a long handout page is ~3,000
MAX_WORD_CHARS = 200  # a word longer than this cannot be wrapped on screen
MAX_POSES = 200  # a programme's own named poses
MAX_KEY_POSES = 8  # poses in one rep or one loop
PHOTO_SUFFIXES = (".png", ".jpg", ".jpeg")
VIDEO_SUFFIXES = (".mp4", ".webm", ".mkv", ".mov", ".avi")


@dataclass(frozen=True)
class Field:
    """One field of the format: its type, bounds and a line for the docs."""

    # id, string, text, bool, int, seconds, enum, range, per_day, times, check_ins, side_meaning, media, ...
    type: str
    doc: str
    required: bool = False
    minimum: float | None = None  # inclusive
    positive: bool = False  # strictly above zero
    maximum: float | None = None
    choices: tuple[str, ...] = ()


def _seconds(doc: str, positive: bool = True) -> Field:
    return Field("seconds", doc, positive=positive, minimum=0.0, maximum=MAX_SECONDS)


TOP_FIELDS: dict[str, Field] = {
    "format": Field("int", "Format version; 1 is the only one so far.", minimum=1, maximum=1),
    "id": Field("id", "Short identifier (lowercase, digits, dashes).", required=True),
    "title": Field("text", "Title shown to the patient.", required=True),
    "source": Field("string", "Where the prescription comes from."),
    "description": Field("text", "What the programme is for, and general advice."),
    "frequency": Field("frequency", "How often a day, and for how many weeks.", required=True),
    "defaults": Field("defaults", "Dose values every exercise takes unless it gives its own."),
    "doses": Field("doses", "Named doses, written once and used by several exercises."),
    "phases": Field("phases", "Stages the therapist switches on as the patient recovers."),
    "poses": Field("poses", "The programme's own named poses for its figures (like, base and joint angles)."),
    "exercises": Field("exercises", "The exercises, in the order of a session.", required=True),
}

FREQUENCY_FIELDS: dict[str, Field] = {
    "sessions_per_day": Field(
        "per_day",
        "Sessions a day: a number (2) or a range ({min: 3, max: 5}).",
        required=True,
        minimum=1,
        maximum=24,
    ),
    "weeks": Field(
        "number",
        "Week of the review with the therapist (not an end: the exercises usually go on after it).",
        positive=True,
        maximum=104,
    ),
    "reminders": Field("times", 'Times of day to be reminded, as ["09:00", "19:00"].'),
    "check_ins": Field("check_ins", "Moments to take stock, by week from the start, with what to do then."),
}

CHECK_IN_FIELDS: dict[str, Field] = {
    "week": Field(
        "number",
        "Weeks from the start (2, or 0.5 for half a week).",
        required=True,
        positive=True,
        maximum=104,
    ),
    "note": Field("text", "What the patient does or checks at that moment.", required=True),
    "review": Field("bool", "Whether this is the review point with the therapist (default false)."),
}

PHASE_FIELDS: dict[str, Field] = {
    "id": Field("id", "Identifier the exercises refer to.", required=True),
    "title": Field("text", "Name of the phase.", required=True),
    "enabled": Field("bool", "Whether its exercises are in today's session (default true)."),
    "note": Field("text", "When to switch this phase on."),
}

# Fields that make up a dose: allowed in `defaults`, in `doses` and on an exercise.
DOSE_FIELDS: dict[str, Field] = {
    "kind": Field("enum", "What the patient does.", choices=tuple(k.value for k in Kind)),
    "sets": Field("int", "How many sets.", minimum=1, maximum=100),
    "reps": Field("int", "Reps in one set, over both sides (30 for 15 per side).", minimum=1, maximum=1000),
    "reps_per_side": Field("int", "Reps per side in one set (instead of reps).", minimum=1, maximum=500),
    "sides": Field("enum", "How the sides are used.", choices=tuple(s.value for s in Sides)),
    "first_side": Field("enum", "Which side starts.", choices=tuple(s.value for s in Side)),
    "tempo_s": _seconds("Seconds per counted rep."),
    "pacing": Field("enum", "Who sets the beat of counted reps.", choices=tuple(p.value for p in Pacing)),
    "hold_s": _seconds("Seconds a hold lasts."),
    "duration_s": Field(
        "range",
        "Seconds a timed bout lasts: a number or {min, max}; the timer runs to max.",
        positive=True,
        maximum=MAX_SECONDS,
    ),
    "estimate_s": _seconds("How long a free activity usually takes (planning only)."),
    "rest_s": _seconds("Rest between sets.", positive=False),
    "rest_after_s": _seconds("Rest after the last set, before the next exercise.", positive=False),
    "prepare_s": _seconds("Time to get into position before the exercise.", positive=False),
    "switch_s": _seconds("Time to change sides.", positive=False),
}

EXERCISE_FIELDS: dict[str, Field] = {
    "id": Field("id", "Short identifier, unique in the programme.", required=True),
    "number": Field("string", 'Number on the therapist\'s handout ("2", "7+8").'),
    "name": Field("text", "Name shown to the patient.", required=True),
    "spoken": Field("text", "Short name said aloud, if it differs from the name."),
    "instructions": Field("text", "How to do the exercise.", required=True),
    "phase": Field("ref", "The phase this exercise belongs to."),
    "enabled": Field("bool", "Whether it is in today's session (default true)."),
    "dose": Field("ref", "A named dose from `doses` to start from."),
    "card": Field("string", 'The leaflet\'s own number where it differs from `number` ("oef. 6").'),
    "side_meaning": Field(
        "side_meaning",
        'What a side means where it is not the body side: {right: "right hand to left foot", left: ...}.',
    ),
    "figure": Field("figure", "The moving figure: a view and the key poses of a rep, a hold or a loop."),
    "media": Field(
        "media", "A photo (.png, .jpg) or short video (.mp4, .webm, ...) beside the programme file, instead."
    ),
    **DOSE_FIELDS,
}

FIGURE_FIELDS: dict[str, Field] = {
    "view": Field(
        "enum", "Where the figure is seen from (default side).", choices=tuple(v.value for v in View)
    ),
    "start": Field(
        "pose", "The pose the exercise starts from: a pose name or the pose itself.", required=True
    ),
    "rep": Field("pose_list", "Reps: the poses of one rep; the last is reached on the count."),
    "hold": Field("pose", "Holds: the pose held."),
    "loop": Field("pose_list", "Timed bouts and activities: the poses gone round once a cycle."),
    "cycle_s": Field(
        "number",
        f"Seconds one round of the loop takes (default {DEFAULT_CYCLE_S:g}).",
        positive=True,
        maximum=60,
    ),
}
# Which key poses each kind moves through; the first is required (an activity's loop is optional).
FIGURE_KIND_FIELDS: dict[Kind, tuple[str, ...]] = {
    Kind.REPS: ("rep",),
    Kind.HOLD: ("hold",),
    Kind.TIMED: ("loop",),
    Kind.ACTIVITY: ("loop",),
}

# Which dose fields mean something for each kind; others are errors on an exercise.
COMMON = {"kind", "sets", "rest_s", "rest_after_s", "prepare_s"}
KIND_FIELDS: dict[Kind, set[str]] = {
    Kind.REPS: COMMON | {"reps", "reps_per_side", "sides", "first_side", "tempo_s", "pacing", "switch_s"},
    Kind.HOLD: COMMON | {"hold_s", "sides", "first_side", "switch_s"},
    Kind.TIMED: COMMON | {"duration_s", "sides", "first_side", "switch_s"},
    Kind.ACTIVITY: COMMON | {"duration_s", "estimate_s"},
}
KIND_SIDES: dict[Kind, tuple[Sides, ...]] = {
    Kind.REPS: (Sides.NONE, Sides.ALTERNATE, Sides.EACH),
    Kind.HOLD: (Sides.NONE, Sides.EACH),
    Kind.TIMED: (Sides.NONE, Sides.EACH),
    Kind.ACTIVITY: (Sides.NONE,),
}

# Values used when neither the exercise, its dose nor `defaults` gives one.
BUILTIN_DEFAULTS: dict[str, object] = {
    "sets": 1,
    "sides": "none",
    "first_side": "right",
    "tempo_s": 3.0,
    "pacing": "paced",
    "rest_s": 0.0,
    "rest_after_s": 0.0,
    "prepare_s": 10.0,
    "switch_s": 5.0,
    "estimate_s": 300.0,
}


_FIXED_SCHEMAS: dict[str, dict[str, object]] = {  # field types whose schema takes nothing of the field
    "times": {
        "type": "array",
        "items": {"type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$"},
        "uniqueItems": True,
        "maxItems": MAX_REMINDERS,
    },
    "pose": {"$ref": "#/$defs/pose_ref"},
    "pose_list": {
        "type": "array",
        "minItems": 1,
        "maxItems": MAX_KEY_POSES,
        "items": {"$ref": "#/$defs/pose_ref"},
    },
}


def _schema_for(f: Field) -> dict[str, object]:
    string: dict[str, object] = {"type": "string", "maxLength": MAX_TEXT_CHARS}
    text: dict[str, object] = {
        "oneOf": [
            string,
            {
                "type": "object",
                "properties": {lang: string for lang in ("nl", "en")},
                "additionalProperties": False,
                "minProperties": 1,
            },
        ]
    }
    number: dict[str, object] = {"type": "number"}
    if f.positive:
        number["exclusiveMinimum"] = 0
    elif f.minimum is not None:
        number["minimum"] = f.minimum
    if f.maximum is not None:
        number["maximum"] = f.maximum
    simple: dict[str, dict[str, object]] = {
        "id": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"},
        "string": string,
        "ref": {"type": "string"},
        "text": text,
        "bool": {"type": "boolean"},
        "number": number,
        "seconds": number,
        "enum": {"enum": list(f.choices)},
        "int": {"type": "integer", **{k: v for k, v in number.items() if k != "type"}},
        "media": {"type": "string", "pattern": _media_pattern()},
        **_FIXED_SCHEMAS,
    }
    if f.type in simple:
        schema = dict(simple[f.type])
    elif f.type in ("range", "per_day"):
        kind = "integer" if f.type == "per_day" else "number"
        bound = {k: v for k, v in number.items() if k != "type"}
        schema = {
            "oneOf": [
                {"type": kind, **bound},
                {
                    "type": "object",
                    "properties": {"min": {"type": kind, **bound}, "max": {"type": kind, **bound}},
                    "required": ["min", "max"],
                    "additionalProperties": False,
                },
            ]
        }
    else:
        schema = {"$ref": f"#/$defs/{f.type}"}
    schema["description"] = f.doc
    return schema


def _media_pattern() -> str:
    """A relative path ending in a known suffix, in any case (JSON Schema patterns take no flags)."""
    suffixes = "|".join(
        "".join(f"[{c}{c.upper()}]" if c.isalpha() else c for c in suffix[1:])
        for suffix in (*PHOTO_SUFFIXES, *VIDEO_SUFFIXES)
    )
    return rf"^(?![/\\])(?!.*\.\.[/\\])(?!.*:).+\.({suffixes})$"


def _pose_schema() -> dict[str, object]:
    """A pose written out: ``like``, ``base`` and joint angles in degrees, each within its range."""
    joints = {
        name: {"type": "number", "minimum": j.low, "maximum": j.high, "description": f"{name} in degrees."}
        for name, j in JOINTS.items()
    }
    return {
        "type": "object",
        "properties": {
            "like": {
                "type": "string",
                "description": "A pose to start from: the programme's own or the library's.",
            },
            "base": {
                "enum": [b.value for b in Base],
                "description": "Standing, lying on the back or face down.",
            },
            **joints,
        },
        "additionalProperties": False,
    }


def _object(fields: dict[str, Field]) -> dict[str, object]:
    return {
        "type": "object",
        "properties": {name: _schema_for(f) for name, f in fields.items()},
        "required": [name for name, f in fields.items() if f.required],
        "additionalProperties": False,
    }


def json_schema() -> dict[str, object]:
    """The JSON Schema of a programme file, for editors that complete and check YAML."""
    dose = _object(DOSE_FIELDS)
    schema = _object(TOP_FIELDS)
    schema.update(
        {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "sitimer programme",
            "$defs": {
                "frequency": _object(FREQUENCY_FIELDS),
                "check_ins": {"type": "array", "maxItems": MAX_CHECK_INS, "items": _object(CHECK_IN_FIELDS)},
                "side_meaning": {
                    "type": "object",
                    "properties": {
                        side.value: _schema_for(Field("text", f"What {side.value} means.")) for side in Side
                    },
                    "additionalProperties": False,
                    "minProperties": 1,
                },
                "defaults": dose,
                "doses": {"type": "object", "additionalProperties": dose},
                "phases": {"type": "array", "maxItems": MAX_PHASES, "items": _object(PHASE_FIELDS)},
                "poses": {
                    "type": "object",
                    "maxProperties": MAX_POSES,
                    "propertyNames": {"pattern": "^[a-z0-9][a-z0-9-]*$"},
                    "additionalProperties": {"$ref": "#/$defs/pose"},
                },
                "pose": _pose_schema(),
                "pose_ref": {
                    "oneOf": [{"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"}, {"$ref": "#/$defs/pose"}]
                },
                "figure": _object(FIGURE_FIELDS),
                "exercises": {
                    "type": "array",
                    "minItems": 1,
                    "maxItems": MAX_EXERCISES,
                    "items": _object(EXERCISE_FIELDS),
                },
            },
        }
    )
    return schema


def json_schema_text() -> str:
    """The schema as the text of ``resources/programme.schema.json``."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
