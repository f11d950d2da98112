#pragma once

#include <QStringList>

namespace wardroll::model {
class WardDatabase;
}

namespace wardroll::test {

// Fills a ward through WardStore with varied residents: full, month-only, year-only and missing
// birth dates, unknown sex, empty IDs, repeated names and villages (so that page boundaries fall
// inside runs of equal sort keys), households with numbers and residents without one; then
// soft-deletes some and merges some into others. Deterministic for a seed.
struct SampleWard
{
    QStringList liveIds;
    QStringList deletedIds;
    QStringList mergedIds;
};

[[nodiscard]] SampleWard fillSampleWard(model::WardDatabase& ward, int residents, quint32 seed = 1);

} // namespace wardroll::test
