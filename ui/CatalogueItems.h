#pragma once

#include "CataloguePicker.h"

#include <QCoreApplication>

namespace wardroll::ui {

// The suggestion lists of the resident form, built once from the model's catalogues.
class CatalogueItems
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::ui::CatalogueItems)
public:
    [[nodiscard]] static const QList<CatalogueItem>& ethnicGroups(); // canonical names, variants as keys
    [[nodiscard]] static const QList<CatalogueItem>& religions();
    [[nodiscard]] static const QList<CatalogueItem>& relations(); // relationship to the household head
    [[nodiscard]] static const QList<CatalogueItem>& nationalities();
    // The 3,321 communes of the 2025 scheme (2026 catalogue), valued "2025:<code>".
    [[nodiscard]] static const QList<CatalogueItem>& communes();
    // Places as free text (hometown, birth registration): communes and provinces, by full name.
    [[nodiscard]] static const QList<CatalogueItem>& places();
    [[nodiscard]] static const QList<CatalogueItem>& maritalStatuses();

    // "2025:00004" <-> scheme and code.
    [[nodiscard]] static QString unitValue(const QString& scheme, const QString& code);
    [[nodiscard]] static std::pair<QString, QString> unitFromValue(const QString& value);
    // The commune's full name for a unit value of either scheme (legacy ones included).
    [[nodiscard]] static QString describeUnit(const QString& value);
};

} // namespace wardroll::ui
