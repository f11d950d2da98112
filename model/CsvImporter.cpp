#include "CsvImporter.h"

#include "BulkLoadJournal.h"
#include "CsvExporter.h"
#include "CsvFieldMap.h"
#include "CsvReader.h"
#include "ResidentBulkInsert.h"
#include "SqlConnection.h"
#include "SqlTransaction.h"
#include "WardDatabase.h"
#include "WardStore.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>

namespace wardroll::model {

namespace {

using Field = CsvFieldMap::Field;

constexpr qint64 progressEveryRows = 512;

void appendJsonString(QString& out, QStringView text)
{
    out.append(QLatin1Char('"'));
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'"' || u == u'\\') {
            out.append(QLatin1Char('\\'));
            out.append(c);
        } else if (u < 0x20) {
            switch (u) {
            case u'\n':
                out.append(u"\\n");
                break;
            case u'\r':
                out.append(u"\\r");
                break;
            case u'\t':
                out.append(u"\\t");
                break;
            default:
                out.append(QStringLiteral("\\u%1").arg(int(u), 4, 16, QLatin1Char('0')));
            }
        } else {
            out.append(c);
        }
    }
    out.append(QLatin1Char('"'));
}

// JSON keys for the header, made unique ("Ghi chú", "Ghi chú (2)") so that no value is lost.
QStringList jsonKeys(const QStringList& header)
{
    QStringList keys;
    QHash<QString, int> seen;
    for (const QString& column : header) {
        const QString name = column.trimmed();
        const int n = ++seen[name];
        QString key;
        appendJsonString(key, n == 1 ? name : QStringLiteral("%1 (%2)").arg(name).arg(n));
        keys.append(key + QLatin1Char(':'));
    }
    return keys;
}

// Whether the record gives back `cell`, the trimmed text a column fed into `field` on its own,
// so that the raw row need not keep it: the field exports as that text, or the value (a sex, a
// status, a household reference) was understood.
bool reproduced(Field field, const std::array<QString, CsvFieldMap::fieldCount>& exported, const Resident& r,
                QStringView cell)
{
    switch (field) {
    case Field::Sex:
        return r.sex != Sex::Unknown;
    case Field::Status:
        return parseStatus(cell).has_value();
    case Field::HouseholdRef:
        return true; // the number of the household the record belongs to
    default:
        return exported[static_cast<int>(field)] == cell;
    }
}

// The cells of the source row that the record does not give back as written (header → value,
// both trimmed, as compact JSON): columns no field uses, columns feeding a template, values
// that were not understood. Empty when the record holds the whole row: most rows of a clean file
// keep nothing, which keeps a large import (and its change record) small.
QString rawJson(const QStringList& keys, const QStringList& row, const CsvFieldMap& map, const Resident& r)
{
    QString out;
    const auto exported = CsvExporter::values(r, {});
    for (qsizetype i = 0; i < row.size() && i < keys.size(); ++i) {
        const QStringView cell = QStringView(row[i]).trimmed();
        if (cell.isEmpty())
            continue;
        if (const auto field = map.directField(static_cast<int>(i));
            field && reproduced(*field, exported, r, cell))
            continue;
        out.append(out.isEmpty() ? QLatin1Char('{') : QLatin1Char(','));
        out.append(keys[i]);
        appendJsonString(out, cell);
    }
    if (!out.isEmpty())
        out.append(QLatin1Char('}'));
    return out;
}

bool allEmpty(const QStringList& row)
{
    for (const QString& value : row) {
        if (!value.trimmed().isEmpty())
            return false;
    }
    return true;
}

Resident residentFromRow(const CsvFieldMap& map, const QStringList& row)
{
    const auto v = [&](Field field) {
        return map.value(field, row);
    };
    Resident r;
    r.sourceRef = v(Field::SourceRef);
    r.fullName = v(Field::FullName);
    r.otherNames = v(Field::OtherNames);
    r.birthDate = PartialDate::parse(v(Field::BirthDate));
    r.sex = parseSex(v(Field::Sex));
    r.personalId = v(Field::PersonalId);
    r.oldId = v(Field::OldId);
    r.birthPlace = v(Field::BirthPlace);
    r.birthRegistrationPlace = v(Field::BirthRegistrationPlace);
    r.hometown = v(Field::Hometown);
    r.ethnicity = v(Field::Ethnicity);
    r.religion = v(Field::Religion);
    r.nationality = v(Field::Nationality);
    r.maritalStatus = v(Field::MaritalStatus);
    r.permanentAddress.text = v(Field::PermanentAddress);
    r.temporaryAddress.text = v(Field::TemporaryAddress);
    r.currentAddress.text = v(Field::CurrentAddress);
    r.village = v(Field::Village);
    r.currentAddress.village = r.village;
    r.relationToHead = v(Field::RelationToHead);
    r.fatherName = v(Field::FatherName);
    r.fatherId = v(Field::FatherId);
    r.motherName = v(Field::MotherName);
    r.motherId = v(Field::MotherId);
    r.spouseName = v(Field::SpouseName);
    r.spouseId = v(Field::SpouseId);
    r.phone = v(Field::Phone);
    r.email = v(Field::Email);
    r.status = parseStatus(v(Field::Status)).value_or(ResidentStatus::Living);
    r.deathDate = PartialDate::parse(v(Field::DeathDate));
    return r;
}

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
    const QStringList keys = jsonKeys(header);

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
        if (auto status = bulk.begin({QStringLiteral("residents_source_ref")}); !status.ok())
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

    QHash<QString, qint64> refLines; // source_ref -> line of its first row in this file
    QHash<QString, QString> households; // household_ref -> household id
    const auto reject = [&](qint64 line, QString reason) {
        report.rejected.append(RejectedRow{line, std::move(reason)});
    };
    const auto cancelled = [] {
        return Error{Error::Kind::Cancelled, tr("The import was cancelled; the ward is unchanged.")};
    };

    qint64 records = 0;
    for (;;) {
        auto next = reader.readNext();
        if (!next.ok())
            return next.error();
        if (!next.value())
            break;
        const QStringList& row = reader.fields();
        const qint64 line = reader.line();
        if (options.progress && ++records % progressEveryRows == 0
            && !options.progress(reader.bytesDone(), reader.bytesTotal()))
            return cancelled();

        if (!reader.problem().isEmpty()) {
            ++report.rowsRead;
            reject(line, reader.problem());
            continue;
        }
        if (row.size() != header.size()) {
            if (allEmpty(row))
                continue;
            ++report.rowsRead;
            reject(line,
                   tr("expected %1 columns as in the header, found %2").arg(header.size()).arg(row.size()));
            continue;
        }
        if (allEmpty(row))
            continue;
        ++report.rowsRead;

        Resident resident = residentFromRow(map, row);
        if (!resident.sourceRef.isEmpty()) {
            const auto seen = refLines.constFind(resident.sourceRef);
            if (seen != refLines.cend()) {
                reject(line,
                       tr("source_ref “%1” already appears on line %2; this row is not imported")
                           .arg(resident.sourceRef)
                           .arg(seen.value()));
                continue;
            }
            if (refLookup) {
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
            refLines.insert(resident.sourceRef, line);
        }

        const QString householdRef = map.value(Field::HouseholdRef, row);
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

        resident.importRaw = rawJson(keys, row, map, resident);
        if (auto status = store.insertResident(resident); !status.ok())
            return status.error();
        ++report.imported;
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
    if (auto status = transaction.commit(); !status.ok())
        return status.error();
    return report;
}

} // namespace wardroll::model
