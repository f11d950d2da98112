#include "TranslationCatalog.h"

namespace wardroll::i18n {

QString TranslationCatalog::qmFile(const QString& languageCode)
{
    return QStringLiteral(":/i18n/wardroll_") + languageCode + QStringLiteral(".qm");
}

QStringList TranslationCatalog::languageCodes()
{
    return {QStringLiteral("vi"), QStringLiteral("en")};
}

} // namespace wardroll::i18n
