#include "ChangeSet.h"

#include <QCborArray>
#include <QCborParserError>
#include <QCborValue>
#include <QHash>

namespace wardroll::model {

namespace {

const QString keyTable = QStringLiteral("t");
const QString keyOp = QStringLiteral("o");
const QString keyId = QStringLiteral("id");
const QString keyBefore = QStringLiteral("b");
const QString keyAfter = QStringLiteral("a");
const QString keyColumns = QStringLiteral("c");

bool isCellValue(const QCborValue& value)
{
    return value.isNull() || value.isInteger() || value.isDouble() || value.isString() || value.isByteArray();
}

bool isCellMap(const QCborValue& value)
{
    if (!value.isMap())
        return false;
    const QCborMap map = value.toMap();
    for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
        if (!it.key().isString() || it.key().toString().isEmpty() || !isCellValue(it.value()))
            return false;
    }
    return true;
}

// Every column with a value before also has one after (the hub's downstream rows may omit
// `before` for columns it set without comparing, such as record-keeping ones).
bool columnsCovered(const QCborMap& before, const QCborMap& after)
{
    for (auto it = before.constBegin(); it != before.constEnd(); ++it) {
        if (!after.contains(it.key()))
            return false;
    }
    return true;
}

// {"t": table, "c": [column, …]}: the columns, in order, of the compact inserts of `table` that
// follow. Returns what is wrong, if anything.
std::optional<QString> readDeclaration(const QCborMap& map, QHash<QString, QStringList>& declared)
{
    const QCborValue table = map.value(keyTable);
    const QCborValue columns = map.value(keyColumns);
    if (map.size() != 2 || !table.isString() || table.toString().isEmpty() || !columns.isArray())
        return QStringLiteral("malformed column declaration");
    QStringList names;
    const QCborArray list = columns.toArray();
    names.reserve(list.size());
    for (const QCborValue& column : list) {
        if (!column.isString() || column.toString().isEmpty() || names.contains(column.toString()))
            return QStringLiteral("malformed column declaration");
        names << column.toString();
    }
    if (!names.contains(keyId))
        return QStringLiteral("column declaration without id");
    declared.insert(table.toString(), names);
    return std::nullopt;
}

// [table, value, …]: an insert with one value per declared column of `table`.
std::optional<QString> readCompactInsert(const QCborArray& cells, const QHash<QString, QStringList>& declared,
                                         RowChange& row)
{
    const QCborValue table = cells.isEmpty() ? QCborValue() : cells.at(0);
    const auto columns = declared.constFind(table.toString());
    if (!table.isString() || columns == declared.cend())
        return QStringLiteral("insert into an undeclared table");
    if (cells.size() != columns->size() + 1)
        return QStringLiteral("insert with the wrong number of values");
    row.table = table.toString();
    row.op = RowChange::Op::Insert;
    for (qsizetype i = 0; i < columns->size(); ++i) {
        const QCborValue value = cells.at(i + 1);
        if (!isCellValue(value))
            return QStringLiteral("malformed column values");
        row.after.insert(columns->at(i), value);
    }
    const QCborValue id = row.after.value(keyId);
    if (!id.isString() || id.toString().isEmpty())
        return QStringLiteral("row change without table, id or operation");
    row.rowId = id.toString();
    return std::nullopt;
}

} // namespace

QString ChangeSet::opCode(RowChange::Op op)
{
    switch (op) {
    case RowChange::Op::Insert:
        return QStringLiteral("i");
    case RowChange::Op::Update:
        return QStringLiteral("u");
    case RowChange::Op::Delete:
        return QStringLiteral("d");
    }
    return {};
}

std::optional<RowChange::Op> ChangeSet::opFromCode(QStringView code)
{
    if (code == u"i")
        return RowChange::Op::Insert;
    if (code == u"u")
        return RowChange::Op::Update;
    if (code == u"d")
        return RowChange::Op::Delete;
    return std::nullopt;
}

QByteArray ChangeSet::toCbor() const
{
    QCborArray array;
    for (const RowChange& row : rows) {
        QCborMap map;
        map.insert(keyTable, row.table);
        map.insert(keyOp, opCode(row.op));
        map.insert(keyId, row.rowId);
        if (!row.before.isEmpty())
            map.insert(keyBefore, row.before);
        if (!row.after.isEmpty())
            map.insert(keyAfter, row.after);
        array.append(map);
    }
    return QCborValue(array).toCbor();
}

Result<ChangeSet> ChangeSet::fromCbor(const QByteArray& cbor)
{
    const auto invalid = [](const QString& detail) {
        return Error{Error::Kind::InvalidInput, tr("The change-set is damaged."), detail};
    };
    QCborParserError parseError;
    const QCborValue value = QCborValue::fromCbor(cbor, &parseError);
    if (parseError.error != QCborError::NoError)
        return invalid(parseError.errorString());
    if (!value.isArray())
        return invalid(QStringLiteral("not an array"));
    ChangeSet changes;
    QHash<QString, QStringList> declared;
    const QCborArray array = value.toArray();
    changes.rows.reserve(array.size());
    for (const QCborValue& item : array) {
        if (item.isArray()) {
            RowChange row;
            if (const auto wrong = readCompactInsert(item.toArray(), declared, row))
                return invalid(*wrong);
            changes.rows.append(std::move(row));
            continue;
        }
        if (!item.isMap())
            return invalid(QStringLiteral("row change is not a map"));
        const QCborMap map = item.toMap();
        if (map.contains(keyColumns)) {
            if (const auto wrong = readDeclaration(map, declared))
                return invalid(*wrong);
            continue;
        }
        const QCborValue table = map.value(keyTable);
        const QCborValue id = map.value(keyId);
        const auto op = opFromCode(map.value(keyOp).toString());
        if (!table.isString() || table.toString().isEmpty() || !id.isString() || id.toString().isEmpty()
            || !op)
            return invalid(QStringLiteral("row change without table, id or operation"));
        const QCborValue before = map.value(keyBefore);
        const QCborValue after = map.value(keyAfter);
        if ((!before.isUndefined() && !isCellMap(before)) || (!after.isUndefined() && !isCellMap(after)))
            return invalid(QStringLiteral("malformed column values"));
        RowChange row;
        row.table = table.toString();
        row.rowId = id.toString();
        row.op = *op;
        row.before = before.toMap();
        row.after = after.toMap();
        const bool shaped = (row.op == RowChange::Op::Insert && row.before.isEmpty() && !row.after.isEmpty())
            || (row.op == RowChange::Op::Delete && !row.before.isEmpty() && row.after.isEmpty())
            || (row.op == RowChange::Op::Update && !row.after.isEmpty()
                && columnsCovered(row.before, row.after));
        if (!shaped)
            return invalid(QStringLiteral("row change with the wrong columns for its operation"));
        if (map.size() != 3 + (row.before.isEmpty() ? 0 : 1) + (row.after.isEmpty() ? 0 : 1))
            return invalid(QStringLiteral("unknown keys in a row change"));
        changes.rows.append(std::move(row));
    }
    return changes;
}

} // namespace wardroll::model
