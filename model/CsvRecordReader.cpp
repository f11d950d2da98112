#include "CsvRecordReader.h"

#include "CsvExporter.h"
#include "CsvReader.h"

#include <algorithm>

namespace wardroll::model {

namespace {

using Field = CsvFieldMap::Field;

// Rows per batch, and batches read ahead: ~1 MB of records in flight.
constexpr size_t batchRows = 256;
constexpr size_t batchesAhead = 16;

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
QString rawJson(const QStringList& keys, const QStringList& row,
                const std::vector<std::optional<Field>>& direct, const Resident& r)
{
    QString out;
    const auto exported = CsvExporter::values(r, {});
    const qsizetype columns = std::min({row.size(), keys.size(), static_cast<qsizetype>(direct.size())});
    for (qsizetype i = 0; i < columns; ++i) {
        const QStringView cell = QStringView(row[i]).trimmed();
        if (cell.isEmpty())
            continue;
        if (const auto field = direct[static_cast<size_t>(i)]; field && reproduced(*field, exported, r, cell))
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

CsvRecordReader::CsvRecordReader(CsvReader& reader, const CsvFieldMap& map, const QStringList& header,
                                 bool ahead)
    : m_reader(reader)
    , m_map(map)
    , m_keys(jsonKeys(header))
    , m_columns(header.size())
{
    // Looked up once, not for each cell of each row.
    m_directFields.reserve(static_cast<size_t>(header.size()));
    for (qsizetype i = 0; i < header.size(); ++i)
        m_directFields.push_back(map.directField(static_cast<int>(i)));
    if (ahead)
        m_thread = std::thread(&CsvRecordReader::run, this);
}

CsvRecordReader::~CsvRecordReader()
{
    if (!m_thread.joinable())
        return;
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

Result<bool> CsvRecordReader::fill(Batch& batch)
{
    while (batch.size() < batchRows) {
        auto next = m_reader.readNext();
        if (!next.ok())
            return next.error();
        if (!next.value())
            return false;
        const QStringList& row = m_reader.fields();
        Record record;
        record.line = m_reader.line();
        record.bytesDone = m_reader.bytesDone();
        if (!m_reader.problem().isEmpty()) {
            record.kind = Record::Kind::Unreadable;
            record.problem = m_reader.problem();
        } else if (allEmpty(row)) {
            continue;
        } else if (row.size() != m_columns) {
            record.kind = Record::Kind::WrongColumnCount;
            record.columns = row.size();
        } else {
            record.resident = residentFromRow(m_map, row);
            const QString& ref = record.resident.sourceRef;
            if (!ref.isEmpty()) {
                const auto seen = m_refLines.constFind(ref);
                if (seen != m_refLines.cend()) {
                    record.kind = Record::Kind::RepeatedRef;
                    record.firstLine = seen.value();
                } else {
                    m_refLines.insert(ref, record.line);
                }
            }
            if (record.kind == Record::Kind::Resident) {
                record.householdRef = m_map.value(Field::HouseholdRef, row);
                record.resident.importRaw = rawJson(m_keys, row, m_directFields, record.resident);
                record.image = ResidentRowImage::of(record.resident);
            }
        }
        batch.push_back(std::move(record));
    }
    return true;
}

Result<CsvRecordReader::Batch*> CsvRecordReader::next()
{
    if (!m_thread.joinable()) {
        m_current.clear();
        if (m_error)
            return *m_error;
        if (!m_inputOver) {
            auto more = fill(m_current);
            if (!more.ok())
                m_error = more.error(); // after the rows read before it, as with the helper
            m_inputOver = !more.ok() || !more.value();
            if (m_current.empty() && m_error)
                return *m_error;
        }
        return &m_current;
    }
    std::unique_lock lock(m_mutex);
    if (!m_current.empty())
        m_returned.push_back(std::move(m_current));
    m_current = Batch();
    m_ready.wait(lock, [this] { return !m_read.empty() || m_helperDone; });
    if (!m_read.empty()) {
        m_current = std::move(m_read.front());
        m_read.pop_front();
        m_wake.notify_one(); // room for one more batch ahead
        return &m_current;
    }
    if (m_error)
        return *m_error;
    return &m_current; // empty: the end
}

void CsvRecordReader::run()
{
    for (;;) {
        Batch batch;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stop || m_read.size() < batchesAhead; });
            if (m_stop)
                break;
            if (!m_returned.empty()) {
                batch = std::move(m_returned.back());
                m_returned.pop_back();
            }
        }
        batch.clear(); // frees the records the importer is done with, here
        auto more = fill(batch);
        const std::lock_guard lock(m_mutex);
        if (!batch.empty())
            m_read.push_back(std::move(batch));
        if (!more.ok())
            m_error = more.error();
        if (!more.ok() || !more.value()) {
            m_helperDone = true;
            m_ready.notify_one();
            break;
        }
        m_ready.notify_one();
    }
    // What the importer hands back from now on is freed here too, once it is done.
    std::unique_lock lock(m_mutex);
    m_wake.wait(lock, [this] { return m_stop; });
    m_returned.clear();
}

} // namespace wardroll::model
