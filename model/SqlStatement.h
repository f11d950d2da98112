#pragma once

#include "Result.h"

#include <memory>
#include <optional>
#include <QByteArray>
#include <QString>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace wardroll::model {

// One prepared SQLite statement, finalized on destruction. Move-only.
// Binding a null QString binds SQL NULL; an empty QString binds ''.
class SqlStatement
{
public:
    SqlStatement() = default;
    SqlStatement(sqlite3* db, sqlite3_stmt* stmt);
    ~SqlStatement();
    SqlStatement(SqlStatement&& other) noexcept;
    SqlStatement& operator=(SqlStatement&& other) noexcept;
    SqlStatement(const SqlStatement&) = delete;
    SqlStatement& operator=(const SqlStatement&) = delete;

    [[nodiscard]] bool isValid() const { return m_stmt != nullptr; }

    // Parameters are 1-based, as in SQLite.
    SqlStatement& bind(int index, const QString& value);
    SqlStatement& bind(int index, QStringView value);
    SqlStatement& bind(int index, const char* utf8) = delete; // use QStringLiteral or u""_qs
    SqlStatement& bind(int index, qint64 value);
    SqlStatement& bind(int index, int value) { return bind(index, static_cast<qint64>(value)); }
    SqlStatement& bind(int index, double value);
    SqlStatement& bind(int index, const QByteArray& blob);
    // Binds without copying: `blob` must stay alive and unchanged until the statement has been
    // stepped and the parameter bound again (a large change-set is not worth copying).
    SqlStatement& bindUncopied(int index, QByteArrayView blob);
    // The same for text: `utf8` binds as TEXT ('' when empty, never NULL).
    SqlStatement& bindUncopiedText(int index, QByteArrayView utf8);
    SqlStatement& bind(int index, std::optional<int> value);
    // Like bind(), for the statements of bulk writes: the UTF-8 is written into the statement's
    // own reusable memory and bound without a copy, where bind() allocates twice per value. That
    // memory is reused by the next bindings after clearBindings(), so bind every parameter again
    // after it (as a cached statement does).
    SqlStatement& bindStaged(int index, const QString& value);
    SqlStatement& bindNull(int index);
    SqlStatement& bindNamed(const char* name, const QString& value);

    // Binds all arguments to parameters 1..N.
    template <typename... Args> SqlStatement& bindAll(const Args&... args)
    {
        int index = 1;
        (bind(index++, args), ...);
        return *this;
    }

    // true when a row is available, false when done.
    [[nodiscard]] Result<bool> step();
    // Runs to completion, ignoring rows; resets the statement so that it can be reused.
    [[nodiscard]] Status exec();
    // Steps through every row, calling `visit` on each; stops at the first error, its own or
    // the visitor's.
    template <typename Visit> [[nodiscard]] Status forEachRow(Visit&& visit)
    {
        for (;;) {
            auto row = step();
            if (!row.ok())
                return row.error();
            if (!row.value())
                return {};
            if (Status status = visit(); !status.ok())
                return status;
        }
    }
    void reset();
    void clearBindings();

    [[nodiscard]] int columnCount() const;
    [[nodiscard]] bool isNull(int column) const;
    [[nodiscard]] QString text(int column) const;
    [[nodiscard]] qint64 integer(int column) const;
    [[nodiscard]] std::optional<int> optionalInt(int column) const;
    [[nodiscard]] double real(int column) const;
    [[nodiscard]] QByteArray blob(int column) const;

    [[nodiscard]] sqlite3_stmt* handle() const { return m_stmt; }

private:
    Error lastError() const;
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;

    // bindStaged()'s text: blocks that never move while bound, rewound by clearBindings().
    static constexpr qsizetype stagingBlockSize = 64 * 1024;
    std::vector<std::unique_ptr<char[]>> m_stagingBlocks;
    size_t m_stagingBlock = 0; // the block being filled
    qsizetype m_stagingUsed = 0; // bytes used in it
};

} // namespace wardroll::model
