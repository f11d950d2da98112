#include "Result.h"

#include <memory>
#include <QStringList>
#include <QTest>

using namespace wardroll::model;

namespace {
Result<QStringList> names()
{
    return QStringList{u"Nguyễn Văn An"_qs, u"Trần Thị Bình"_qs};
}

Result<QStringList> failure()
{
    return Error{Error::Kind::InvalidInput, u"no names"_qs, u"detail"_qs};
}
} // namespace

class TestResult : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // The value of a temporary Result outlives the statement that made it where C++ extends a
    // temporary's life (the sanitizer build would report a use after free otherwise).
    void theValueOfATemporaryOutlivesIt()
    {
        QStringList seen;
        for (const QString& name : names().value())
            seen << name;
        QCOMPARE(seen, (QStringList{u"Nguyễn Văn An"_qs, u"Trần Thị Bình"_qs}));
        const QStringList& kept = names().value();
        QCOMPARE(kept.size(), 2);
        QCOMPARE(kept.last(), u"Trần Thị Bình"_qs);
    }

    void aMoveOnlyValueMovesOut()
    {
        Result<std::unique_ptr<int>> made = std::make_unique<int>(7);
        std::unique_ptr<int> taken = std::move(made).value();
        QVERIFY(taken);
        QCOMPARE(*taken, 7);
    }

    void anErrorKeepsItsMessageAndFallsBack()
    {
        const auto result = failure();
        QVERIFY(!result.ok());
        QCOMPARE(result.error().message, u"no names"_qs);
        QCOMPARE(result.valueOr(QStringList{u"fallback"_qs}), QStringList{u"fallback"_qs});
        QCOMPARE(names().valueOr(QStringList()).size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestResult)
#include "TestResult.moc"
