#pragma once

#include "Result.h"

#include <QCborValue>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace wardroll::model {

class WardDatabase;

// One same-field disagreement the hub recorded (a row of `sync_conflicts`): the value the hub
// kept (it arrived first) and the incoming value it set aside, who made each, and, once a person
// has settled it, what was chosen, by whom and when.
struct SyncConflict
{
    QString id;
    qint64 globalSeq = 0;
    QString table;
    QString rowId;
    QString column;
    QCborValue base; // undefined: not known
    QCborValue hubValue;
    QCborValue incomingValue;
    QString hubDevice;
    QString hubOfficer;
    QString incomingDevice;
    QString incomingOfficer;
    qint64 createdAt = 0;

    QString rowLabel; // the resident's name (or reference) or the household's number, for people
    QCborValue currentValue; // the cell in this ward now (undefined when the row is gone)

    QString resolution; // "", "hub", "incoming", "value"
    QCborValue resolvedValue;
    QString resolvedBy;
    qint64 resolvedAt = 0;

    [[nodiscard]] bool isResolved() const { return resolvedAt != 0; }
};

// Lists the conflicts of a ward and settles them. Settling writes the chosen value through
// WardStore in the same SqlTransaction that marks the conflict resolved, so the choice is an
// ordinary edit: captured by change capture, sent to the hub, applied on every device. When the
// ward already holds the chosen value there is nothing to write and only the mark is recorded.
// Any officer may settle a conflict: it chooses between two officers' edits of one field and
// corrects nothing beyond them.
class SyncConflictStore
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::model::SyncConflictStore)
public:
    enum class Choice {
        Hub, // the value the hub kept
        Incoming, // the value the hub set aside
        Local, // whichever of the two this device made (refused when it made neither)
        Value, // a value the person typed
    };

    explicit SyncConflictStore(WardDatabase& ward);

    // In hub order; open ones only unless `includeResolved`.
    [[nodiscard]] Result<QList<SyncConflict>> list(bool includeResolved = false, int limit = 500);
    [[nodiscard]] Result<SyncConflict> conflict(const QString& id);
    [[nodiscard]] Result<qint64> openCount();

    // `typed` is used with Choice::Value: text, or a whole number for a number column, or
    // empty for none. Refuses a conflict already resolved, an unknown id, a row that is gone.
    [[nodiscard]] Status resolve(const QString& id, Choice choice, const QString& typed = {});

    // "local" / "hub" / "incoming" / "value".
    [[nodiscard]] static std::optional<Choice> choiceFromCode(QStringView code);
    // A value as a person reads it: text as is, numbers in digits, "(trống)"-style empty marker
    // for null/undefined (translated).
    [[nodiscard]] static QString displayValue(const QCborValue& value);
    // The field's label for people ("Họ và tên" for full_name), else the column name.
    [[nodiscard]] static QString fieldLabel(const QString& table, const QString& column);

private:
    [[nodiscard]] Result<QCborValue> cellValue(const QString& table, const QString& rowId,
                                               const QString& column);
    [[nodiscard]] Status writeResidentCell(const QString& rowId, const QString& column,
                                           const QCborValue& value);
    [[nodiscard]] Status writeHouseholdCell(const QString& rowId, const QString& column,
                                            const QCborValue& value);
    WardDatabase& m_ward;
};

} // namespace wardroll::model
