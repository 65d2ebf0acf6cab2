"""The therapist's overview of a practice (`sitimer --therapist`): every code on the practice's
server, who is falling behind first, behind the kiosk's PIN."""
