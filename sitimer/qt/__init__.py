"""The Qt layer: windows, the session driver, sound and voice. The only code that imports Qt."""
