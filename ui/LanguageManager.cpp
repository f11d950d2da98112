#include "LanguageManager.h"

#include "TranslationCatalog.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace wardroll::ui {

namespace {
const QString settingsKey = QStringLiteral("ui/language");
}

LanguageManager::LanguageManager(QObject* parent)
    : QObject(parent)
{
}

LanguageManager::~LanguageManager()
{
    removeTranslators();
}

LanguageManager::Language LanguageManager::savedLanguage()
{
    const QString saved = QSettings().value(settingsKey).toString();
    return saved == code(Language::English) ? Language::English : Language::Vietnamese;
}

QString LanguageManager::code(Language language)
{
    return language == Language::English ? QStringLiteral("en") : QStringLiteral("vi");
}

QString LanguageManager::nativeName(Language language)
{
    return language == Language::English ? QStringLiteral("English") : QStringLiteral("Tiếng Việt");
}

void LanguageManager::removeTranslators()
{
    for (auto* translator : {m_appTranslator.get(), m_qtTranslator.get()}) {
        if (translator)
            QCoreApplication::removeTranslator(translator);
    }
    m_appTranslator.reset();
    m_qtTranslator.reset();
}

void LanguageManager::setLanguage(Language language, bool remember)
{
    removeTranslators();
    const QString languageCode = code(language);
    QLocale::setDefault(QLocale(language == Language::English ? QLocale::English : QLocale::Vietnamese,
                                language == Language::English ? QLocale::UnitedStates : QLocale::Vietnam));

    // English is the source language: its catalogue holds plural forms only and may be empty.
    auto appTranslator = std::make_unique<QTranslator>();
    if (appTranslator->load(i18n::TranslationCatalog::qmFile(languageCode))) {
        QCoreApplication::installTranslator(appTranslator.get());
        m_appTranslator = std::move(appTranslator);
    }
    // Qt's own strings (context menus of text fields, standard dialogs), when the system has them.
    auto qtTranslator = std::make_unique<QTranslator>();
    if (qtTranslator->load(QStringLiteral("qtbase_") + languageCode,
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qtTranslator.get());
        m_qtTranslator = std::move(qtTranslator);
    }
    const bool changed = language != m_language;
    m_language = language;
    if (remember)
        QSettings().setValue(settingsKey, languageCode);
    if (changed)
        Q_EMIT languageChanged(language);
}

} // namespace wardroll::ui
