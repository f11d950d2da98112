#pragma once

#include "Result.h"

#include <QByteArray>
#include <QCborMap>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace wardroll::model {

// One row's change in a change-set, by column name. Update carries only the columns that
// changed, each with its value before (`before`) and after (`after`), so that edits to
// different fields of one record never collide; Insert carries every column in `after`,
// Delete every column in `before`. Values are CBOR: null, integer, double, text or bytes,
// exactly as SQLite stored them.
struct RowChange
{
    enum class Op { Insert, Update, Delete };
    QString table;
    QString rowId; // the row's text primary key ("id")
    Op op = Op::Update;
    QCborMap before;
    QCborMap after;

    friend bool operator==(const RowChange&, const RowChange&) = default;
};

// The changes of one committed write transaction, as the session extension recorded them,
// with column names instead of SQLite's column positions and without the columns each device
// derives itself (SyncedTables). The CBOR form is what the outbox stores and what an envelope
// carries: an array of row changes, each a map {"t": table, "o": "i"|"u"|"d", "id": id,
// "b": {column: value}, "a": {column: value}}; toCbor() writes it, deterministic for equal
// change-sets. A bulk load (ChangeRecorder's Inserts capture) writes its inserts compactly
// instead: a declaration {"t": table, "c": [column, …]}, then each insert into that table as an
// array [table, value, …] in the declared order, its id being the value of column "id". Column
// names were 59% of a bulk load's change-sets (1.3 KB a resident, 1.3 GB for 1M, written to the
// ward once and sent to the hub once). fromCbor() reads both forms into the same rows.
class ChangeSet
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::model::ChangeSet)
public:
    QList<RowChange> rows;

    [[nodiscard]] bool isEmpty() const { return rows.isEmpty(); }
    [[nodiscard]] QByteArray toCbor() const;
    // Refuses anything that is not a well-formed change-set (sync input is untrusted).
    [[nodiscard]] static Result<ChangeSet> fromCbor(const QByteArray& cbor);

    [[nodiscard]] static QString opCode(RowChange::Op op);
    [[nodiscard]] static std::optional<RowChange::Op> opFromCode(QStringView code);
};

} // namespace wardroll::model
