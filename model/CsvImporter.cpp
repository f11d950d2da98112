#include "CsvImporter.h"

#include "BulkLoadJournal.h"
#include "CsvFieldMap.h"
#include "CsvReader.h"
#include "CsvRecordReader.h"
#include "ResidentBulkInsert.h"
#include "SqlConnection.h"
#include "SqlTransaction.h"
#include "WardDatabase.h"
#include "WardStore.h"

#include <QFile>
#include <QFileDevice>
#include <QFileInfo>
#include <QHash>

namespace wardroll::model {

namespace {

using Field = CsvFieldMap::Field;

constexpr qint64 progressEveryRows = 512;

} // namespace

CsvImporter::CsvImporter(WardDatabase& ward)
    : m_ward(ward)
{
}

Result<CsvImporter::Report> CsvImporter::importFile(const QString& path, const Options& options)
{
    if (QFileInfo(path).isDir())
        return Error{Error::Kind::InvalidInput, tr("“%1” is a folder, not a CSV file.").arg(path)};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{file.exists() ? Error::Kind::Io : Error::Kind::NotFound,
                     tr("The file “%1” could not be opened.").arg(path), file.errorString()};
    }
    return importDevice(file, options);
}

Result<CsvImporter::Report> CsvImporter::importDevice(QIODevice& device, const Options& options)
{
    CsvReader reader(device);
    auto hasHeader = reader.readNext();
    if (!hasHeader.ok())
        return hasHeader.error();
    if (!hasHeader.value())
        return Error{Error::Kind::InvalidInput, tr("The file is empty.")};
    if (!reader.problem().isEmpty()) {
        return Error{Error::Kind::InvalidInput, tr("The header line cannot be read."),
                     tr("line %1: %2").arg(reader.line()).arg(reader.problem())};
    }
    const QStringList header = reader.fields();
    auto built = CsvFieldMap::build(header, options.maps);
    if (!built.ok())
        return built.error();
    CsvFieldMap& map = built.value();
    for (Field field : options.unmapped)
        map.unmap(field);
    if (map.isEmpty()) {
        QStringList trimmed;
        for (const QString& column : header)
            trimmed.append(column.trimmed());
        return Error{Error::Kind::InvalidInput,
                     tr("No column of the file is a resident field. Name the columns as in the "
                        "form (Họ và tên, Ngày sinh, …) or map them with FIELD=TEMPLATE."),
                     tr("columns: %1").arg(trimmed.join(QStringLiteral(", ")))};
    }
    Report report;
    report.ignoredColumns = map.ignoredColumns();

    SqlConnection& db = m_ward.connection();
    // Rebuilding the indexes once beats maintaining them row by row when the file brings many
    // rows compared with those already in the ward (a row of a resident file is ~300 bytes).
    bool bulkLoad = false;
    if (options.bulkThresholdBytes >= 0 && reader.bytesTotal() >= options.bulkThresholdBytes) {
        auto live = WardStore(m_ward).countResidents();
        if (!live.ok())
            return live.error();
        bulkLoad = reader.bytesTotal() / 300 * 2 >= live.value();
    }
    std::optional<BulkLoadJournal> journal;
    if (!options.dryRun)
        journal.emplace(db);
    // An import only inserts: its rows are recorded for sync as they are written.
    SqlTransaction transaction(db, ChangeCapture::Inserts);
    if (!transaction.begun().ok())
        return transaction.begun().error();
    WardStore store(m_ward);

    // Lookups in the ward are only needed when it already holds records.
    auto existingRefs = db.queryInt(u"SELECT EXISTS (SELECT 1 FROM residents WHERE source_ref IS NOT NULL "
                                    u"AND deleted_at IS NULL AND merged_into IS NULL)");
    auto existingHouseholds
        = db.queryInt(u"SELECT EXISTS (SELECT 1 FROM households WHERE deleted_at IS NULL)");
    if (!existingRefs.ok())
        return existingRefs.error();
    if (!existingHouseholds.ok())
        return existingHouseholds.error();
    ResidentBulkInsert bulk(db);
    if (bulkLoad) {
        // The import looks records up by source reference only in a ward that has some; otherwise
        // that index is rebuilt at the end like the others (1M rows: rows written in 9.1-10.0 s
        // instead of 9.7-10.9 s with it kept up to date, and the refs of this file were in order).
        QStringList keep;
        if (existingRefs.value())
            keep << QStringLiteral("residents_source_ref");
        if (auto status = bulk.begin(keep); !status.ok())
            return status.error();
        store.setBulkInsert(&bulk);
        report.bulkLoaded = true;
    }

    std::optional<SqlStatement> refLookup;
    std::optional<SqlStatement> householdLookup;
    if (existingRefs.value()) {
        auto stmt = db.prepare(u"SELECT id FROM residents WHERE source_ref = ? AND deleted_at IS NULL "
                               u"AND merged_into IS NULL ORDER BY id LIMIT 1");
        if (!stmt.ok())
            return stmt.error();
        refLookup.emplace(std::move(stmt.value()));
    }
    if (existingHouseholds.value()) {
        auto stmt = db.prepare(u"SELECT id FROM households WHERE household_no = ? AND deleted_at IS NULL "
                               u"ORDER BY created_at, id LIMIT 1");
        if (!stmt.ok())
            return stmt.error();
        householdLookup.emplace(std::move(stmt.value()));
    }

    QHash<QString, QString> households; // household_ref -> household id
    const auto reject = [&](qint64 line, QString reason) {
        report.rejected.append(RejectedRow{line, std::move(reason)});
    };
    const auto cancelled = [] {
        return Error{Error::Kind::Cancelled, tr("The import was cancelled; the ward is unchanged.")};
    };

    // A large file is read ahead on a helper thread (see CsvRecordReader); a file's reader is
    // the helper's alone from here on. Other devices (a socket, a pipe) are read here.
    const bool readAhead = bulkLoad && qobject_cast<QFileDevice*>(&device) != nullptr;
    const qint64 bytesTotal = reader.bytesTotal();
    CsvRecordReader records(reader, map, header, readAhead);
    using Kind = CsvRecordReader::Record::Kind;
    qint64 recordCount = 0;
    for (;;) {
        auto batch = records.next();
        if (!batch.ok())
            return batch.error();
        if (batch.value()->empty())
            break;
        for (CsvRecordReader::Record& record : *batch.value()) {
            if (options.progress && ++recordCount % progressEveryRows == 0
                && !options.progress(record.bytesDone, bytesTotal))
                return cancelled();
            ++report.rowsRead;
            const qint64 line = record.line;
            Resident& resident = record.resident;
            switch (record.kind) {
            case Kind::Unreadable:
                reject(line, record.problem);
                continue;
            case Kind::WrongColumnCount:
                reject(line,
                       tr("expected %1 columns as in the header, found %2")
                           .arg(header.size())
                           .arg(record.columns));
                continue;
            case Kind::RepeatedRef:
                reject(line,
                       tr("source_ref “%1” already appears on line %2; this row is not imported")
                           .arg(resident.sourceRef)
                           .arg(record.firstLine));
                continue;
            case Kind::Resident:
                break;
            }
            if (refLookup && !resident.sourceRef.isEmpty()) {
                refLookup->reset();
                refLookup->bind(1, resident.sourceRef);
                auto found = refLookup->step();
                if (!found.ok())
                    return found.error();
                const QString existing = found.value() ? refLookup->text(0) : QString();
                refLookup->reset();
                if (!existing.isEmpty()) {
                    reject(line,
                           tr("source_ref “%1” is already in the ward (record %2); this row is not "
                              "imported")
                               .arg(resident.sourceRef, existing));
                    continue;
                }
            }

            const QString& householdRef = record.householdRef;
            if (!householdRef.isEmpty()) {
                auto known = households.constFind(householdRef);
                if (known == households.cend()) {
                    QString id;
                    if (householdLookup) {
                        householdLookup->reset();
                        householdLookup->bind(1, householdRef);
                        auto found = householdLookup->step();
                        if (!found.ok())
                            return found.error();
                        if (found.value())
                            id = householdLookup->text(0);
                        householdLookup->reset();
                    }
                    if (id.isEmpty()) {
                        Household household;
                        household.number = householdRef;
                        household.village = resident.village;
                        household.address.village = resident.village;
                        household.address.text = resident.permanentAddress.text;
                        if (auto status = store.insertHousehold(household); !status.ok())
                            return status.error();
                        id = household.id;
                        ++report.householdsCreated;
                    }
                    known = households.insert(householdRef, id);
                }
                resident.householdId = known.value();
            }

            if (auto status = store.insertResident(resident, &record.image); !status.ok())
                return status.error();
            ++report.imported;
        }
    }

    if (report.rowsRead == 0)
        return Error{Error::Kind::InvalidInput, tr("The file has a header line but no rows.")};
    if (options.progress && !options.progress(reader.bytesDone(), reader.bytesTotal()))
        return cancelled();
    if (options.dryRun) {
        transaction.rollback(); // before the bulk loader would rebuild indexes for nothing
        return report;
    }
    store.setBulkInsert(nullptr);
    if (auto status = bulk.finish(); !status.ok())
        return status.error();
    if (journal)
        journal->beforeCommit();
    if (auto status = transaction.commit(); !status.ok())
        return status.error();
    return report;
}

} // namespace wardroll::model
