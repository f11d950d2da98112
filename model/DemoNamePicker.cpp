#include "DemoNamePicker.h"

#include "ReferenceData.h"
#include "VietnameseText.h"

#include <QHash>

namespace wardroll::model {

namespace {

QStringList normalizedList(std::initializer_list<const char16_t*> items)
{
    QStringList out;
    for (const char16_t* item : items)
        out << VietnameseText::normalizeName(QString::fromUtf16(item));
    return out;
}

// Family names of some minorities, by canonical ethnic group (Kinh-style naming).
const QHash<QString, QStringList>& minorityFamilies()
{
    static const QHash<QString, QStringList> families = [] {
        QHash<QString, QStringList> f;
        const QStringList tayNung
            = normalizedList({u"Hoàng", u"Nông", u"Lương", u"Ma", u"Lục", u"Triệu", u"Hà", u"Đinh", u"Vi",
                              u"Lăng", u"Bế", u"Lành", u"Chu", u"Hoàng"});
        f.insert(QStringLiteral("Tày"), tayNung);
        f.insert(QStringLiteral("Nùng"), tayNung);
        const QStringList thai
            = normalizedList({u"Lò", u"Lường", u"Quàng", u"Cầm", u"Tòng", u"Vi", u"Hà", u"Điêu", u"Lò"});
        f.insert(QStringLiteral("Thái"), thai);
        f.insert(QStringLiteral("Khơ-mú"), normalizedList({u"Lò", u"Vi", u"Cụt", u"Lữ"}));
        f.insert(QStringLiteral("Dao"),
                 normalizedList({u"Triệu", u"Bàn", u"Đặng", u"Lý", u"Chảo", u"Phùn", u"Tẩn"}));
        f.insert(QStringLiteral("Mường"), normalizedList({u"Bùi", u"Đinh", u"Quách", u"Hà", u"Xa", u"Bùi"}));
        f.insert(QStringLiteral("Khơ-me"),
                 normalizedList({u"Thạch", u"Sơn", u"Kim", u"Danh", u"Lâm", u"Châu", u"Trà", u"Thạch"}));
        f.insert(QStringLiteral("Hoa"),
                 normalizedList(
                     {u"Lâm", u"Trần", u"Lý", u"Quách", u"Hứa", u"Lưu", u"Mã", u"Tạ", u"Diệp", u"Trương"}));
        f.insert(QStringLiteral("Chăm"),
                 normalizedList({u"Thành", u"Đạo", u"Lưu", u"Châu", u"Quảng", u"Bá"}));
        const QStringList sanChay = normalizedList({u"Trần", u"Lý", u"Hoàng", u"Diệp", u"Đặng", u"Lâm"});
        f.insert(QStringLiteral("Sán Chay"), sanChay);
        f.insert(QStringLiteral("Sán Dìu"), sanChay);
        f.insert(QStringLiteral("Giáy"), normalizedList({u"Hoàng", u"Lù", u"Vương", u"Sần"}));
        f.insert(QStringLiteral("Hà Nhì"), normalizedList({u"Ly", u"Chu", u"Lò", u"Pờ"}));
        const QStringList central = normalizedList({u"Đinh", u"Phạm", u"Hồ", u"Đinh", u"Nguyễn"});
        f.insert(QStringLiteral("Hrê"), central);
        f.insert(QStringLiteral("Xơ-đăng"), central);
        f.insert(QStringLiteral("Ba-na"), central);
        f.insert(QStringLiteral("HMông"),
                 normalizedList({u"Giàng", u"Thào", u"Vàng", u"Lý", u"Sùng", u"Lầu", u"Mùa", u"Hờ", u"Cứ",
                                 u"Giàng", u"Vàng"}));
        const QStringList ede = normalizedList(
            {u"Niê", u"Mlô", u"Êban", u"Ayun", u"Byă", u"Adrơng", u"Hđơk", u"Knul", u"Êmô", u"Niê"});
        f.insert(QStringLiteral("Ê-đê"), ede);
        f.insert(QStringLiteral("Mnông"), ede);
        const QStringList jrai
            = normalizedList({u"Siu", u"Ksor", u"Nay", u"Rơ Mah", u"Kpă", u"Rơ Châm", u"Rah Lan", u"Siu"});
        f.insert(QStringLiteral("Gia-rai"), jrai);
        f.insert(QStringLiteral("Cơ-ho"), jrai);
        f.insert(QStringLiteral("Ra-glai"), jrai);
        return f;
    }();
    return families;
}

// One syllable as base letters, each with its combining marks (NFD), for moving a tone mark.
struct Letter
{
    QChar base;
    QString marks;
};

bool isToneMark(QChar c)
{
    const char16_t u = c.unicode();
    return u == 0x0300 || u == 0x0301 || u == 0x0303 || u == 0x0309 || u == 0x0323;
}

bool isVowelBase(QChar c)
{
    switch (c.toLower().unicode()) {
    case u'a':
    case u'e':
    case u'i':
    case u'o':
    case u'u':
    case u'y':
        return true;
    default:
        return false;
    }
}

// "Hoà" <-> "Hòa", "Thuỷ" <-> "Thủy", "Khoẻ" <-> "Khỏe": moves the tone between the two vowels
// of an open oa/oe/uy syllable (not after "qu"). Returns the syllable unchanged otherwise.
QString toggleTone(const QString& syllable)
{
    const QString d = syllable.normalized(QString::NormalizationForm_D);
    QList<Letter> letters;
    for (QChar c : d) {
        if (c.isMark() && !letters.isEmpty())
            letters.last().marks.append(c);
        else
            letters.append(Letter{c, {}});
    }
    qsizetype first = -1;
    for (qsizetype i = 0; i < letters.size(); ++i)
        if (isVowelBase(letters[i].base)) {
            first = i;
            break;
        }
    if (first < 1 || first + 2 != letters.size()) // an initial consonant, two final vowels
        return syllable;
    const QString pair = QString(letters[first].base).toLower() + QString(letters[first + 1].base).toLower();
    if (pair != u"oa" && pair != u"oe" && pair != u"uy")
        return syllable;
    if (letters[first - 1].base.toLower() == u'q')
        return syllable;
    for (const qsizetype i : {first, first + 1}) {
        // Only a tone mark may sit on the pair (no circumflex, breve, horn).
        for (QChar m : letters[i].marks)
            if (!isToneMark(m))
                return syllable;
    }
    qsizetype from = letters[first].marks.isEmpty() ? first + 1 : first;
    if (letters[from].marks.isEmpty())
        return syllable;
    const qsizetype to = from == first ? first + 1 : first;
    letters[to].marks = letters[from].marks;
    letters[from].marks.clear();
    QString out;
    for (const Letter& l : letters)
        out += l.base + l.marks;
    return out.normalized(QString::NormalizationForm_C);
}

QString swapToneHoiNga(const QString& syllable)
{
    QString d = syllable.normalized(QString::NormalizationForm_D);
    bool changed = false;
    for (QChar& c : d) {
        if (c.unicode() == 0x0309) {
            c = QChar(0x0303);
            changed = true;
        } else if (c.unicode() == 0x0303) {
            c = QChar(0x0309);
            changed = true;
        }
    }
    return changed ? d.normalized(QString::NormalizationForm_C) : QString();
}

// Dialect slips at the start of a lowercase syllable.
QString swapInitial(const QString& s)
{
    auto swapped = [&s](QStringView from, QStringView to) -> QString {
        return to.toString() + s.mid(from.size());
    };
    if (s.startsWith(u"ch"))
        return swapped(u"ch", u"tr");
    if (s.startsWith(u"tr"))
        return swapped(u"tr", u"ch");
    if (s.startsWith(u"gi") && s.size() > 2)
        return swapped(u"gi", u"d");
    if (s.startsWith(u"ng") || s.startsWith(u"nh") || s.startsWith(u"th") || s.startsWith(u"kh")
        || s.startsWith(u"ph"))
        return {};
    if (s.startsWith(u'd'))
        return swapped(u"d", u"gi");
    if (s.startsWith(u'l'))
        return swapped(u"l", u"n");
    if (s.startsWith(u'n'))
        return swapped(u"n", u"l");
    if (s.startsWith(u's'))
        return swapped(u"s", u"x");
    if (s.startsWith(u'x'))
        return swapped(u"x", u"s");
    if (s.startsWith(u'r'))
        return swapped(u"r", u"d");
    return {};
}

QString swapFinal(const QString& s)
{
    if (s.size() < 3)
        return {};
    if (s.endsWith(u"ng"))
        return s.chopped(1);
    if (s.endsWith(u"nh") || s.endsWith(u"ch"))
        return {};
    if (s.endsWith(u'n'))
        return s + QLatin1Char('g');
    if (s.endsWith(u't'))
        return s.chopped(1) + QLatin1Char('c');
    if (s.endsWith(u'c'))
        return s.chopped(1) + QLatin1Char('t');
    return {};
}

} // namespace

DemoNamePicker::DemoNamePicker(bool southern)
{
    // Shares in percent of the Kinh population; the 14 first cover ≈ 89 %.
    struct Share
    {
        const char16_t* name;
        double north;
        double south;
    };
    static constexpr Share shares[] = {
        {u"Nguyễn", 38.4, 38.4}, {u"Trần", 11.0, 11.0}, {u"Lê", 9.5, 9.5},    {u"Phạm", 7.0, 7.0},
        {u"Hoàng", 4.1, 1.6},    {u"Huỳnh", 1.0, 3.5},  {u"Phan", 4.5, 4.5},  {u"Vũ", 3.0, 1.0},
        {u"Võ", 0.9, 2.9},       {u"Đặng", 2.1, 2.1},   {u"Bùi", 2.0, 2.0},   {u"Đỗ", 1.4, 1.4},
        {u"Hồ", 1.3, 1.3},       {u"Ngô", 1.3, 1.3},    {u"Dương", 1.0, 1.0}, {u"Lý", 0.5, 0.5},
        {u"Đinh", 0.8, 0.6},     {u"Đào", 0.6, 0.5},    {u"Cao", 0.5, 0.5},   {u"Lâm", 0.4, 0.6},
        {u"Trịnh", 0.5, 0.4},    {u"Mai", 0.4, 0.4},    {u"Lưu", 0.4, 0.4},   {u"Tạ", 0.3, 0.2},
        {u"Hà", 0.5, 0.3},       {u"Chu", 0.3, 0.2},    {u"Tô", 0.3, 0.3},    {u"Trương", 0.5, 0.7},
        {u"Lương", 0.4, 0.4},    {u"La", 0.2, 0.2},     {u"Quách", 0.2, 0.2}, {u"Thái", 0.2, 0.3},
        {u"Tăng", 0.1, 0.2},     {u"Kiều", 0.2, 0.1},   {u"Châu", 0.1, 0.4},  {u"Tôn", 0.1, 0.1},
        {u"Phùng", 0.3, 0.1},    {u"Vương", 0.2, 0.2},  {u"Khúc", 0.1, 0.0},  {u"Triệu", 0.3, 0.1},
        {u"Mạc", 0.1, 0.1},      {u"Từ", 0.2, 0.2},     {u"Giang", 0.2, 0.2}, {u"Doãn", 0.1, 0.0},
        {u"Đoàn", 0.5, 0.5},     {u"Hứa", 0.1, 0.3},    {u"Thân", 0.2, 0.1},  {u"Nghiêm", 0.2, 0.1},
        {u"Lại", 0.2, 0.1},      {u"Đàm", 0.2, 0.1},    {u"Khổng", 0.1, 0.1}, {u"Ninh", 0.1, 0.1},
        {u"Bạch", 0.1, 0.1},     {u"Diệp", 0.1, 0.2},   {u"Kim", 0.1, 0.1},   {u"Văn", 0.2, 0.2},
    };
    for (const Share& share : shares) {
        m_family << VietnameseText::normalizeName(QString::fromUtf16(share.name));
        m_familyWeights << (southern ? share.south : share.north);
    }
    // The lists hold "middle given" pairs; many entries have "Ð" for "Đ": normalizeName cleans.
    auto load = [](const QString& path, QStringList& entries, QStringList& given) {
        for (const QString& line : ReferenceData::lines(path)) {
            const QString entry = VietnameseText::normalizeName(line);
            if (entry.isEmpty() || VietnameseText::hasNonNameCharacters(entry))
                continue;
            entries << entry;
            given << entry.section(QLatin1Char(' '), -1);
        }
    };
    load(QStringLiteral(":/names/given-names-male.txt"), m_maleEntries, m_maleGiven);
    load(QStringLiteral(":/names/given-names-female.txt"), m_femaleEntries, m_femaleGiven);
}

DemoNamePicker::Style DemoNamePicker::styleOf(const QString& ethnicity)
{
    if (ethnicity == u"HMông")
        return Style::Hmong;
    if (ethnicity == u"Ê-đê" || ethnicity == u"Gia-rai" || ethnicity == u"Mnông" || ethnicity == u"Cơ-ho"
        || ethnicity == u"Ra-glai")
        return Style::Highland;
    return Style::Kinh;
}

QString DemoNamePicker::familyName(DemoRandom& rng, const QString& ethnicity) const
{
    const auto& minorities = minorityFamilies();
    const auto it = minorities.constFind(ethnicity);
    // Minority families often carry a Kinh family name too.
    if (it != minorities.cend() && (styleOf(ethnicity) != Style::Kinh || rng.chance(0.8)))
        return rng.pick(*it);
    return m_family[rng.weighted(m_familyWeights)];
}

QString DemoNamePicker::fullName(DemoRandom& rng, const QString& family, Sex sex, Style style) const
{
    const bool male = sex != Sex::Female;
    switch (style) {
    case Style::Hmong: {
        static const QStringList maleGiven
            = normalizedList({u"Páo", u"Sính", u"Dế", u"Chư", u"Lử", u"Tráng", u"Phử", u"Chía", u"Sùng",
                              u"Dua", u"Pó", u"Vư", u"Nủ", u"Cở"});
        static const QStringList femaleGiven = normalizedList(
            {u"Mỷ", u"Pà", u"Dợ", u"Lan", u"Chi", u"Sủa", u"Mai", u"Xá", u"Dung", u"Mảy", u"Súa", u"Và"});
        static const QStringList maleMiddle = normalizedList({u"A", u"A", u"A", u"Seo", u"Mí", u"Văn"});
        static const QStringList femaleMiddle = normalizedList({u"Thị", u"Thị", u"Thị", u"Mí"});
        const QString middle
            = rng.chance(0.9) ? rng.pick(male ? maleMiddle : femaleMiddle) + QLatin1Char(' ') : QString();
        return family + QLatin1Char(' ') + middle + rng.pick(male ? maleGiven : femaleGiven);
    }
    case Style::Highland: {
        static const QStringList maleGiven
            = normalizedList({u"Y Bhin", u"Y Khun", u"Y Jút", u"Y Ngông", u"Y Blô", u"Y Wang", u"Y Bih",
                              u"Y Yơn", u"Y Thu", u"Y Sơn", u"Y Kông", u"Y Điêng", u"Y Ju", u"Y Nguyên"});
        static const QStringList femaleGiven
            = normalizedList({u"H'Hen", u"H'Linh", u"H'Yim", u"H'Nga", u"H'Dơk", u"H'Bla", u"H'Ngun",
                              u"H'Mai", u"H'Hương", u"H'Bia", u"H'Juê", u"H'Nhi"});
        return rng.pick(male ? maleGiven : femaleGiven) + QLatin1Char(' ') + family;
    }
    case Style::Kinh:
        break;
    }
    static const QStringList maleMiddles
        = normalizedList({u"Đức", u"Hữu", u"Quang", u"Công", u"Ngọc", u"Xuân", u"Thanh", u"Minh", u"Đình",
                          u"Mạnh", u"Thế", u"Trọng", u"Tiến", u"Hoàng", u"Anh"});
    static const QStringList femaleMiddles
        = normalizedList({u"Ngọc", u"Thu", u"Thanh", u"Kim", u"Hồng", u"Phương", u"Mai", u"Thuỳ", u"Bích",
                          u"Diệu", u"Khánh", u"Ánh", u"Hoài", u"Minh", u"Thảo"});
    static const QString van = QStringLiteral("Văn");
    static const QString thi = QStringLiteral("Thị");
    const QString& plain = male ? van : thi;
    const QStringList& entries = male ? m_maleEntries : m_femaleEntries;
    const QStringList& given = male ? m_maleGiven : m_femaleGiven;
    const QChar sp = QLatin1Char(' ');
    const double r = rng.unit();
    if (r < 0.36)
        return family + sp + plain + sp + rng.pick(given);
    if (r < 0.78)
        return family + sp + rng.pick(entries);
    if (r < 0.90)
        return family + sp + rng.pick(male ? maleMiddles : femaleMiddles) + sp + rng.pick(given);
    if (r < 0.96)
        return family + sp + plain + sp + rng.pick(entries);
    return family + sp + rng.pick(given);
}

QString DemoNamePicker::twinName(DemoRandom& rng, const QString& sibling, const QString& family, Sex sex,
                                 Style style) const
{
    const QString siblingKey = VietnameseText::foldKey(sibling);
    const QString siblingGiven = siblingKey.section(QLatin1Char(' '), -1);
    for (int attempt = 0; attempt < 50; ++attempt) {
        QString name;
        if (style == Style::Kinh && attempt < 40) {
            // Twins often share the middle name: "Nguyễn Minh Tuấn", "Nguyễn Minh Tú".
            const QStringList& given = sex == Sex::Female ? m_femaleGiven : m_maleGiven;
            name = sibling.section(QLatin1Char(' '), 0, -2) + QLatin1Char(' ') + rng.pick(given);
            if (VietnameseText::foldKey(name).section(QLatin1Char(' '), -1) == siblingGiven)
                continue;
        } else {
            name = fullName(rng, family, sex, style);
        }
        if (VietnameseText::foldKey(name) != siblingKey)
            return name;
    }
    return sibling + QStringLiteral(" Em"); // unreachable with the shipped lists
}

QString DemoNamePicker::withoutAccents(const QString& name)
{
    return VietnameseText::normalizeName(VietnameseText::foldKey(name));
}

QString DemoNamePicker::withOtherTonePlacement(const QString& name)
{
    QStringList syllables = name.split(QLatin1Char(' '));
    bool changed = false;
    for (QString& syllable : syllables) {
        const QString toggled = toggleTone(syllable);
        changed = changed || toggled != syllable;
        syllable = toggled;
    }
    return changed ? syllables.join(QLatin1Char(' ')) : QString();
}

QString DemoNamePicker::withTypo(DemoRandom& rng, const QString& name)
{
    const QStringList original = name.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (original.size() < 2)
        return {};
    for (int attempt = 0; attempt < 20; ++attempt) {
        QStringList s = original;
        const int last = static_cast<int>(s.size()) - 1;
        // Slips touch the given or middle names; the family name only through regional variants.
        const int target = last > 1 && rng.chance(0.3) ? rng.between(1, last - 1) : last;
        switch (rng.below(6)) {
        case 0:
            s[target] = swapInitial(s[target]);
            break;
        case 1:
            s[target] = swapFinal(s[target]);
            break;
        case 2:
            s[target] = swapToneHoiNga(s[target]);
            break;
        case 3: // "Thị"/"Văn" are often dropped
            if (s.size() >= 3 && (s[1] == u"văn" || s[1] == u"thị"))
                s.removeAt(1);
            else
                s[target].clear();
            break;
        case 4: {
            static const QHash<QString, QString> regional
                = {{QStringLiteral("huỳnh"), QStringLiteral("hoàng")},
                   {QStringLiteral("hoàng"), QStringLiteral("huỳnh")},
                   {QStringLiteral("vũ"), QStringLiteral("võ")},
                   {QStringLiteral("võ"), QStringLiteral("vũ")}};
            s[0] = regional.value(s[0]);
            break;
        }
        default: { // a letter typed twice or left out
            QString& syllable = s[target];
            const int at = rng.below(static_cast<int>(syllable.size()));
            if (syllable.size() > 2 && rng.chance(0.5))
                syllable.remove(at, 1);
            else
                syllable.insert(at, syllable[at]);
            break;
        }
        }
        if (std::any_of(s.cbegin(), s.cend(), [](const QString& part) { return part.isEmpty(); }))
            continue;
        const QString typo = VietnameseText::normalizeName(s.join(QLatin1Char(' ')));
        if (!typo.isEmpty() && typo != name && !VietnameseText::hasNonNameCharacters(typo))
            return typo;
    }
    return {};
}

} // namespace wardroll::model
