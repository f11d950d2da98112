#include "CsvExporter.h"

#include "CsvFieldMap.h"
#include "SqlConnection.h"
#include "WardDatabase.h"
#include "WardStore.h"

#include <QHash>
#include <QSaveFile>

namespace wardroll::model {

namespace {

constexpr qsizetype flushAt = qsizetype(1) << 20;
constexpr qint64 progressEveryRows = 256;

void appendField(QByteArray& out, const QString& value)
{
    const QByteArray utf8 = value.toUtf8();
    bool quote = false;
    for (const char c : utf8) {
        if (c == ',' || c == '"' || c == '\n' || c == '\r') {
            quote = true;
            break;
        }
    }
    if (!quote) {
        out.append(utf8);
        return;
    }
    out.append('"');
    for (const char c : utf8) {
        if (c == '"')
            out.append('"');
        out.append(c);
    }
    out.append('"');
}

QString dateText(const PartialDate& date)
{
    return date.raw().isEmpty() ? date.toDisplayString() : date.raw();
}

} // namespace

CsvExporter::CsvExporter(WardDatabase& ward)
    : m_ward(ward)
{
}

std::array<QString, CsvFieldMap::fieldCount> CsvExporter::values(const Resident& r,
                                                                 const QString& householdNumber)
{
    const QString values[] = {
        r.sourceRef,
        r.fullName,
        r.otherNames,
        dateText(r.birthDate),
        sexCode(r.sex),
        r.personalId,
        r.oldId,
        r.birthPlace,
        r.birthRegistrationPlace,
        r.hometown,
        r.ethnicity,
        r.religion,
        r.nationality,
        r.maritalStatus,
        r.permanentAddress.text,
        r.temporaryAddress.text,
        r.currentAddress.text,
        r.village,
        householdNumber,
        r.relationToHead,
        r.fatherName,
        r.fatherId,
        r.motherName,
        r.motherId,
        r.spouseName,
        r.spouseId,
        r.phone,
        r.email,
        statusCode(r.status),
        dateText(r.deathDate),
    };
    return std::to_array(values); // of another size if a field were missing: no conversion
}

Result<qint64> CsvExporter::exportFile(const QString& path,
                                       const std::function<bool(qint64 done, qint64 total)>& progress)
{
    WardStore store(m_ward);
    auto total = store.countResidents();
    if (!total.ok())
        return total.error();

    QHash<QString, QString> householdNumbers;
    {
        auto stmt = m_ward.connection().prepare(u"SELECT id, household_no FROM households");
        if (!stmt.ok())
            return stmt.error();
        for (;;) {
            auto row = stmt->step();
            if (!row.ok())
                return row.error();
            if (!row.value())
                break;
            householdNumbers.insert(stmt->text(0), stmt->text(1));
        }
    }

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error{Error::Kind::Io, tr("The file “%1” could not be created.").arg(path),
                     file.errorString()};
    }
    const auto writeFailed = [&] {
        Error error{Error::Kind::Io, tr("The file “%1” could not be written.").arg(path), file.errorString()};
        file.cancelWriting();
        return error;
    };

    QByteArray buffer;
    buffer.reserve(flushAt + 64 * 1024);
    const QStringList& names = CsvFieldMap::canonicalNames();
    for (qsizetype i = 0; i < names.size(); ++i) {
        if (i)
            buffer.append(',');
        appendField(buffer, names[i]);
    }
    buffer.append("\r\n");

    qint64 rows = 0;
    bool writeError = false;
    bool cancelled = false;
    const auto status = store.forEachResident([&](const Resident& r) {
        const auto values = CsvExporter::values(
            r, r.householdId.isEmpty() ? QString() : householdNumbers.value(r.householdId));
        for (qsizetype i = 0; i < qsizetype(std::size(values)); ++i) {
            if (i)
                buffer.append(',');
            appendField(buffer, values[i]);
        }
        buffer.append("\r\n");
        ++rows;
        if (buffer.size() >= flushAt) {
            if (file.write(buffer) != buffer.size()) {
                writeError = true;
                return false;
            }
            buffer.clear();
        }
        if (progress && rows % progressEveryRows == 0 && !progress(rows, total.value())) {
            cancelled = true;
            return false;
        }
        return true;
    });
    if (!status.ok()) {
        file.cancelWriting();
        return status.error();
    }
    if (writeError)
        return writeFailed();
    if (cancelled) {
        file.cancelWriting();
        return Error{Error::Kind::Cancelled, tr("The export was cancelled; no file was written.")};
    }
    if (!buffer.isEmpty() && file.write(buffer) != buffer.size())
        return writeFailed();
    if (progress)
        (void)progress(rows, total.value());
    if (!file.commit())
        return Error{Error::Kind::Io, tr("The file “%1” could not be written.").arg(path),
                     file.errorString()};
    return rows;
}

} // namespace wardroll::model
