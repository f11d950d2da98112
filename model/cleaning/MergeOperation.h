#pragma once

#include "Flag.h"
#include "Resident.h"
#include "Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QStringList>

namespace wardroll::model {

class WardDatabase;

// Merges residents recorded more than once into one record, and undoes a merge. The officer
// chooses, field by field, which record's value the merged record keeps; the survivor keeps its
// id (and with it every reference to it); the others are soft-deleted with merged_into = the
// survivor. Household membership (household and relation to the head) is one field: it moves
// to the survivor when the officer takes it from another record. Every merge is kept in the
// `merges` table with the records' before- and after-images, who and when, so that undo restores
// them exactly; undo refuses when a record changed since the merge. Both run in one
// transaction; writes go through WardStore (stamped with the ward's officer and time). In the
// same transaction the duplicate flags between the records are resolved as merged (FlagStore),
// and reopened by undo.
class MergeOperation
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::model::MergeOperation)
public:
    // The fields an officer may take from one record or another: canonical CSV names
    // (CsvFieldMap), "household_ref" standing for household and relation to the head,
    // "birth_date" and "death_date" whole dates, addresses whole.
    [[nodiscard]] static const QStringList& fields();

    struct Plan
    {
        QString survivorId;
        QStringList otherIds;
        // field -> id of the record (survivor or other) whose value the survivor gets; fields
        // not named keep the survivor's value.
        QHash<QString, QString> take;
        QString note;
    };

    struct Record
    {
        QString id;
        QString survivorId;
        QStringList mergedIds;
        QHash<QString, QString> take;
        QString note;
        qint64 mergedAt = 0;
        QString mergedBy;
        qint64 undoneAt = 0; // 0: in force
        QString undoneBy;
    };

    explicit MergeOperation(WardDatabase& ward);

    // The survivor as the plan would leave it (nothing written).
    [[nodiscard]] Result<Resident> preview(const Plan& plan);
    // Returns the merge's id.
    [[nodiscard]] Result<QString> merge(const Plan& plan);
    [[nodiscard]] Status undo(const QString& mergeId);
    // Merges that involve the resident (as survivor or merged), newest first; all when empty.
    [[nodiscard]] Result<QList<Record>> history(const QString& residentId = {});

private:
    struct Loaded;
    [[nodiscard]] Result<Loaded> load(const Plan& plan);
    [[nodiscard]] Status settleDuplicateFlags(const Plan& plan, const QString& mergeId, FlagState to);
    WardDatabase& m_ward;
};

} // namespace wardroll::model
