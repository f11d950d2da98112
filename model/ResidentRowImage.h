#pragma once

#include <array>
#include <QByteArrayView>
#include <string>

namespace wardroll::model {

class SqlStatement;
struct Resident;

// The stored values of a resident's own columns, encoded once: UTF-8 text, integers and NULLs
// in the order of WardStore's resident parameters. A bulk import makes it on its reader thread
// (CsvRecordReader) so that the writer, the load's critical path, only binds it: converting ~40
// strings to UTF-8, folding the name and building the search text were a fifth of the writer's
// time per row. Made from the same Resident it binds exactly what WardStore would bind itself.
//
// The bookkeeping columns (id, household, created/updated, deletion) are not in the image: the
// writer assigns them as it inserts.
class ResidentRowImage
{
public:
    ResidentRowImage() = default;
    [[nodiscard]] static ResidentRowImage of(const Resident& resident);

    [[nodiscard]] bool isEmpty() const { return !m_made; }
    // Binds the image's parameters of `stmt` without copying: the image must stay alive and
    // unchanged until the statement has been stepped.
    void bind(SqlStatement& stmt) const;
    // The search_text column's UTF-8 (the document the full-text index gets).
    [[nodiscard]] QByteArrayView searchText() const;

    // The parameter of household_id: the first one that is not the image's.
    static constexpr int householdParameter = 2;
    // The parameters after the image's: merged_into is the last one it binds.
    static constexpr int firstBookkeepingParameter = 50;

private:
    struct Cell
    {
        enum class Kind : quint8 { Null, Text, Integer };
        Kind kind = Kind::Null;
        qint64 value = 0; // Text: where the bytes start in m_bytes; Integer: the value
        qint32 size = 0; // Text: how many bytes
    };
    static constexpr int parameterCount = firstBookkeepingParameter - 1;
    static constexpr int searchTextParameter = 48;

    class Writer;
    std::string m_bytes;
    std::array<Cell, parameterCount + 1> m_cells{}; // by parameter index; [0] and [2] unused
    bool m_made = false;
};

} // namespace wardroll::model
