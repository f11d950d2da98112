#include "CliVerb.h"
#include "MergeOperation.h"
#include "WardDatabase.h"
#include "WardStore.h"

namespace wardroll::cli {

namespace {

// A record by source_ref or id; prints why not and returns empty when there is none.
QString resolve(model::WardStore& store, const QString& ref, const CliContext& context)
{
    auto found = store.findResident(ref);
    if (!found.ok()) {
        context.err << found.error().toString() << Qt::endl;
        return {};
    }
    if (!found.value()) {
        context.err << tr("No resident %1.").arg(ref) << Qt::endl;
        return {};
    }
    return found.value()->id;
}

} // namespace

int runMerge(const CliContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "Merges residents recorded more than once into one record (the survivor keeps its id; the others "
        "are kept, marked as merged into it). Fields keep the survivor's value unless --take names another "
        "record. Prints the merge's id, for unmerge."));
    parser.addOption(CliSupport::dbOption());
    parser.addOption(
        {QStringLiteral("survivor"), tr("The record to keep (source_ref or id)."), QStringLiteral("REF")});
    parser.addOption(
        {QStringLiteral("other"), tr("A record to merge into it (repeatable)."), QStringLiteral("REF")});
    parser.addOption({QStringLiteral("take"),
                      tr("Take FIELD's value from record REF, e.g. email=B12 (repeatable). Fields: %1.")
                          .arg(model::MergeOperation::fields().join(QStringLiteral(", "))),
                      QStringLiteral("FIELD=REF")});
    parser.addOption({QStringLiteral("note"), tr("Why (documents checked)."), QStringLiteral("TEXT")});
    parser.addOption({QStringLiteral("officer"), tr("Who merges (default: local)."), QStringLiteral("NAME")});
    if (!CliSupport::parse(parser, context))
        return parser.isSet(QStringLiteral("help")) ? Success : BadUsage;
    if (!parser.isSet(QStringLiteral("survivor")) || !parser.isSet(QStringLiteral("other"))) {
        context.err << tr(
            "Usage: wardroll-cli merge --db FILE --survivor REF --other REF [--take FIELD=REF ...] "
            "[--note TEXT]")
                    << Qt::endl;
        return BadUsage;
    }
    int code = Success;
    auto ward = CliSupport::openWard(parser, context, false, &code);
    if (!ward)
        return code;
    if (parser.isSet(QStringLiteral("officer")))
        ward->setOfficer(parser.value(QStringLiteral("officer")));
    model::WardStore store(*ward);
    model::MergeOperation::Plan plan;
    plan.survivorId = resolve(store, parser.value(QStringLiteral("survivor")), context);
    if (plan.survivorId.isEmpty())
        return Failure;
    for (const QString& ref : parser.values(QStringLiteral("other"))) {
        const QString id = resolve(store, ref, context);
        if (id.isEmpty())
            return Failure;
        plan.otherIds << id;
    }
    for (const QString& take : parser.values(QStringLiteral("take"))) {
        const qsizetype eq = take.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            context.err << tr("--take wants FIELD=REF, not \"%1\".").arg(take) << Qt::endl;
            return BadUsage;
        }
        const QString field = take.left(eq).trimmed();
        if (!model::MergeOperation::fields().contains(field)) {
            context.err << tr("\"%1\" is not a field that can be merged.").arg(field) << Qt::endl;
            return BadUsage;
        }
        const QString id = resolve(store, take.mid(eq + 1).trimmed(), context);
        if (id.isEmpty())
            return Failure;
        plan.take.insert(field, id);
    }
    plan.note = parser.value(QStringLiteral("note"));
    auto merged = model::MergeOperation(*ward).merge(plan);
    if (!merged.ok()) {
        context.err << merged.error().toString() << Qt::endl;
        return merged.error().kind == model::Error::Kind::InvalidInput ? BadUsage : Failure;
    }
    context.out << merged.value() << Qt::endl;
    return Success;
}

int runUnmerge(const CliContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Undoes a merge: every record as it was before. Refused when a record changed since the merge."));
    parser.addOption(CliSupport::dbOption());
    parser.addOption(
        {QStringLiteral("merge"), tr("The merge's id (printed by merge)."), QStringLiteral("ID")});
    parser.addOption(
        {QStringLiteral("officer"), tr("Who undoes it (default: local)."), QStringLiteral("NAME")});
    if (!CliSupport::parse(parser, context))
        return parser.isSet(QStringLiteral("help")) ? Success : BadUsage;
    if (!parser.isSet(QStringLiteral("merge"))) {
        context.err << tr("Usage: wardroll-cli unmerge --db FILE --merge ID") << Qt::endl;
        return BadUsage;
    }
    int code = Success;
    auto ward = CliSupport::openWard(parser, context, false, &code);
    if (!ward)
        return code;
    if (parser.isSet(QStringLiteral("officer")))
        ward->setOfficer(parser.value(QStringLiteral("officer")));
    const model::Status undone = model::MergeOperation(*ward).undo(parser.value(QStringLiteral("merge")));
    if (!undone.ok()) {
        context.err << undone.error().toString() << Qt::endl;
        return Failure;
    }
    context.out << tr("merge %1 undone").arg(parser.value(QStringLiteral("merge"))) << Qt::endl;
    return Success;
}

} // namespace wardroll::cli
