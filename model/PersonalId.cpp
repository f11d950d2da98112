#include "PersonalId.h"

#include <algorithm>
#include <array>

namespace wardroll::model {

namespace {

struct ProvinceCode
{
    QStringView prefix;
    QStringView province; // the old (63-province) name: IDs did not change with the 2025 merger
};

// The 63 birth-registration codes (first 3 digits of the ID), from the appendix of Circular
// 07/2016/TT-BCA (repeated in Circular 59/2021/TT-BCA), as compiled in
// shared/data/reference/id-province-codes.csv (columns id_prefix_3, old_province_63). Sorted.
constexpr std::array<ProvinceCode, 63> kProvinces{{
    {u"001", u"Hà Nội"},
    {u"002", u"Hà Giang"},
    {u"004", u"Cao Bằng"},
    {u"006", u"Bắc Kạn"},
    {u"008", u"Tuyên Quang"},
    {u"010", u"Lào Cai"},
    {u"011", u"Điện Biên"},
    {u"012", u"Lai Châu"},
    {u"014", u"Sơn La"},
    {u"015", u"Yên Bái"},
    {u"017", u"Hòa Bình"},
    {u"019", u"Thái Nguyên"},
    {u"020", u"Lạng Sơn"},
    {u"022", u"Quảng Ninh"},
    {u"024", u"Bắc Giang"},
    {u"025", u"Phú Thọ"},
    {u"026", u"Vĩnh Phúc"},
    {u"027", u"Bắc Ninh"},
    {u"030", u"Hải Dương"},
    {u"031", u"Hải Phòng"},
    {u"033", u"Hưng Yên"},
    {u"034", u"Thái Bình"},
    {u"035", u"Hà Nam"},
    {u"036", u"Nam Định"},
    {u"037", u"Ninh Bình"},
    {u"038", u"Thanh Hóa"},
    {u"040", u"Nghệ An"},
    {u"042", u"Hà Tĩnh"},
    {u"044", u"Quảng Bình"},
    {u"045", u"Quảng Trị"},
    {u"046", u"Thừa Thiên Huế"},
    {u"048", u"Đà Nẵng"},
    {u"049", u"Quảng Nam"},
    {u"051", u"Quảng Ngãi"},
    {u"052", u"Bình Định"},
    {u"054", u"Phú Yên"},
    {u"056", u"Khánh Hòa"},
    {u"058", u"Ninh Thuận"},
    {u"060", u"Bình Thuận"},
    {u"062", u"Kon Tum"},
    {u"064", u"Gia Lai"},
    {u"066", u"Đắk Lắk"},
    {u"067", u"Đắk Nông"},
    {u"068", u"Lâm Đồng"},
    {u"070", u"Bình Phước"},
    {u"072", u"Tây Ninh"},
    {u"074", u"Bình Dương"},
    {u"075", u"Đồng Nai"},
    {u"077", u"Bà Rịa - Vũng Tàu"},
    {u"079", u"Hồ Chí Minh"},
    {u"080", u"Long An"},
    {u"082", u"Tiền Giang"},
    {u"083", u"Bến Tre"},
    {u"084", u"Trà Vinh"},
    {u"086", u"Vĩnh Long"},
    {u"087", u"Đồng Tháp"},
    {u"089", u"An Giang"},
    {u"091", u"Kiên Giang"},
    {u"092", u"Cần Thơ"},
    {u"093", u"Hậu Giang"},
    {u"094", u"Sóc Trăng"},
    {u"095", u"Bạc Liêu"},
    {u"096", u"Cà Mau"},
}};

const ProvinceCode* findProvince(QStringView prefix)
{
    const auto it = std::lower_bound(kProvinces.begin(), kProvinces.end(), prefix,
                                     [](const ProvinceCode& p, QStringView key) { return p.prefix < key; });
    return it != kProvinces.end() && it->prefix == prefix ? &*it : nullptr;
}

// G, the 4th digit, per Decree 137/2015/NĐ-CP art. 7 (detailed in Circular 07/2016/TT-BCA):
// 20th century (1900-1999) male 0 / female 1, 21st 2/3, 22nd 4/5, 23rd 6/7, 24th (2300-2399)
// 8/9; even = male. DOMAIN.md §3 stops at "…": 8/9 are read as the 2300s, which no real birth
// year matches, so with a known birth year they always give CenturyMismatch, without one they
// pass (the ID alone cannot tell a typo from a code).
constexpr int kFirstCentury = 1900;
constexpr int kLastCentury = 2300;

bool isAsciiDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

} // namespace

PersonalId::Check PersonalId::check(QStringView id, Sex sex, std::optional<int> birthYear)
{
    Check c;
    if (sex != Sex::Unknown)
        c.givenSex = sex;
    c.givenBirthYear = birthYear;
    for (QChar ch : id)
        if (!ch.isSpace() && ch != QLatin1Char('.') && ch != QLatin1Char('-'))
            c.normalized.append(ch);
    if (c.normalized.isEmpty()) {
        c.problems << Problem::Empty;
        return c;
    }
    if (c.normalized.size() != 12)
        c.problems << Problem::WrongLength;
    if (!std::all_of(c.normalized.cbegin(), c.normalized.cend(), isAsciiDigit))
        c.problems << Problem::NotDigits;
    if (!c.ok())
        return c;

    c.prefix = c.normalized.left(3);
    if (const ProvinceCode* p = findProvince(c.prefix))
        c.province = p->province.toString();
    else
        c.problems << Problem::UnknownPrefix;

    const int g = c.normalized.at(3).digitValue();
    c.sex = g % 2 == 0 ? Sex::Male : Sex::Female;
    c.century = kFirstCentury + (g / 2) * 100;
    c.yearDigits = c.normalized.mid(4, 2).toInt();

    if (sex != Sex::Unknown && sex != *c.sex)
        c.problems << Problem::SexMismatch;
    if (birthYear) {
        const int yearDigits = ((*birthYear % 100) + 100) % 100;
        if (*birthYear - yearDigits != *c.century)
            c.problems << Problem::CenturyMismatch;
        if (yearDigits != *c.yearDigits)
            c.problems << Problem::BirthYearMismatch;
    }
    return c;
}

QString PersonalId::describe(Problem problem, const Check& check)
{
    const QString digit = check.normalized.size() >= 4 ? check.normalized.mid(3, 1) : QString();
    const QString century = check.century ? QString::number(*check.century) : QString();
    switch (problem) {
    case Problem::Empty:
        return tr("The personal ID is empty.");
    case Problem::WrongLength: {
        const auto length = check.normalized.size();
        if (length == 0)
            return tr("The personal ID must have exactly 12 digits.");
        if (length == 9 && std::all_of(check.normalized.cbegin(), check.normalized.cend(), isAsciiDigit))
            return tr("The personal ID has 9 digits, but it must have 12: this looks like an old ID card "
                      "(CMND) number.");
        return tr("The personal ID has %n character(s), but it must have exactly 12 digits.", nullptr,
                  int(length));
    }
    case Problem::NotDigits:
        if (check.normalized.isEmpty())
            return tr("The personal ID must contain only digits.");
        return tr("The personal ID “%1” contains characters that are not digits.").arg(check.normalized);
    case Problem::UnknownPrefix:
        if (check.prefix.isEmpty())
            return tr("The first 3 digits of the ID are not a province code: the birth may have been "
                      "registered abroad. Verify the ID.");
        return tr("The first 3 digits of the ID (%1) are not one of the 63 province codes: the birth may "
                  "have been registered abroad. Verify the ID.")
            .arg(check.prefix);
    case Problem::SexMismatch:
        if (!check.sex || digit.isEmpty())
            return tr("The 4th digit of the ID does not match the sex in the record.");
        if (*check.sex == Sex::Female)
            return tr("The 4th digit of the ID (%1) means a woman born in the %2s, but the record says male.")
                .arg(digit, century);
        return tr("The 4th digit of the ID (%1) means a man born in the %2s, but the record says female.")
            .arg(digit, century);
    case Problem::CenturyMismatch:
        if (!check.century || digit.isEmpty() || !check.givenBirthYear)
            return tr("The 4th digit of the ID does not match the century of the date of birth.");
        return tr("The 4th digit of the ID (%1) means born in the %2s, but the record says born in %3.")
            .arg(digit, century, QString::number(*check.givenBirthYear));
    case Problem::BirthYearMismatch:
        if (!check.yearDigits || !check.givenBirthYear)
            return tr("The 5th and 6th digits of the ID do not match the year of birth.");
        return tr("The 5th and 6th digits of the ID (%1) mean a year of birth ending in %1, but the record "
                  "says %2.")
            .arg(QStringLiteral("%1").arg(*check.yearDigits, 2, 10, QLatin1Char('0')),
                 QString::number(*check.givenBirthYear));
    }
    return {};
}

bool PersonalId::isKnownPrefix(QStringView prefix)
{
    return findProvince(prefix) != nullptr;
}

QString PersonalId::provinceOfPrefix(QStringView prefix)
{
    const ProvinceCode* p = findProvince(prefix);
    return p ? p->province.toString() : QString();
}

int PersonalId::centurySexDigit(Sex sex, int birthYear)
{
    const int century = birthYear - ((birthYear % 100) + 100) % 100;
    if (century < kFirstCentury || century > kLastCentury)
        return -1;
    return (century - kFirstCentury) / 100 * 2 + (sex == Sex::Female ? 1 : 0);
}

} // namespace wardroll::model
