#pragma once

#include "PartialDate.h"
#include "Result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace wardroll::model {

class WardDatabase;

// Search as you type over the FTS5 index of accent-folded names, IDs and birth years:
// "nguyen van hung 1985", "Nguyễn Văn Hùng" and "001085" all find the same person. Every
// word is a prefix, all words must match, live records only.
class ResidentSearch
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::model::ResidentSearch)
public:
    struct Hit
    {
        QString id;
        QString sourceRef;
        QString fullName;
        PartialDate birthDate;
        QString personalId;
        [[nodiscard]] QString ref() const { return sourceRef.isEmpty() ? id : sourceRef; }
    };

    explicit ResidentSearch(WardDatabase& ward);

    [[nodiscard]] Result<QList<Hit>> search(QStringView query, int limit = 50);
    // The FTS5 MATCH expression for what a person typed; empty when nothing searchable remains.
    [[nodiscard]] static QString matchExpression(QStringView query);

private:
    WardDatabase& m_ward;
};

} // namespace wardroll::model
