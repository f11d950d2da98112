#include "SqlConnection.h"
#include "SqlTransaction.h"

#include <array>
#include <QTemporaryDir>
#include <QTest>

using namespace wardroll::model;

class TestSqlConnection : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void bindsAndReadsTypedValues()
    {
        auto db = SqlConnection::open(QStringLiteral(":memory:"));
        QVERIFY(db.ok());
        QVERIFY((*db)->exec(u"CREATE TABLE t(a TEXT, b INTEGER, c REAL, d BLOB)").ok());
        auto insert = (*db)->prepare(u"INSERT INTO t VALUES (?, ?, ?, ?)");
        QVERIFY(insert.ok());
        insert->bindAll(QStringLiteral("Nguyễn Thị Ánh"), qint64(1) << 40, 2.5, QByteArray("\x00\x01", 2));
        QVERIFY(insert->exec().ok());
        insert->bind(1, QString()).bindNull(2).bind(3, 0.0).bind(4, QByteArray());
        QVERIFY(insert->exec().ok());

        auto select = (*db)->prepare(u"SELECT a, b, c, d FROM t ORDER BY rowid");
        QVERIFY(select.ok());
        QVERIFY(select->step().value());
        QCOMPARE(select->text(0), QStringLiteral("Nguyễn Thị Ánh"));
        QCOMPARE(select->integer(1), qint64(1) << 40);
        QCOMPARE(select->real(2), 2.5);
        QCOMPARE(select->blob(3), QByteArray("\x00\x01", 2));
        QVERIFY(select->step().value());
        QVERIFY(select->isNull(0));
        QVERIFY(select->text(0).isNull());
        QCOMPARE(select->optionalInt(1), std::nullopt);
        QVERIFY(!select->step().value());
    }

    void stagedTextSurvivesManyRowsAndLongValues()
    {
        // Staged values share blocks of the statement's memory: many rows, values that fill a
        // block past its end, one longer than a block, empty and null ones must all be stored
        // exactly, and rows bound after clearBindings() must not see the previous row's bytes.
        auto db = SqlConnection::open(QStringLiteral(":memory:"));
        QVERIFY(db.ok());
        QVERIFY((*db)->exec(u"CREATE TABLE t(a TEXT, b TEXT, c TEXT)").ok());
        auto insert = (*db)->prepare(u"INSERT INTO t VALUES (?, ?, ?)");
        QVERIFY(insert.ok());
        QList<std::array<QString, 3>> rows;
        for (int i = 0; i < 300; ++i) {
            const QString name = QStringLiteral("Nguyễn Thị Ánh %1 ").arg(i).repeated(1 + i % 97);
            const QString other
                = i % 3 == 0 ? QString() : (i % 3 == 1 ? u""_qs : QStringLiteral("Đặng %1").arg(i));
            const QString huge = i == 150 ? QStringLiteral("Ữ").repeated(40000) : QString::number(i);
            rows.append({name, other, huge});
            insert->reset();
            insert->clearBindings();
            insert->bindStaged(1, name).bindStaged(2, other).bindStaged(3, huge);
            QVERIFY(insert->exec().ok());
        }
        auto select = (*db)->prepare(u"SELECT a, b, c FROM t ORDER BY rowid");
        QVERIFY(select.ok());
        for (const auto& row : std::as_const(rows)) {
            QVERIFY(select->step().value());
            QCOMPARE(select->text(0), row[0]);
            QCOMPARE(select->isNull(1), row[1].isNull());
            QCOMPARE(select->text(1), row[1]);
            QCOMPARE(select->text(2), row[2]);
        }
        QVERIFY(!select->step().value());
    }

    void reportsErrorsAsValues()
    {
        auto db = SqlConnection::open(QStringLiteral(":memory:"));
        QVERIFY(db.ok());
        auto bad = (*db)->prepare(u"SELECT * FROM no_such_table");
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().kind, Error::Kind::Database);
        QVERIFY(bad.error().detail.contains(QStringLiteral("no_such_table")));
        QVERIFY(!bad.error().message.isEmpty());

        QVERIFY((*db)->exec(u"CREATE TABLE u(x TEXT PRIMARY KEY)").ok());
        QVERIFY((*db)->exec(u"INSERT INTO u VALUES ('a')").ok());
        auto dup = (*db)->prepare(u"INSERT INTO u VALUES ('a')");
        QVERIFY(dup.ok());
        const Status status = dup->exec();
        QVERIFY(!status.ok());
        QVERIFY(status.error().detail.contains(QStringLiteral("UNIQUE")));
    }

    void transactionRollsBackUnlessCommitted()
    {
        auto db = SqlConnection::open(QStringLiteral(":memory:"));
        QVERIFY(db.ok());
        SqlConnection& c = **db;
        QVERIFY(c.exec(u"CREATE TABLE t(x INTEGER)").ok());
        {
            SqlTransaction tx(c);
            QVERIFY(tx.begun().ok());
            QVERIFY(c.exec(u"INSERT INTO t VALUES (1)").ok());
            QVERIFY(c.inTransaction());
        }
        QVERIFY(!c.inTransaction());
        QCOMPARE(c.queryInt(u"SELECT count(*) FROM t").value(), 0);
        {
            SqlTransaction tx(c);
            QVERIFY(c.exec(u"INSERT INTO t VALUES (1)").ok());
            QVERIFY(tx.commit().ok());
        }
        QCOMPARE(c.queryInt(u"SELECT count(*) FROM t").value(), 1);
    }

    void refusesAFileThatIsNotADatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("junk.db"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();
        auto db = SqlConnection::open(path);
        QVERIFY(db.ok()); // SQLite reads the header lazily
        auto probe = (*db)->queryInt(u"SELECT count(*) FROM sqlite_master");
        QVERIFY(!probe.ok());
        QVERIFY(probe.error().message.contains(QStringLiteral("not a WardRoll ward database")));
    }
};

QTEST_GUILESS_MAIN(TestSqlConnection)
#include "TestSqlConnection.moc"
