// The sync verbs of wardroll-cli against a real wardroll-hub process: the contract scripts use
// (enroll, sync, resident show|update, conflicts, outbox-export / import-outbox), and a client
// killed with SIGKILL in the middle of a sync losing nothing.
#include "HubProcess.h"
#include "Outbox.h"
#include "SqlConnection.h"
#include "SqlTransaction.h"
#include "TempWard.h"
#include "WardStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace wardroll;
using namespace wardroll::test;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run cli(const QStringList& args)
{
    QProcess process;
    process.start(QStringLiteral(WARDROLL_BINARY_DIR "/app/wardroll-cli"), args);
    Run run;
    if (!process.waitForFinished(120000))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString ward(const QTemporaryDir& dir, const QString& name)
{
    return dir.filePath(name + QStringLiteral(".db"));
}

void addResidents(const QString& path, int count, bool oneTransaction)
{
    auto opened = model::WardDatabase::open(path);
    QVERIFY(opened.ok());
    model::WardStore store(**opened);
    std::optional<model::SqlTransaction> transaction;
    if (oneTransaction)
        transaction.emplace((*opened)->connection());
    for (int i = 0; i < count; ++i) {
        model::Resident r;
        r.sourceRef = QStringLiteral("R%1").arg(i + 1);
        r.fullName = QStringLiteral("Bùi Thị %1").arg(i + 1);
        r.phone = QStringLiteral("0900");
        QVERIFY(store.insertResident(r).ok());
    }
    if (transaction)
        QVERIFY(transaction->commit().ok());
}

QJsonObject residentJson(const QString& path, const QString& ref)
{
    const Run shown = cli({QStringLiteral("resident"), QStringLiteral("show"), QStringLiteral("--db"), path,
                           QStringLiteral("--ref"), ref, QStringLiteral("--format"), QStringLiteral("json")});
    return QJsonDocument::fromJson(shown.out.toUtf8()).object();
}

} // namespace

class TestSyncCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<HubProcess> m_hub;

    bool enroll(const QString& path, const QString& name)
    {
        const QString code = m_hub->enrollmentCode(name);
        const Run run = cli({QStringLiteral("enroll"), QStringLiteral("--db"), path, QStringLiteral("--hub"),
                             m_hub->url().toString(), QStringLiteral("--code"), code});
        if (run.exitCode != 0)
            qWarning("%s", qPrintable(run.err));
        return run.exitCode == 0;
    }

    Run syncWard(const QString& path) { return cli({QStringLiteral("sync"), QStringLiteral("--db"), path}); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_hub = std::make_unique<HubProcess>(QStringLiteral("sqlite:")
                                                 + m_dir.filePath(QStringLiteral("hub.db")),
                                             m_dir.filePath(QStringLiteral("hub.log")));
        QVERIFY(m_hub->start());
    }

    void enrollSyncEditAndSeeConflicts()
    {
        const QString a = ward(m_dir, QStringLiteral("a"));
        const QString b = ward(m_dir, QStringLiteral("b"));
        QCOMPARE(cli({QStringLiteral("init"), QStringLiteral("--db"), a}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("init"), QStringLiteral("--db"), b}).exitCode, 0);
        QVERIFY(enroll(a, QStringLiteral("Máy A")));
        QVERIFY(enroll(b, QStringLiteral("Máy B")));
        // A code works once; a wrong one is refused.
        const Run wrong
            = cli({QStringLiteral("enroll"), QStringLiteral("--db"), ward(m_dir, QStringLiteral("c")),
                   QStringLiteral("--hub"), m_hub->url().toString(), QStringLiteral("--code"),
                   QStringLiteral("AAAAA-AAAAA")});
        QCOMPARE(wrong.exitCode, 1);

        addResidents(a, 3, false);
        QCOMPARE(syncWard(a).exitCode, 0);
        QCOMPARE(syncWard(b).exitCode, 0);
        QCOMPARE(residentJson(b, QStringLiteral("R2")).value(QStringLiteral("full_name")).toString(),
                 QStringLiteral("Bùi Thị 2"));

        const Run updated = cli({QStringLiteral("resident"), QStringLiteral("update"), QStringLiteral("--db"),
                                 a, QStringLiteral("--ref"), QStringLiteral("R1"), QStringLiteral("--set"),
                                 QStringLiteral("phone=0911"), QStringLiteral("--set"),
                                 QStringLiteral("full_name=Bùi Thị Một")});
        QCOMPARE(updated.exitCode, 0);
        QCOMPARE(
            cli({QStringLiteral("resident"), QStringLiteral("update"), QStringLiteral("--db"), b,
                 QStringLiteral("--ref"), QStringLiteral("R1"), QStringLiteral("--set"),
                 QStringLiteral("phone=0922"), QStringLiteral("--set"), QStringLiteral("village=Thôn Đông")})
                .exitCode,
            0);
        QCOMPARE(syncWard(a).exitCode, 0);
        QCOMPARE(syncWard(b).exitCode, 0);
        QCOMPARE(syncWard(a).exitCode, 0);

        for (const QString& path : {a, b}) {
            const QJsonObject r1 = residentJson(path, QStringLiteral("R1"));
            QCOMPARE(r1.value(QStringLiteral("full_name")).toString(), QStringLiteral("Bùi Thị Một"));
            QCOMPARE(r1.value(QStringLiteral("village")).toString(), QStringLiteral("Thôn Đông"));
            QCOMPARE(r1.value(QStringLiteral("phone")).toString(),
                     QStringLiteral("0911")); // the hub had A's first
            const Run listed = cli({QStringLiteral("conflicts"), QStringLiteral("--db"), path,
                                    QStringLiteral("--format"), QStringLiteral("json")});
            QCOMPARE(listed.exitCode, 0);
            const QJsonArray conflicts = QJsonDocument::fromJson(listed.out.toUtf8()).array();
            QCOMPARE(conflicts.size(), 1);
            const QJsonObject c = conflicts.first().toObject();
            QCOMPARE(c.value(QStringLiteral("ref")).toString(), QStringLiteral("R1"));
            QCOMPARE(c.value(QStringLiteral("field")).toString(), QStringLiteral("phone"));
            QCOMPARE(c.value(QStringLiteral("base")).toString(), QStringLiteral("0900"));
            QCOMPARE(c.value(QStringLiteral("hub")).toObject().value(QStringLiteral("value")).toString(),
                     QStringLiteral("0911"));
            QCOMPARE(c.value(QStringLiteral("incoming")).toObject().value(QStringLiteral("value")).toString(),
                     QStringLiteral("0922"));
        }
        const Run text = cli({QStringLiteral("conflicts"), QStringLiteral("--db"), a});
        QVERIFY(text.out.contains(QStringLiteral("0922")));

        // B settles it for its own value: an ordinary edit, synced to A.
        const QString id
            = QJsonDocument::fromJson(cli({QStringLiteral("conflicts"), QStringLiteral("--db"), b,
                                           QStringLiteral("--format"), QStringLiteral("json")})
                                          .out.toUtf8())
                  .array()
                  .first()
                  .toObject()
                  .value(QStringLiteral("id"))
                  .toString();
        QVERIFY(!id.isEmpty());
        const QStringList resolve
            = {QStringLiteral("conflicts"), QStringLiteral("--db"), b, QStringLiteral("--resolve"), id};
        QCOMPARE(cli(resolve + QStringList{QStringLiteral("--take"), QStringLiteral("mine")}).exitCode, 2);
        QCOMPARE(cli(resolve + QStringList{QStringLiteral("--take"), QStringLiteral("value")}).exitCode, 2);
        const Run resolved = cli(resolve + QStringList{QStringLiteral("--take"), QStringLiteral("local")});
        QCOMPARE(resolved.exitCode, 0);
        QVERIFY2(resolved.out.contains(QStringLiteral("incoming\t0922")), qPrintable(resolved.out));
        QCOMPARE(cli(resolve + QStringList{QStringLiteral("--take"), QStringLiteral("hub")}).exitCode, 1);
        QCOMPARE(syncWard(b).exitCode, 0);
        QCOMPARE(syncWard(a).exitCode, 0);
        for (const QString& path : {a, b}) {
            QCOMPARE(residentJson(path, QStringLiteral("R1")).value(QStringLiteral("phone")).toString(),
                     QStringLiteral("0922"));
        }
        // The listing is unchanged by the settlement (it lists every conflict recorded).
        QCOMPARE(QJsonDocument::fromJson(cli({QStringLiteral("conflicts"), QStringLiteral("--db"), b,
                                              QStringLiteral("--format"), QStringLiteral("json")})
                                             .out.toUtf8())
                     .array()
                     .size(),
                 1);
    }

    void residentVerbRefusesBadUsage()
    {
        const QString path = ward(m_dir, QStringLiteral("usage"));
        addResidents(path, 1, false);
        const QStringList base
            = {QStringLiteral("resident"), QStringLiteral("update"), QStringLiteral("--db"), path,
               QStringLiteral("--ref"),    QStringLiteral("R1")};
        QCOMPARE(cli(base + QStringList{QStringLiteral("--set"), QStringLiteral("no_such_field=1")}).exitCode,
                 2);
        QCOMPARE(cli(base + QStringList{QStringLiteral("--set"), QStringLiteral("status=gone")}).exitCode, 2);
        QCOMPARE(cli(base).exitCode, 2); // nothing to set
        QCOMPARE(cli({QStringLiteral("resident"), QStringLiteral("show"), QStringLiteral("--db"), path,
                      QStringLiteral("--ref"), QStringLiteral("nobody")})
                     .exitCode,
                 1);
        QCOMPARE(residentJson(path, QStringLiteral("R1")).value(QStringLiteral("phone")).toString(),
                 QStringLiteral("0900"));
        // Not enrolled: sync says so and fails.
        const Run unenrolled = syncWard(path);
        QCOMPARE(unenrolled.exitCode, 1);
    }

    // SIGKILL at many points of a sync: every time the ward is intact and nothing is lost;
    // the next sync finishes the job.
    void aClientKilledMidSyncLosesNothing()
    {
        // A hub of its own: only this test's records.
        m_hub = std::make_unique<HubProcess>(QStringLiteral("sqlite:")
                                                 + m_dir.filePath(QStringLiteral("hub-kill.db")),
                                             m_dir.filePath(QStringLiteral("hub-kill.log")));
        QVERIFY(m_hub->start());
        const QString a = ward(m_dir, QStringLiteral("killed"));
        const QString b = ward(m_dir, QStringLiteral("receiver"));
        constexpr int total = 3000;
        QCOMPARE(cli({QStringLiteral("init"), QStringLiteral("--db"), a}).exitCode, 0);
        QVERIFY(enroll(a, QStringLiteral("Killed")));
        addResidents(a, total, false);

        int kills = 0;
        bool finished = false;
        for (int delay = 20; delay < 20000 && !finished; delay += 40 + delay / 4) {
            QProcess process;
            process.start(QStringLiteral(WARDROLL_BINARY_DIR "/app/wardroll-cli"),
                          {QStringLiteral("sync"), QStringLiteral("--db"), a});
            QVERIFY(process.waitForStarted());
            if (process.waitForFinished(delay)) {
                finished = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
                QVERIFY2(finished, qPrintable(QString::fromUtf8(process.readAllStandardError())));
            } else {
                process.kill();
                QVERIFY(process.waitForFinished(10000));
                ++kills;
            }
            // After every kill: the ward is whole, every edit is still there, and every edit is
            // either acknowledged by the hub or still waiting in the outbox.
            auto opened = model::WardDatabase::open(a);
            QVERIFY(opened.ok());
            QCOMPARE((*opened)->connection().queryText(u"PRAGMA integrity_check").value(),
                     QStringLiteral("ok"));
            QCOMPARE(model::WardStore(**opened).countResidents().value(), total);
            auto counts = model::Outbox((*opened)->connection()).counts();
            QCOMPARE(counts->acked + counts->unsynced(), total);
            QCOMPARE(counts->refused, 0);
        }
        QVERIFY(finished);
        QVERIFY(kills > 0);
        qInfo("killed %d times before a sync ran to the end", kills);

        QCOMPARE(cli({QStringLiteral("init"), QStringLiteral("--db"), b}).exitCode, 0);
        QVERIFY(enroll(b, QStringLiteral("Receiver")));
        const Run received = syncWard(b);
        QCOMPARE(received.exitCode, 0);
        auto opened = model::WardDatabase::open(b);
        QCOMPARE(model::WardStore(**opened).countResidents().value(), total);
        QCOMPARE(residentJson(b, QStringLiteral("R2999")).value(QStringLiteral("full_name")).toString(),
                 QStringLiteral("Bùi Thị 2999"));
    }

    void anOutboxCarriedByHand()
    {
        const QString a = ward(m_dir, QStringLiteral("carried"));
        QCOMPARE(cli({QStringLiteral("init"), QStringLiteral("--db"), a}).exitCode, 0);
        QVERIFY(enroll(a, QStringLiteral("Carried")));
        addResidents(a, 4, false);
        const QString file = m_dir.filePath(QStringLiteral("outbox.wro"));
        const Run exported = cli(
            {QStringLiteral("outbox-export"), QStringLiteral("--db"), a, QStringLiteral("--out"), file});
        QCOMPARE(exported.exitCode, 0);
        const auto imported = m_hub->run(QStringLiteral("import-outbox"), {file});
        QCOMPARE(imported.exitCode, 0);
        QVERIFY(imported.out.contains(QStringLiteral("4")));
        // Importing twice is harmless: replays.
        QCOMPARE(m_hub->run(QStringLiteral("import-outbox"), {file}).exitCode, 0);
        // The device's next sync learns that the hub has them.
        QCOMPARE(syncWard(a).exitCode, 0);
        auto opened = model::WardDatabase::open(a);
        QCOMPARE(model::Outbox((*opened)->connection()).counts()->unsynced(), 0);
        // A tampered file is refused.
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QByteArray bytes = f.readAll();
        bytes[bytes.size() - 5] = static_cast<char>(bytes[bytes.size() - 5] ^ 0x10);
        f.seek(0);
        f.write(bytes);
        f.close();
        QCOMPARE(m_hub->run(QStringLiteral("import-outbox"), {file}).exitCode, 1);
    }
};

QTEST_GUILESS_MAIN(TestSyncCli)
#include "TestSyncCli.moc"
