"""A session: the plan of steps, the cues in it, the engine that runs it on a clock, and what it records."""
