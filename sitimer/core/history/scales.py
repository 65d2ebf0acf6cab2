"""The scales the patient answers on, with their wording in Dutch and English, and their rules.

Borg CR10 for effort (half steps), the EARS for adherence in the patient's own words, the GPE for how
the complaints have gone, the PSK for the activities that matter to the patient, and the reasons a
prescribed session was missed. The method and its sources are in ``docs/adherence.md``; the screens
take their labels from here, the store its limits.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Label:
    """One label in Dutch and English."""

    nl: str
    en: str

    def get(self, lang: str) -> str:
        """The label in ``lang`` ("nl", else English)."""
        return self.nl if lang == "nl" else self.en


# -- Borg CR10: effort, 0 to 10 in half steps -------------------------------------------------
EFFORT_MAX = 10.0  # the scale's "absolute maximum" above 10 is not offered: one tap cannot say how far above
EFFORT_STEPS = tuple(i / 2 for i in range(int(EFFORT_MAX * 2) + 1))  # 0, 0.5, 1, ... 10
BORG_ANCHORS: dict[float, Label] = {
    0: Label("Helemaal niets", "Nothing at all"),
    0.5: Label("Heel, heel licht (net merkbaar)", "Very, very light (just noticeable)"),
    1: Label("Heel licht", "Very light"),
    2: Label("Licht", "Light"),
    3: Label("Matig", "Moderate"),
    4: Label("Tamelijk zwaar", "Somewhat hard"),
    5: Label("Zwaar", "Hard"),
    7: Label("Heel zwaar", "Very hard"),
    10: Label("Heel, heel zwaar (maximaal)", "Very, very hard (maximal)"),
}


def check_effort(effort: float | None) -> None:
    """ValueError unless ``effort`` is None or a half step from 0 to 10."""
    if effort is not None and (isinstance(effort, bool) or effort not in EFFORT_STEPS):
        raise ValueError(f"effort must be 0 to 10 in half steps (Borg CR10), not {effort!r}")


def check_pain(pain: int | None, name: str = "pain") -> None:
    """ValueError unless ``pain`` is None or a whole number from 0 to 10."""
    if pain is not None and (type(pain) is not int or not 0 <= pain <= 10):
        raise ValueError(f"{name} must be a whole number from 0 to 10, not {pain!r}")


# -- EARS: six scored items, each answered 0 (completely agree) to 4 (completely disagree) ------
EARS_ANSWERS = (
    Label("Helemaal mee eens", "Completely agree"),
    Label("Mee eens", "Agree"),
    Label("Neutraal", "Neither agree nor disagree"),
    Label("Mee oneens", "Disagree"),
    Label("Helemaal mee oneens", "Completely disagree"),
)


@dataclass(frozen=True)
class EarsItem:
    """One scored EARS statement; ``agree_is_adherent``: agreeing means doing the exercises, so its
    answer is reversed in the score (higher always means more adherent)."""

    text: Label
    agree_is_adherent: bool

    def score(self, answer: int) -> int:
        """The item's score, 0 to 4, from the answer's place on the scale (0 = completely agree)."""
        return 4 - answer if self.agree_is_adherent else answer


EARS_ITEMS = (
    EarsItem(
        Label("Ik doe mijn oefeningen zo vaak als is afgesproken.", "I do my exercises as often as agreed."),
        agree_is_adherent=True,
    ),
    EarsItem(
        Label("Ik vergeet mijn oefeningen te doen.", "I forget to do my exercises."),
        agree_is_adherent=False,
    ),
    EarsItem(
        Label("Ik oefen minder dan mijn therapeut adviseerde.", "I exercise less than my therapist advised."),
        agree_is_adherent=False,
    ),
    EarsItem(
        Label("Mijn oefeningen passen in mijn dagritme.", "My exercises fit into my daily routine."),
        agree_is_adherent=True,
    ),
    EarsItem(
        Label("Ik kom er niet aan toe om te oefenen.", "I do not get round to exercising."),
        agree_is_adherent=False,
    ),
    EarsItem(
        Label("Ik doe de meeste of al mijn oefeningen.", "I do most or all of my exercises."),
        agree_is_adherent=True,
    ),
)
EARS_MAX = 4 * len(EARS_ITEMS)  # 24


def ears_scores(answers: tuple[int, ...]) -> tuple[int, ...]:
    """Each item's score (higher: more adherent); ValueError unless six answers from 0 to 4."""
    if len(answers) != len(EARS_ITEMS) or any(type(a) is not int or not 0 <= a <= 4 for a in answers):
        raise ValueError(f"the EARS takes {len(EARS_ITEMS)} answers, each 0 to 4, not {answers!r}")
    return tuple(item.score(a) for item, a in zip(EARS_ITEMS, answers, strict=True))


# -- GPE: the global perceived effect, 1 to 7 -----------------------------------------------
GPE_QUESTION = Label(
    "Hoe gaat het nu met uw klachten, vergeleken met toen u met de oefeningen begon?",
    "How are your complaints now, compared with when you started the exercises?",
)
GPE_LABELS = (
    Label("Volledig hersteld", "Completely recovered"),
    Label("Veel verbeterd", "Much improved"),
    Label("Een beetje verbeterd", "Slightly improved"),
    Label("Niet veranderd", "No change"),
    Label("Een beetje verslechterd", "Slightly worse"),
    Label("Veel verslechterd", "Much worse"),
    Label("Slechter dan ooit", "Worse than ever"),
)  # value 1 is GPE_LABELS[0]


def gpe_label(value: int) -> Label:
    """The wording of a GPE value, 1 to 7."""
    return GPE_LABELS[value - 1]


def check_gpe(value: int) -> None:
    """ValueError unless ``value`` is a whole number from 1 to 7."""
    if type(value) is not int or not 1 <= value <= len(GPE_LABELS):
        raise ValueError(f"the GPE is a whole number from 1 to {len(GPE_LABELS)}, not {value!r}")


# -- PSK: up to three activities the patient names, each scored 0 to 10 ---------------------
PSK_MAX_ITEMS = 3
PSK_QUESTION = Label(
    "Hoeveel moeite heeft u nu met deze activiteit? (0 = geen moeite, 10 = onmogelijk)",
    "How hard is this activity for you now? (0 = no trouble, 10 = impossible)",
)


def check_psk(items: tuple[tuple[str, int], ...]) -> None:
    """ValueError unless one to three (activity, score) pairs: each activity named, none twice, each
    score a whole number from 0 to 10."""
    pairs = isinstance(items, tuple) and all(
        isinstance(i, tuple) and len(i) == 2 and isinstance(i[0], str) for i in items
    )
    names = [name.strip() for name, _ in items] if pairs else []
    if not pairs or not 1 <= len(names) <= PSK_MAX_ITEMS or not all(names) or len(set(names)) != len(names):
        raise ValueError(f"the PSK takes 1 to {PSK_MAX_ITEMS} different named activities, not {items!r}")
    for name, score in items:
        if type(score) is not int or not 0 <= score <= 10:
            raise ValueError(f"a PSK score is a whole number from 0 to 10, not {score!r} for {name!r}")


# -- Why a prescribed session was missed (one tap) ------------------------------------------
MISSED_REASONS: dict[str, Label] = {
    "pain": Label("Pijn", "Pain"),
    "no_time": Label("Geen tijd", "No time"),
    "forgot": Label("Vergeten", "Forgot"),
    "felt_better": Label("Ik voelde me al beter", "I already felt better"),
    "other": Label("Iets anders", "Something else"),
}


def check_reason(reason: str) -> None:
    """ValueError unless ``reason`` is one of :data:`MISSED_REASONS`."""
    if reason not in MISSED_REASONS:
        raise ValueError(f"a missed session's reason is one of {', '.join(MISSED_REASONS)}, not {reason!r}")
