"""The Qt-free heart of sitimer: programmes and plans, the session engine, history, reminders, the kiosk."""
