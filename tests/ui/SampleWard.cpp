#include "SampleWard.h"

#include "SqlTransaction.h"
#include "WardDatabase.h"
#include "WardStore.h"

#include <QRandomGenerator>
#include <QTest>

namespace wardroll::test {

using namespace wardroll::model;

SampleWard fillSampleWard(WardDatabase& ward, int residents, quint32 seed)
{
    static const QStringList families = {u"Nguyễn"_qs, u"Trần"_qs, u"Lê"_qs, u"Phạm"_qs, u"Hoàng"_qs,
                                         u"Huỳnh"_qs,  u"Vũ"_qs,   u"Võ"_qs, u"Đặng"_qs, u"Bùi"_qs};
    static const QStringList middles = {u"Văn"_qs, u"Thị"_qs, u"Hữu"_qs, u"Ngọc"_qs, u"Minh"_qs, QString()};
    static const QStringList givens = {u"Hùng"_qs, u"Lan"_qs,  u"Ánh"_qs, u"Hoà"_qs, u"Thuỷ"_qs, u"Dũng"_qs,
                                       u"Mai"_qs,  u"Khoa"_qs, u"Nam"_qs, u"Vy"_qs,  u"Mỹ"_qs};
    static const QStringList villages = {u"Thôn Đông"_qs, u"Thôn Tây"_qs, u"Tổ dân phố 3"_qs, QString()};

    QRandomGenerator random(seed);
    WardStore store(ward);
    SampleWard sample;
    SqlTransaction transaction(ward.connection());
    if (!transaction.begun().ok())
        qFatal("fillSampleWard: %s", qPrintable(transaction.begun().error().toString()));

    QStringList householdIds;
    for (int h = 0; h < residents / 4 + 1; ++h) {
        Household household;
        household.number = QStringLiteral("HK-%1").arg(h + 1, 4, 10, QLatin1Char('0'));
        household.village = villages.at(h % villages.size());
        if (!store.insertHousehold(household).ok())
            qFatal("fillSampleWard: household insert failed");
        householdIds << household.id;
    }

    QList<Resident> inserted;
    for (int i = 0; i < residents; ++i) {
        Resident r;
        r.sourceRef = QStringLiteral("S%1").arg(i);
        const QString middle = middles.at(random.bounded(middles.size()));
        r.fullName = families.at(random.bounded(families.size())) + QLatin1Char(' ')
            + (middle.isEmpty() ? QString() : middle + QLatin1Char(' '))
            + givens.at(random.bounded(givens.size()));
        const int year = 1930 + random.bounded(90);
        switch (random.bounded(4)) {
        case 0:
            r.birthDate = PartialDate::fromParts(year);
            break;
        case 1:
            r.birthDate = PartialDate::fromParts(year, 1 + random.bounded(12));
            break;
        case 2:
            break; // unknown
        default:
            r.birthDate = PartialDate::fromParts(year, 1 + random.bounded(12), 1 + random.bounded(28));
        }
        r.sex = static_cast<Sex>(random.bounded(3));
        if (random.bounded(5) != 0)
            r.personalId = QStringLiteral("%1%2")
                               .arg(1 + random.bounded(96), 3, 10, QLatin1Char('0'))
                               .arg(random.bounded(1000000000), 9, 10, QLatin1Char('0'));
        r.village = villages.at(random.bounded(villages.size()));
        if (random.bounded(6) != 0)
            r.householdId = householdIds.at(random.bounded(householdIds.size()));
        r.status = static_cast<ResidentStatus>(random.bounded(10) < 7 ? 0 : random.bounded(4));
        if (!store.insertResident(r).ok())
            qFatal("fillSampleWard: resident insert failed");
        inserted << r;
    }

    for (int i = 0; i < inserted.size(); ++i) {
        Resident& r = inserted[i];
        const int fate = random.bounded(100);
        if (fate < 4 && i > 0) {
            r.mergedInto = inserted.at(i - 1).id;
            if (!store.updateResident(r).ok())
                qFatal("fillSampleWard: merge failed");
            sample.mergedIds << r.id;
        } else if (fate < 8) {
            if (!store.softDeleteResident(r.id).ok())
                qFatal("fillSampleWard: delete failed");
            sample.deletedIds << r.id;
        } else {
            sample.liveIds << r.id;
        }
    }
    if (!transaction.commit().ok())
        qFatal("fillSampleWard: commit failed");
    return sample;
}

} // namespace wardroll::test
