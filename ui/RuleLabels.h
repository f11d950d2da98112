#pragma once

#include <QCoreApplication>
#include <QString>

namespace wardroll::ui {

// What officers call each cleaning rule ("id.birth_year" → "Số định danh không khớp năm sinh").
class RuleLabels
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::ui::RuleLabels)
public:
    // The translated name of a rule; the code itself when unknown.
    [[nodiscard]] static QString label(const QString& rule);
};

} // namespace wardroll::ui
