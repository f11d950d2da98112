#pragma once

#include "Result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace wardroll::model {

class WardDatabase;

// Finds households to pick from (moving a person, choosing a resident's household): by the
// start of the household number, or by the name, ID or birth year of any live member through
// the resident search index. Live households only; ordered by number; bounded.
class HouseholdSearch
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::model::HouseholdSearch)
public:
    struct Hit
    {
        QString id;
        QString number;
        QString village;
        QString headName; // empty when the household has no head
        int members = 0; // live members
    };

    explicit HouseholdSearch(WardDatabase& ward);
    // An empty query lists the first households by number.
    [[nodiscard]] Result<QList<Hit>> search(QStringView query, int limit = 50);

private:
    WardDatabase& m_ward;
};

} // namespace wardroll::model
