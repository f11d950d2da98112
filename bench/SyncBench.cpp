// wardroll-bench-sync: the sync issue's speed goals, measured on this machine. Not a test: it
// prints figures (ctest never runs it). Usage:
//   wardroll-bench-sync [--edits N] [--residents N] [--postgres postgresql://...] [--hub PATH]
//                       [--devices N] [--only sodium,hub,capture,roundtrip,devices]
// Figures: libsodium sign/verify rate; hub envelopes verified+applied per second (in process,
// SQLite, and PostgreSQL when --postgres names an empty database); and N edits captured on one
// device, pushed to a real wardroll-hub process on loopback and pulled by a second device
// (goal for 10,000: ≤ 3 s); and N devices (default 50) syncing at once, each a wardroll-cli process.
#include "ChangeSet.h"
#include "DeviceKey.h"
#include "Envelope.h"
#include "HubService.h"
#include "HubStore.h"
#include "Outbox.h"
#include "SqlTransaction.h"
#include "SyncClient.h"
#include "Uuid7.h"
#include "WardDatabase.h"
#include "WardKeyStore.h"
#include "WardStore.h"

#include <algorithm>
#include <memory>
#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QUrl>
#include <vector>

using namespace wardroll;
using namespace wardroll::model;
using namespace wardroll::sync;

namespace {

QTextStream out(stdout);

double seconds(const QElapsedTimer& timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e9;
}

[[noreturn]] void die(const QString& what)
{
    out << "error: " << what << Qt::endl;
    std::exit(1);
}

void benchSodium(int count)
{
    const DeviceKey key = std::move(DeviceKey::generate().value());
    const QByteArray message(400, 'm');
    QList<QByteArray> signatures;
    signatures.reserve(count);
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < count; ++i)
        signatures.append(key.sign(message));
    const double signSeconds = seconds(timer);
    timer.restart();
    int valid = 0;
    for (const QByteArray& signature : std::as_const(signatures))
        valid += DeviceKey::verify(message, signature, key.publicKey()) ? 1 : 0;
    const double verifySeconds = seconds(timer);
    if (valid != count)
        die(QStringLiteral("verification failed"));
    out << QStringLiteral("libsodium Ed25519: %1 signs/s, %2 verifies/s (%3 messages of 400 bytes)")
               .arg(count / signSeconds, 0, 'f', 0)
               .arg(count / verifySeconds, 0, 'f', 0)
               .arg(count)
        << Qt::endl;
}

// CPU seconds (user + system) a process has used so far (Linux /proc).
double cpuSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    return static_cast<double>(fields[11].toLongLong() + fields[12].toLongLong()) / 100.0; // clock ticks
}

// N envelopes from one device, each editing one field of one of 100 residents.
void benchHub(const QString& location, const QString& label, int count)
{
    auto store = HubStore::open(location);
    if (!store.ok())
        die(store.error().toString());
    HubService hub(**store);
    if (!hub.initialise().ok())
        die(QStringLiteral("hub initialise"));
    const DeviceKey key = std::move(DeviceKey::generate().value());
    const QString device = Uuid7::generate();
    auto code = hub.createEnrollmentCode(QStringLiteral("bench"), 60'000);
    QCborMap enroll;
    enroll.insert(QStringLiteral("op"), QStringLiteral("enroll"));
    enroll.insert(QStringLiteral("device"), device);
    enroll.insert(QStringLiteral("key"), key.publicKey());
    enroll.insert(QStringLiteral("code"), code.value());
    if (hub.enroll(SignedMessage::sign(SignedMessage::Purpose::DeviceRequest, enroll, key).wire()).status
        != 200)
        die(QStringLiteral("enroll"));

    QStringList residents;
    for (int i = 0; i < 100; ++i)
        residents << Uuid7::generate();
    QList<QByteArray> wires;
    QByteArray previous;
    for (int i = 0; i < count + 100; ++i) {
        RowChange row;
        row.table = QStringLiteral("residents");
        if (i < 100) {
            row.rowId = residents[i];
            row.op = RowChange::Op::Insert;
            row.after.insert(QStringLiteral("full_name"), QStringLiteral("Cư dân %1").arg(i));
            row.after.insert(QStringLiteral("phone"), QStringLiteral("0"));
        } else {
            row.rowId = residents[i % 100];
            row.op = RowChange::Op::Update;
            row.before.insert(QStringLiteral("phone"),
                              i < 200 ? QStringLiteral("0") : QString::number(i - 100));
            row.after.insert(QStringLiteral("phone"), QString::number(i));
            row.after.insert(QStringLiteral("updated_at"), i);
        }
        ChangeSet changes;
        changes.rows << row;
        EnvelopeFields f;
        f.changesetId = Uuid7::generate();
        f.deviceId = device;
        f.officer = QStringLiteral("bench");
        f.deviceSeq = i + 1;
        f.previousHash = previous;
        f.schemaVersion = 1;
        f.createdAt = i;
        f.changes = changes.toCbor();
        const Envelope envelope = Envelope::seal(f, key);
        previous = envelope.hash();
        wires << envelope.wire();
    }
    const auto push = [&](qsizetype from, qsizetype n) {
        QCborArray list;
        for (qsizetype i = from; i < from + n; ++i)
            list.append(wires[i]);
        QCborMap body;
        body.insert(QStringLiteral("device"), device);
        body.insert(QStringLiteral("envelopes"), list);
        const auto reply = hub.push(QCborValue(body).toCbor());
        if (reply.status != 200)
            die(QStringLiteral("push refused: %1").arg(reply.status));
    };
    push(0, 100);
    QElapsedTimer timer;
    timer.start();
    const double cpuBefore = cpuSeconds(QCoreApplication::applicationPid());
    for (qsizetype from = 100; from < wires.size(); from += 2000)
        push(from, std::min<qsizetype>(2000, wires.size() - from));
    const double s = seconds(timer);
    const double cpu = cpuSeconds(QCoreApplication::applicationPid()) - cpuBefore;
    out << QStringLiteral("hub on %1: %2 envelopes verified+applied in %3 s = %4/s; CPU %5 s = %6/CPU-s "
                          "(batches of 2000, as devices send them; in process)")
               .arg(label)
               .arg(count)
               .arg(s, 0, 'f', 2)
               .arg(count / s, 0, 'f', 0)
               .arg(cpu, 0, 'f', 2)
               .arg(count / std::max(cpu, 0.01), 0, 'f', 0)
        << Qt::endl;
}

// One transaction inserting N residents (an import): what change capture adds at COMMIT.
void benchBulkCapture(const QString& dir, int count)
{
    auto opened = WardDatabase::open(dir + QStringLiteral("/bulk.db"));
    if (!opened.ok())
        die(opened.error().toString());
    WardDatabase& ward = **opened;
    WardStore store(ward);
    SqlTransaction transaction(ward.connection());
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < count; ++i) {
        Resident r;
        r.sourceRef = QStringLiteral("I%1").arg(i);
        r.fullName = QStringLiteral("Trần Văn %1").arg(i);
        r.personalId = QStringLiteral("0010900%1").arg(i, 5, 10, QLatin1Char('0'));
        r.birthDate = PartialDate::parse(u"01/02/1980");
        r.village = QStringLiteral("Thôn 3");
        if (!store.insertResident(r).ok())
            die(QStringLiteral("insert"));
    }
    const double insertSeconds = seconds(timer);
    timer.restart();
    if (!transaction.commit().ok())
        die(QStringLiteral("commit"));
    const double commitSeconds = seconds(timer);
    const auto entries = Outbox(ward.connection()).unsynced(0, 10);
    const qint64 size = entries.ok() && !entries->isEmpty() ? entries->first().changes.size() : 0;
    out << QStringLiteral(
               "bulk capture: %1 inserts in one transaction %2 s; COMMIT with change capture %3 s; "
               "change-set %4 MB")
               .arg(count)
               .arg(insertSeconds, 0, 'f', 2)
               .arg(commitSeconds, 0, 'f', 2)
               .arg(static_cast<double>(size) / 1e6, 0, 'f', 1)
        << Qt::endl;
}

QString hubBinary(const QString& given)
{
    if (!given.isEmpty())
        return given;
    const QString beside = QCoreApplication::applicationDirPath() + QStringLiteral("/../app/wardroll-hub");
    if (QFileInfo::exists(beside))
        return QFileInfo(beside).canonicalFilePath();
    return QStandardPaths::findExecutable(QStringLiteral("wardroll-hub"));
}

std::unique_ptr<WardDatabase> openWard(const QString& path)
{
    auto ward = WardDatabase::open(path);
    if (!ward.ok())
        die(ward.error().toString());
    return std::move(ward.value());
}

// A real wardroll-hub process on loopback with an SQLite store in `dir`.
class BenchHub
{
public:
    BenchHub(const QString& binary, const QString& dir)
        : m_binary(binary)
        , m_store(QStringLiteral("sqlite:") + dir + QStringLiteral("/hub.db"))
    {
        m_process.setStandardErrorFile(dir + QStringLiteral("/hub.log"));
        m_process.start(binary,
                        {QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                         QStringLiteral("--store"), m_store});
        if (!m_process.waitForStarted() || !m_process.waitForReadyRead(30000))
            die(QStringLiteral("the hub did not start: ") + binary);
        const auto match = QRegularExpression(QStringLiteral("(http://[^\\s]+)"))
                               .match(QString::fromUtf8(m_process.readLine()));
        if (!match.hasMatch())
            die(QStringLiteral("the hub printed no address"));
        m_url = QUrl(match.captured(1));
    }
    ~BenchHub()
    {
        m_process.kill();
        m_process.waitForFinished();
    }
    BenchHub(const BenchHub&) = delete;
    BenchHub& operator=(const BenchHub&) = delete;

    [[nodiscard]] const QUrl& url() const { return m_url; }
    [[nodiscard]] qint64 processId() const { return m_process.processId(); }
    [[nodiscard]] QString enrollmentCode(const QString& deviceName) const
    {
        QProcess p;
        p.start(m_binary,
                {QStringLiteral("enrollment-code"), QStringLiteral("--store"), m_store,
                 QStringLiteral("--device-name"), deviceName});
        p.waitForFinished();
        return QString::fromUtf8(p.readAllStandardOutput()).trimmed().split(QLatin1Char('\n')).last();
    }

private:
    QString m_binary;
    QString m_store;
    QProcess m_process;
    QUrl m_url;
};

void benchRoundTrip(const QString& binary, const QString& dir, int edits, int residentCount)
{
    BenchHub hub(binary, dir);
    const QUrl url = hub.url();
    const auto code = [&](const QString& name) {
        return hub.enrollmentCode(name);
    };

    auto a = openWard(dir + QStringLiteral("/a.db"));
    auto b = openWard(dir + QStringLiteral("/b.db"));
    WardKeyStore keysA(*a);
    WardKeyStore keysB(*b);
    SyncClient clientA(*a, keysA);
    SyncClient clientB(*b, keysB);
    if (!QCoro::waitFor(clientA.enroll(url, code(QStringLiteral("A")))).ok()
        || !QCoro::waitFor(clientB.enroll(url, code(QStringLiteral("B")))).ok())
        die(QStringLiteral("enrollment failed"));

    // The starting ward, on both devices (not timed).
    WardStore storeA(*a);
    QList<Resident> residents;
    {
        SqlTransaction transaction(a->connection());
        for (int i = 0; i < residentCount; ++i) {
            Resident r;
            r.sourceRef = QStringLiteral("B%1").arg(i);
            r.fullName = QStringLiteral("Nguyễn Văn %1").arg(i);
            r.phone = QStringLiteral("0900");
            if (!storeA.insertResident(r).ok())
                die(QStringLiteral("insert"));
            residents << r;
        }
        if (!transaction.commit().ok())
            die(QStringLiteral("commit"));
    }
    if (!QCoro::waitFor(clientA.sync()).status.ok() || !QCoro::waitFor(clientB.sync()).status.ok())
        die(QStringLiteral("initial sync"));

    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < edits; ++i) {
        Resident& r = residents[i % residents.size()];
        r.phone = QStringLiteral("09%1").arg(i, 8, 10, QLatin1Char('0'));
        if (!storeA.updateResident(r).ok()) // one transaction, one change-set each
            die(QStringLiteral("update"));
    }
    const double captureSeconds = seconds(timer);
    // The same edits without change capture, for comparison (not a configuration the app has).
    timer.restart();
    for (int i = 0; i < edits; ++i) {
        Resident& r = residents[i % residents.size()];
        r.religion = QStringLiteral("R%1").arg(i);
        SqlTransaction uncaptured(a->connection(), ChangeCapture::Off);
        if (!storeA.updateResident(r).ok() || !uncaptured.commit().ok())
            die(QStringLiteral("update"));
    }
    const double uncapturedSeconds = seconds(timer);
    // Device A's round seals the 10,000 change-sets (signing each), pushes them and pulls its
    // own log back; device B's round pulls and applies them.
    timer.restart();
    const double hubCpuBefore = cpuSeconds(hub.processId());
    const double ownCpuBefore = cpuSeconds(QCoreApplication::applicationPid());
    const SyncReport pushed = QCoro::waitFor(clientA.sync());
    const double pushSeconds = seconds(timer);
    const double hubCpuPush = cpuSeconds(hub.processId()) - hubCpuBefore;
    const double ownCpuPush = cpuSeconds(QCoreApplication::applicationPid()) - ownCpuBefore;
    if (pushed.sealed != edits)
        die(QStringLiteral("sealed %1 of %2").arg(pushed.sealed).arg(edits));
    timer.restart();
    const double hubCpuBeforePull = cpuSeconds(hub.processId());
    const double ownCpuBeforePull = cpuSeconds(QCoreApplication::applicationPid());
    const SyncReport pulled = QCoro::waitFor(clientB.sync());
    const double pullSeconds = seconds(timer);
    const double hubCpuPull = cpuSeconds(hub.processId()) - hubCpuBeforePull;
    const double ownCpuPull = cpuSeconds(QCoreApplication::applicationPid()) - ownCpuBeforePull;
    if (!pushed.status.ok() || !pulled.status.ok())
        die(QStringLiteral("sync failed: ")
            + (pushed.status.ok() ? pulled.status : pushed.status).error().toString());
    if (pushed.acknowledged != edits || pulled.pulledEntries != edits)
        die(QStringLiteral("counts: %1 acknowledged, %2 pulled")
                .arg(pushed.acknowledged)
                .arg(pulled.pulledEntries));
    const Resident last = WardStore(*b).resident(residents[(edits - 1) % residents.size()].id).value();
    if (last.phone != residents[(edits - 1) % residents.size()].phone)
        die(QStringLiteral("the second device does not have the last edit"));
    out << QStringLiteral("capture: %1 edits (one transaction each) in %2 s; the same without capture %3 s")
               .arg(edits)
               .arg(captureSeconds, 0, 'f', 2)
               .arg(uncapturedSeconds, 0, 'f', 2)
        << Qt::endl;
    out << QStringLiteral("device A sync (seal %1, push, pull its own log back): %2 s; CPU: hub %3 s, "
                          "device %4 s")
               .arg(edits)
               .arg(pushSeconds, 0, 'f', 2)
               .arg(hubCpuPush, 0, 'f', 2)
               .arg(ownCpuPush, 0, 'f', 2)
        << Qt::endl;
    out << QStringLiteral("device B sync (pull and apply %1): %2 s; CPU: hub %3 s, device %4 s")
               .arg(edits)
               .arg(pullSeconds, 0, 'f', 2)
               .arg(hubCpuPull, 0, 'f', 2)
               .arg(ownCpuPull, 0, 'f', 2)
        << Qt::endl;
    out << QStringLiteral("push + pull of %1 edits on loopback: %2 s (goal for 10,000: <= 3 s); CPU %3 s "
                          "(hub %4 s + devices %5 s)")
               .arg(edits)
               .arg(pushSeconds + pullSeconds, 0, 'f', 2)
               .arg(hubCpuPush + hubCpuPull + ownCpuPush + ownCpuPull, 0, 'f', 2)
               .arg(hubCpuPush + hubCpuPull, 0, 'f', 2)
               .arg(ownCpuPush + ownCpuPull, 0, 'f', 2)
        << Qt::endl;
}

// `devices` devices, each with its own ward and `editsEach` new residents, sync at once: each is
// a separate `wardroll-cli sync` process, as on 50 laptops. A second round lets every device pull
// what the others pushed; then every ward must hold every device's residents.
void benchManyDevices(const QString& binary, const QString& cli, const QString& dir, int devices,
                      int editsEach)
{
    const QString hubDir = dir + QStringLiteral("/many");
    QDir().mkpath(hubDir);
    BenchHub hub(binary, hubDir);
    QStringList wards;
    for (int d = 0; d < devices; ++d) {
        const QString path = hubDir + QStringLiteral("/device%1.db").arg(d);
        auto ward = openWard(path);
        WardKeyStore keys(*ward);
        SyncClient client(*ward, keys);
        if (!QCoro::waitFor(client.enroll(hub.url(), hub.enrollmentCode(QStringLiteral("D%1").arg(d)))).ok())
            die(QStringLiteral("enrollment failed"));
        WardStore store(*ward);
        for (int i = 0; i < editsEach; ++i) {
            Resident r;
            r.sourceRef = QStringLiteral("D%1-%2").arg(d).arg(i);
            r.fullName = QStringLiteral("Trần Thị %1").arg(i);
            if (!store.insertResident(r).ok()) // one change-set each
                die(QStringLiteral("insert"));
        }
        wards << path;
    }
    // Every device's `wardroll-cli sync` starts at once; each one's time is when it exits.
    struct Round
    {
        double seconds = 0;
        std::vector<double> each;
    };
    const auto round = [&] {
        QElapsedTimer timer;
        timer.start();
        Round result;
        result.each.resize(static_cast<size_t>(wards.size()));
        std::vector<std::unique_ptr<QProcess>> processes;
        QEventLoop loop;
        qsizetype remaining = wards.size();
        for (qsizetype i = 0; i < wards.size(); ++i) {
            auto p = std::make_unique<QProcess>();
            QObject::connect(p.get(), &QProcess::finished, &loop, [&, i] {
                result.each[static_cast<size_t>(i)] = seconds(timer);
                if (--remaining == 0)
                    loop.quit();
            });
            p->start(cli, {QStringLiteral("sync"), QStringLiteral("--db"), wards[i]});
            processes.push_back(std::move(p));
        }
        loop.exec();
        for (auto& p : processes) {
            if (p->exitStatus() != QProcess::NormalExit || p->exitCode() != 0)
                die(QStringLiteral("a device's sync failed: ")
                    + QString::fromUtf8(p->readAllStandardError()));
        }
        result.seconds = seconds(timer);
        std::sort(result.each.begin(), result.each.end());
        return result;
    };
    const auto spread = [](const Round& r) {
        return QStringLiteral("%1 s (per device: fastest %2 s, median %3 s, slowest %4 s)")
            .arg(r.seconds, 0, 'f', 2)
            .arg(r.each.front(), 0, 'f', 2)
            .arg(r.each[r.each.size() / 2], 0, 'f', 2)
            .arg(r.each.back(), 0, 'f', 2);
    };
    const double hubCpuBefore = cpuSeconds(hub.processId());
    const Round first = round();
    const Round second = round();
    const double hubCpu = cpuSeconds(hub.processId()) - hubCpuBefore;
    const qint64 expected = qint64(devices) * editsEach;
    for (const QString& path : std::as_const(wards)) {
        auto ward = openWard(path);
        if (WardStore(*ward).countResidents().value() != expected)
            die(QStringLiteral("a device did not converge: ") + path);
    }
    out << QStringLiteral("%1 devices syncing at once (%2 change-sets each, one wardroll-cli process per "
                          "device): first round (push + pull) %3; second round (pull the rest) %4; "
                          "converged after %5 s; hub CPU %6 s; every ward holds all %7 residents")
               .arg(devices)
               .arg(editsEach)
               .arg(spread(first), spread(second))
               .arg(first.seconds + second.seconds, 0, 'f', 2)
               .arg(hubCpu, 0, 'f', 2)
               .arg(expected)
        << Qt::endl;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("edits"), QStringLiteral("Edits to sync (default 10000)."),
                      QStringLiteral("N"), QStringLiteral("10000")});
    parser.addOption({QStringLiteral("residents"), QStringLiteral("Residents they touch (default 1000)."),
                      QStringLiteral("N"), QStringLiteral("1000")});
    parser.addOption({QStringLiteral("postgres"),
                      QStringLiteral("An empty PostgreSQL database for the hub figure."),
                      QStringLiteral("URL")});
    parser.addOption(
        {QStringLiteral("hub"), QStringLiteral("The wardroll-hub binary."), QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("devices"),
                      QStringLiteral("Devices syncing at once (default 50; 0 skips that figure)."),
                      QStringLiteral("N"), QStringLiteral("50")});
    parser.addOption({QStringLiteral("only"),
                      QStringLiteral("Comma-separated parts: sodium,hub,capture,roundtrip,devices."),
                      QStringLiteral("PARTS")});
    parser.process(app);
    const int edits = parser.value(QStringLiteral("edits")).toInt();
    const int residents = parser.value(QStringLiteral("residents")).toInt();
    if (edits <= 0 || residents <= 0)
        die(QStringLiteral("--edits and --residents must be positive"));

    const QStringList only = parser.value(QStringLiteral("only")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    const auto wanted = [&](const char* part) {
        return only.isEmpty() || only.contains(QLatin1StringView(part));
    };
    const int devices = parser.value(QStringLiteral("devices")).toInt();

    QTemporaryDir dir;
    if (wanted("sodium"))
        benchSodium(20000);
    if (wanted("hub")) {
        benchHub(QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("bench-hub.db")),
                 QStringLiteral("SQLite"), edits);
        if (parser.isSet(QStringLiteral("postgres")))
            benchHub(parser.value(QStringLiteral("postgres")), QStringLiteral("PostgreSQL"), edits);
    }
    if (wanted("capture"))
        benchBulkCapture(dir.path(), 20000);
    const QString binary = hubBinary(parser.value(QStringLiteral("hub")));
    if (binary.isEmpty())
        die(QStringLiteral("wardroll-hub not found: pass --hub PATH"));
    if (wanted("roundtrip"))
        benchRoundTrip(binary, dir.path(), edits, residents);
    if (wanted("devices") && devices > 0) {
        const QString cli = QFileInfo(binary).absolutePath() + QStringLiteral("/wardroll-cli");
        if (!QFileInfo::exists(cli))
            die(QStringLiteral("wardroll-cli not found beside the hub: ") + cli);
        benchManyDevices(binary, cli, dir.path(), devices, 100);
    }
    return 0;
}
