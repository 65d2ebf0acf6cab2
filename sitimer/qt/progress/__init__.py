"""The patient's progress: the chart and figures, and the report PDF."""
