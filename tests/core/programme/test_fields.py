"""The programme format's field tables, and the JSON Schema editors use, generated from them."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from sitimer.core.programme import fields
from sitimer.core.programme.loader import load_text
from sitimer.core.programme.reader import ProgrammeError
from tests.conftest import PROGRAMMES, REPO

SCHEMA_FILE = REPO / "resources" / "programme.schema.json"
BUNDLED = sorted(PROGRAMMES.glob("*.yaml"))


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def as_data(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_the_schema_file_is_generated_from_the_field_tables() -> None:
    # Regenerate with:
    # python -c "from sitimer.core.programme.fields import json_schema_text as t; print(t(), end='')"
    assert SCHEMA_FILE.read_text(encoding="utf-8") == fields.json_schema_text()


def test_the_bundled_programmes_are_checked() -> None:
    assert {"si-blokkade-herstel.yaml", "si-gewricht.yaml"} <= {p.name for p in BUNDLED}


@pytest.mark.parametrize("path", BUNDLED, ids=[p.stem for p in BUNDLED])
def test_every_bundled_programme_fits_the_schema(
    validator: jsonschema.protocols.Validator, path: Path
) -> None:
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(as_data(path))]
    assert errors == []


@pytest.mark.parametrize("path", BUNDLED, ids=[p.stem for p in BUNDLED])
def test_bundled_programmes_point_editors_at_the_schema(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../resources/programme.schema.json"
    assert (path.parent / "../resources/programme.schema.json").resolve() == SCHEMA_FILE.resolve()


def _gewricht() -> dict[str, Any]:
    return as_data(PROGRAMMES / "si-gewricht.yaml")


def _mutate(where: str, key: str, value: Any) -> dict[str, Any]:
    data = copy.deepcopy(_gewricht())
    target = {
        "top": data,
        "frequency": data["frequency"],
        "defaults": data["defaults"],
        "exercise": data["exercises"][1],
    }[where]
    target[key] = value
    return data


@pytest.mark.parametrize(
    ("where", "key", "value"),
    [
        ("exercise", "hold_sec", 30),
        ("exercise", "rest", 60),
        ("defaults", "rest", 60),
        ("frequency", "sessions_per_dag", 2),
        ("top", "exercise", []),
    ],
)
def test_an_unknown_field_fails_the_schema_and_the_loader(
    validator: jsonschema.protocols.Validator, where: str, key: str, value: Any
) -> None:
    data = _mutate(where, key, value)
    assert not validator.is_valid(data)
    with pytest.raises(ProgrammeError):
        load_text(yaml.safe_dump(data, allow_unicode=True))


@pytest.mark.parametrize(
    ("where", "key", "value"),
    [
        ("exercise", "hold_s", 0),
        ("exercise", "hold_s", -30),
        ("exercise", "hold_s", 14401),
        ("exercise", "sets", 0),
        ("exercise", "sets", 2.5),
        ("exercise", "sides", "alternat"),
        ("exercise", "kind", "stretch"),
        ("defaults", "rest_s", -60),
        ("frequency", "sessions_per_day", 0),
        ("frequency", "sessions_per_day", {"min": 3}),
        ("frequency", "weeks", 0),
        ("top", "id", "SI Gewricht"),
        ("top", "title", {}),
        ("top", "format", 2),
    ],
)
def test_a_value_out_of_bounds_fails_the_schema_and_the_loader(
    validator: jsonschema.protocols.Validator, where: str, key: str, value: Any
) -> None:
    data = _mutate(where, key, value)
    assert not validator.is_valid(data)
    with pytest.raises(ProgrammeError):
        load_text(yaml.safe_dump(data, allow_unicode=True))


def test_the_schema_knows_every_field_the_loader_knows() -> None:
    schema = fields.json_schema()
    defs = schema["$defs"]
    assert isinstance(defs, dict)
    assert set(schema["properties"]) == set(fields.TOP_FIELDS)  # type: ignore[arg-type]
    assert set(defs["exercises"]["items"]["properties"]) == set(fields.EXERCISE_FIELDS)
    assert set(defs["defaults"]["properties"]) == set(fields.DOSE_FIELDS)
    assert set(defs["frequency"]["properties"]) == set(fields.FREQUENCY_FIELDS)
    assert set(defs["phases"]["items"]["properties"]) == set(fields.PHASE_FIELDS)


def test_every_kind_needs_only_dose_fields_and_takes_the_common_ones() -> None:
    for kind, names in fields.KIND_FIELDS.items():
        assert names <= set(fields.DOSE_FIELDS), kind
        assert names >= fields.COMMON, kind
    assert set(fields.BUILTIN_DEFAULTS) <= set(fields.DOSE_FIELDS)
