#include "ResidentRowImage.h"

#include "Resident.h"
#include "SqlStatement.h"
#include "VietnameseText.h"
#include "WardStore.h"

#include <QStringEncoder>

namespace wardroll::model {

// Appends cells parameter by parameter. The text rules are WardStore's: a text column that is
// NOT NULL gets '' for a missing value, a nullable one gets NULL for an empty value.
class ResidentRowImage::Writer
{
public:
    explicit Writer(ResidentRowImage& image)
        : m_image(image)
    {
    }

    int next() const { return m_next; }

    void text(const QString& value) // NOT NULL column
    {
        Cell& cell = take();
        cell.kind = Cell::Kind::Text;
        cell.value = static_cast<qint64>(m_image.m_bytes.size());
        if (value.isEmpty())
            return;
        // UTF-8 needs at most three bytes per UTF-16 unit.
        const size_t used = m_image.m_bytes.size();
        m_image.m_bytes.resize(used + 3 * static_cast<size_t>(value.size()));
        char* start = m_image.m_bytes.data() + used;
        char* end = m_encoder.appendToBuffer(start, value);
        m_image.m_bytes.resize(used + static_cast<size_t>(end - start));
        cell.size = static_cast<qint32>(end - start);
    }

    void textOrNull(const QString& value) // nullable column
    {
        if (value.isEmpty())
            take();
        else
            text(value);
    }

    void integer(std::optional<int> value)
    {
        Cell& cell = take();
        if (value) {
            cell.kind = Cell::Kind::Integer;
            cell.value = *value;
        }
    }

    void date(const PartialDate& date)
    {
        text(date.raw().isEmpty() ? date.toDisplayString() : date.raw());
        integer(date.year());
        integer(date.month());
        integer(date.day());
    }

    void address(const Address& address)
    {
        text(address.unitCode);
        text(address.unitScheme);
        text(address.village);
        text(address.text);
    }

    // The writer's parameter (household_id) comes next: leave it.
    void skip() { ++m_next; }

private:
    Cell& take()
    {
        Q_ASSERT(m_next <= parameterCount);
        return m_image.m_cells[static_cast<size_t>(m_next++)];
    }

    ResidentRowImage& m_image;
    QStringEncoder m_encoder{QStringEncoder::Utf8, QStringConverter::Flag::Stateless};
    int m_next = 1;
};

ResidentRowImage ResidentRowImage::of(const Resident& r)
{
    ResidentRowImage image;
    image.m_bytes.reserve(1024);
    Writer w(image);
    w.textOrNull(r.sourceRef);
    Q_ASSERT(w.next() == householdParameter);
    w.skip();
    w.text(r.relationToHead);
    w.text(r.fullName);
    w.text(r.otherNames);
    w.text(r.personalId);
    w.text(r.oldId);
    w.date(r.birthDate);
    w.textOrNull(sexCode(r.sex));
    w.text(r.birthPlace);
    w.text(r.birthRegistrationPlace);
    w.text(r.hometown);
    w.text(r.ethnicity);
    w.text(r.religion);
    w.text(r.nationality);
    w.text(r.maritalStatus);
    w.text(r.phone);
    w.text(r.email);
    w.text(r.village);
    w.address(r.permanentAddress);
    w.address(r.temporaryAddress);
    w.address(r.currentAddress);
    w.text(r.fatherName);
    w.text(r.fatherId);
    w.text(r.motherName);
    w.text(r.motherId);
    w.text(r.spouseName);
    w.text(r.spouseId);
    w.text(statusCode(r.status));
    w.date(r.deathDate);
    w.text(r.importRaw);
    // Both keys are NOT NULL: a record with no name and no ID (an import row with only a birth
    // date) still has an empty, not a null, key.
    const QString nameKey = VietnameseText::foldKey(r.fullName);
    w.text(nameKey);
    Q_ASSERT(w.next() == searchTextParameter);
    w.text(WardStore::searchText(r, nameKey));
    w.textOrNull(r.mergedInto);
    Q_ASSERT(w.next() == firstBookkeepingParameter);
    image.m_made = true;
    return image;
}

void ResidentRowImage::bind(SqlStatement& stmt) const
{
    for (int i = 1; i <= parameterCount; ++i) {
        if (i == householdParameter)
            continue;
        const Cell& cell = m_cells[static_cast<size_t>(i)];
        switch (cell.kind) {
        case Cell::Kind::Null:
            stmt.bindNull(i);
            break;
        case Cell::Kind::Integer:
            stmt.bind(i, cell.value);
            break;
        case Cell::Kind::Text:
            stmt.bindUncopiedText(i, QByteArrayView(m_bytes.data() + cell.value, cell.size));
            break;
        }
    }
}

QByteArrayView ResidentRowImage::searchText() const
{
    const Cell& cell = m_cells[static_cast<size_t>(searchTextParameter)];
    return QByteArrayView(m_bytes.data() + cell.value, cell.size);
}

} // namespace wardroll::model
