"""The therapist's report as HTML, in its words: the page's head, and each programme's
:class:`~sitimer.core.history.report_figures.ProgrammeFigures` laid out: the prescription, weekly
adherence (the 80 % flag, sessions above the minimum, those not completed), the dose per exercise,
the daily activity ticked off, pain and effort, what the patient reported (EARS, GPE, PSK, why
sessions were missed), and the notes."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage

from sitimer.core.history import scales
from sitimer.core.history.report_figures import Dose, ProgrammeFigures
from sitimer.core.history.schema import local_date
from sitimer.core.programme.model import Kind, Programme
from sitimer.qt.common.dose_text import figure_text, one_decimal, seconds_text
from sitimer.qt.common.pdf import html_lines

PAIN_COLOUR = "#D55E00"  # Okabe-Ito vermillion
EFFORT_COLOUR = "#0072B2"  # Okabe-Ito blue


def tr(text: str) -> str:
    """Translate report text (context "Report" in the .ts file)."""
    return QCoreApplication.translate("Report", text)


def count(n: float, one: str, other: str) -> str:
    """``one`` for 1, else ``other`` with ``{n}`` filled in (Dutch and English have these two forms)."""
    return (one if n == 1 else other).format(n=n)


def table(header: list[str], rows: list[list[str]], widths: list[int] | None = None) -> str:
    """An HTML table with a header row; the cells are HTML already; ``widths``: each column's
    share of the page in percent (else the columns share it alike)."""
    sizes = [f" width='{w}%'" for w in widths] if widths else [""] * len(header)
    head = "".join(f"<th{size}>{html.escape(h)}</th>" for h, size in zip(header, sizes, strict=True))
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    # a header row in <thead> is drawn again above the rows a page break carries to the next page
    return (
        f"<table cellspacing='0' cellpadding='4' width='100%'>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def day_text(day: date, lang: str) -> str:
    """A day as the reader writes it: "16-11-2026" in Dutch, "2026-11-16" in English (the ISO form,
    read alike wherever English is)."""
    return day.strftime("%d-%m-%Y") if lang == "nl" else day.isoformat()


def title() -> str:
    """The report's title."""
    return tr("Exercise report")


def head(patient: str, profile: str, made: date, lang: str = "en") -> str:
    """The title, the patient (a line to fill in by hand without a name), their code, the day made."""
    name = " ".join(patient.split())  # one line, whatever was given
    parts = [f"<h1>{title()}</h1>"]
    parts.append("<p>" + tr("Patient: {name}").format(name=html.escape(name) if name else "_" * 40) + "</p>")
    if profile:
        parts.append("<p>" + tr("Patient code: {code}").format(code=html.escape(profile)) + "</p>")
    made_by = tr("Made by sitimer on {day}. Runs at demonstration speed are left out.")
    parts.append("<p>" + made_by.format(day=day_text(made, lang)) + "</p>")
    return "".join(parts)


def nothing_recorded() -> str:
    """What the report says when the period holds no session."""
    return "<p>" + tr("No sessions recorded in this period.") + "</p>"


def _prescription(figures: ProgrammeFigures, programme: Programme | None, lang: str) -> str:
    low, high = figures.per_day_min, figures.per_day_max
    per_day = f"{low}" if low == high else f"{low}–{high}"
    weeks_text = ""
    weeks = programme.frequency.weeks if programme else None
    if weeks:
        weeks_text = tr(", for 1 week") if weeks == 1 else tr(", for {n} weeks").format(n=figure_text(weeks))
    prescribed = (
        tr("Prescribed: 1 session a day{weeks}.")
        if per_day == "1"
        else tr("Prescribed: {per_day} sessions a day{weeks}.")
    )
    period = tr("Period: {first} to {last} ({days}), {count}.").format(
        first=day_text(figures.first, lang),
        last=day_text(figures.last, lang),
        days=count((figures.last - figures.first).days + 1, tr("1 day"), tr("{n} days")),
        count=count(figures.sessions, tr("1 session recorded"), tr("{n} sessions recorded")),
    )
    return "<p>" + prescribed.format(per_day=per_day, weeks=weeks_text) + " " + period + "</p>"


def _adherence(figures: ProgrammeFigures, lang: str) -> str:
    # A week with nothing due yet has no figure ("–"), as in the progress view, not 0 % and "no"
    # (docs/adherence.md): the report said "0 / 0, 0 %, no" for a week begun with a stopped session.
    rows = [
        [
            day_text(w.monday, lang),
            f"{w.done} / {w.prescribed}",
            f"{w.percent:.0f} %" if w.prescribed else "–",
            f"{w.days_kept} / {w.days}" if w.days else "–",
            (tr("yes") if w.adherent else tr("no")) if w.prescribed else "–",
            str(w.above),
            str(w.partial),
        ]
        for w in figures.weeks
    ]
    header = [
        tr("Week of"),
        tr("Sessions done / prescribed"),
        tr("Adherence"),
        tr("Days kept"),
        tr("≥ 80 %"),
        tr("Extra"),
        tr("Not completed"),
    ]
    # Widths the headings' longest words fit (Qt's own sizing gave "Niet afgemaakt" one line and
    # broke "voorgeschreven" anywhere); the Dutch translation marks where its long words may break.
    parts = [f"<h3>{tr('Adherence per week')}</h3>", table(header, rows, [15, 18, 17, 12, 11, 10, 17])]
    parts.append(
        "<p>"
        + tr(
            "A session counts as done when at least 80 % of its prescribed dose was done. ≥ 80 %: the "
            "week is adherent (80 % or more of its prescribed sessions done). Extra: sessions above the "
            "day's minimum, shown apart; they make up for no other day. Not completed: begun, but "
            "stopped, cut off or done for less than 80 % of the dose."
        )
        + "</p>"
    )
    if figures.partial:
        one = tr(
            "1 session was stopped early or cut off, or done for less than 80 % of its dose; its finished "
            "steps count towards the dose below."
        )
        other = tr(
            "{n} sessions were stopped early or cut off, or done for less than 80 % of their dose; their "
            "finished steps count towards the dose below."
        )
        parts.append("<p>" + count(figures.partial, one, other) + "</p>")
    return "".join(parts)


def _daily(
    figures: ProgrammeFigures, programme: Programme | None, ticks: Sequence[tuple[date, str]], lang: str
) -> str:
    """The daily activities (walking or cycling): on how many days of the period each was ticked off."""
    activities = (
        [e for e in programme.exercises if e.kind is Kind.ACTIVITY and e.enabled] if programme else []
    )
    if not activities:
        return ""
    days = (figures.last - figures.first).days + 1
    rows = []
    for exercise in activities:
        ticked = sum(1 for day, done in ticks if done == exercise.id and figures.first <= day <= figures.last)
        of = count(days, tr("1 day"), tr("{n} days"))
        rows.append(
            [html.escape(exercise.name.get(lang)), tr("{ticked} of {days}").format(ticked=ticked, days=of)]
        )
    return f"<h3>{tr('Daily activity, apart from the sessions')}</h3>" + table(
        [tr("Activity"), tr("Ticked off on")], rows
    )


def _reported(figures: ProgrammeFigures, lang: str) -> str:
    """What the patient reported apart from sessions: the EARS, the GPE, the PSK, why sessions were missed."""
    parts = [f"<h3>{tr('Reported by the patient')}</h3>"]
    if not (figures.ears or figures.gpe or figures.psk or figures.missed):
        return parts[0] + "<p>" + tr("Nothing reported apart from the sessions.") + "</p>"
    if figures.ears:
        # the day answered, as for the GPE: the questions are about the week before it
        rows = [
            [day_text(local_date(e.saved_at), lang), f"{e.total} / {scales.EARS_MAX}"] for e in figures.ears
        ]
        parts.append(table([tr("Day"), tr("EARS (higher: more adherent)")], rows))
    if figures.gpe:
        rows = [
            [
                day_text(local_date(g.at), lang),
                f"{g.value} · " + html.escape(scales.gpe_label(g.value).get(lang)),
            ]
            for g in figures.gpe
        ]
        parts.append(table([tr("Day"), tr("Global perceived effect (1–7)")], rows))
    if figures.psk:
        names = list(dict.fromkeys(name for row in figures.psk for name, _ in row.items))
        rows = [
            [html.escape(name)] + [str(dict(row.items).get(name, "–")) for row in figures.psk]
            for name in names
        ]
        days = [day_text(local_date(row.at), lang) for row in figures.psk]
        parts.append(table([tr("PSK activity (0–10)"), *days], rows))
    if figures.missed:
        given = ", ".join(
            f"{html.escape(scales.MISSED_REASONS[reason].get(lang))} {n}×" for reason, n in figures.missed
        )
        parts.append("<p>" + tr("Why sessions were missed: {reasons}.").format(reasons=given) + "</p>")
    return "".join(parts)


def _dose_row(dose: Dose, programme: Programme | None, lang: str) -> list[str]:
    name = dose.exercise
    if programme:
        found = next((e for e in programme.exercises if e.id == dose.exercise), None)
        name = found.name.get(lang) if found else dose.exercise
    per_session = _per_session(dose.measure, dose.sets, dose.per_session)
    for sets, amount, until in dose.before:  # changed during the period: what was asked before
        earlier = _per_session(dose.measure, sets, amount)
        per_session += "<br>" + tr("(until {day}: {dose})").format(day=day_text(until, lang), dose=earlier)
    if dose.measure == "reps":
        got = count(dose.done, tr("1 rep"), tr("{n:g} reps"))
    elif dose.measure == "times":  # as long as it takes: how often it was done
        got = count(dose.done, tr("1 time"), tr("{n:g} times"))
    else:
        got = seconds_text(round(dose.done))  # whole seconds, in minutes from 2 min on, not "3598.3 sec"
    return [html.escape(name), per_session, got, f"{dose.percent:.0f} %"]


def _per_session(measure: str, sets: float, amount: float) -> str:
    """One session's dose: "3 × 30 reps" (not "3 sets, 90 reps", read as 90 a set), "3 sets, 3 min in
    all" (not "3 sets, 3 min", read as 3 minutes a set), "1 time"."""
    if measure == "times":  # as long as it takes: how often it was done
        return count(amount, tr("1 time"), tr("{n:g} times"))
    sets_text = count(sets, tr("1 set"), tr("{n:g} sets"))
    if measure == "reps":
        per_set = amount / sets if sets else amount
        if sets > 1 and float(per_set).is_integer():
            return f"{sets:g} × " + count(per_set, tr("1 rep"), tr("{n:g} reps"))
        return f"{sets_text}, " + count(amount, tr("1 rep"), tr("{n:g} reps"))
    return f"{sets_text}, " + tr("{time} in all").format(time=seconds_text(round(amount)))


def _ratings(figures: ProgrammeFigures, chart: QImage | None, name: str, lang: str, width: int) -> str:
    parts = [f"<h3>{tr('Pain and effort')}</h3>"]
    before = any(w.pain_before is not None for w in figures.week_ratings)  # asked before a session
    if chart is None and not before:
        return parts[0] + "<p>" + tr("No ratings were given.") + "</p>"
    if chart is not None:
        legend = (
            f"<span style='color:{PAIN_COLOUR}'>● {tr('pain now (0–10)')}</span> &nbsp; "
            f"<span style='color:{EFFORT_COLOUR}'>■ {tr('effort (Borg CR10)')}</span>"
        )
        # the text column's width; the height given too, so the page breaks are found before printing
        height = round(width * chart.height() / chart.width())
        parts.append(f"<p>{legend}</p><img src='{name}' width='{width}' height='{height}'>")

    def mean(value: float | None) -> str:
        return one_decimal(value, lang) if value is not None else "–"

    # beside the pain before, the other is the pain after ("Mean pain" read as either)
    after = tr("Mean pain after") if before else tr("Mean pain")
    head = [tr("Week of"), *([tr("Mean pain before")] if before else []), after, tr("Mean effort")]
    rows = [
        [day_text(w.monday, lang), *([mean(w.pain_before)] if before else []), mean(w.pain), mean(w.effort)]
        for w in figures.week_ratings
    ]
    parts.append(table(head, rows))
    return "".join(parts)


def programme_section(
    figures: ProgrammeFigures,
    programme: Programme | None,
    lang: str,
    chart: QImage | None,
    chart_name: str,
    ticks: Sequence[tuple[date, str]] = (),
    width: int = 600,
) -> str:
    """The HTML of one programme's part; ``chart`` (None when nothing was rated) is the document's
    image resource ``chart_name``, ``width`` pixels wide (the text column's); ``ticks``: the daily
    activities ticked off, (day, exercise)."""
    title = programme.title.get(lang) if programme else figures.title
    parts = [
        f"<h2>{html.escape(title)}</h2>",
        _prescription(figures, programme, lang),
        _adherence(figures, lang),
    ]
    parts.append(f"<h3>{tr('Dose per exercise')}</h3>")
    parts.append(
        table(
            [tr("Exercise"), tr("Per session"), tr("Done in the period"), tr("Of prescribed")],
            [_dose_row(dose, programme, lang) for dose in figures.doses],
        )
    )
    parts.append(_daily(figures, programme, ticks, lang))
    parts.append(_ratings(figures, chart, chart_name, lang, width))
    parts.append(_reported(figures, lang))
    if figures.notes:
        parts.append(f"<h3>{tr('Notes')}</h3><ul>")
        parts += [f"<li>{day_text(day, lang)}: {html_lines(note)}</li>" for day, note in figures.notes]
        parts.append("</ul>")
    return "".join(parts)
