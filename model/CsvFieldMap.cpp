#include "CsvFieldMap.h"

#include "VietnameseText.h"

#include <QHash>

namespace wardroll::model {

namespace {

// The cell without surrounding spaces: the stored string itself (shared, not copied) when it has
// none, as nearly every cell of a clean file.
QString trimmedCell(const QStringList& row, qsizetype column)
{
    if (column < 0 || column >= row.size())
        return {};
    const QString& cell = row[column];
    const QStringView trimmed = QStringView(cell).trimmed();
    return trimmed.size() == cell.size() ? cell : trimmed.toString();
}

// Headers compare by this key: no accents, no case, punctuation and underscores as one space,
// so that "Thôn/Tổ dân phố", "THON / TO DAN PHO" and "thon_to_dan_pho" meet.
QString headerKey(QStringView header)
{
    const QString folded = VietnameseText::foldKey(header);
    QString key;
    key.reserve(folded.size());
    bool gap = false;
    for (const QChar c : folded) {
        if (c.isLetterOrNumber()) {
            if (gap && !key.isEmpty())
                key.append(QLatin1Char(' '));
            gap = false;
            key.append(c);
        } else {
            gap = true;
        }
    }
    return key;
}

using Field = CsvFieldMap::Field;

struct Alias
{
    Field field;
    const char* label; // UTF-8
};

// Labels of the official forms first, then what spreadsheets in the field call the columns.
// Ambiguous words ("Quan hệ" alone, "Tình trạng") are deliberately absent.
constexpr Alias aliases[] = {
    {Field::SourceRef, "Mã nguồn"},
    {Field::SourceRef, "Mã hồ sơ"},
    {Field::SourceRef, "Mã bản ghi"},
    {Field::FullName, "Họ và tên"},
    {Field::FullName, "Họ tên"},
    {Field::FullName, "Họ, chữ đệm và tên"},
    {Field::FullName, "Họ, chữ đệm và tên khai sinh"},
    {Field::FullName, "Họ và tên khai sinh"},
    {Field::FullName, "Full name"},
    {Field::OtherNames, "Tên gọi khác"},
    {Field::OtherNames, "Tên khác"},
    {Field::BirthDate, "Ngày sinh"},
    {Field::BirthDate, "Ngày, tháng, năm sinh"},
    {Field::BirthDate, "Ngày tháng năm sinh"},
    {Field::BirthDate, "Date of birth"},
    {Field::Sex, "Giới tính"},
    {Field::Sex, "Gender"},
    {Field::PersonalId, "Số định danh cá nhân"},
    {Field::PersonalId, "Số định danh"},
    {Field::PersonalId, "Mã định danh"},
    {Field::PersonalId, "Mã định danh cá nhân"},
    {Field::PersonalId, "Số ĐDCN"},
    {Field::PersonalId, "CCCD"},
    {Field::PersonalId, "Số CCCD"},
    {Field::PersonalId, "Căn cước công dân"},
    {Field::PersonalId, "Số căn cước công dân"},
    {Field::PersonalId, "Số căn cước"},
    {Field::OldId, "Số CMND"},
    {Field::OldId, "CMND"},
    {Field::OldId, "Chứng minh nhân dân"},
    {Field::OldId, "Số chứng minh nhân dân"},
    {Field::BirthPlace, "Nơi sinh"},
    {Field::BirthRegistrationPlace, "Nơi đăng ký khai sinh"},
    {Field::BirthRegistrationPlace, "Nơi đăng kí khai sinh"},
    {Field::BirthRegistrationPlace, "Nơi ĐKKS"},
    {Field::Hometown, "Quê quán"},
    {Field::Hometown, "Nguyên quán"},
    {Field::Ethnicity, "Dân tộc"},
    {Field::Religion, "Tôn giáo"},
    {Field::Nationality, "Quốc tịch"},
    {Field::MaritalStatus, "Tình trạng hôn nhân"},
    {Field::PermanentAddress, "Nơi thường trú"},
    {Field::PermanentAddress, "Địa chỉ thường trú"},
    {Field::TemporaryAddress, "Nơi tạm trú"},
    {Field::TemporaryAddress, "Địa chỉ tạm trú"},
    {Field::CurrentAddress, "Nơi ở hiện tại"},
    {Field::CurrentAddress, "Nơi ở hiện nay"},
    {Field::CurrentAddress, "Chỗ ở hiện nay"},
    {Field::CurrentAddress, "Địa chỉ hiện tại"},
    {Field::Village, "Thôn/Tổ dân phố"},
    {Field::Village, "Thôn"},
    {Field::Village, "Tổ dân phố"},
    {Field::Village, "Thôn/Xóm"},
    {Field::Village, "Thôn/Ấp"},
    {Field::Village, "Thôn/Bản"},
    {Field::HouseholdRef, "Mã hộ"},
    {Field::HouseholdRef, "Mã hộ gia đình"},
    {Field::HouseholdRef, "Số hộ"},
    {Field::HouseholdRef, "Số hộ khẩu"},
    {Field::RelationToHead, "Quan hệ với chủ hộ"},
    {Field::RelationToHead, "Quan hệ chủ hộ"},
    {Field::FatherName, "Họ tên cha"},
    {Field::FatherName, "Họ và tên cha"},
    {Field::FatherName, "Họ tên bố"},
    {Field::FatherId, "Số định danh cha"},
    {Field::FatherId, "Số định danh cá nhân của cha"},
    {Field::FatherId, "CCCD cha"},
    {Field::MotherName, "Họ tên mẹ"},
    {Field::MotherName, "Họ và tên mẹ"},
    {Field::MotherId, "Số định danh mẹ"},
    {Field::MotherId, "Số định danh cá nhân của mẹ"},
    {Field::MotherId, "CCCD mẹ"},
    {Field::SpouseName, "Họ tên vợ/chồng"},
    {Field::SpouseName, "Họ và tên vợ/chồng"},
    {Field::SpouseId, "Số định danh vợ/chồng"},
    {Field::SpouseId, "Số định danh cá nhân của vợ/chồng"},
    {Field::SpouseId, "CCCD vợ/chồng"},
    {Field::Phone, "Số điện thoại"},
    {Field::Phone, "Điện thoại"},
    {Field::Phone, "SĐT"},
    {Field::Phone, "Phone"},
    {Field::Email, "Email"},
    {Field::Email, "Thư điện tử"},
    {Field::Status, "Trạng thái"},
    {Field::DeathDate, "Ngày mất"},
    {Field::DeathDate, "Ngày chết"},
    {Field::DeathDate, "Ngày tử vong"},
};

const QHash<QString, Field>& headerTable()
{
    static const QHash<QString, Field> table = [] {
        QHash<QString, Field> t;
        for (int i = 0; i < CsvFieldMap::fieldCount; ++i)
            t.insert(headerKey(CsvFieldMap::canonicalNames().at(i)), static_cast<Field>(i));
        for (const Alias& alias : aliases)
            t.insert(headerKey(QString::fromUtf8(alias.label)), alias.field);
        return t;
    }();
    return table;
}

// The column a template names: exactly as in the header, else by header key.
int findColumn(const QStringList& header, const QString& name)
{
    const QString trimmed = name.trimmed();
    for (qsizetype i = 0; i < header.size(); ++i) {
        if (header[i].trimmed() == trimmed)
            return static_cast<int>(i);
    }
    const QString key = headerKey(trimmed);
    for (qsizetype i = 0; i < header.size(); ++i) {
        if (!key.isEmpty() && headerKey(header[i]) == key)
            return static_cast<int>(i);
    }
    return -1;
}

} // namespace

const QStringList& CsvFieldMap::canonicalNames()
{
    static const QStringList names = {
        QStringLiteral("source_ref"),
        QStringLiteral("full_name"),
        QStringLiteral("other_names"),
        QStringLiteral("birth_date"),
        QStringLiteral("sex"),
        QStringLiteral("personal_id"),
        QStringLiteral("old_id"),
        QStringLiteral("birth_place"),
        QStringLiteral("birth_registration_place"),
        QStringLiteral("hometown"),
        QStringLiteral("ethnicity"),
        QStringLiteral("religion"),
        QStringLiteral("nationality"),
        QStringLiteral("marital_status"),
        QStringLiteral("permanent_address"),
        QStringLiteral("temporary_address"),
        QStringLiteral("current_address"),
        QStringLiteral("village"),
        QStringLiteral("household_ref"),
        QStringLiteral("relation_to_head"),
        QStringLiteral("father_name"),
        QStringLiteral("father_id"),
        QStringLiteral("mother_name"),
        QStringLiteral("mother_id"),
        QStringLiteral("spouse_name"),
        QStringLiteral("spouse_id"),
        QStringLiteral("phone"),
        QStringLiteral("email"),
        QStringLiteral("status"),
        QStringLiteral("death_date"),
    };
    return names;
}

QString CsvFieldMap::canonicalName(Field field)
{
    return canonicalNames().at(index(field));
}

std::optional<CsvFieldMap::Field> CsvFieldMap::fieldForHeader(QStringView header)
{
    const auto& table = headerTable();
    const auto it = table.constFind(headerKey(header));
    if (it == table.cend())
        return std::nullopt;
    return it.value();
}

Result<CsvFieldMap> CsvFieldMap::build(const QStringList& header, const QStringList& maps)
{
    CsvFieldMap map;
    QList<bool> used(header.size(), false);
    QStringList trimmedHeader;
    for (const QString& column : header)
        trimmedHeader.append(column.trimmed());

    for (const QString& spec : maps) {
        const qsizetype eq = spec.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            return Error{Error::Kind::InvalidInput,
                         tr("“%1” is not a field mapping: write FIELD=TEMPLATE, for example "
                            "full_name={surname} {given_name}.")
                             .arg(spec)};
        }
        const QString fieldName = spec.left(eq).trimmed();
        const auto field = fieldForHeader(fieldName);
        if (!field) {
            return Error{Error::Kind::InvalidInput,
                         tr("“%1” is not a resident field. Fields: %2.")
                             .arg(fieldName, canonicalNames().join(QStringLiteral(", ")))};
        }
        const QString templ = spec.mid(eq + 1);
        Source source;
        source.isTemplate = true;
        QString literal;
        for (qsizetype i = 0; i < templ.size(); ++i) {
            const QChar c = templ[i];
            if ((c == QLatin1Char('{') || c == QLatin1Char('}')) && i + 1 < templ.size()
                && templ[i + 1] == c) {
                literal.append(c);
                ++i;
                continue;
            }
            if (c == QLatin1Char('}')) {
                return Error{
                    Error::Kind::InvalidInput,
                    tr("The template for %1 has a “}” without “{”; write “}}” for a brace.").arg(fieldName)};
            }
            if (c != QLatin1Char('{')) {
                literal.append(c);
                continue;
            }
            const qsizetype close = templ.indexOf(QLatin1Char('}'), i + 1);
            if (close < 0) {
                return Error{Error::Kind::InvalidInput,
                             tr("The template for %1 has a “{” without “}”.").arg(fieldName)};
            }
            const QString columnName = templ.mid(i + 1, close - i - 1);
            const int column = findColumn(header, columnName);
            if (column < 0) {
                return Error{Error::Kind::InvalidInput,
                             tr("The template for %1 names the column “%2”, which the file does not "
                                "have. Columns: %3.")
                                 .arg(fieldName, columnName, trimmedHeader.join(QStringLiteral(", ")))};
            }
            if (!literal.isEmpty())
                source.parts.append(Part{-1, std::exchange(literal, QString())});
            source.parts.append(Part{column, {}});
            used[column] = true;
            i = close;
        }
        if (!literal.isEmpty())
            source.parts.append(Part{-1, literal});
        if (source.parts.isEmpty()) {
            return Error{Error::Kind::InvalidInput, tr("The template for %1 is empty.").arg(fieldName)};
        }
        map.m_sources[index(*field)] = std::move(source);
    }

    for (qsizetype i = 0; i < header.size(); ++i) {
        const auto field = fieldForHeader(header[i]);
        // A template wins over a header; the first of two columns for one field wins.
        if (field && !map.has(*field)) {
            map.m_sources[index(*field)].parts.append(Part{static_cast<int>(i), {}});
            used[i] = true;
        }
    }
    for (qsizetype i = 0; i < header.size(); ++i) {
        if (!used[i]) {
            const QString name = header[i].trimmed();
            map.m_ignored.append(name.isEmpty() ? tr("(column %1, no name)").arg(i + 1) : name);
        }
    }
    return map;
}

bool CsvFieldMap::isEmpty() const
{
    for (const Source& source : m_sources) {
        if (!source.parts.isEmpty())
            return false;
    }
    return true;
}

std::optional<CsvFieldMap::Field> CsvFieldMap::directField(int column) const
{
    for (int i = 0; i < fieldCount; ++i) {
        const Source& source = m_sources[i];
        if (source.parts.size() == 1 && source.parts.front().column == column)
            return static_cast<Field>(i);
    }
    return std::nullopt;
}

QString CsvFieldMap::value(Field field, const QStringList& row) const
{
    const Source& source = m_sources[index(field)];
    if (source.parts.isEmpty())
        return {};
    if (!source.isTemplate)
        return trimmedCell(row, source.parts.front().column);
    QString out;
    for (const Part& part : source.parts)
        out += part.column < 0 ? part.text : trimmedCell(row, part.column);
    // Collapse the spaces an empty column leaves ("{a} {b} {c}" with b empty), nothing else.
    QString collapsed;
    collapsed.reserve(out.size());
    for (const QChar c : out) {
        if (c == QLatin1Char(' ') && (collapsed.isEmpty() || collapsed.back() == QLatin1Char(' ')))
            continue;
        collapsed.append(c);
    }
    while (collapsed.endsWith(QLatin1Char(' ')))
        collapsed.chop(1);
    return collapsed;
}

} // namespace wardroll::model
