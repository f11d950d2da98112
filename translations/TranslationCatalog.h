#pragma once

#include <QString>
#include <QStringList>

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
};

} // namespace wardroll::i18n
