"""The Dutch translation of the Qt layer's words (Qt Linguist .qm in resources/translations)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from sitimer.core.paths import resources_dir

# Words of Qt's own file dialog that Qt 6.11's Dutch translation lacks (the dialog's were changed):
# written here, they are in sitimer_nl.ts under Qt's context, and sitimer's translation is asked
# before Qt's. (Seen: "Look in:", "Files of type:" and "Computer" in English in a Dutch dialog.)
QT_WORDS_MISSING = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Computer"),
)


def install_translator(app: QCoreApplication, lang: str) -> QTranslator | None:
    """Load and install the translation for ``lang``; English needs none.

    Qt's own words (Yes / No, the file dialogs) come from the qtbase translation PySide6 ships.
    Widgets write and read numbers as ``lang`` does (Dutch: 2,5), whatever the system's locale.
    """
    QLocale.setDefault(QLocale(lang))
    if lang == "en":
        return None
    qt_words = QTranslator(app)
    if qt_words.load(
        QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt_words)
    translator = translator_for(lang, app)
    if translator is not None:
        app.installTranslator(translator)
    return translator


def translator_for(lang: str, parent: QCoreApplication | None = None) -> QTranslator | None:
    """sitimer's translation for ``lang`` (not installed); None where there is none."""
    translator = QTranslator(parent)
    if not translator.load(QLocale(lang), "sitimer", "_", str(resources_dir() / "translations")):
        return None
    return translator


def system_language(system: QLocale | None = None) -> str:
    """nl or en: the first of the system's languages (its order of preference) that sitimer speaks.

    ``QLocale.system()`` asks the platform: the user's preferred languages on macOS, also when
    Finder starts sitimer without LANG; the display language on Windows; LANG and its kin on Linux.
    """
    for name in (system or QLocale.system()).uiLanguages():
        if name.lower().startswith(("nl", "en")):
            return name[:2].lower()
    return "en"
