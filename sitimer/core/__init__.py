"""The Qt-free heart of sitimer: programmes, plans, the session engine, cues, history."""
