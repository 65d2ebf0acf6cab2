"""The Dutch translation of the Qt layer's words (Qt Linguist .qm in resources/translations)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from sitimer.paths import resources_dir


def install_translator(app: QCoreApplication, lang: str) -> QTranslator | None:
    """Load and install the translation for ``lang``; English needs none. Keep the result alive."""
    if lang == "en":
        return None
    translator = QTranslator(app)
    if not translator.load(QLocale(lang), "sitimer", "_", str(resources_dir() / "translations")):
        return None
    app.installTranslator(translator)
    return translator
