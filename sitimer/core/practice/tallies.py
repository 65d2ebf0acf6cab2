"""The tallies the therapist's overview reads (:mod:`sitimer.core.practice.overview`), kept on the
practice's server by a trigger on its sessions: the SQL, made part of the schema by
:mod:`sitimer.core.practice.server` (its migration 2 and its functions).

Per code, programme and local day (every day from its first to its last, none left out): the day's
sessions, completed ones, pain and effort, and running sums up to and with that day, so a window
of days is the difference of two rows. Per code and programme: its latest session's prescription
(it applies to every day, as in :func:`sitimer.core.history.adherence.days`), its first day and
the running sums of its last. Simulated sessions are never counted. So the overview of a million
sessions reads a few rows per code, never the sessions themselves.
"""

from __future__ import annotations

# A session's local day, as adherence.local_day makes it; ``row`` is "" or "s." (a row variable).
LOCAL_DAY = (
    "(({row}started_at::timestamptz AT TIME ZONE 'UTC') + make_interval(mins => {row}utc_offset_min))::date"
)
RUNNING = ("run_done", "run_pain_sum", "run_pain_n", "run_effort_sum", "run_effort_n")
_KEY = "{a}profile = {code} AND {a}programme = {programme}"
_SETS = ", ".join(f"{name} = b.{name} + w.{name}" for name in RUNNING)
_NOTHING_BEFORE = "CROSS JOIN (SELECT " + ", ".join(f"0 AS {name}" for name in RUNNING) + ") AS b"
# The running sums of one key from ``from_day`` on (rows before it stand); then its totals.
_RECOUNT = f"""
    UPDATE sitimer.code_days AS c SET {_SETS}
    FROM (
        SELECT d.profile, d.programme, d.day, sum(least(d.done, p.per_day)) OVER w AS run_done,
            sum(d.pain_sum) OVER w AS run_pain_sum, sum(d.pain_n) OVER w AS run_pain_n,
            sum(d.effort_sum) OVER w AS run_effort_sum, sum(d.effort_n) OVER w AS run_effort_n
        FROM sitimer.code_days AS d JOIN sitimer.code_programmes AS p USING (profile, programme)
        WHERE d.day >= {{from_day}} {{where_d}}
        WINDOW w AS (PARTITION BY d.profile, d.programme ORDER BY d.day)
    ) AS w {{before}}
    WHERE c.profile = w.profile AND c.programme = w.programme AND c.day = w.day;
    UPDATE sitimer.code_programmes AS p SET {", ".join(f"{name} = c.{name}" for name in RUNNING)}
    FROM sitimer.code_days AS c
    WHERE c.profile = p.profile AND c.programme = p.programme AND c.day = p.last_day {{where_p}}
"""
# The latest session of each key (of one, with ``where``), as its code_programmes row.
_LATEST = """
    INSERT INTO sitimer.code_programmes (profile, programme, title, per_day, first_day, last_day,
        last_started, last_station)
    SELECT l.profile, l.programme, l.title, l.per_day_min, d.first_day, d.last_day, l.started_at, l.station
    FROM (
        SELECT DISTINCT ON (profile, programme) profile, programme,
            coalesce(nullif(programme_title, ''), programme) AS title, per_day_min, started_at, station
        FROM sitimer.sessions WHERE simulated = 0 {where}
        ORDER BY profile, programme, started_at DESC, id DESC
    ) AS l CROSS JOIN LATERAL (
        SELECT min(c.day) FILTER (WHERE c.sessions > 0) AS first_day, max(c.day) AS last_day
        FROM sitimer.code_days AS c WHERE c.profile = l.profile AND c.programme = l.programme
    ) AS d
"""
# What of a session its tallies are made from (any other change leaves them as they are).
_COUNTED = (
    "profile, programme, programme_title, per_day_min, started_at, utc_offset_min, status, simulated, pain,"
    " effort, station"
)
# Every key's tallies made from every session: migration 2 (and after a bulk load).
TALLIES = f"""
    INSERT INTO sitimer.code_days
        (profile, programme, day, sessions, done, pain_sum, pain_n, effort_sum, effort_n)
    SELECT profile, programme, {LOCAL_DAY.format(row="")}, count(*),
        count(*) FILTER (WHERE status = 'completed'),
        coalesce(sum(pain), 0), count(pain), coalesce(sum(effort), 0), count(effort)
    FROM sitimer.sessions WHERE simulated = 0 GROUP BY 1, 2, 3;
    {_LATEST.format(where="")};
    INSERT INTO sitimer.code_days (profile, programme, day)
    SELECT p.profile, p.programme, g.day::date FROM sitimer.code_programmes AS p,
        generate_series(p.first_day, p.last_day, interval '1 day') AS g (day)
    ON CONFLICT DO NOTHING;
    {_RECOUNT.format(from_day="'-infinity'", where_d="", where_p="", before=_NOTHING_BEFORE)}
"""

# The trigger's functions, made again by every ``init`` (server.FUNCTIONS).
TALLY_FUNCTIONS = f"""
CREATE OR REPLACE FUNCTION sitimer.recount(of_code text, of_programme text, from_day date) RETURNS void
LANGUAGE sql SET search_path = sitimer, pg_temp AS $$
    {
    _RECOUNT.format(
        from_day="from_day",
        where_d="AND " + _KEY.format(a="d.", code="of_code", programme="of_programme"),
        where_p="AND " + _KEY.format(a="p.", code="of_code", programme="of_programme"),
        before=(
            "CROSS JOIN (SELECT "
            + ", ".join(f"coalesce(max({name}), 0) AS {name}" for name in RUNNING)
            + " FROM sitimer.code_days WHERE "
            + _KEY.format(a="", code="of_code", programme="of_programme")
            + " AND day = from_day - 1) AS b"
        ),
    )
}
$$;
CREATE OR REPLACE FUNCTION sitimer.count_session(s sitimer.sessions, weight integer) RETURNS date
LANGUAGE plpgsql SET search_path = sitimer, pg_temp AS $$
DECLARE
    day_of date := {LOCAL_DAY.format(row="s.")};
    first_row date;
    last_row date;
BEGIN
    IF s.simulated <> 0 THEN
        RETURN NULL;  -- never counted
    END IF;
    SELECT min(day), max(day) INTO first_row, last_row FROM code_days
    WHERE profile = s.profile AND programme = s.programme;
    INSERT INTO code_days (profile, programme, day)
    SELECT s.profile, s.programme, g.day::date FROM generate_series(
        day_of, coalesce(first_row - 1, day_of), interval '1 day') AS g (day)
    UNION SELECT s.profile, s.programme, g.day::date FROM generate_series(
        coalesce(last_row + 1, day_of), day_of, interval '1 day') AS g (day)
    ON CONFLICT DO NOTHING;
    UPDATE code_days SET sessions = sessions + weight,
        done = done + weight * (s.status = 'completed')::int,
        pain_sum = pain_sum + weight * coalesce(s.pain, 0),
        pain_n = pain_n + weight * (s.pain IS NOT NULL)::int,
        effort_sum = effort_sum + weight * coalesce(s.effort, 0),
        effort_n = effort_n + weight * (s.effort IS NOT NULL)::int
    WHERE profile = s.profile AND programme = s.programme AND day = day_of;
    RETURN least(day_of, coalesce(last_row + 1, day_of));  -- days added before it are counted from too
END
$$;
CREATE OR REPLACE FUNCTION sitimer.refigure(of_code text, of_programme text, from_day date) RETURNS void
LANGUAGE plpgsql SET search_path = sitimer, pg_temp AS $$
DECLARE
    per_day_before integer;
    per_day_now integer;
BEGIN
    DELETE FROM code_programmes WHERE profile = of_code AND programme = of_programme
    RETURNING per_day INTO per_day_before;
    {_LATEST.format(where="AND profile = of_code AND programme = of_programme")}
    RETURNING per_day INTO per_day_now;
    IF per_day_now IS NULL THEN  -- no session of it left: nothing of it to show
        DELETE FROM code_days WHERE profile = of_code AND programme = of_programme;
    ELSIF per_day_now IS DISTINCT FROM per_day_before THEN  -- a new prescription counts every day again
        PERFORM recount(of_code, of_programme, '-infinity');
    ELSE
        PERFORM recount(of_code, of_programme, from_day);
    END IF;
END
$$;
CREATE OR REPLACE FUNCTION sitimer.session_counted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = sitimer, pg_temp AS $$
DECLARE
    old_day date;
    new_day date;
BEGIN
    IF TG_OP = 'UPDATE' AND (OLD.{_COUNTED.replace(", ", ", OLD.")})
        IS NOT DISTINCT FROM (NEW.{_COUNTED.replace(", ", ", NEW.")}) THEN
        RETURN NULL;  -- a session sent again unchanged, or only its note: its code's tallies stand
    END IF;
    -- one writer at a time per code and programme, so its figures are made from every tally; in
    -- the order of code and programme, as a station sends its sessions, so two never wait on each other
    PERFORM pg_advisory_xact_lock(hashtextextended(k.code || chr(31) || k.id, 14))
    FROM (VALUES (OLD.profile, OLD.programme), (NEW.profile, NEW.programme)) AS k (code, id)
    WHERE k.code IS NOT NULL ORDER BY k.code COLLATE "C", k.id COLLATE "C";
    IF TG_OP <> 'INSERT' THEN
        old_day := sitimer.count_session(OLD, -1);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        new_day := sitimer.count_session(NEW, 1);
    END IF;
    IF old_day IS NOT NULL
        AND (TG_OP = 'DELETE' OR (OLD.profile, OLD.programme) <> (NEW.profile, NEW.programme)) THEN
        PERFORM sitimer.refigure(OLD.profile, OLD.programme, old_day);  -- moved to another code
        old_day := NULL;
    END IF;
    IF coalesce(old_day, new_day) IS NOT NULL THEN
        PERFORM sitimer.refigure(NEW.profile, NEW.programme, least(old_day, new_day));
    END IF;
    RETURN NULL;
END
$$;
"""
# Every key's tallies made again: after a bulk load with the trigger off (a benchmark's million
# sessions), or should they ever be in doubt. Run as the owner, in one transaction.
REBUILD = "TRUNCATE sitimer.code_days, sitimer.code_programmes;" + TALLIES
