"""The cue schedule: what the patient hears, and when, for the bundled programmes."""

from sitimer.core.programme.loader import load_file
from sitimer.core.programme.model import Side
from sitimer.core.programme.plan import StepKind, build_plan
from sitimer.core.session.cues import CueKind, step_cues


def _plan(path):
    return build_plan(load_file(path))


def test_each_exercise_is_named_when_it_begins_with_its_first_side(si_gewricht):
    plan = _plan(si_gewricht)
    named = [
        (c.exercise, c.side)
        for s in plan.steps
        for c in step_cues(plan, s.index)
        if c.kind is CueKind.EXERCISE
    ]
    assert named == [
        ("molenwieken", Side.RIGHT),
        ("si-rekken", Side.RIGHT),
        ("roteren", Side.RIGHT),
        ("krachtoefening", Side.RIGHT),
    ]


def test_the_rest_before_a_new_exercise_announces_it_and_rests_between_sets_do_not(si_gewricht):
    plan = _plan(si_gewricht)
    nexts = {
        s.index: [c.exercise for c in step_cues(plan, s.index) if c.kind is CueKind.NEXT]
        for s in plan.steps
        if s.kind is StepKind.REST
    }
    announced = [names[0] for names in nexts.values() if names]
    assert announced == ["si-rekken", "roteren", "krachtoefening"]
    between_sets = [i for i, names in nexts.items() if plan.steps[i].set is not None]
    assert between_sets and all(nexts[i] == [] for i in between_sets)


def test_switch_says_which_side_comes_next(si_gewricht):
    plan = _plan(si_gewricht)
    switches = [
        c
        for s in plan.steps
        if s.kind is StepKind.SWITCH
        for c in step_cues(plan, s.index)
        if c.kind is CueKind.SWITCH
    ]
    assert [c.side for c in switches] == [Side.LEFT, Side.RIGHT, Side.LEFT, Side.RIGHT, Side.LEFT]


def test_short_rests_get_no_ten_seconds_left(si_blokkade):
    plan = _plan(si_blokkade)
    rest = next(s for s in plan.steps if s.kind is StepKind.REST)
    assert rest.duration_s == 15
    kinds = [c.kind for c in step_cues(plan, rest.index)]
    assert CueKind.TEN_LEFT not in kinds and kinds.count(CueKind.COUNTDOWN) == 3


def test_the_session_closes_with_complete(si_gewricht):
    plan = _plan(si_gewricht)
    assert [c.kind for c in step_cues(plan, len(plan.steps) - 1)] == [CueKind.COMPLETE]


def test_cues_carry_what_their_words_and_tones_need_without_the_plan(si_gewricht):
    plan = _plan(si_gewricht)
    cues = [c for s in plan.steps for c in step_cues(plan, s.index)]
    named = {c.exercise: c for c in cues if c.kind is CueKind.EXERCISE}
    first, later = named["molenwieken"], named["si-rekken"]
    assert first.spoken_name == plan.programme.exercise("molenwieken").spoken_name
    assert first.starts_exercise and not first.follows_rest and first.alternating
    assert later.starts_exercise and later.follows_rest and not later.alternating
    assert later.step_kind is plan.steps[later.step].kind
    nxt = next(c for c in cues if c.kind is CueKind.NEXT)
    assert nxt.spoken_name == plan.programme.exercise("si-rekken").spoken_name
    starts = [c for c in cues if c.kind is CueKind.START and c.exercise == "molenwieken"]
    # the first set's work step follows its prepare step: the exercise began there, not here
    assert [c.starts_exercise for c in starts] == [False, False, False]


def test_alternating_reps_start_with_the_side_of_their_first_count(si_blokkade):
    plan = build_plan(load_file(si_blokkade), all_phases=True)
    starts = {
        c.exercise: c.side
        for s in plan.steps
        if s.kind is StepKind.WORK and s.set == 1
        for c in step_cues(plan, s.index)
        if c.kind is CueKind.START
    }
    # the card goes left first for knieën opzij, knieën naar de schouder and arm en been heffen
    left_first = ("knieen-opzij", "knieen-naar-schouder", "arm-en-been-heffen")
    assert [starts[e] for e in left_first] == [Side.LEFT] * 3
    assert starts["knie-naar-borst"] is Side.RIGHT
    assert starts["hol-en-bol"] is None  # both sides at once


def test_the_first_set_follows_its_prepare_step_and_later_sets_a_rest(si_gewricht):
    plan = _plan(si_gewricht)
    starts = [
        (c.set, c.follows_prepare, c.follows_rest)
        for s in plan.steps
        for c in step_cues(plan, s.index)
        if c.kind is CueKind.START and c.exercise == "molenwieken"
    ]
    assert starts == [(1, True, False), (2, False, True), (3, False, True)]


def test_cues_with_a_side_carry_what_the_side_means_where_the_leaflet_says(si_gewricht, si_blokkade):
    gewricht, blokkade = _plan(si_gewricht), build_plan(load_file(si_blokkade), all_phases=True)

    def meanings(plan, exercise, kind):
        return [
            (c.side, c.side_meaning.nl if c.side_meaning else None)
            for s in plan.steps
            for c in step_cues(plan, s.index)
            if c.kind is kind and c.exercise == exercise
        ]

    # molenwieken: right hand to left foot, the side every set starts on
    assert (
        meanings(gewricht, "molenwieken", CueKind.START) == [(Side.RIGHT, "rechterhand naar linkervoet")] * 3
    )
    # arm en been heffen: named by the arm, left arm with right leg first
    assert meanings(blokkade, "arm-en-been-heffen", CueKind.START)[0] == (
        Side.LEFT,
        "linkerarm met rechterbeen",
    )
    # SI-rekken, held per side: each switch says the side it goes to
    assert meanings(gewricht, "si-rekken", CueKind.SWITCH)[:2] == [
        (Side.LEFT, "linkerknie naar rechts"),
        (Side.RIGHT, "rechterknie naar links"),
    ]
    assert meanings(gewricht, "roteren", CueKind.START) == [(Side.RIGHT, None)] * 3  # no meaning given
