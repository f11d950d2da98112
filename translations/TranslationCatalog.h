#pragma once

#include <QString>
#include <QStringList>

class QTranslator;

namespace wardroll::i18n {

// Where the compiled interface translations live: translations/CMakeLists.txt embeds the .qm
// files built from wardroll_<code>.ts as Qt resources under :/i18n in this library.
class TranslationCatalog
{
public:
    // ":/i18n/wardroll_vi.qm" for "vi".
    [[nodiscard]] static QString qmFile(const QString& languageCode);
    // The languages with a catalogue: "vi" (the default) and "en" (the source language).
    [[nodiscard]] static QStringList languageCodes();
    // For the command-line tools: Vietnamese messages when the system language (or
    // WARDROLL_LANG=vi|en, which overrides it) is Vietnamese, English otherwise. Loads into
    // `translator` and installs it; false when the messages stay English.
    static bool installCommandLineTranslation(QTranslator& translator);
};

} // namespace wardroll::i18n
