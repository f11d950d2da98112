#include "CsvReader.h"
#include "FailingDevice.h"
#include "TempWard.h"

#include <QBuffer>
#include <QFile>
#include <QTest>

using namespace wardroll;
using namespace wardroll::model;
using wardroll::test::FailingDevice;

namespace {

struct Read
{
    qint64 line;
    QStringList fields;
    QString problem;
};

QList<Read> readAll(const QByteArray& bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(buffer);
    QList<Read> out;
    for (;;) {
        auto next = reader.readNext();
        if (!next.ok())
            qFatal("readAll: %s", qPrintable(next.error().toString()));
        if (!next.value())
            break;
        out.append(Read{reader.line(), reader.fields(), reader.problem()});
    }
    return out;
}

} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void plainRecords()
    {
        const auto records = readAll("a,b,c\n1,2,3\n");
        QCOMPARE(records.size(), 2);
        QCOMPARE(records[0].fields, (QStringList{u"a"_qs, u"b"_qs, u"c"_qs}));
        QCOMPARE(records[1].fields, (QStringList{u"1"_qs, u"2"_qs, u"3"_qs}));
        QCOMPARE(records[1].line, qint64(2));
        QVERIFY(records[1].problem.isEmpty());
    }

    void quotedFields()
    {
        const auto records = readAll("\"a,b\",\"say \"\"hi\"\"\",\"line1\nline2\",x\nnext,\"\",\"\"\"\"\n");
        QCOMPARE(records.size(), 2);
        QCOMPARE(records[0].fields, (QStringList{u"a,b"_qs, u"say \"hi\""_qs, u"line1\nline2"_qs, u"x"_qs}));
        // The second record starts on line 3: the first spans two lines.
        QCOMPARE(records[1].line, qint64(3));
        QCOMPARE(records[1].fields, (QStringList{u"next"_qs, QString(), u"\""_qs}));
    }

    // Lenient like the files in the wild: text after a closing quote is kept as written, quotes
    // included; a quote never closed keeps everything to the end of the file.
    void textAfterTheClosingQuote()
    {
        const auto records = readAll("\"ab\"cd\"e,\"\"\"x\"\"\" tail,\"a\"\"\"\"b\"\n\"open \"\"end");
        QCOMPARE(records.size(), 2);
        QCOMPARE(records[0].fields, (QStringList{u"abcd\"e"_qs, u"\"x\" tail"_qs, u"a\"\"b"_qs}));
        QCOMPARE(records[1].fields, (QStringList{u"open \"end"_qs}));
        QVERIFY(!records[1].problem.isEmpty());
    }

    void lineEndsAndBlankLines()
    {
        const auto records = readAll("a,b\r\n1,2\r\n\r\n\n3,4\r5,6");
        QCOMPARE(records.size(), 4);
        QCOMPARE(records[1].line, qint64(2));
        QCOMPARE(records[2].fields, (QStringList{u"3"_qs, u"4"_qs}));
        QCOMPARE(records[2].line, qint64(5));
        QCOMPARE(records[3].fields, (QStringList{u"5"_qs, u"6"_qs}));
        QCOMPARE(records[3].line, qint64(6));
    }

    void trailingCommaGivesEmptyField()
    {
        const auto records = readAll("a,b,\n");
        QCOMPARE(records.size(), 1);
        QCOMPARE(records[0].fields, (QStringList{u"a"_qs, u"b"_qs, QString()}));
    }

    void byteOrderMarkSkipped()
    {
        const auto records = readAll("\xEF\xBB\xBFH\xE1\xBB\x8D v\xC3\xA0 t\xC3\xAAn,x\n");
        QCOMPARE(records.size(), 1);
        QCOMPARE(records[0].fields.front(), u"Họ và tên"_qs);
    }

    void spacesAfterCommasKeptAndQuoteAfterSpaces()
    {
        // FEBRL writes a space after every comma; the caller trims.
        const auto records = readAll("rec_id, given_name\nrec-1, \"smith, jr\" \n");
        QCOMPARE(records[0].fields, (QStringList{u"rec_id"_qs, u" given_name"_qs}));
        QCOMPARE(records[1].fields, (QStringList{u"rec-1"_qs, u"smith, jr "_qs}));
    }

    void invalidUtf8ReportedPerRecord()
    {
        const auto records = readAll("a,b\nok,\xC3\xA9\nbad,Nguy\xC5n\nstill,fine\n");
        QCOMPARE(records.size(), 4);
        QVERIFY(records[1].problem.isEmpty());
        QCOMPARE(records[1].fields[1], u"é"_qs);
        QVERIFY(!records[2].problem.isEmpty());
        QVERIFY2(records[2].problem.contains(u"2"), qPrintable(records[2].problem));
        QCOMPARE(records[2].line, qint64(3));
        QVERIFY(records[3].problem.isEmpty());
        QCOMPARE(records[3].fields, (QStringList{u"still"_qs, u"fine"_qs}));
    }

    void unterminatedQuoteAtEnd()
    {
        const auto records = readAll("a,b\n1,\"never closed\n2,3\n");
        QCOMPARE(records.size(), 2);
        QVERIFY(!records[1].problem.isEmpty());
        QCOMPARE(records[1].line, qint64(2));
    }

    void utf8Validation_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("valid");
        QTest::newRow("ascii") << QByteArray("plain text, long enough for words") << true;
        QTest::newRow("vietnamese") << QStringLiteral("Nguyễn Thị Thuỷ Đặng").toUtf8() << true;
        QTest::newRow("4-byte") << QByteArray("\xF0\x9F\x98\x80") << true;
        QTest::newRow("overlong") << QByteArray("\xC0\xAF") << false;
        QTest::newRow("overlong-3") << QByteArray("\xE0\x80\xAF") << false;
        QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80") << false;
        QTest::newRow("too-large") << QByteArray("\xF4\x90\x80\x80") << false;
        QTest::newRow("truncated") << QByteArray("abc\xE1\xBB") << false;
        QTest::newRow("lone-continuation") << QByteArray("abcdefgh\x80") << false;
        QTest::newRow("latin1") << QByteArray("caf\xE9") << false;
    }
    void utf8Validation()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, valid);
        QCOMPARE(CsvReader::isValidUtf8(bytes.constData(), bytes.size()), valid);
    }

    void recordsAcrossChunkBoundaries()
    {
        // Enough data for several 1 MiB chunks, with a quoted field longer than a chunk.
        QByteArray data = "id,text\n";
        QList<QByteArray> expected;
        for (int i = 0; i < 60000; ++i) {
            QByteArray text = "Tr\xE1\xBA\xA7n \"" + QByteArray::number(i) + "\"\r\nd\xC3\xB2ng 2, x";
            expected.append(text);
            QByteArray quoted = text;
            quoted.replace("\"", "\"\"");
            data += QByteArray::number(i) + ",\"" + quoted + "\"\r\n";
            if (i == 30000) {
                const QByteArray big(3 * 1024 * 1024, 'z');
                expected.append(big);
                data += "big,\"" + big + "\"\r\n";
            }
        }
        const auto records = readAll(data);
        QCOMPARE(records.size(), expected.size() + 1);
        qint64 line = 2;
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const Read& r = records[i + 1];
            QCOMPARE(r.line, line);
            QVERIFY(r.problem.isEmpty());
            QCOMPARE(r.fields.size(), 2);
            if (r.fields[1] != QString::fromUtf8(expected[i]))
                QFAIL(qPrintable(QStringLiteral("record %1 differs").arg(i)));
            line += expected[i].count('\n') + 1;
        }
    }

    void progressCountsBytes()
    {
        const QByteArray data = "a,b\n1,2\n3,4\n";
        QBuffer buffer;
        buffer.setData(data);
        buffer.open(QIODevice::ReadOnly);
        CsvReader reader(buffer);
        QCOMPARE(reader.bytesTotal(), qint64(data.size()));
        QVERIFY(reader.readNext().value());
        QCOMPARE(reader.bytesDone(), qint64(4));
        QVERIFY(reader.readNext().value());
        QVERIFY(reader.readNext().value());
        QCOMPARE(reader.bytesDone(), qint64(data.size()));
        QVERIFY(!reader.readNext().value());
    }

    void deviceErrorIsAnError()
    {
        QByteArray data = "a,b\n";
        for (int i = 0; i < 200000; ++i)
            data += "x,y\n";
        FailingDevice device(data, data.size() / 2);
        device.open(QIODevice::ReadOnly);
        CsvReader reader(device);
        qint64 records = 0;
        for (;;) {
            auto next = reader.readNext();
            if (!next.ok()) {
                QCOMPARE(next.error().kind, Error::Kind::Io);
                QVERIFY(next.error().toString().contains(u"device unplugged"));
                break;
            }
            QVERIFY2(next.value(), "the reader reached the end of a failing device");
            ++records;
        }
        QVERIFY(records > 0);
    }

    void fileShorterThanAtStartIsAnError()
    {
        test::TempWard temp;
        const QString path = temp.filePath(QStringLiteral("shrinking.csv"));
        {
            QFile out(path);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write("a,b\n");
            for (int i = 0; i < 400000; ++i)
                out.write("xx,yy\n");
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        CsvReader reader(file);
        QVERIFY(reader.readNext().value());
        // Another program cuts the file while it is read.
        QVERIFY(QFile::resize(path, 1024 * 1024 + 100));
        for (;;) {
            auto next = reader.readNext();
            if (!next.ok()) {
                QCOMPARE(next.error().kind, Error::Kind::Io);
                return;
            }
            QVERIFY2(next.value(), "a shortened file read as complete");
        }
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "TestCsvReader.moc"
