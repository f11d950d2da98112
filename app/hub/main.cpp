// wardroll-hub: the sync hub. Verbs (a contract with scripts, like wardroll-cli's):
//   serve            --listen HOST:PORT --store sqlite:PATH|postgresql://...  [--max-body BYTES]
//   enrollment-code  --store ... --device-name NAME [--valid-hours H]  (the code is the last line)
//   devices          --store ... [--format json]
//   revoke           --store ... --device ID [--reason TEXT]
//   release          --store ... --device ID      (a device held after a fork or a gap)
//   import-outbox    --store ... FILE             (an outbox file carried by hand)
#include "HubServer.h"
#include "HubService.h"
#include "HubStore.h"
#include "SignedMessage.h"
#include "SyncProtocol.h"
#include "TranslationCatalog.h"

#include <functional>
#include <map>
#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QTranslator>

using namespace wardroll;
using namespace wardroll::sync;

namespace {

enum ExitCode { Success = 0, Failure = 1, BadUsage = 2 };

// lupdate files the strings of Text::tr() under this context.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::hub)
};

struct Context
{
    QStringList arguments;
    QTextStream& out;
    QTextStream& err;
};

const QString defaultStore = QStringLiteral("sqlite:wardroll-hub.db");

QCommandLineOption storeOption()
{
    return {QStringLiteral("store"),
            Text::tr("Hub store: sqlite:PATH or postgresql://[user@]host[:port]/database."),
            QStringLiteral("STORE"), defaultStore};
}

// Parses; prints help or the usage error. Returns -1 to go on, else the exit code.
int parse(QCommandLineParser& parser, const Context& context)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addHelpOption();
    if (!parser.parse(context.arguments)) {
        context.err << parser.errorText() << Qt::endl << parser.helpText();
        return BadUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        context.out << parser.helpText();
        return Success;
    }
    return -1;
}

struct Opened
{
    std::unique_ptr<HubStore> store;
    std::unique_ptr<HubService> service;
};

std::optional<Opened> openHub(const QCommandLineParser& parser, const Context& context)
{
    auto store = HubStore::open(parser.value(QStringLiteral("store")));
    if (!store.ok()) {
        context.err << store.error().toString() << Qt::endl;
        return std::nullopt;
    }
    Opened opened{std::move(store.value()), nullptr};
    opened.service = std::make_unique<HubService>(*opened.store);
    if (auto status = opened.service->initialise(); !status.ok()) {
        context.err << status.error().toString() << Qt::endl;
        return std::nullopt;
    }
    return opened;
}

int runServe(const Context& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("Serves the sync API."));
    parser.addOption(storeOption());
    parser.addOption({QStringLiteral("listen"),
                      Text::tr("Address and port (default 127.0.0.1:8470; port 0 picks one)."),
                      QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:8470")});
    parser.addOption({QStringLiteral("max-body"), Text::tr("Largest request body accepted, in bytes."),
                      QStringLiteral("BYTES"), QString::number(protocol::defaultMaxBody)});
    if (int code = parse(parser, context); code >= 0)
        return code;
    const QString listen = parser.value(QStringLiteral("listen"));
    const qsizetype colon = listen.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const uint port = colon > 0 ? listen.mid(colon + 1).toUInt(&portOk) : 0;
    QString host = colon > 0 ? listen.left(colon) : QString();
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    const QHostAddress address(host == u"localhost" ? QStringLiteral("127.0.0.1") : host);
    bool bodyOk = false;
    const qint64 maxBody = parser.value(QStringLiteral("max-body")).toLongLong(&bodyOk);
    if (!portOk || port > 65535 || address.isNull() || !bodyOk || maxBody <= 0) {
        context.err << Text::tr("Usage: wardroll-hub serve --listen HOST:PORT --store STORE") << Qt::endl;
        return BadUsage;
    }
    auto hub = openHub(parser, context);
    if (!hub)
        return Failure;
    HubServer server(*hub->service, maxBody);
    auto bound = server.listen(address, static_cast<quint16>(port));
    if (!bound.ok()) {
        context.err << bound.error().toString() << Qt::endl;
        return Failure;
    }
    const QString shown = address.protocol() == QAbstractSocket::IPv6Protocol
        ? QStringLiteral("[%1]").arg(address.toString())
        : address.toString();
    // Tests and scripts read the port from this line.
    context.out << "wardroll-hub listening on http://" << shown << ':' << bound.value() << Qt::endl;
    if (!address.isLoopback())
        context.err << Text::tr("Warning: the hub listens beyond this machine without TLS; put it behind a "
                                "reverse proxy with TLS and a body size limit.")
                    << Qt::endl;
    return QCoreApplication::exec();
}

int runEnrollmentCode(const Context& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Prints a one-time enrollment code for a new device (last line)."));
    parser.addOption(storeOption());
    parser.addOption(
        {QStringLiteral("device-name"), Text::tr("A name for the device."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("valid-hours"), Text::tr("How long the code stays valid (default 24)."),
                      QStringLiteral("H"), QStringLiteral("24")});
    if (int code = parse(parser, context); code >= 0)
        return code;
    bool hoursOk = false;
    const double hours = parser.value(QStringLiteral("valid-hours")).toDouble(&hoursOk);
    if (parser.value(QStringLiteral("device-name")).trimmed().isEmpty() || !hoursOk || hours <= 0) {
        context.err << Text::tr("Usage: wardroll-hub enrollment-code --store STORE --device-name NAME")
                    << Qt::endl;
        return BadUsage;
    }
    auto hub = openHub(parser, context);
    if (!hub)
        return Failure;
    auto code = hub->service->createEnrollmentCode(parser.value(QStringLiteral("device-name")),
                                                   static_cast<qint64>(hours * 3600 * 1000));
    if (!code.ok()) {
        context.err << code.error().toString() << Qt::endl;
        return Failure;
    }
    context.out << Text::tr("Enrollment code for “%1” (valid %2 h, once):")
                       .arg(parser.value(QStringLiteral("device-name")))
                       .arg(hours)
                << Qt::endl;
    context.out << code.value() << Qt::endl;
    return Success;
}

int runDevices(const Context& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("Lists the enrolled devices."));
    parser.addOption(storeOption());
    parser.addOption({QStringLiteral("format"), Text::tr("text or json."), QStringLiteral("FORMAT"),
                      QStringLiteral("text")});
    if (int code = parse(parser, context); code >= 0)
        return code;
    auto hub = openHub(parser, context);
    if (!hub)
        return Failure;
    auto devices = hub->store->devices();
    if (!devices.ok()) {
        context.err << devices.error().toString() << Qt::endl;
        return Failure;
    }
    const auto time = [](qint64 ms) {
        return ms ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate) : QString();
    };
    if (parser.value(QStringLiteral("format")) == u"json") {
        QJsonArray list;
        for (const auto& d : devices.value()) {
            list.append(QJsonObject{{QStringLiteral("id"), d.id},
                                    {QStringLiteral("name"), d.name},
                                    {QStringLiteral("state"), HubStore::stateCode(d.state)},
                                    {QStringLiteral("reason"), d.reason},
                                    {QStringLiteral("enrolled_at"), time(d.enrolledAt)},
                                    {QStringLiteral("last_seen_at"), time(d.lastSeenAt)},
                                    {QStringLiteral("last_seq"), d.lastSeq}});
        }
        context.out << QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Indented));
        return Success;
    }
    for (const auto& d : devices.value())
        context.out << d.id << '\t' << HubStore::stateCode(d.state) << '\t' << d.name << '\t' << d.lastSeq
                    << '\t' << time(d.lastSeenAt) << '\t' << d.reason << Qt::endl;
    return Success;
}

int runRevokeOrRelease(const Context& context, bool revoke)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(revoke
                                         ? Text::tr("Revokes a device: the hub refuses everything it sends.")
                                         : Text::tr("Releases a device held after a fork or a gap."));
    parser.addOption(storeOption());
    parser.addOption({QStringLiteral("device"), Text::tr("The device id."), QStringLiteral("ID")});
    if (revoke)
        parser.addOption(
            {QStringLiteral("reason"), Text::tr("Why (kept with the device)."), QStringLiteral("TEXT")});
    if (int code = parse(parser, context); code >= 0)
        return code;
    if (parser.value(QStringLiteral("device")).isEmpty()) {
        context.err << Text::tr("Missing --device ID.") << Qt::endl;
        return BadUsage;
    }
    auto hub = openHub(parser, context);
    if (!hub)
        return Failure;
    const QString id = parser.value(QStringLiteral("device"));
    const auto status = revoke ? hub->service->revoke(id, parser.value(QStringLiteral("reason")))
                               : hub->service->release(id);
    if (!status.ok()) {
        context.err << status.error().toString() << Qt::endl;
        return Failure;
    }
    context.out << (revoke ? Text::tr("Revoked %1.") : Text::tr("Released %1.")).arg(id) << Qt::endl;
    return Success;
}

int runImportOutbox(const Context& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Imports an outbox file exported by wardroll-cli outbox-export."));
    parser.addOption(storeOption());
    parser.addPositionalArgument(QStringLiteral("file"), Text::tr("The outbox file."),
                                 QStringLiteral("FILE"));
    if (int code = parse(parser, context); code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1) {
        context.err << Text::tr("Usage: wardroll-hub import-outbox --store STORE FILE") << Qt::endl;
        return BadUsage;
    }
    QFile file(parser.positionalArguments().first());
    if (!file.open(QIODevice::ReadOnly)) {
        context.err << Text::tr("The file “%1” could not be read.").arg(file.fileName()) << Qt::endl;
        return Failure;
    }
    if (file.size() > protocol::defaultMaxBody) {
        context.err << Text::tr("The file is too large.") << Qt::endl;
        return Failure;
    }
    auto hub = openHub(parser, context);
    if (!hub)
        return Failure;
    const HubService::Reply reply = hub->service->importOutbox(file.readAll());
    auto message = SignedMessage::parse(reply.body);
    const QCborMap body = message.ok() ? message->body() : QCborMap();
    const qsizetype acks = body.value(QStringLiteral("acks")).toArray().size();
    if (reply.status >= 400) {
        context.err << Text::tr("Refused: %1").arg(body.value(QStringLiteral("reason")).toString())
                    << Qt::endl;
        if (acks)
            context.err << Text::tr("%1 change-sets were accepted before the refusal.").arg(acks) << Qt::endl;
        return Failure;
    }
    context.out << Text::tr("Accepted %1 change-sets.").arg(acks) << Qt::endl;
    return Success;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QTranslator translator;
    wardroll::i18n::TranslationCatalog::installCommandLineTranslation(translator);
    QCoreApplication::setApplicationName(QStringLiteral("wardroll-hub"));
    QTextStream out(stdout);
    QTextStream err(stderr);

    const std::map<QString, std::function<int(const Context&)>> verbs = {
        {QStringLiteral("serve"), runServe},
        {QStringLiteral("enrollment-code"), runEnrollmentCode},
        {QStringLiteral("devices"), runDevices},
        {QStringLiteral("revoke"),
         [](const Context& c) {
             return runRevokeOrRelease(c, true);
         }},
        {QStringLiteral("release"),
         [](const Context& c) {
             return runRevokeOrRelease(c, false);
         }},
        {QStringLiteral("import-outbox"), runImportOutbox},
    };
    const QStringList args = QCoreApplication::arguments();
    const QString verb = args.value(1);
    const auto it = verbs.find(verb);
    if (it == verbs.end()) {
        err << Text::tr("Usage: wardroll-hub VERB [options]") << Qt::endl << Text::tr("Verbs:");
        for (const auto& [name, run] : verbs)
            err << ' ' << name;
        err << Qt::endl;
        return verb == u"--help" || verb == u"help" ? Success : BadUsage;
    }
    QStringList verbArgs = args;
    verbArgs.removeAt(1);
    const int code = it->second(Context{verbArgs, out, err});
    out.flush();
    err.flush();
    return code;
}
