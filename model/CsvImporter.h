#pragma once

#include "CsvFieldMap.h"
#include "Result.h"

#include <functional>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

class QIODevice;

namespace wardroll::model {

class WardDatabase;

// Imports residents from a UTF-8 CSV file with a header line (see CsvFieldMap for how columns
// are recognised) into a ward, all rows in one transaction: either the import completes, or the
// ward is left as it was (I/O error, the file shrinking while read, a full disk, cancel).
//
// Values are stored as written, only trimmed, so that cleaning can flag them: an impossible date
// keeps its text, an unreadable sex is stored unknown and an unreadable status as living. What
// the record cannot give back as written (an unreadable sex or status, unmapped columns, columns
// feeding a template) is kept as compact JSON (header → value, both trimmed) in
// Resident::importRaw, so that nothing of the source row is lost.
// A row that cannot be read at all is rejected with its line number and the reason, and the
// others are imported: a wrong number of columns, bytes that are not UTF-8, a quote never closed.
// A source_ref seen before, earlier in the file or on a live record of the ward, rejects the
// later row (the reason names the first occurrence): re-importing a file adds nothing twice.
// Rows sharing household_ref form one household, reusing a live household of the ward with that
// number, else creating one (number = the ref, village and address from the first row).
// Rows whose every value is empty are skipped.
class CsvImporter
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::model::CsvImporter)
public:
    struct Options
    {
        // "FIELD=TEMPLATE", see CsvFieldMap::build.
        QStringList maps;
        // Called now and then while reading; return false to cancel (the ward stays unchanged).
        // bytesTotal is -1 when the input's size is unknown.
        std::function<bool(qint64 bytesDone, qint64 bytesTotal)> progress;
        // A file at least this large (and not small beside the ward) is loaded with the residents'
        // indexes rebuilt once at the end instead of row by row (ResidentBulkInsert); -1: never.
        qint64 bulkThresholdBytes = qint64(1) << 20;
        // Fields left out although a header names them (applied after `maps`).
        QList<CsvFieldMap::Field> unmapped;
        // Reads and checks every row exactly as an import would (rejections included), then
        // rolls back: the report of what an import would do, with the ward unchanged.
        bool dryRun = false;
    };
    struct RejectedRow
    {
        qint64 line = 0; // 1-based line where the row starts
        QString reason;
    };
    struct Report
    {
        qint64 rowsRead = 0; // data rows, imported or rejected
        qint64 imported = 0;
        qint64 householdsCreated = 0;
        QList<RejectedRow> rejected;
        QStringList ignoredColumns; // header columns that feed no field
        bool bulkLoaded = false; // indexes were rebuilt at the end (see Options::bulkThresholdBytes)
    };

    explicit CsvImporter(WardDatabase& ward);

    [[nodiscard]] Result<Report> importFile(const QString& path, const Options& options);
    [[nodiscard]] Result<Report> importFile(const QString& path) { return importFile(path, Options()); }
    // Reads from an open device, from its current position.
    [[nodiscard]] Result<Report> importDevice(QIODevice& device, const Options& options);
    [[nodiscard]] Result<Report> importDevice(QIODevice& device) { return importDevice(device, Options()); }

private:
    WardDatabase& m_ward;
};

} // namespace wardroll::model
