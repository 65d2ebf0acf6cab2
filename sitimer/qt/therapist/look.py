"""The overview page's style sheet: the picker's dark look, a table of codes, a calm status line."""

from __future__ import annotations

from sitimer.qt.common.style import (
    BACKGROUND,
    BORDER,
    DISABLED_TEXT,
    ERROR,
    FOCUS,
    SURFACE,
    SURFACE_HOVER,
    TEXT,
    TEXT_MUTED,
)


def overview_stylesheet() -> str:
    """Every rule scoped to the overview page (the PIN page keeps the kiosk's)."""
    scope = "QWidget#overviewPage"
    return f"""
QMainWindow {{ background: {BACKGROUND}; }}
{scope} {{ background: {BACKGROUND}; }}
{scope} QLabel {{ color: {TEXT}; background: transparent; font-size: 15px; }}
{scope} QLabel#title {{ font-size: 26px; font-weight: bold; }}
{scope} QLabel[secondary="true"] {{ color: {TEXT_MUTED}; }}
{scope} QLabel#status {{ color: {TEXT_MUTED}; }}
{scope} QLabel#status[problem="true"] {{ color: {ERROR}; }}
{scope} QPushButton {{
    color: {TEXT}; background: {SURFACE}; border: 2px solid {BORDER}; border-radius: 10px;
    padding: 6px 16px; font-size: 15px;
}}
{scope} QPushButton:hover {{ background: {SURFACE_HOVER}; }}
{scope} QPushButton:focus {{ border: 3px solid {FOCUS}; }}
{scope} QPushButton:disabled {{ color: {DISABLED_TEXT}; border-color: {SURFACE}; }}
{scope} QTableWidget {{
    color: {TEXT}; background: {SURFACE}; alternate-background-color: #2A3038;
    border: 1px solid {BORDER}; border-radius: 8px; gridline-color: {BORDER}; font-size: 15px;
    selection-background-color: #3D4754; selection-color: {TEXT}; outline: none;
}}
{scope} QTableWidget:focus {{ border: 2px solid {FOCUS}; }}
{scope} QTableWidget::item {{ padding: 4px 6px; }}
{scope} QHeaderView::section {{
    color: {TEXT}; background: {SURFACE_HOVER}; border: none; border-bottom: 1px solid {BORDER};
    padding: 6px 8px; font-size: 15px; font-weight: bold;
}}
"""
