#pragma once

#include <functional>
#include <QDate>
#include <QList>
#include <QString>

namespace wardroll::model {

// Another record that holds a personal ID (for id.shared).
struct IdHolder
{
    QString residentId;
    QString sourceRef;
    QString fullName;

    // How a message names the record: its source reference, or its id.
    [[nodiscard]] QString ref() const { return sourceRef.isEmpty() ? residentId : sourceRef; }
};

// What rules need besides the records themselves.
struct RuleContext
{
    // "Today" for ages and future dates (Clock::today() in the app; fixed in tests).
    QDate today;
    // The living, unmerged records that hold a personal ID, as stored (the checked record may be
    // among them: rules skip it by id). Unset: id.shared is not checked. SharedIdIndex (batch,
    // one query) and SharedIdLookup (one record, SQL on the personal_id index) provide it.
    std::function<QList<IdHolder>(const QString& personalId)> idHolders;
};

} // namespace wardroll::model
