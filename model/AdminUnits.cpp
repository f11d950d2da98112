#include "AdminUnits.h"

#include "ReferenceData.h"
#include "VietnameseText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace wardroll::model {

namespace {

// Matching key without the unit type: "Phường Ba Đình" and "ba dinh" both give "ba dinh".
QString shortKey(const QString& foldedName)
{
    static const QStringList types = {QStringLiteral("xa "), QStringLiteral("phuong "),
                                      QStringLiteral("thi tran "), QStringLiteral("dac khu ")};
    for (const QString& type : types)
        if (foldedName.startsWith(type))
            return foldedName.mid(type.size());
    return foldedName;
}

// The mapping writes codes as floats ("7.0") and provinces without padding ("1").
QString padded(const QString& number, int width)
{
    bool ok = false;
    const double value = number.toDouble(&ok);
    if (!ok)
        return {};
    return QStringLiteral("%1").arg(static_cast<qint64>(value), width, 10, QLatin1Char('0'));
}

qsizetype column(const QStringList& header, QStringView name)
{
    const qsizetype i = header.indexOf(name.toString());
    if (i < 0)
        qFatal("Reference data: column %s is missing", qPrintable(name.toString()));
    return i;
}

} // namespace

QString AdminUnits::Unit::fullName() const
{
    QString out = name;
    if (!districtName.isEmpty())
        out += QStringLiteral(", ") + districtName;
    if (!provinceName.isEmpty())
        out += QStringLiteral(", ") + provinceName;
    return out;
}

const AdminUnits& AdminUnits::instance()
{
    static const AdminUnits units; // C++11 guarantees a thread-safe, one-time initialization
    return units;
}

AdminUnits::AdminUnits()
{
    loadCommunes();
    loadLegacy();
    loadMapping();
    loadBirthCodes();
}

void AdminUnits::loadCommunes()
{
    const QJsonArray provinces
        = QJsonDocument::fromJson(ReferenceData::bytes(QStringLiteral(":/admin-units/units-2026.json")))
              .array();
    for (const QJsonValue& p : provinces) {
        const QJsonObject province = p.toObject();
        Province pr{province.value(u"Code").toString(), province.value(u"FullName").toString()};
        m_provinceByCode.insert(pr.code, m_provinces.size());
        m_provinces.append(pr);
        for (const QJsonValue& w : province.value(u"Wards").toArray()) {
            const QJsonObject ward = w.toObject();
            Unit unit;
            unit.code = ward.value(u"Code").toString();
            unit.scheme = unitScheme2025;
            unit.name = ward.value(u"FullName").toString();
            unit.provinceCode = pr.code;
            unit.provinceName = pr.name;
            m_communeByCode.insert(unit.code, m_communes.size());
            m_communes.append(unit);
        }
    }
    indexNames(m_communes, m_communeByName);
}

void AdminUnits::loadLegacy()
{
    const QList<QStringList> rows = ReferenceData::csv(QStringLiteral(":/admin-units/legacy-wards-63.csv"));
    // Mã, Tên, Tên Tiếng Anh, Cấp, Mã QH, Quận Huyện, Mã TP, Tỉnh / Thành Phố
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const QStringList& row = rows[i];
        if (row.size() < 8)
            continue;
        Unit unit{row[0], unitSchemeLegacy, row[1], row[6], row[7], row[4], row[5]};
        m_legacyByCode.insert(unit.code, m_legacy.size());
        m_legacy.append(unit);
    }
    indexNames(m_legacy, m_legacyByName);
}

void AdminUnits::loadMapping()
{
    const QList<QStringList> rows = ReferenceData::csv(QStringLiteral(":/admin-units/legacy-to-2025.csv"));
    if (rows.isEmpty())
        return;
    const QStringList& h = rows.first();
    const qsizetype wardCode = column(h, u"wardCode"), merged = column(h, u"isMergedWard"),
                    divided = column(h, u"isDividedWard"), newCode = column(h, u"newWardCode"),
                    newName = column(h, u"newWard"), newProvinceCode = column(h, u"newProvinceCode"),
                    newProvince = column(h, u"newProvince");
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const QStringList& row = rows[i];
        if (row.size() < h.size())
            continue;
        // Five island districts had no communes: their rows carry no ward code.
        const QString code = padded(row[wardCode], 5);
        if (code.isEmpty())
            continue;
        Mapping& m = m_mapping[code];
        m.merged = m.merged || row[merged] == u"True";
        m.divided = m.divided || row[divided] == u"True";
        m.successors.append(Successor{row[newCode], row[newName], row[newProvinceCode], row[newProvince]});
        // A few codes changed between the July 2025 mapping and the 2026 catalogue (06970 Xã Ba
        // Chẽ is 06978): index predecessors under the code units() knows.
        QString target = row[newCode];
        if (!m_communeByCode.contains(target)) {
            const auto byName = findByName(row[newName], unitScheme2025, row[newProvinceCode]);
            if (byName.size() == 1)
                target = byName.first()->code;
        }
        QStringList& predecessors = m_predecessors[target];
        if (!predecessors.contains(code))
            predecessors.append(code);
    }
}

void AdminUnits::loadBirthCodes()
{
    const QList<QStringList> rows = ReferenceData::csv(QStringLiteral(":/reference/id-province-codes.csv"));
    // id_prefix_3, old_province_63, gso_code_2_old, new_province_code_2025, new_province_2025, note
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const QStringList& row = rows[i];
        if (row.size() < 4)
            continue;
        m_birthCodeByPrefix.insert(row[0], m_birthCodes.size());
        m_birthCodes.append(BirthRegistrationCode{row[0], row[1], row[2], row[3]});
    }
}

void AdminUnits::indexNames(const QList<Unit>& units, QHash<QString, QList<qsizetype>>& index)
{
    for (qsizetype i = 0; i < units.size(); ++i) {
        const QString key = VietnameseText::foldKey(units[i].name);
        index[key].append(i);
        const QString bare = shortKey(key);
        if (bare != key)
            index[bare].append(i);
    }
}

const AdminUnits::Province* AdminUnits::province(QStringView code) const
{
    const auto it = m_provinceByCode.constFind(code.toString());
    return it == m_provinceByCode.cend() ? nullptr : &m_provinces[*it];
}

const AdminUnits::Unit* AdminUnits::unit(QStringView code, QStringView scheme) const
{
    const bool legacy = scheme == unitSchemeLegacy;
    if (!legacy && scheme != unitScheme2025)
        return nullptr;
    const auto& index = legacy ? m_legacyByCode : m_communeByCode;
    const auto it = index.constFind(code.toString());
    if (it == index.cend())
        return nullptr;
    return legacy ? &m_legacy[*it] : &m_communes[*it];
}

QList<const AdminUnits::Unit*> AdminUnits::findByName(QStringView name, QStringView scheme,
                                                      QStringView provinceCode) const
{
    const bool legacy = scheme == unitSchemeLegacy;
    const auto& index = legacy ? m_legacyByName : m_communeByName;
    const auto& units = legacy ? m_legacy : m_communes;
    QList<const Unit*> found;
    const QString key = VietnameseText::foldKey(name);
    for (const QString& k : {key, shortKey(key)}) {
        for (qsizetype i : index.value(k)) {
            const Unit* u = &units[i];
            if ((provinceCode.isEmpty() || u->provinceCode == provinceCode) && !found.contains(u))
                found.append(u);
        }
        if (!found.isEmpty())
            break;
    }
    std::sort(found.begin(), found.end());
    return found;
}

bool AdminUnits::isAbolished(QStringView legacyCode) const
{
    const auto it = m_mapping.constFind(legacyCode.toString());
    return it != m_mapping.cend() && (it->merged || it->divided);
}

bool AdminUnits::isDividedWard(QStringView legacyCode) const
{
    const auto it = m_mapping.constFind(legacyCode.toString());
    return it != m_mapping.cend() && it->divided;
}

QList<AdminUnits::Unit> AdminUnits::newUnitsFor(QStringView legacyCode) const
{
    QList<Unit> out;
    const auto it = m_mapping.constFind(legacyCode.toString());
    if (it == m_mapping.cend())
        return out;
    for (const Successor& s : it->successors) {
        const Unit* known = unit(s.code, unitScheme2025);
        if (!known) {
            // A few codes changed between the July 2025 mapping and the 2026 catalogue.
            const auto byName = findByName(s.name, unitScheme2025, s.provinceCode);
            if (byName.size() == 1)
                known = byName.first();
        }
        Unit u
            = known ? *known : Unit{s.code, unitScheme2025, s.name, s.provinceCode, s.provinceName, {}, {}};
        const bool seen
            = std::any_of(out.cbegin(), out.cend(), [&u](const Unit& other) { return other.code == u.code; });
        if (!seen)
            out.append(u);
    }
    return out;
}

QStringList AdminUnits::legacyCodesOf(QStringView code2025) const
{
    return m_predecessors.value(code2025.toString());
}

const AdminUnits::BirthRegistrationCode* AdminUnits::birthRegistrationCode(QStringView prefix) const
{
    const auto it = m_birthCodeByPrefix.constFind(prefix.toString());
    return it == m_birthCodeByPrefix.cend() ? nullptr : &m_birthCodes[*it];
}

} // namespace wardroll::model
