"""Colours, font sizes and style sheets of the picker and the session view.

Phase colours come from the Okabe–Ito palette, which stays distinguishable
with every common colour-vision deficiency; the text drawn on each colour is
picked for a WCAG contrast of at least 4.5:1. Sizes are fractions of the
window height, so one layout serves a 1280×720 laptop and a 1920×1080 TV.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from sitimer.core.paths import resources_dir
from sitimer.core.programme.plan import StepKind

# Okabe & Ito (2008), "Color Universal Design": the eight colours.
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}

BACKGROUND = "#16191D"  # the session view and picker: dark, so a TV does not glare
SURFACE = "#242930"  # buttons, list, progress troughs
SURFACE_HOVER = "#313841"
BORDER = "#3A424C"
TEXT = "#F4F5F6"
TEXT_MUTED = "#B4BCC6"  # secondary lines; 9:1 on BACKGROUND
FOCUS = OKABE_ITO["yellow"]  # keyboard focus ring
NOTICE = OKABE_ITO["orange"]
ERROR = "#FF9E80"  # a light vermillion, readable on BACKGROUND
DISABLED_TEXT = "#6C747E"  # a control that cannot be used (WCAG asks no contrast of it)
DARK_TEXT = "#000000"
LIGHT_TEXT = "#FFFFFF"


@dataclass(frozen=True)
class PhaseLook:
    """How one kind of step looks: its background colour and the text colour on it."""

    colour: str
    text: str


def _channel(c: int) -> float:
    s = c / 255
    return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """Relative luminance of a ``#RRGGBB`` colour (WCAG 2)."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two ``#RRGGBB`` colours, from 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_on(colour: str) -> str:
    """Black or white, whichever reads better on ``colour``."""
    return DARK_TEXT if contrast(colour, DARK_TEXT) >= contrast(colour, LIGHT_TEXT) else LIGHT_TEXT


def _look(name: str) -> PhaseLook:
    colour = OKABE_ITO[name]
    return PhaseLook(colour, text_on(colour))


PHASES: dict[StepKind, PhaseLook] = {
    StepKind.PREPARE: _look("yellow"),
    StepKind.WORK: _look("vermillion"),
    StepKind.HOLD: _look("blue"),
    StepKind.TIMED: _look("vermillion"),
    StepKind.REST: _look("bluish_green"),
    StepKind.SWITCH: _look("reddish_purple"),
    StepKind.DONE: _look("sky_blue"),
}

# A flash stands in for a sound when there is no sound device: by cue kind.
FLASHES: dict[str, str] = {
    "rep": OKABE_ITO["sky_blue"],
    "countdown": OKABE_ITO["yellow"],
    "start": OKABE_ITO["vermillion"],
    "end": OKABE_ITO["bluish_green"],
    "rest": OKABE_ITO["bluish_green"],
    "switch": OKABE_ITO["reddish_purple"],
    "complete": OKABE_ITO["sky_blue"],
}
FLASH_DEFAULT = "#FFFFFF"
FLASH_MS = 250


class Size:
    """Font pixel sizes and paddings as fractions of the window height."""

    DIGITS_GLYPH = 0.26  # the height of the digits themselves, not the font's line box
    PHASE = 0.062
    NAME = 0.05
    SIDE = 0.055
    INFO = 0.034
    INSTRUCTIONS = 0.029  # the most; long instructions get smaller type, down to INSTRUCTIONS_MIN
    INSTRUCTIONS_MIN = 0.022
    INSTRUCTIONS_BOX = 0.15  # the height they may take
    SPACING = 0.008
    BUTTON = 0.028
    BUTTON_HEIGHT = 0.085
    BAR = 0.022
    MARGIN = 0.025


def px(fraction: float, height: int, minimum: int = 10) -> int:
    """A pixel size for ``fraction`` of ``height``, never below ``minimum``."""
    return max(minimum, round(fraction * height))


def banner_stylesheet(kind: StepKind) -> str:
    """The session view's banner in the colours of a step's phase."""
    look = PHASES[kind]
    return (
        f"QFrame#banner {{ background: {look.colour}; border-radius: 12px; }}"
        f"QFrame#banner QLabel {{ color: {look.text}; }}"
    )


def step_bar_stylesheet(kind: StepKind) -> str:
    """The session view's step bar in the colour of a step's phase."""
    return f"QProgressBar::chunk {{ background: {PHASES[kind].colour}; border-radius: 6px; }}"


def session_stylesheet() -> str:
    """The session view's style sheet: colours and shapes only; fonts are set on resize."""
    return f"""
SessionView {{ background: {BACKGROUND}; }}
SessionView QLabel {{ color: {TEXT}; background: transparent; }}
SessionView QLabel[secondary="true"] {{ color: {TEXT_MUTED}; }}
SessionView QLabel#notice {{ color: {NOTICE}; }}
SessionView QLabel#tempo {{
    color: {TEXT}; background: {SURFACE}; border: 3px solid {TEXT_MUTED}; border-radius: 14px;
}}
SessionView QPushButton {{
    color: {TEXT}; background: {SURFACE}; border: 2px solid {BORDER};
    border-radius: 10px; padding: 4px 10px;
}}
SessionView QPushButton:hover {{ background: {SURFACE_HOVER}; }}
SessionView QPushButton:pressed {{ background: {BORDER}; }}
SessionView QPushButton:focus {{ border: 3px solid {FOCUS}; }}
SessionView QPushButton:disabled {{ color: #6C747E; border-color: {SURFACE}; }}
SessionView QPushButton#primary {{ background: #E8EAED; color: #111418; border-color: #E8EAED; }}
SessionView QPushButton#primary:hover {{ background: #FFFFFF; }}
SessionView QPushButton#primary:focus {{ border: 3px solid {OKABE_ITO["blue"]}; }}
SessionView QProgressBar {{
    background: {SURFACE}; border: none; border-radius: 6px; color: transparent;
}}
SessionView QProgressBar#session::chunk {{ background: #C9CED4; border-radius: 6px; }}
"""


def picker_stylesheet() -> str:
    """The main window and programme picker's style sheet."""
    return f"""
QMainWindow, ProgrammePicker {{ background: {BACKGROUND}; }}
ProgrammePicker QLabel {{ color: {TEXT}; background: transparent; }}
ProgrammePicker QLabel[secondary="true"] {{ color: {TEXT_MUTED}; }}
ProgrammePicker QLabel[problem="true"] {{ color: {ERROR}; }}
ProgrammePicker QLabel[off="true"] {{ color: {TEXT_MUTED}; font-style: italic; }}
ProgrammePicker QListWidget {{
    background: {SURFACE}; color: {TEXT}; border: 1px solid {BORDER}; border-radius: 10px;
    padding: 6px; outline: none;
}}
ProgrammePicker QListWidget:focus {{ border: 2px solid {FOCUS}; }}
ProgrammePicker QScrollArea, ProgrammePicker QScrollArea > QWidget > QWidget {{
    background: transparent; border: none;
}}
{_button_rules("ProgrammePicker", "10px 22px")}\
ProgrammePicker QFrame#detail {{ background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 10px; }}
ProgrammePicker QScrollArea#details {{ border: 2px solid transparent; border-radius: 6px; }}
ProgrammePicker QScrollArea#details:focus {{ border: 2px solid {FOCUS}; }}
"""


def editor_stylesheet() -> str:
    """The programme editor's style sheet: the picker's dark look, with form fields and panels."""
    return f"""
EditorWindow, EditorWindow QWidget#page {{ background: {BACKGROUND}; }}
EditorWindow QLabel {{ color: {TEXT}; background: transparent; }}
EditorWindow QLabel[secondary="true"] {{ color: {TEXT_MUTED}; }}
EditorWindow QLabel[problem="true"] {{ color: {ERROR}; }}
EditorWindow QLabel#length {{ font-weight: bold; }}
EditorWindow QGroupBox {{
    color: {TEXT}; background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 10px;
    margin-top: 14px; padding: 14px 10px 8px 10px; font-weight: bold;
}}
EditorWindow QGroupBox::title {{ subcontrol-origin: margin; left: 12px; padding: 0 4px; }}
EditorWindow QGroupBox QLabel, EditorWindow QGroupBox QCheckBox {{ font-weight: normal; }}
EditorWindow QListWidget {{
    background: {SURFACE}; color: {TEXT}; border: 1px solid {BORDER}; border-radius: 10px;
    padding: 4px; outline: none;
}}
EditorWindow QListWidget:focus {{ border: 2px solid {FOCUS}; }}
EditorWindow QListWidget::item {{ padding: 6px; border-radius: 6px; border: 1px solid transparent; }}
EditorWindow QListWidget::item:selected {{
    background: {SURFACE_HOVER}; color: {TEXT}; border: 1px solid {OKABE_ITO["bluish_green"]};
}}
EditorWindow QListWidget#problems, EditorWindow QLabel#not_saved {{ color: {ERROR}; }}
EditorWindow QSpinBox, EditorWindow QDoubleSpinBox, EditorWindow QComboBox, EditorWindow QLineEdit {{
    color: {TEXT}; background: {BACKGROUND}; border: 1px solid {BORDER}; border-radius: 6px;
    padding: 3px 6px; font-weight: normal; selection-background-color: {OKABE_ITO["blue"]};
}}
EditorWindow QSpinBox:focus, EditorWindow QDoubleSpinBox:focus, EditorWindow QComboBox:focus,
EditorWindow QLineEdit:focus {{ border: 2px solid {FOCUS}; }}
EditorWindow QSpinBox:disabled, EditorWindow QDoubleSpinBox:disabled, EditorWindow QComboBox:disabled {{
    color: #6C747E;
}}
EditorWindow QComboBox::down-arrow {{
    width: 0; height: 0; border-left: 5px solid none; border-right: 5px solid none;
    border-top: 6px solid {TEXT};
}}
EditorWindow QComboBox::drop-down {{
    subcontrol-origin: border; subcontrol-position: center right; width: 22px; border: none;
}}
EditorWindow QComboBox QAbstractItemView {{
    color: {TEXT}; background: {SURFACE}; selection-background-color: {SURFACE_HOVER};
}}
EditorWindow QCheckBox {{ color: {TEXT}; spacing: 8px; }}
{_button_rules("EditorWindow", "6px 16px")}"""


def _button_rules(scope: str, padding: str) -> str:
    """The picker's and the editor's buttons: a dark surface, the primary one bluish green."""
    return f"""{scope} QPushButton {{
    color: {TEXT}; background: {SURFACE}; border: 2px solid {BORDER};
    border-radius: 10px; padding: {padding};
}}
{scope} QPushButton:hover {{ background: {SURFACE_HOVER}; }}
{scope} QPushButton:focus {{ border: 3px solid {FOCUS}; }}
{scope} QPushButton:disabled {{ color: {DISABLED_TEXT}; border-color: {SURFACE}; }}
{scope} QPushButton#primary {{ background: {OKABE_ITO["bluish_green"]}; color: {DARK_TEXT};
    border-color: {OKABE_ITO["bluish_green"]}; font-weight: bold; }}
{scope} QPushButton#primary:focus {{ border: 3px solid {FOCUS}; }}
{scope} QPushButton#primary:disabled {{
    background: {SURFACE}; color: {DISABLED_TEXT}; border-color: {SURFACE};
}}
"""


DIALOG_TEXT_PX = 20  # message boxes and dialogs: large text for older eyes
CHECK_PX = 24  # a check box's square, where a view does not make it larger


def palette() -> QPalette:
    """The app's dark palette: every window and dialog that has no style sheet of its own follows it."""
    colours = {
        QPalette.ColorRole.Window: BACKGROUND,
        QPalette.ColorRole.WindowText: TEXT,
        QPalette.ColorRole.Base: SURFACE,
        QPalette.ColorRole.AlternateBase: SURFACE_HOVER,
        QPalette.ColorRole.Text: TEXT,
        QPalette.ColorRole.PlaceholderText: TEXT_MUTED,
        QPalette.ColorRole.Button: SURFACE,
        QPalette.ColorRole.ButtonText: TEXT,
        QPalette.ColorRole.BrightText: LIGHT_TEXT,
        QPalette.ColorRole.Highlight: OKABE_ITO["blue"],
        QPalette.ColorRole.HighlightedText: LIGHT_TEXT,
        QPalette.ColorRole.ToolTipBase: SURFACE,
        QPalette.ColorRole.ToolTipText: TEXT,
        QPalette.ColorRole.Link: OKABE_ITO["sky_blue"],
        QPalette.ColorRole.LinkVisited: OKABE_ITO["reddish_purple"],
        QPalette.ColorRole.Light: SURFACE_HOVER,
        QPalette.ColorRole.Midlight: BORDER,
        QPalette.ColorRole.Mid: BORDER,
        QPalette.ColorRole.Dark: "#0E1013",
        QPalette.ColorRole.Shadow: "#000000",
    }
    result = QPalette()
    for role, colour in colours.items():
        result.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        result.setColor(QPalette.ColorGroup.Disabled, role, QColor(DISABLED_TEXT))
    return result


def _icon(name: str) -> str:
    return (resources_dir() / "icons" / name).as_posix()


def controls_stylesheet() -> str:
    """Check boxes and spin boxes everywhere: a ticked box shows a tick, and the arrows show.

    These rules are the app's own, below every view's: a view may make the square larger or
    colour it, and the tick (an image, which no view sets) and the arrows still come from here.
    """
    return f"""
QCheckBox::indicator {{
    width: {CHECK_PX}px; height: {CHECK_PX}px; border: 2px solid {TEXT_MUTED}; border-radius: 5px;
    background: {SURFACE};
}}
QCheckBox::indicator:checked {{
    background: {OKABE_ITO["bluish_green"]}; border-color: {OKABE_ITO["bluish_green"]};
    image: url({_icon("tick.svg")});
}}
QCheckBox::indicator:focus {{ border-color: {FOCUS}; }}
QCheckBox::indicator:disabled {{ border-color: {DISABLED_TEXT}; }}
QCheckBox::indicator:checked:disabled {{ background: {DISABLED_TEXT}; }}
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{
    subcontrol-origin: border; width: 24px; background: {SURFACE_HOVER}; border-left: 1px solid {BORDER};
}}
QAbstractSpinBox::up-button {{ subcontrol-position: top right; border-top-right-radius: 6px; }}
QAbstractSpinBox::down-button {{ subcontrol-position: bottom right; border-bottom-right-radius: 6px; }}
QAbstractSpinBox::up-button:pressed, QAbstractSpinBox::down-button:pressed {{ background: {BORDER}; }}
QAbstractSpinBox::up-arrow {{ image: url({_icon("arrow-up.svg")}); width: 14px; height: 12px; }}
QAbstractSpinBox::down-arrow {{ image: url({_icon("arrow-down.svg")}); width: 14px; height: 12px; }}
QAbstractSpinBox::up-arrow:off, QAbstractSpinBox::up-arrow:disabled {{
    image: url({_icon("arrow-up-off.svg")});
}}
QAbstractSpinBox::down-arrow:off, QAbstractSpinBox::down-arrow:disabled {{
    image: url({_icon("arrow-down-off.svg")});
}}
"""


def dialog_stylesheet() -> str:
    """Message boxes and dialogs: dark, with large text, whichever window asks.

    A dialog is a child of the view that opens it, so that view's rules (``SessionView QLabel
    {color: …}``) reach it too; these rules give it a whole look of its own to go with them.
    Their buttons carry no icons: Qt's own, drawn for a light window, were a dark smudge before
    "Close" and coloured dots before "Yes" and "No".
    """
    return f"""
QDialog {{ background: {BACKGROUND}; color: {TEXT}; }}
QDialog QLabel {{ color: {TEXT}; background: transparent; font-size: {DIALOG_TEXT_PX}px; }}
QDialog QPushButton {{
    color: {TEXT}; background: {SURFACE}; border: 2px solid {BORDER}; border-radius: 10px;
    padding: 8px 26px; font-size: {DIALOG_TEXT_PX}px;
}}
QDialog QPushButton:hover {{ background: {SURFACE_HOVER}; }}
QDialogButtonBox {{ dialogbuttonbox-buttons-have-icons: 0; }}
QDialog QPushButton:focus {{ border: 3px solid {FOCUS}; }}
QDialog QPushButton:disabled {{ color: {DISABLED_TEXT}; border-color: {SURFACE}; }}
QDialog QLineEdit, QDialog QComboBox, QDialog QAbstractItemView, QDialog QAbstractSpinBox {{
    color: {TEXT}; background: {SURFACE}; border: 1px solid {BORDER}; font-size: {DIALOG_TEXT_PX - 2}px;
    selection-background-color: {OKABE_ITO["blue"]}; selection-color: {LIGHT_TEXT};
}}
QDialog QLineEdit:focus, QDialog QComboBox:focus, QDialog QAbstractItemView:focus {{
    border: 2px solid {FOCUS};
}}
QDialog QAbstractItemView::item:selected {{ background: {OKABE_ITO["blue"]}; color: {LIGHT_TEXT}; }}
QDialog QHeaderView::section {{ color: {TEXT}; background: {SURFACE_HOVER}; border: none; padding: 4px; }}
QToolTip {{ color: {TEXT}; background: {SURFACE}; border: 1px solid {BORDER}; font-size: 16px; }}
"""


def apply_theme(app: QApplication) -> None:
    """The dark palette, the dialogs' and the controls' look for the whole app (home, kiosk, editor)."""
    app.setPalette(palette())
    app.setStyleSheet(controls_stylesheet() + dialog_stylesheet())
