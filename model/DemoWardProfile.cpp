#include "DemoWardProfile.h"

#include "EthnicGroups.h"
#include "Religions.h"

namespace wardroll::model {

namespace {

using Mix = QList<std::pair<QString, double>>;

QString s(const char16_t* text)
{
    return QString::fromUtf16(text);
}

// Rough shares of ethnic groups by 2025 province (1999–2019 census orders of magnitude);
// provinces not listed are nearly all Kinh.
Mix ethnicMix(int province)
{
    switch (province) {
    case 4: // Cao Bằng
        return {{s(u"Tày"), 40}, {s(u"Nùng"), 30}, {s(u"HMông"), 10}, {s(u"Dao"), 10}, {s(u"Kinh"), 10}};
    case 8: // Tuyên Quang (with Hà Giang)
        return {{s(u"Kinh"), 35}, {s(u"Tày"), 25}, {s(u"HMông"), 20},
                {s(u"Dao"), 12},  {s(u"Nùng"), 5}, {s(u"Sán Chay"), 3}};
    case 11: // Điện Biên
        return {{s(u"Thái"), 38}, {s(u"HMông"), 35}, {s(u"Kinh"), 20}, {s(u"Khơ-mú"), 4}, {s(u"Dao"), 3}};
    case 12: // Lai Châu
        return {{s(u"HMông"), 40}, {s(u"Thái"), 30}, {s(u"Kinh"), 14}, {s(u"Dao"), 12}, {s(u"Hà Nhì"), 4}};
    case 14: // Sơn La
        return {{s(u"Thái"), 54}, {s(u"Kinh"), 17}, {s(u"HMông"), 16},
                {s(u"Mường"), 8}, {s(u"Dao"), 3},   {s(u"Khơ-mú"), 2}};
    case 15: // Lào Cai (with Yên Bái)
        return {{s(u"Kinh"), 50}, {s(u"HMông"), 17}, {s(u"Tày"), 12},  {s(u"Dao"), 11},
                {s(u"Giáy"), 4},  {s(u"Nùng"), 3},   {s(u"Hà Nhì"), 3}};
    case 19: // Thái Nguyên (with Bắc Kạn)
        return {{s(u"Kinh"), 70}, {s(u"Tày"), 17}, {s(u"Nùng"), 6}, {s(u"Dao"), 4}, {s(u"Sán Dìu"), 3}};
    case 20: // Lạng Sơn
        return {{s(u"Nùng"), 42}, {s(u"Tày"), 35}, {s(u"Kinh"), 17}, {s(u"Dao"), 4}, {s(u"Sán Chay"), 2}};
    case 22: // Quảng Ninh
        return {{s(u"Kinh"), 88}, {s(u"Dao"), 5}, {s(u"Tày"), 4}, {s(u"Sán Dìu"), 2}, {s(u"Hoa"), 1}};
    case 24: // Bắc Ninh (with Bắc Giang)
        return {{s(u"Kinh"), 90}, {s(u"Nùng"), 4}, {s(u"Tày"), 3}, {s(u"Sán Chay"), 2}, {s(u"Sán Dìu"), 1}};
    case 25: // Phú Thọ (with Hòa Bình, Vĩnh Phúc)
        return {{s(u"Kinh"), 75}, {s(u"Mường"), 22}, {s(u"Dao"), 2}, {s(u"Tày"), 1}};
    case 38: // Thanh Hóa
        return {{s(u"Kinh"), 83}, {s(u"Mường"), 9}, {s(u"Thái"), 7}, {s(u"HMông"), 1}};
    case 40: // Nghệ An
        return {{s(u"Kinh"), 86}, {s(u"Thái"), 10}, {s(u"Khơ-mú"), 2}, {s(u"HMông"), 2}};
    case 51: // Quảng Ngãi (with Kon Tum)
        return {{s(u"Kinh"), 75}, {s(u"Hrê"), 10}, {s(u"Xơ-đăng"), 10}, {s(u"Ba-na"), 5}};
    case 52: // Gia Lai (with Bình Định)
        return {{s(u"Kinh"), 70}, {s(u"Gia-rai"), 20}, {s(u"Ba-na"), 10}};
    case 56: // Khánh Hòa (with Ninh Thuận)
        return {{s(u"Kinh"), 85}, {s(u"Chăm"), 8}, {s(u"Ra-glai"), 7}};
    case 66: // Đắk Lắk (with Phú Yên)
        return {{s(u"Kinh"), 72}, {s(u"Ê-đê"), 18}, {s(u"Mnông"), 3},
                {s(u"Nùng"), 3},  {s(u"Tày"), 3},   {s(u"Gia-rai"), 1}};
    case 68: // Lâm Đồng (with Đắk Nông, Bình Thuận)
        return {{s(u"Kinh"), 80}, {s(u"Cơ-ho"), 8}, {s(u"Mnông"), 6}, {s(u"Chăm"), 3}, {s(u"Tày"), 3}};
    case 79: // Hồ Chí Minh
        return {{s(u"Kinh"), 93}, {s(u"Hoa"), 5}, {s(u"Khơ-me"), 1}, {s(u"Chăm"), 1}};
    case 86: // Vĩnh Long
        return {{s(u"Kinh"), 90}, {s(u"Khơ-me"), 9}, {s(u"Hoa"), 1}};
    case 91: // An Giang
        return {{s(u"Kinh"), 87}, {s(u"Khơ-me"), 10}, {s(u"Hoa"), 2}, {s(u"Chăm"), 1}};
    case 92: // Cần Thơ (with Sóc Trăng, Hậu Giang)
        return {{s(u"Kinh"), 83}, {s(u"Khơ-me"), 14}, {s(u"Hoa"), 3}};
    case 96: // Cà Mau (with Bạc Liêu)
        return {{s(u"Kinh"), 94}, {s(u"Khơ-me"), 4}, {s(u"Hoa"), 2}};
    default:
        return {{s(u"Kinh"), 98}, {s(u"Tày"), 1}, {s(u"Mường"), 1}};
    }
}

Mix religionMix(int province)
{
    switch (province) {
    case 37: // Ninh Bình (with Nam Định): many Catholic parishes
    case 40:
    case 42:
        return {{s(u"Không"), 78}, {s(u"Công giáo"), 15}, {s(u"Phật giáo"), 7}};
    case 79:
    case 75:
    case 80:
        return {{s(u"Không"), 68},
                {s(u"Phật giáo"), 17},
                {s(u"Công giáo"), 10},
                {s(u"Cao Đài"), 3},
                {s(u"Tin lành"), 2}};
    case 91:
    case 92:
    case 82:
        return {{s(u"Không"), 64},
                {s(u"Phật giáo"), 16},
                {s(u"Phật giáo Hòa Hảo"), 12},
                {s(u"Cao Đài"), 4},
                {s(u"Công giáo"), 4}};
    case 86:
    case 96:
        return {{s(u"Không"), 72},
                {s(u"Phật giáo"), 15},
                {s(u"Cao Đài"), 6},
                {s(u"Công giáo"), 6},
                {s(u"Tin lành"), 1}};
    case 52:
    case 66:
    case 68:
    case 51:
        return {{s(u"Không"), 72}, {s(u"Công giáo"), 12}, {s(u"Tin lành"), 9}, {s(u"Phật giáo"), 7}};
    default:
        return {{s(u"Không"), 88}, {s(u"Phật giáo"), 7}, {s(u"Công giáo"), 5}};
    }
}

const QStringList& villageNames()
{
    static const QStringList names = [] {
        QStringList out;
        for (const char16_t* n :
             {u"Đông",      u"Tây",        u"Nam",       u"Bắc",        u"Trung",     u"Thượng",
              u"Hạ",        u"Tân Lập",    u"An Phú",    u"Phú Xuân",   u"Bình An",   u"Hưng Long",
              u"Thái Hoà",  u"Yên Thịnh",  u"Đồng Tâm",  u"Quyết Tiến", u"Tân Tiến",  u"Thắng Lợi",
              u"Đoàn Kết",  u"Hợp Nhất",   u"Phúc Lộc",  u"Minh Khai",  u"Vĩnh Phúc", u"Đại Đồng",
              u"Hạnh Phúc", u"Làng Mới",   u"Bến Đò",    u"Gò Sim",     u"Cầu Đá",    u"Đồng Xuân",
              u"Phú Mỹ",    u"Long Hưng",  u"An Bình",   u"Tân Phú",    u"Hoà Bình",  u"Xuân Lộc",
              u"Mỹ Lộc",    u"Thanh Bình", u"Đông Hưng", u"Tây Sơn"})
            out << QString::fromUtf16(n);
        return out;
    }();
    return names;
}

} // namespace

DemoWardProfile DemoWardProfile::choose(DemoRandom& rng, int residents)
{
    const AdminUnits& units = AdminUnits::instance();
    DemoWardProfile p;
    p.m_unit = rng.pick(units.communes());
    p.m_urban = p.m_unit.name.startsWith(u"Phường", Qt::CaseInsensitive);
    const int province = p.m_unit.provinceCode.toInt();
    p.m_southern = QList<int>{48, 51, 52, 56, 66, 68, 75, 79, 80, 82, 86, 91, 92, 96}.contains(province);
    p.setUpPlaces(rng);
    p.setUpVillages(rng, residents);
    p.setUpPeople();
    return p;
}

void DemoWardProfile::setUpPlaces(DemoRandom& rng)
{
    const AdminUnits& units = AdminUnits::instance();
    const QList<AdminUnits::Unit>& legacy = units.legacyWards();
    m_placeText.reserve(legacy.size());
    QHash<QString, qsizetype> legacyIndex;
    for (qsizetype i = 0; i < legacy.size(); ++i) {
        m_placeText.append(legacy[i].fullName());
        m_wardsByOldProvince[legacy[i].provinceCode].append(i);
        legacyIndex.insert(legacy[i].code, i);
    }
    for (const QString& code : units.legacyCodesOf(m_unit.code)) {
        m_predecessors.append(legacyIndex.value(code));
        if (units.isAbolished(code))
            m_abolished.append(code);
    }
    for (const auto& code : units.birthRegistrationCodes()) {
        m_allPrefixes.append(code.prefix);
        if (code.provinceCode != m_unit.provinceCode)
            continue;
        m_localPrefixes.append(code.prefix);
        // The old province that gave the new one its code is usually the most populous part.
        m_localPrefixWeights.append(code.oldProvinceCode == code.provinceCode ? 3.0 : 1.0);
        m_provinceWards.append(m_wardsByOldProvince.value(code.oldProvinceCode));
    }
    m_newPrefix = QLatin1Char('0') + m_unit.provinceCode;
    if (m_localPrefixes.isEmpty()) { // cannot happen with the shipped catalogue; stay usable
        m_localPrefixes.append(m_newPrefix);
        m_localPrefixWeights.append(1.0);
    }
    if (m_provinceWards.isEmpty())
        for (qsizetype i = 0; i < legacy.size(); ++i)
            m_provinceWards.append(i);
    if (m_predecessors.isEmpty())
        m_predecessors.append(rng.pick(m_provinceWards));
    if (m_abolished.isEmpty())
        for (qsizetype i : std::as_const(m_provinceWards))
            if (units.isAbolished(legacy[i].code) && m_abolished.size() < 50)
                m_abolished.append(legacy[i].code);
    for (int i = 1; i < 100; ++i) {
        const QString prefix = QStringLiteral("%1").arg(i, 3, 10, QLatin1Char('0'));
        if (!units.birthRegistrationCode(prefix))
            m_unknownPrefixes.append(prefix);
    }
    for (const auto& unit : units.communes())
        if (unit.provinceCode == m_unit.provinceCode && unit.code != m_unit.code)
            m_nearby.append(unit);
    if (m_nearby.isEmpty())
        m_nearby.append(m_unit);
}

void DemoWardProfile::setUpVillages(DemoRandom& rng, int residents)
{
    // A village (thôn, ấp) or street group (tổ dân phố) holds some hundreds of people.
    const int count = std::clamp(residents / 450 + 3, 3, 100000);
    if (m_urban) {
        for (int i = 1; i <= count; ++i)
            m_villages.append(QStringLiteral("Tổ dân phố %1").arg(i));
    } else {
        // In the Mekong delta and the south-east villages are "ấp".
        const int province = m_unit.provinceCode.toInt();
        const QString word = QList<int>{75, 79, 80, 82, 86, 91, 92, 96}.contains(province)
            ? QStringLiteral("Ấp ")
            : QStringLiteral("Thôn ");
        QStringList names = villageNames();
        for (qsizetype i = names.size() - 1; i > 0; --i) // deterministic shuffle
            names.swapItemsAt(i, rng.below(static_cast<int>(i + 1)));
        for (int i = 0; i < count; ++i)
            m_villages.append(word + (i < names.size() ? names[i] : QString::number(i + 1 - names.size())));
    }
    for (const char16_t* street :
         {u"Lê Lợi",          u"Trần Hưng Đạo", u"Nguyễn Trãi",   u"Hai Bà Trưng",  u"Quang Trung",
          u"Lý Thường Kiệt",  u"Nguyễn Du",     u"Lê Duẩn",       u"Hùng Vương",    u"Trần Phú",
          u"Phan Đình Phùng", u"Nguyễn Văn Cừ", u"Điện Biên Phủ", u"Võ Thị Sáu",    u"Ngô Quyền",
          u"Lê Hồng Phong",   u"Nguyễn Huệ",    u"Bà Triệu",      u"Lê Thánh Tông", u"Phan Chu Trinh"})
        m_streets.append(QString::fromUtf16(street));
}

void DemoWardProfile::setUpPeople()
{
    const int province = m_unit.provinceCode.toInt();
    for (const auto& [name, weight] : ethnicMix(province)) {
        // Canonical names only: a typo here would make every record of the group "unknown".
        const QString canonical = EthnicGroups::instance().canonicalName(name);
        Q_ASSERT(canonical == name);
        m_ethnicNames.append(canonical.isEmpty() ? name : canonical);
        m_ethnicWeights.append(weight);
    }
    for (const auto& [name, weight] : religionMix(province)) {
        Q_ASSERT(Religions::instance().canonicalName(name) == name);
        m_religionNames.append(name);
        m_religionWeights.append(weight);
    }
}

DemoWardProfile::BirthRegistration DemoWardProfile::birthRegistration(DemoRandom& rng,
                                                                      const PartialDate& birth) const
{
    const AdminUnits& units = AdminUnits::instance();
    BirthRegistration out;
    if (birth.year() && (*birth.year() > 2025 || (*birth.year() == 2025 && birth.month().value_or(1) >= 7))) {
        // Registered in the merged province; its code is one of the old 63.
        out.prefix = m_newPrefix;
        out.place = m_unit.name + QStringLiteral(", ") + m_unit.provinceName;
        out.birthPlace = m_unit.provinceName;
        return out;
    }
    out.prefix
        = rng.chance(0.85) ? m_localPrefixes[rng.weighted(m_localPrefixWeights)] : rng.pick(m_allPrefixes);
    const auto* code = units.birthRegistrationCode(out.prefix);
    const QString oldProvince = code ? code->oldProvinceCode : QString();
    qsizetype ward = -1;
    if (rng.chance(0.75)) {
        const qsizetype candidate = rng.pick(m_predecessors);
        if (units.legacyWards()[candidate].provinceCode == oldProvince)
            ward = candidate;
    }
    if (ward < 0) {
        const auto it = m_wardsByOldProvince.constFind(oldProvince);
        ward = it != m_wardsByOldProvince.cend() ? rng.pick(*it) : rng.pick(m_provinceWards);
    }
    out.place = m_placeText[ward];
    out.birthPlace = units.legacyWards()[ward].provinceName;
    return out;
}

const QString& DemoWardProfile::hometown(DemoRandom& rng) const
{
    const double r = rng.unit();
    if (r < 0.65)
        return m_placeText[rng.pick(m_predecessors)];
    if (r < 0.9)
        return m_placeText[rng.pick(m_provinceWards)];
    return m_placeText[rng.below(static_cast<int>(m_placeText.size()))];
}

QString DemoWardProfile::ethnicity(DemoRandom& rng) const
{
    return m_ethnicNames[rng.weighted(m_ethnicWeights)];
}

QString DemoWardProfile::religion(DemoRandom& rng, const QString& ethnicity) const
{
    // Khmer are mostly Theravada Buddhists, Chăm Muslim or Bà-la-môn, Hoa Buddhist.
    if (ethnicity == u"Khơ-me")
        return rng.chance(0.85) ? QStringLiteral("Phật giáo") : Religions::none();
    if (ethnicity == u"Chăm")
        return rng.chance(0.5) ? QStringLiteral("Hồi giáo") : QStringLiteral("Bà-la-môn");
    return m_religionNames[rng.weighted(m_religionWeights)];
}

const AdminUnits::Unit& DemoWardProfile::nearbyUnit(DemoRandom& rng) const
{
    return rng.pick(m_nearby);
}

} // namespace wardroll::model
