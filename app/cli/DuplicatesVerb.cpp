#include "CliVerb.h"
#include "DuplicateDetector.h"
#include "WardDatabase.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace wardroll::cli {

namespace {

struct Cluster
{
    int number = 0;
    QString level;
    QStringList ids;
};

} // namespace

int runDuplicates(const CliContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Finds residents recorded more than once. Prints one row per record of every cluster of probable "
           "duplicates (with --include-possible, possible ones too): "
           "cluster,level,source_ref,score,resident_id. "
           "score is the record's strongest match weight (log2 odds) within its cluster; source_ref is the "
           "record's id when it has none. Read-only: nothing is merged or flagged."));
    parser.addOption(CliSupport::dbOption());
    parser.addOption({QStringLiteral("format"), tr("csv (default) or json."), QStringLiteral("FORMAT"),
                      QStringLiteral("csv")});
    parser.addOption({QStringLiteral("include-possible"), tr("Also list clusters of possible duplicates.")});
    if (!CliSupport::parse(parser, context))
        return parser.isSet(QStringLiteral("help")) ? Success : BadUsage;
    const QString format = parser.value(QStringLiteral("format"));
    if ((format != u"csv" && format != u"json") || !parser.positionalArguments().isEmpty()) {
        context.err << tr("Usage: wardroll-cli duplicates --db FILE [--format csv|json] [--include-possible]")
                    << Qt::endl;
        return BadUsage;
    }
    int code = Success;
    auto ward = CliSupport::openWard(parser, context, false, &code);
    if (!ward)
        return code;

    model::DuplicateDetector::Options options;
    options.includePossible = parser.isSet(QStringLiteral("include-possible"));
    const QString what = tr("Finding duplicates");
    options.progress = [&](qint64 done, qint64 total) {
        CliSupport::progress(context, what, done, total);
        return true;
    };
    auto result = model::DuplicateDetector(*ward).run(options);
    CliSupport::endProgress(context);
    if (!result.ok()) {
        context.err << result.error().toString() << Qt::endl;
        return Failure;
    }
    const model::DuplicateDetector::Report& report = result.value();

    QList<Cluster> clusters;
    for (const QStringList& ids : report.probableClusters)
        clusters.append({static_cast<int>(clusters.size()) + 1, QStringLiteral("probable"), ids});
    if (options.includePossible) {
        for (const QStringList& ids : report.possibleClusters)
            clusters.append({static_cast<int>(clusters.size()) + 1, QStringLiteral("possible"), ids});
    }
    // A record's score: its strongest link to another member of the cluster.
    QHash<QString, QList<const model::Finding*>> findingsOf;
    for (const model::Finding& f : report.findings) {
        findingsOf[f.residentId].append(&f);
        findingsOf[f.otherResidentId].append(&f);
    }
    auto scoreIn = [&](const QString& id, const Cluster& cluster) {
        double best = -1e300;
        for (const model::Finding* f : findingsOf.value(id)) {
            const QString& other = f->residentId == id ? f->otherResidentId : f->residentId;
            if (cluster.ids.contains(other))
                best = std::max(best, f->score);
        }
        return best;
    };
    auto scoreText = [](double score) {
        return score < -1e299 ? QString() : QString::number(score, 'f', 2);
    };

    if (format == u"csv") {
        context.out << "cluster,level,source_ref,score,resident_id\n";
        for (const Cluster& cluster : std::as_const(clusters)) {
            for (const QString& id : cluster.ids) {
                context.out << cluster.number << ',' << cluster.level << ','
                            << CliSupport::csvField(report.references.value(id, id)) << ','
                            << scoreText(scoreIn(id, cluster)) << ',' << id << '\n';
            }
        }
        context.out.flush();
        return Success;
    }

    QJsonArray clusterArray;
    for (const Cluster& cluster : std::as_const(clusters)) {
        QJsonArray records;
        for (const QString& id : cluster.ids) {
            records.append(
                QJsonObject{{QStringLiteral("source_ref"), report.references.value(id, id)},
                            {QStringLiteral("resident_id"), id},
                            {QStringLiteral("score"), scoreText(scoreIn(id, cluster)).toDouble()}});
        }
        QJsonArray pairs;
        for (const QString& id : cluster.ids) {
            for (const model::Finding* f : findingsOf.value(id)) {
                if (f->residentId != id || !cluster.ids.contains(f->otherResidentId))
                    continue;
                pairs.append(QJsonObject{
                    {QStringLiteral("a"), report.references.value(f->residentId, f->residentId)},
                    {QStringLiteral("b"), report.references.value(f->otherResidentId, f->otherResidentId)},
                    {QStringLiteral("rule"), f->rule},
                    {QStringLiteral("score"), f->score},
                    {QStringLiteral("message"), f->message},
                    {QStringLiteral("why"), QJsonDocument::fromJson(f->details.toUtf8()).object()},
                });
            }
        }
        clusterArray.append(QJsonObject{{QStringLiteral("cluster"), cluster.number},
                                        {QStringLiteral("level"), cluster.level},
                                        {QStringLiteral("records"), records},
                                        {QStringLiteral("pairs"), pairs}});
    }
    const QJsonObject json{
        {QStringLiteral("residents"), report.residents},
        {QStringLiteral("candidate_pairs"), report.candidatePairs},
        {QStringLiteral("comparisons"), report.comparisons},
        {QStringLiteral("seconds"), report.elapsedMs / 1000.0},
        {QStringLiteral("clusters"), clusterArray},
    };
    context.out << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented));
    context.out.flush();
    return Success;
}

} // namespace wardroll::cli
