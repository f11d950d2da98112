#pragma once

#include "Result.h"

#include <array>
#include <optional>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace wardroll::model {

// Which column of a CSV file feeds which resident field. A header is recognised by its canonical
// name ("full_name") or its Vietnamese label ("Họ và tên", also "HỌ VÀ TÊN", "ho va ten"), with a
// few common aliases ("CCCD", "Số CMND"). A template ("full_name={surname} {given_name}") builds
// a field from several columns and overrides header matching for that field.
class CsvFieldMap
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::model::CsvFieldMap)
public:
    // In the order of the canonical export columns; the order is part of the file format.
    enum class Field {
        SourceRef,
        FullName,
        OtherNames,
        BirthDate,
        Sex,
        PersonalId,
        OldId,
        BirthPlace,
        BirthRegistrationPlace,
        Hometown,
        Ethnicity,
        Religion,
        Nationality,
        MaritalStatus,
        PermanentAddress,
        TemporaryAddress,
        CurrentAddress,
        Village,
        HouseholdRef,
        RelationToHead,
        FatherName,
        FatherId,
        MotherName,
        MotherId,
        SpouseName,
        SpouseId,
        Phone,
        Email,
        Status,
        DeathDate,
    };
    static constexpr int fieldCount = static_cast<int>(Field::DeathDate) + 1;

    // "source_ref", "full_name", ... in Field order.
    [[nodiscard]] static const QStringList& canonicalNames();
    [[nodiscard]] static QString canonicalName(Field field);
    // The field a header (or the left side of a template) names, if any.
    [[nodiscard]] static std::optional<Field> fieldForHeader(QStringView header);

    // Matches `header` and applies `maps` ("FIELD=TEMPLATE"; "{column}" inserts a column,
    // "{{" and "}}" are literal braces). Fails on a malformed map, an unknown field or a column
    // the header does not have: the caller's usage error. Finding no field at all is not an
    // error here (see isEmpty()).
    [[nodiscard]] static Result<CsvFieldMap> build(const QStringList& header, const QStringList& maps = {});

    [[nodiscard]] bool has(Field field) const { return !m_sources[index(field)].parts.isEmpty(); }
    // Leaves `field` without a source (a person chose not to import the column a header matched).
    void unmap(Field field) { m_sources[index(field)] = Source(); }
    [[nodiscard]] bool isEmpty() const;
    // The field's value in `row` (a record with the header's column count): a column's value
    // trimmed; a template's text trimmed with runs of spaces collapsed, so that an empty column
    // leaves no double space. Empty when the field has no source.
    [[nodiscard]] QString value(Field field, const QStringList& row) const;
    // The field that `column` alone feeds (by header match, or a template that is just "{column}").
    [[nodiscard]] std::optional<Field> directField(int column) const;
    // Header columns that feed no field, trimmed ("(column N, no name)" for an empty header cell).
    [[nodiscard]] const QStringList& ignoredColumns() const { return m_ignored; }

private:
    struct Part
    {
        int column = -1; // -1: literal text
        QString text;
    };
    struct Source
    {
        QList<Part> parts; // a single column part for a header match
        bool isTemplate = false;
    };
    [[nodiscard]] static int index(Field field) { return static_cast<int>(field); }

    std::array<Source, fieldCount> m_sources;
    QStringList m_ignored;
};

} // namespace wardroll::model
