#include "MergeOperation.h"

#include "Clock.h"
#include "FlagStore.h"
#include "ResidentJson.h"
#include "SqlConnection.h"
#include "SqlTransaction.h"
#include "Uuid7.h"
#include "WardDatabase.h"
#include "WardStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace wardroll::model {

namespace {

QString compact(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString compact(const QJsonArray& a)
{
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

// Copies one field's value from `from` into `to`.
void copyField(const QString& field, const Resident& from, Resident& to)
{
    if (field == u"full_name")
        to.fullName = from.fullName;
    else if (field == u"other_names")
        to.otherNames = from.otherNames;
    else if (field == u"birth_date")
        to.birthDate = from.birthDate;
    else if (field == u"sex")
        to.sex = from.sex;
    else if (field == u"personal_id")
        to.personalId = from.personalId;
    else if (field == u"old_id")
        to.oldId = from.oldId;
    else if (field == u"birth_place")
        to.birthPlace = from.birthPlace;
    else if (field == u"birth_registration_place")
        to.birthRegistrationPlace = from.birthRegistrationPlace;
    else if (field == u"hometown")
        to.hometown = from.hometown;
    else if (field == u"ethnicity")
        to.ethnicity = from.ethnicity;
    else if (field == u"religion")
        to.religion = from.religion;
    else if (field == u"nationality")
        to.nationality = from.nationality;
    else if (field == u"marital_status")
        to.maritalStatus = from.maritalStatus;
    else if (field == u"permanent_address")
        to.permanentAddress = from.permanentAddress;
    else if (field == u"temporary_address")
        to.temporaryAddress = from.temporaryAddress;
    else if (field == u"current_address")
        to.currentAddress = from.currentAddress;
    else if (field == u"village")
        to.village = from.village;
    else if (field == u"household_ref") {
        to.householdId = from.householdId;
        to.relationToHead = from.relationToHead;
    } else if (field == u"father_name")
        to.fatherName = from.fatherName;
    else if (field == u"father_id")
        to.fatherId = from.fatherId;
    else if (field == u"mother_name")
        to.motherName = from.motherName;
    else if (field == u"mother_id")
        to.motherId = from.motherId;
    else if (field == u"spouse_name")
        to.spouseName = from.spouseName;
    else if (field == u"spouse_id")
        to.spouseId = from.spouseId;
    else if (field == u"phone")
        to.phone = from.phone;
    else if (field == u"email")
        to.email = from.email;
    else if (field == u"status")
        to.status = from.status;
    else if (field == u"death_date")
        to.deathDate = from.deathDate;
}

} // namespace

struct MergeOperation::Loaded
{
    Resident survivor;
    QList<Resident> others;
};

const QStringList& MergeOperation::fields()
{
    static const QStringList list = {
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
    return list;
}

MergeOperation::MergeOperation(WardDatabase& ward)
    : m_ward(ward)
{
}

Result<MergeOperation::Loaded> MergeOperation::load(const Plan& plan)
{
    if (plan.survivorId.isEmpty() || plan.otherIds.isEmpty())
        return Error{Error::Kind::InvalidInput,
                     tr("Choose the record to keep and at least one record to merge into it.")};
    QStringList all{plan.survivorId};
    for (const QString& id : plan.otherIds) {
        if (all.contains(id))
            return Error{Error::Kind::InvalidInput, tr("A record appears twice in the merge."), id};
        all << id;
    }
    for (auto it = plan.take.cbegin(); it != plan.take.cend(); ++it) {
        if (!fields().contains(it.key()))
            return Error{Error::Kind::InvalidInput,
                         tr("\"%1\" is not a field that can be merged.").arg(it.key())};
        if (!all.contains(it.value()))
            return Error{Error::Kind::InvalidInput,
                         tr("The value of \"%1\" must come from one of the merged records.").arg(it.key()),
                         it.value()};
    }
    WardStore store(m_ward);
    Loaded loaded;
    for (const QString& id : all) {
        auto r = store.resident(id);
        if (!r.ok())
            return r.error();
        if (!r->isLive())
            return Error{Error::Kind::Conflict,
                         tr("The record of %1 was deleted or merged already.").arg(r->fullName), id};
        if (id == plan.survivorId)
            loaded.survivor = r.value();
        else
            loaded.others.append(r.value());
    }
    return loaded;
}

Result<Resident> MergeOperation::preview(const Plan& plan)
{
    auto loaded = load(plan);
    if (!loaded.ok())
        return loaded.error();
    Resident merged = loaded->survivor;
    for (auto it = plan.take.cbegin(); it != plan.take.cend(); ++it) {
        if (it.value() == merged.id)
            continue;
        for (const Resident& other : std::as_const(loaded->others)) {
            if (other.id == it.value())
                copyField(it.key(), other, merged);
        }
    }
    return merged;
}

Result<QString> MergeOperation::merge(const Plan& plan)
{
    SqlConnection& db = m_ward.connection();
    QString mergeId;
    {
        SqlTransaction transaction(db);
        if (!transaction.begun().ok())
            return transaction.begun().error();
        auto loaded = load(plan);
        if (!loaded.ok())
            return loaded.error();
        auto merged = preview(plan);
        if (!merged.ok())
            return merged.error();
        WardStore store(m_ward);
        QJsonObject before;
        before.insert(loaded->survivor.id, ResidentJson::toJson(loaded->survivor));
        for (const Resident& other : std::as_const(loaded->others))
            before.insert(other.id, ResidentJson::toJson(other));

        if (auto status = store.updateResident(merged.value()); !status.ok())
            return status.error();
        const qint64 now = Clock::nowMs();
        QJsonArray mergedIds;
        for (Resident other : std::as_const(loaded->others)) {
            other.mergedInto = plan.survivorId;
            other.deletedAt = now;
            if (auto status = store.updateResident(other); !status.ok())
                return status.error();
            mergedIds.append(other.id);
        }
        // After-images as stored, for undo to see whether anything changed since.
        QJsonObject after;
        for (const QString& id : QStringList{plan.survivorId} + plan.otherIds) {
            auto r = store.resident(id);
            if (!r.ok())
                return r.error();
            after.insert(id, ResidentJson::toJson(r.value()));
        }
        QJsonObject choices;
        for (auto it = plan.take.cbegin(); it != plan.take.cend(); ++it)
            choices.insert(it.key(), it.value());
        mergeId = Uuid7::generate();
        auto insert
            = db.prepare(u"INSERT INTO merges(id, survivor_id, merged_ids, choices, before_images, "
                         u"after_images, note, merged_at, merged_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        if (!insert.ok())
            return insert.error();
        insert->bindAll(
            mergeId, plan.survivorId, compact(mergedIds), compact(choices), compact(before), compact(after),
            plan.note.trimmed().isEmpty() ? QStringLiteral("") : plan.note.trimmed(), now, m_ward.officer());
        if (auto status = insert->exec(); !status.ok())
            return status.error();
        // In the same transaction: a merge whose duplicate flags stayed open would come back at
        // the officer as work still to do.
        if (auto status = settleDuplicateFlags(plan, mergeId, FlagState::Resolved); !status.ok())
            return status.error();
        if (auto status = transaction.commit(); !status.ok())
            return status.error();
    }
    return mergeId;
}

Status MergeOperation::undo(const QString& mergeId)
{
    SqlConnection& db = m_ward.connection();
    SqlTransaction transaction(db);
    if (!transaction.begun().ok())
        return transaction.begun();
    auto select = db.prepare(u"SELECT before_images, after_images, undone_at FROM merges WHERE id = ?");
    if (!select.ok())
        return select.error();
    select->bind(1, mergeId);
    auto row = select->step();
    if (!row.ok())
        return row.error();
    if (!row.value())
        return Error{Error::Kind::NotFound, tr("This merge does not exist."), mergeId};
    if (!select->isNull(2))
        return Error{Error::Kind::Conflict, tr("This merge was undone already."), mergeId};
    const QJsonObject before = QJsonDocument::fromJson(select->text(0).toUtf8()).object();
    const QJsonObject after = QJsonDocument::fromJson(select->text(1).toUtf8()).object();
    select->reset();
    WardStore store(m_ward);
    for (auto it = after.constBegin(); it != after.constEnd(); ++it) {
        auto current = store.resident(it.key());
        if (!current.ok())
            return current.error();
        if (ResidentJson::toJson(current.value()) != it.value().toObject())
            return Error{
                Error::Kind::Conflict,
                tr("The record of %1 changed after the merge: undo would lose that change. Correct it by "
                   "hand instead.")
                    .arg(current->fullName),
                it.key()};
    }
    for (auto it = before.constBegin(); it != before.constEnd(); ++it) {
        Resident restored = ResidentJson::fromJson(it.value().toObject());
        if (auto status = store.updateResident(restored); !status.ok())
            return status;
    }
    auto mark = db.prepare(u"UPDATE merges SET undone_at = ?, undone_by = ? WHERE id = ?");
    if (!mark.ok())
        return mark.error();
    mark->bindAll(Clock::nowMs(), m_ward.officer(), mergeId);
    if (auto status = mark->exec(); !status.ok())
        return status;
    Plan plan;
    for (auto it = after.constBegin(); it != after.constEnd(); ++it)
        if (ResidentJson::fromJson(it.value().toObject()).mergedInto.isEmpty())
            plan.survivorId = it.key();
        else
            plan.otherIds << it.key();
    if (auto status = settleDuplicateFlags(plan, mergeId, FlagState::Open); !status.ok())
        return status;
    return transaction.commit();
}

Status MergeOperation::settleDuplicateFlags(const Plan& plan, const QString& mergeId, FlagState to)
{
    // Resolved as merged, or back to open when the merge is undone. A flag that cannot move
    // (dismissed before the merge, say) is left as it is for the officer; a storage error fails
    // the whole merge.
    FlagStore flags(m_ward);
    for (const QString& other : plan.otherIds) {
        const QString subject = plan.survivorId < other ? plan.survivorId + QLatin1Char('|') + other
                                                        : other + QLatin1Char('|') + plan.survivorId;
        for (const QString& rule : {QStringLiteral("dup.probable"), QStringLiteral("dup.possible")}) {
            auto flag = flags.find(rule, subject);
            if (!flag.ok())
                return flag.error();
            if (!flag.value())
                continue;
            const Flag& found = **flag;
            Status status;
            if (to == FlagState::Resolved) {
                const QString note = tr("Merged (%1).").arg(mergeId);
                if (found.state == FlagState::Open)
                    status = flags.startVerification(found.id, note);
                if (status.ok()
                    && (found.state == FlagState::Open || found.state == FlagState::InVerification))
                    status = flags.resolve(found.id, Resolution::Merged, note);
            } else if (found.state == FlagState::Resolved && found.resolution == Resolution::Merged) {
                status = flags.reopen(found.id, tr("Merge undone (%1).").arg(mergeId));
            }
            if (!status.ok() && status.error().kind != Error::Kind::Conflict)
                return status;
        }
    }
    return {};
}

Result<QList<MergeOperation::Record>> MergeOperation::history(const QString& residentId)
{
    SqlConnection& db = m_ward.connection();
    auto select
        = db.prepare(u"SELECT id, survivor_id, merged_ids, choices, note, merged_at, merged_by, undone_at, "
                     u"undone_by FROM merges ORDER BY merged_at DESC, id DESC");
    if (!select.ok())
        return select.error();
    QList<Record> out;
    while (true) {
        auto row = select->step();
        if (!row.ok())
            return row.error();
        if (!row.value())
            break;
        Record r;
        r.id = select->text(0);
        r.survivorId = select->text(1);
        for (const QJsonValue& v : QJsonDocument::fromJson(select->text(2).toUtf8()).array())
            r.mergedIds << v.toString();
        const QJsonObject choices = QJsonDocument::fromJson(select->text(3).toUtf8()).object();
        for (auto it = choices.constBegin(); it != choices.constEnd(); ++it)
            r.take.insert(it.key(), it.value().toString());
        r.note = select->text(4);
        r.mergedAt = select->integer(5);
        r.mergedBy = select->text(6);
        r.undoneAt = select->integer(7);
        r.undoneBy = select->text(8);
        if (residentId.isEmpty() || r.survivorId == residentId || r.mergedIds.contains(residentId))
            out.append(r);
    }
    return out;
}

} // namespace wardroll::model
