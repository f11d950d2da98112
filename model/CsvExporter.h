#pragma once

#include "CsvFieldMap.h"
#include "Result.h"

#include <array>
#include <functional>
#include <QCoreApplication>
#include <QString>

namespace wardroll::model {

class WardDatabase;
struct Resident;

// Writes the ward's live residents as CSV: UTF-8 without BOM, CRLF line ends, RFC 4180 quoting,
// a header of the canonical field names in CsvFieldMap::Field order, rows in record-id order
// (= order of creation). Values are the stored ones, so that an exported file imports back to
// the same records: dates as written (an impossible "31/02/1990" stays), sex as "M"/"F"/empty,
// status as its code ("living", "deceased", "missing", "moved_out"), addresses as their text,
// household_ref = the household's number. Unit codes of addresses are not part of the format.
// The file is written beside the target and renamed into place on success: a failed or
// cancelled export never leaves half a file, nor touches an existing one.
class CsvExporter
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::model::CsvExporter)
public:
    explicit CsvExporter(WardDatabase& ward);

    // The number of rows written. `progress` (optional) gets rows done and the total; returning
    // false cancels.
    [[nodiscard]] Result<qint64>
    exportFile(const QString& path, const std::function<bool(qint64 done, qint64 total)>& progress = {});

    // A record's text for each column, in CsvFieldMap::Field order, as the file holds it.
    [[nodiscard]] static std::array<QString, CsvFieldMap::fieldCount> values(const Resident& r,
                                                                             const QString& householdNumber);

private:
    WardDatabase& m_ward;
};

} // namespace wardroll::model
