"""A session: the cues in its steps, the engine that runs it on a clock, its cue log, and what it records."""
