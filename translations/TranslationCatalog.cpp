#include "TranslationCatalog.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

namespace wardroll::i18n {

QString TranslationCatalog::qmFile(const QString& languageCode)
{
    return QStringLiteral(":/i18n/wardroll_") + languageCode + QStringLiteral(".qm");
}

QStringList TranslationCatalog::languageCodes()
{
    return {QStringLiteral("vi"), QStringLiteral("en")};
}

bool TranslationCatalog::installCommandLineTranslation(QTranslator& translator)
{
    QString language = qEnvironmentVariable("WARDROLL_LANG");
    if (language.isEmpty())
        language = QLocale::system().name().section(QLatin1Char('_'), 0, 0);
    // English is the source text: nothing to load.
    if (language != u"vi" || !translator.load(qmFile(language)))
        return false;
    return QCoreApplication::installTranslator(&translator);
}

} // namespace wardroll::i18n
