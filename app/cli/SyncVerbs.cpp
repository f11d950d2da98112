// Sync verbs: enroll, sync, conflicts, outbox-export.
#include "CliVerb.h"
#include "Outbox.h"
#include "SqlConnection.h"
#include "SyncClient.h"
#include "SyncConflictStore.h"
#include "WardDatabase.h"
#include "WardKeyStore.h"

#include <QCborValue>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace wardroll::cli {

namespace {

// A value as a person reads it; null stays JSON null.
QJsonValue jsonValue(const QByteArray& cbor)
{
    if (cbor.isNull())
        return QJsonValue(QJsonValue::Undefined);
    const QCborValue value = QCborValue::fromCbor(cbor);
    if (value.isByteArray())
        return QString::fromLatin1(value.toByteArray().toBase64());
    return value.toJsonValue();
}

QString textValue(const QByteArray& cbor)
{
    const QJsonValue value = jsonValue(cbor);
    if (value.isUndefined())
        return QStringLiteral("-");
    if (value.isNull())
        return QStringLiteral("(null)");
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    return value.toString();
}

// `conflicts --resolve ID --take SIDE [--value V]`: the choice is an ordinary edit, synced.
int resolveConflict(QCommandLineParser& parser, const CliContext& context)
{
    const auto choice = model::SyncConflictStore::choiceFromCode(parser.value(QStringLiteral("take")));
    const bool typed = choice == model::SyncConflictStore::Choice::Value;
    if (!choice || parser.value(QStringLiteral("resolve")).isEmpty()
        || typed != parser.isSet(QStringLiteral("value"))) {
        context.err << tr(
            "Usage: wardroll-cli conflicts --db FILE --resolve ID --take local|hub|incoming|value "
            "[--value V]")
                    << Qt::endl;
        return BadUsage;
    }
    int code = Success;
    auto ward = CliSupport::openWard(parser, context, false, &code);
    if (!ward)
        return code;
    const QString id = parser.value(QStringLiteral("resolve"));
    model::SyncConflictStore conflicts(*ward);
    if (auto status = conflicts.resolve(id, *choice, parser.value(QStringLiteral("value"))); !status.ok()) {
        context.err << tr("The conflict was not settled: %1").arg(status.error().toString()) << Qt::endl;
        return Failure;
    }
    auto settled = conflicts.conflict(id);
    if (!settled.ok()) {
        context.err << settled.error().toString() << Qt::endl;
        return Failure;
    }
    context.out << "resolved\t" << id << '\t' << settled->resolution << '\t'
                << model::SyncConflictStore::displayValue(settled->resolvedValue) << Qt::endl;
    return Success;
}

} // namespace

int runEnroll(const CliContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Enrolls this ward with a sync hub, using a one-time code from the hub."));
    parser.addOption(CliSupport::dbOption());
    parser.addOption(
        {QStringLiteral("hub"), tr("The hub's address, e.g. http://127.0.0.1:8470."), QStringLiteral("URL")});
    parser.addOption({QStringLiteral("code"), tr("The enrollment code (wardroll-hub enrollment-code)."),
                      QStringLiteral("CODE")});
    if (!CliSupport::parse(parser, context))
        return parser.isSet(QStringLiteral("help")) ? Success : BadUsage;
    if (parser.value(QStringLiteral("hub")).isEmpty() || parser.value(QStringLiteral("code")).isEmpty()) {
        context.err << tr("Usage: wardroll-cli enroll --db FILE --hub URL --code CODE") << Qt::endl;
        return BadUsage;
    }
    int code = Success;
    auto ward = CliSupport::openWard(parser, context, false, &code);
    if (!ward)
        return code;
    sync::WardKeyStore keys(*ward);
    sync::SyncClient client(*ward, keys);
    const QUrl hub(parser.value(QStringLiteral("hub")), QUrl::StrictMode);
    const auto status = QCoro::waitFor(client.enroll(hub, parser.value(QStringLiteral("code"))));
    if (!status.ok()) {
        context.err << tr("Enrollment failed: %1").arg(status.error().toString()) << Qt::endl;
        return Failure;
    }
    context.out << tr("Enrolled device %1 with %2.").arg(ward->deviceId(), hub.toString()) << Qt::endl;
    return Success;
}

int runSync(const CliContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("One full sync round: push the outbox, pull and apply the hub's changes."));
    parser.addOption(CliSupport::dbOption());
    parser.addOption({QStringLiteral("timeout"), tr("Seconds to wait for each answer (default 30)."),
                      QStringLiteral("S"), QStringLiteral("30")});
    parser.addOption({QStringLiteral("json"), tr("Print the report as JSON.")});
    parser.addOption({QStringLiteral("reseal-refused"),
                      tr("After the hub released this device: seal the refused change-set and those "
                         "behind it again, continuing the hub's chain, and send them.")});
    if (!CliSupport::parse(parser, context))
        return parser.isSet(QStringLiteral("help")) ? Success : BadUsage;
    bool timeoutOk = false;
    const double timeout = parser.value(QStringLiteral("timeout")).toDouble(&timeoutOk);
    if (!timeoutOk || timeout <= 0) {
        context.err << tr("Usage: wardroll-cli sync --db FILE [--timeout S]") << Qt::endl;
        return BadUsage;
    }
    int code = Success;
    auto ward = CliSupport::openWard(parser, context, false, &code);
    if (!ward)
        return code;
    sync::WardKeyStore keys(*ward);
    sync::SyncClient client(*ward, keys);
    auto policy = client.transport().policy();
    policy.deadline = std::chrono::milliseconds(static_cast<qint64>(timeout * 1000));
    client.transport().setPolicy(policy);
    if (parser.isSet(QStringLiteral("reseal-refused"))) {
        int resealed = 0;
        const auto status = QCoro::waitFor(client.resealRefused(&resealed));
        if (!status.ok()) {
            context.err << tr("Sync failed: %1").arg(status.error().toString()) << Qt::endl;
            return Failure;
        }
        context.out << "resealed\t" << resealed << Qt::endl;
    }
    const sync::SyncReport report = QCoro::waitFor(client.sync());
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject json{{QStringLiteral("ok"), report.status.ok()},
                         {QStringLiteral("online"), client.isOnline()},
                         {QStringLiteral("sealed"), report.sealed},
                         {QStringLiteral("acknowledged"), report.acknowledged},
                         {QStringLiteral("refused"), report.refused},
                         {QStringLiteral("pulled"), report.pulledEntries},
                         {QStringLiteral("applied_rows"), report.appliedRows},
                         {QStringLiteral("conflicts"), report.conflicts},
                         {QStringLiteral("kept_local"), report.keptLocal},
                         {QStringLiteral("cursor"), report.cursor},
                         {QStringLiteral("unsynced"), report.unsynced}};
        if (!report.status.ok())
            json.insert(QStringLiteral("error"), report.status.error().toString());
        context.out << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented));
    } else {
        context.out << "acknowledged\t" << report.acknowledged << '\n'
                    << "refused\t" << report.refused << '\n'
                    << "pulled\t" << report.pulledEntries << '\n'
                    << "conflicts\t" << report.conflicts << '\n'
                    << "kept_local\t" << report.keptLocal << '\n'
                    << "cursor\t" << report.cursor << '\n'
                    << "unsynced\t" << report.unsynced << Qt::endl;
    }
    if (!report.status.ok()) {
        context.err << tr("Sync failed: %1").arg(report.status.error().toString()) << Qt::endl;
        return Failure;
    }
    return Success;
}

int runConflicts(const CliContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Lists the conflicts the hub recorded, with both values."));
    parser.addOption(CliSupport::dbOption());
    parser.addOption(
        {QStringLiteral("format"), tr("text or json."), QStringLiteral("FORMAT"), QStringLiteral("text")});
    parser.addOption({QStringLiteral("resolve"), tr("Settles the conflict with this id (see --take)."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("take"),
                      tr("With --resolve: local (the value made on this device), hub (the value the hub "
                         "kept), incoming (the value it set aside) or value (--value)."),
                      QStringLiteral("SIDE")});
    parser.addOption({QStringLiteral("value"), tr("With --take value: the value to write (empty: none)."),
                      QStringLiteral("V")});
    if (!CliSupport::parse(parser, context))
        return parser.isSet(QStringLiteral("help")) ? Success : BadUsage;
    const QString format = parser.value(QStringLiteral("format"));
    if (format != u"text" && format != u"json") {
        context.err << tr("Usage: wardroll-cli conflicts --db FILE [--format text|json]") << Qt::endl;
        return BadUsage;
    }
    if (parser.isSet(QStringLiteral("resolve")))
        return resolveConflict(parser, context);
    int code = Success;
    auto ward = CliSupport::openWard(parser, context, false, &code);
    if (!ward)
        return code;
    auto stmt = ward->connection().prepare(
        u"SELECT c.id, c.global_seq, c.table_name, c.row_id, c.column_name, c.base_value, c.hub_value, "
        u"c.incoming_value, c.hub_device, c.hub_officer, c.hub_changeset, c.incoming_device, "
        u"c.incoming_officer, "
        u"c.incoming_changeset, c.created_at, r.source_ref FROM sync_conflicts c "
        u"LEFT JOIN residents r ON c.table_name = 'residents' AND r.id = c.row_id ORDER BY c.global_seq, "
        u"c.id");
    if (!stmt.ok()) {
        context.err << stmt.error().toString() << Qt::endl;
        return Failure;
    }
    QJsonArray list;
    for (;;) {
        auto row = stmt->step();
        if (!row.ok()) {
            context.err << row.error().toString() << Qt::endl;
            return Failure;
        }
        if (!row.value())
            break;
        const auto side = [&](int value, int device, int officer, int changeset) {
            return QJsonObject{
                {QStringLiteral("value"), jsonValue(stmt->isNull(value) ? QByteArray() : stmt->blob(value))},
                {QStringLiteral("device"), stmt->text(device)},
                {QStringLiteral("officer"), stmt->text(officer)},
                {QStringLiteral("changeset"), stmt->text(changeset)}};
        };
        QJsonObject conflict{
            {QStringLiteral("id"), stmt->text(0)},
            {QStringLiteral("seq"), stmt->integer(1)},
            {QStringLiteral("table"), stmt->text(2)},
            {QStringLiteral("row"), stmt->text(3)},
            {QStringLiteral("ref"), stmt->text(15)},
            {QStringLiteral("field"), stmt->text(4)},
            {QStringLiteral("base"), jsonValue(stmt->isNull(5) ? QByteArray() : stmt->blob(5))},
            {QStringLiteral("hub"), side(6, 8, 9, 10)},
            {QStringLiteral("incoming"), side(7, 11, 12, 13)},
            {QStringLiteral("at"),
             QDateTime::fromMSecsSinceEpoch(stmt->integer(14), Qt::UTC).toString(Qt::ISODateWithMs)},
        };
        if (format == u"text") {
            context.out << stmt->text(2) << '\t'
                        << (stmt->text(15).isEmpty() ? stmt->text(3) : stmt->text(15)) << '\t'
                        << stmt->text(4) << '\t'
                        << tr("hub: %1 (%2)").arg(textValue(stmt->blob(6)), stmt->text(9)) << '\t'
                        << tr("incoming: %1 (%2)").arg(textValue(stmt->blob(7)), stmt->text(12)) << '\n';
        }
        list.append(conflict);
    }
    if (format == u"json")
        context.out << QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Indented));
    context.out.flush();
    return Success;
}

int runOutboxExport(const CliContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Writes every change-set not yet acknowledged by the hub to a signed file, to carry by hand "
           "(wardroll-hub import-outbox)."));
    parser.addOption(CliSupport::dbOption());
    parser.addOption({QStringLiteral("out"), tr("The file to write."), QStringLiteral("FILE")});
    if (!CliSupport::parse(parser, context))
        return parser.isSet(QStringLiteral("help")) ? Success : BadUsage;
    if (parser.value(QStringLiteral("out")).isEmpty()) {
        context.err << tr("Usage: wardroll-cli outbox-export --db FILE --out FILE") << Qt::endl;
        return BadUsage;
    }
    int code = Success;
    auto ward = CliSupport::openWard(parser, context, false, &code);
    if (!ward)
        return code;
    sync::WardKeyStore keys(*ward);
    sync::SyncClient client(*ward, keys);
    auto file = client.exportOutbox();
    if (!file.ok()) {
        context.err << file.error().toString() << Qt::endl;
        return Failure;
    }
    QSaveFile out(parser.value(QStringLiteral("out")));
    if (!out.open(QIODevice::WriteOnly) || out.write(file.value()) != file->size() || !out.commit()) {
        context.err << tr("The file “%1” could not be written.").arg(out.fileName()) << Qt::endl;
        return Failure;
    }
    auto counts = model::Outbox(ward->connection()).counts();
    context.out
        << tr("Wrote %1 change-sets to %2.").arg(counts.ok() ? counts->unsynced() : 0).arg(out.fileName())
        << Qt::endl;
    return Success;
}

} // namespace wardroll::cli
