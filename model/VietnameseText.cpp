#include "VietnameseText.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <QChar>

namespace wardroll::model {

// Canonical tone placement (canonicalTones), exactly:
//
// A syllable is a maximal run of letters. It is left unchanged unless it has exactly one tone
// mark, consists of precomposed Vietnamese letters only (a-z, đ, the vowels), and has the shape of
// one Vietnamese syllable: no initial consonant or one of the 27 Vietnamese ones (b c ch d đ g gh
// gi h k kh l m n ng ngh nh p ph qu r s t th tr v x; gh/ngh only before i e ê), one vowel group
// that Vietnamese spelling has (kVowelGroups below: "oa", "uyê", "ươi", ... not "uo" or "aâu"),
// then no final consonant or one of c, ch, m, n, ng, nh, p, t. Foreign names ("José", "André", "Müller"),
// minority syllables with other finals, and mis-decoded text ("Vuõ", "Phöôùc", which a legacy-encoding
// converter may still recover) are therefore never touched.
//
// 1. Initial clusters: "qu" + vowel and "gi" + vowel (initial exactly "q"/"g") belong to the
//    initial consonant, so their u/i is not part of the vowel group: "Quý", "Quỳnh", "Quyền",
//    "Giàu", "giữa" keep their tone where it is; "gìn", "gì" (no vowel after i) keep i as the
//    vowel. A tone wrongly written on that u/i ("qúy", "gìa") moves into the vowel group.
// 2. In the vowel group (a ă â e ê i o ô ơ u ư y, case kept):
//    a. a vowel with a vowel mark (ă â ê ô ơ ư) takes the tone; of two (ươ) the last one:
//       "Tuấn", "Thuế", "Nguyễn", "Quyền", "người", "Hương", "cừu", "mưa";
//    b. one vowel takes the tone;
//    c. with a final consonant, the last vowel: "Hoàng", "khoảng", "Huỳnh", "Toàn", "xoong";
//    d. without a final consonant, two vowels: oa, oe, uy put it on the second vowel ("new
//       style": "Hoà", "Khoẻ", "Thuỷ", "Thuý", "Hoá", "Tuỳ"); every other pair on the first
//       ("Mai", "Thảo", "Màu", "Tày", "kéo", "kìa", "mùa", "túi", "Chịu");
//    e. without a final consonant, three vowels: the middle one ("ngoài", "xoáy", "khuỷu").
// i and y are letters of their own and are never exchanged (Vy, Mỹ, Lý, Thy).
// Old-style input ("Hòa", "Khỏe", "Thủy") therefore becomes new style; new style is a fixed
// point. Text with combining marks is composed first (as clean() does).

namespace {

// Characters clean(), foldKey() and hasNonNameCharacters() treat alike, so that the matching
// key of raw text equals the key of its cleaned form.
enum class CharClass : std::uint8_t { Other, Space, Invisible, Apostrophe, Hyphen };

CharClass classify(char32_t c)
{
    switch (c) {
    case 0x200B: // zero-width space
    case 0x2060: // word joiner
    case 0xFEFF: // zero-width no-break space (BOM)
    case 0x180E: // Mongolian vowel separator (a space before Unicode 6.3)
        return CharClass::Space;
    case 0x00AD: // soft hyphen
    case 0x200C: // zero-width non-joiner
    case 0x200D: // zero-width joiner
        return CharClass::Invisible;
    case 0x2018: // ‘
    case 0x2019: // ’ (what phones and word processors type for H'Hen, K'Ho)
    case 0x201B:
    case 0x02BB:
    case 0x02BC: // modifier letter apostrophe
    case 0x2032: // prime
        return CharClass::Apostrophe;
    case 0x2010: // hyphen
    case 0x2011: // non-breaking hyphen
    case 0x2012:
    case 0x2013: // en dash ("Bà Rịa – Vũng Tàu")
    case 0x2014:
    case 0x2212: // minus
    case 0xFE63:
    case 0xFF0D:
        return CharClass::Hyphen;
    default:
        break;
    }
    return QChar::isSpace(c) ? CharClass::Space : CharClass::Other;
}

bool isVietnameseMark(char32_t c)
{
    return c >= 0x0300 && c < 0x0370;
}

// Vowel modifiers (breve, circumflex, horn) before tone marks inside each run of combining marks:
// some keyboards type the tone first, and NFC only composes "e + ̂ + ́" to "ế", not "e + ́ + ̂".
QString composeMarks(const QString& text)
{
    QString d = text.normalized(QString::NormalizationForm_D);
    auto isModifier = [](QChar c) {
        return c.unicode() == 0x0302 || c.unicode() == 0x0306 || c.unicode() == 0x031B;
    };
    for (auto it = d.begin(); it != d.end();) {
        if (!it->isMark()) {
            ++it;
            continue;
        }
        auto runEnd = std::find_if(it, d.end(), [](QChar c) { return !c.isMark(); });
        std::stable_partition(it, runEnd, isModifier);
        it = runEnd;
    }
    return d.normalized(QString::NormalizationForm_C);
}

void appendUcs4(QString& out, char32_t c)
{
    if (QChar::requiresSurrogates(c)) {
        out.append(QChar(QChar::highSurrogate(c)));
        out.append(QChar(QChar::lowSurrogate(c)));
    } else {
        out.append(QChar(char16_t(c)));
    }
}

// Reads the code point at i (a pair of surrogates counts as one) and advances i past it.
char32_t nextCodePoint(QStringView text, qsizetype& i)
{
    const char16_t u = text[i++].unicode();
    if (QChar::isHighSurrogate(u) && i < text.size() && text[i].isLowSurrogate())
        return QChar::surrogateToUcs4(u, text[i++].unicode());
    return u;
}

// ---- Tables: one lookup per UTF-16 unit below U+1F00 (ASCII, Latin-1, Latin Extended A/B,
// combining marks, Greek, Cyrillic, Latin Extended Additional with every Vietnamese letter).

constexpr char16_t kTableSize = 0x1F00;
constexpr int kVowelCount = 12;
constexpr int kToneCount = 6;

enum Vowel : std::int8_t { A, ABreve, ACircumflex, E, ECircumflex, I, O, OCircumflex, OHorn, U, UHorn, Y };
constexpr std::array<char16_t, kVowelCount> kLowerVowel{u'a', 0x0103, 0x00E2, u'e', 0x00EA, u'i',
                                                        u'o', 0x00F4, 0x01A1, u'u', 0x01B0, u'y'};
constexpr std::array<char16_t, kVowelCount> kUpperVowel{u'A', 0x0102, 0x00C2, u'E', 0x00CA, u'I',
                                                        u'O', 0x00D4, 0x01A0, u'U', 0x01AF, u'Y'};
// Tone numbers follow VNI typing (1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng): toneKey()'s digits.
constexpr std::array<char16_t, kToneCount> kToneMark{0, 0x0301, 0x0300, 0x0309, 0x0303, 0x0323};

bool hasVowelMark(int v)
{
    return v == ABreve || v == ACircumflex || v == ECircumflex || v == OCircumflex || v == OHorn
        || v == UHorn;
}

enum class Fold : std::uint8_t { Emit, Space, Drop, Slow };

struct Folded
{
    Fold kind = Fold::Emit;
    QString text;
};

// Letters without a canonical decomposition that still read as a plain Latin letter.
const char* strokeLetter(char32_t c)
{
    switch (c) {
    case 0x00D0: // Ð eth: a mis-decoded Đ in Vietnamese data
    case 0x00F0:
    case 0x0110: // Đ
    case 0x0111:
    case 0x0189:
    case 0x0256:
        return "d";
    case 0x00D8:
    case 0x00F8:
        return "o";
    case 0x0141:
    case 0x0142:
        return "l";
    case 0x0126:
    case 0x0127:
        return "h";
    case 0x0131:
    case 0x0197:
    case 0x0268:
        return "i";
    case 0x0166:
    case 0x0167:
        return "t";
    case 0x0180:
    case 0x0243:
        return "b";
    case 0x01B5:
    case 0x01B6:
        return "z";
    case 0x00C6:
    case 0x00E6:
        return "ae";
    case 0x0152:
    case 0x0153:
        return "oe";
    case 0x00DF:
        return "ss";
    case 0x00DE:
    case 0x00FE:
        return "th";
    default:
        return nullptr;
    }
}

// What foldKey() makes of one code point; the table caches this for U+0000..U+1EFF. Defined on
// the canonical decomposition, so composed and decomposed text give the same key.
Folded foldCodePoint(char32_t c)
{
    switch (classify(c)) {
    case CharClass::Space:
        return {Fold::Space, {}};
    case CharClass::Invisible:
        return {Fold::Drop, {}};
    case CharClass::Apostrophe:
        return {Fold::Emit, QStringLiteral("'")};
    case CharClass::Hyphen:
        return {Fold::Emit, QStringLiteral("-")};
    case CharClass::Other:
        break;
    }
    if (c < 0x80) {
        if (c < 0x20 || c == 0x7F)
            return {Fold::Drop, {}};
        return {Fold::Emit, QString(QChar(char16_t(c >= U'A' && c <= U'Z' ? c + 32 : c)))};
    }
    if (const char* plain = strokeLetter(c))
        return {Fold::Emit, QString::fromLatin1(plain)};
    const QString one = QString::fromUcs4(&c, 1);
    const QString decomposed = one.normalized(QString::NormalizationForm_D);
    if (decomposed != one) {
        Folded out{Fold::Drop, {}};
        for (qsizetype i = 0; i < decomposed.size();) {
            const Folded part = foldCodePoint(nextCodePoint(decomposed, i));
            if (part.kind == Fold::Emit) {
                out.kind = Fold::Emit;
                out.text += part.text;
            } else if (part.kind == Fold::Space && out.kind == Fold::Drop) {
                out.kind = Fold::Space;
            }
        }
        return out;
    }
    switch (QChar::category(c)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Mark_NonSpacing:
    case QChar::Mark_Enclosing:
        return {Fold::Drop, {}};
    case QChar::Mark_SpacingCombining:
        return {Fold::Emit, one};
    default:
        break;
    }
    if (!QChar::isLetterOrNumber(c))
        return {Fold::Space, {}}; // punctuation and symbols separate words, as the FTS tokenizer does
    QString out;
    appendUcs4(out, QChar::toCaseFolded(c));
    return {Fold::Emit, out};
}

struct CharInfo
{
    std::array<char16_t, 2> fold{};
    std::uint8_t foldLength = 0;
    Fold kind = Fold::Emit;
    std::int8_t vowel = -1; // a Vowel when the character is a Vietnamese vowel letter
    std::uint8_t tone = 0;
    bool upper = false;
};

// The vowel groups of Vietnamese spelling (after an initial "qu"/"gi" is taken off).
constexpr const char16_t* kVowelGroups[] = {
    u"a",   u"ă",   u"â",   u"e",   u"ê",   u"i",   u"o",   u"ô",   u"ơ",   u"u",   u"ư",
    u"y",   u"ai",  u"ao",  u"au",  u"ay",  u"âu",  u"ây",  u"eo",  u"êu",  u"ia",  u"iê",
    u"iu",  u"oa",  u"oă",  u"oe",  u"oi",  u"oo",  u"ôi",  u"ơi",  u"ua",  u"uâ",  u"uê",
    u"ui",  u"uô",  u"uơ",  u"uy",  u"ưa",  u"ưi",  u"ươ",  u"ưu",  u"yê",  u"iêu", u"yêu",
    u"oai", u"oay", u"oeo", u"uây", u"uôi", u"ươi", u"ươu", u"uyê", u"uya", u"uyu",
};
constexpr int kGroupKeys = kVowelCount + kVowelCount * kVowelCount + kVowelCount * kVowelCount * kVowelCount;

constexpr int groupKey(int count, const int* v)
{
    switch (count) {
    case 1:
        return v[0];
    case 2:
        return kVowelCount + v[0] * kVowelCount + v[1];
    default:
        return kVowelCount + kVowelCount * kVowelCount + (v[0] * kVowelCount + v[1]) * kVowelCount + v[2];
    }
}

struct Tables
{
    std::array<CharInfo, kTableSize> info{};
    char16_t compose[kVowelCount][kToneCount][2]{}; // [vowel][tone][upper]
    std::array<bool, kGroupKeys> vowelGroup{};
};

Tables buildTables()
{
    Tables t;
    for (char32_t c = 0; c < kTableSize; ++c) {
        const Folded f = foldCodePoint(c);
        CharInfo& info = t.info[c];
        info.kind = f.kind;
        if (f.kind == Fold::Emit) {
            if (f.text.size() <= 2) {
                info.foldLength = std::uint8_t(f.text.size());
                for (qsizetype i = 0; i < f.text.size(); ++i)
                    info.fold[size_t(i)] = f.text.at(i).unicode();
            } else {
                info.kind = Fold::Slow;
            }
        }
    }
    for (int v = 0; v < kVowelCount; ++v) {
        for (int tone = 0; tone < kToneCount; ++tone) {
            for (int upper = 0; upper < 2; ++upper) {
                QString s(QChar(upper ? kUpperVowel[size_t(v)] : kLowerVowel[size_t(v)]));
                if (tone)
                    s.append(QChar(kToneMark[size_t(tone)]));
                s = s.normalized(QString::NormalizationForm_C);
                Q_ASSERT(s.size() == 1 && s.at(0).unicode() < kTableSize);
                const char16_t ch = s.at(0).unicode();
                t.compose[v][tone][upper] = ch;
                t.info[ch].vowel = std::int8_t(v);
                t.info[ch].tone = std::uint8_t(tone);
                t.info[ch].upper = upper != 0;
            }
        }
    }
    for (const char16_t* group : kVowelGroups) {
        const QStringView g(group);
        int v[3] = {};
        for (qsizetype i = 0; i < g.size(); ++i)
            v[i] = t.info[g[i].unicode()].vowel;
        t.vowelGroup[size_t(groupKey(int(g.size()), v))] = true;
    }
    return t;
}

const Tables& tables()
{
    static const Tables t = buildTables();
    return t;
}

int vowelOf(const Tables& t, QChar c)
{
    return c.unicode() < kTableSize ? t.info[c.unicode()].vowel : -1;
}

// Moves the tone of one syllable (letters only, precomposed) per the rules at the top.
void placeTone(QChar* w, int len, const Tables& t)
{
    int toned = -1;
    int tones = 0;
    for (int k = 0; k < len; ++k) {
        if (vowelOf(t, w[k]) >= 0 && t.info[w[k].unicode()].tone != 0) {
            ++tones;
            toned = k;
        }
    }
    if (tones != 1)
        return;
    for (int k = 0; k < len; ++k) {
        const char16_t u = w[k].unicode();
        const bool vietnamese
            = (u < 0x80 && w[k].isLetter()) || u == 0x0110 || u == 0x0111 || vowelOf(t, w[k]) >= 0;
        if (!vietnamese)
            return;
    }

    int k = 0;
    while (k < len && vowelOf(t, w[k]) < 0)
        ++k;
    const QString initial = QStringView(w, k).toString().toLower();
    bool qu = false;
    if (k == 1 && k + 1 < len && vowelOf(t, w[k + 1]) >= 0) {
        qu = initial == u"q" && vowelOf(t, w[k]) == U;
        if (qu || (initial == u"g" && vowelOf(t, w[k]) == I))
            ++k;
    }
    static const QStringList initials
        = QStringLiteral("b c ch d đ g gh h k kh l m n ng ngh nh p ph r s t th tr v x")
              .split(QLatin1Char(' '));
    if (!initial.isEmpty() && !qu && !initials.contains(initial))
        return;
    const int first = k;
    while (k < len && vowelOf(t, w[k]) >= 0)
        ++k;
    const int end = k;
    for (; k < len; ++k)
        if (vowelOf(t, w[k]) >= 0)
            return; // vowel, consonant, vowel: not one Vietnamese syllable
    const int count = end - first;
    if (count < 1 || count > 3)
        return;
    int group[3] = {};
    for (int j = 0; j < count; ++j)
        group[j] = vowelOf(t, w[first + j]);
    if (!t.vowelGroup[size_t(groupKey(count, group))])
        return;
    if ((initial == u"gh" || initial == u"ngh") && group[0] != I && group[0] != E && group[0] != ECircumflex)
        return; // "ngh" only before i, e, ê: "Nghóa" is mis-decoded "Nghĩa", not a syllable
    const QString coda = QStringView(w + end, len - end).toString().toLower();
    static const QStringList finals{
        QString(),           QStringLiteral("c"),  QStringLiteral("ch"), QStringLiteral("m"),
        QStringLiteral("n"), QStringLiteral("ng"), QStringLiteral("nh"), QStringLiteral("p"),
        QStringLiteral("t")};
    if (!finals.contains(coda))
        return;

    const bool closed = end < len;
    int target = -1;
    for (int j = first; j < end; ++j)
        if (hasVowelMark(vowelOf(t, w[j])))
            target = j;
    if (target < 0) {
        if (count == 1) {
            target = first;
        } else if (closed) {
            target = end - 1;
        } else if (count == 2) {
            const int a = vowelOf(t, w[first]);
            const int b = vowelOf(t, w[first + 1]);
            const bool second = (a == O && (b == A || b == E)) || (a == U && b == Y);
            target = second ? first + 1 : first;
        } else {
            target = first + 1; // three vowels
        }
    }
    if (target == toned)
        return;
    const CharInfo& from = t.info[w[toned].unicode()];
    const CharInfo& to = t.info[w[target].unicode()];
    const int tone = from.tone;
    w[toned] = QChar(t.compose[from.vowel][0][from.upper]);
    w[target] = QChar(t.compose[to.vowel][tone][to.upper]);
}

bool isWordUnit(QChar c)
{
    return c.isLetter() || c.isMark() || c.isSurrogate();
}

} // namespace

QString VietnameseText::clean(QStringView text)
{
    QString out;
    out.reserve(text.size());
    bool pendingSpace = false;
    bool marks = false;
    auto put = [&](char32_t c) {
        if (pendingSpace && !out.isEmpty())
            out.append(QLatin1Char(' '));
        pendingSpace = false;
        appendUcs4(out, c);
    };
    for (qsizetype i = 0; i < text.size();) {
        char32_t c = nextCodePoint(text, i);
        switch (classify(c)) {
        case CharClass::Space:
            pendingSpace = true;
            continue;
        case CharClass::Invisible:
            continue;
        case CharClass::Apostrophe:
            put(U'\'');
            continue;
        case CharClass::Hyphen:
            put(U'-');
            continue;
        case CharClass::Other:
            break;
        }
        if (c == 0x00D0)
            c = 0x0110;
        else if (c == 0x00F0)
            c = 0x0111;
        marks = marks || isVietnameseMark(c);
        put(c);
    }
    return marks ? composeMarks(out) : out.normalized(QString::NormalizationForm_C);
}

QString VietnameseText::titleCase(QStringView text)
{
    // A letter that follows anything but a letter, digit or combining mark starts a part:
    // spaces, apostrophes, hyphens and dots all do ("H'Hen", "Y-Moan", "V.A").
    QString out;
    out.reserve(text.size());
    bool inWord = false;
    for (qsizetype i = 0; i < text.size();) {
        char32_t c = nextCodePoint(text, i);
        if (QChar::isLetter(c)) {
            c = inWord ? QChar::toLower(c) : QChar::toTitleCase(c);
            inWord = true;
        } else if (QChar::isNumber(c)) {
            inWord = true;
        } else if (!QChar::isMark(c)) {
            inWord = false;
        }
        appendUcs4(out, c);
    }
    return out;
}

QString VietnameseText::canonicalTones(QStringView text)
{
    QString s = text.toString();
    if (std::any_of(s.cbegin(), s.cend(), [](QChar c) { return isVietnameseMark(c.unicode()); }))
        s = composeMarks(s);
    const Tables& t = tables();
    QChar* data = s.data();
    const qsizetype n = s.size();
    for (qsizetype i = 0; i < n;) {
        if (!isWordUnit(data[i])) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        bool plain = true;
        for (; i < n && isWordUnit(data[i]); ++i)
            plain = plain && data[i].isLetter();
        if (plain)
            placeTone(data + start, int(i - start), t);
    }
    return s;
}

QString VietnameseText::normalizeName(QStringView text)
{
    return titleCase(canonicalTones(clean(text)));
}

bool VietnameseText::isNormalizedName(QStringView text)
{
    return normalizeName(text) == text;
}

QString VietnameseText::foldKey(QStringView text)
{
    // Hot path (imports and cleaning call it for every record): one table lookup per UTF-16
    // unit below U+1F00, no normalization; only rarer code points go through foldCodePoint().
    const Tables& t = tables();
    QString out(text.size() * 2 + 1, Qt::Uninitialized);
    QChar* buf = out.data();
    qsizetype n = 0;
    bool pendingSpace = false;
    auto put = [&](const char16_t* units, qsizetype count) {
        if (count == 0)
            return;
        if (n + count + 1 > out.size()) {
            out.resize(out.size() * 2 + count + 1);
            buf = out.data();
        }
        if (pendingSpace && n > 0)
            buf[n++] = QLatin1Char(' ');
        pendingSpace = false;
        for (qsizetype k = 0; k < count; ++k)
            buf[n++] = QChar(units[k]);
    };
    auto slow = [&](char32_t c) {
        const Folded f = foldCodePoint(c);
        if (f.kind == Fold::Space)
            pendingSpace = true;
        else if (f.kind != Fold::Drop)
            put(reinterpret_cast<const char16_t*>(f.text.constData()), f.text.size());
    };
    for (qsizetype i = 0; i < text.size();) {
        const char16_t u = text[i].unicode();
        if (u < kTableSize) {
            ++i;
            const CharInfo& info = t.info[u];
            switch (info.kind) {
            case Fold::Emit:
                put(info.fold.data(), info.foldLength);
                break;
            case Fold::Space:
                pendingSpace = true;
                break;
            case Fold::Drop:
                break;
            case Fold::Slow:
                slow(u);
                break;
            }
            continue;
        }
        slow(nextCodePoint(text, i));
    }
    out.truncate(n);
    return out;
}

QString VietnameseText::toneKey(QStringView text)
{
    const Tables& t = tables();
    const QString s = clean(text).toLower();
    QString out;
    out.reserve(s.size() + 8);
    QString tones; // digits of the current syllable, written after its letters
    for (QChar c : s) {
        const int v = vowelOf(t, c);
        if (v >= 0) {
            const int tone = t.info[c.unicode()].tone;
            out.append(QChar(t.compose[v][0][0]));
            if (tone != 0)
                tones.append(QChar(u'0' + tone));
            continue;
        }
        if (!isWordUnit(c)) {
            out.append(tones);
            tones.clear();
        }
        out.append(c);
    }
    out.append(tones);
    return out;
}

QStringList VietnameseText::syllables(QStringView text)
{
    return clean(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

bool VietnameseText::hasNonNameCharacters(QStringView text)
{
    for (qsizetype i = 0; i < text.size();) {
        const char32_t c = nextCodePoint(text, i);
        if (c == U' ' || c == U'\'' || c == U'-' || c == U'.' || QChar::isLetter(c) || QChar::isMark(c))
            continue;
        if (classify(c) != CharClass::Other)
            continue; // spaces, invisible characters, apostrophe and hyphen variants clean() fixes
        return true;
    }
    return false;
}

} // namespace wardroll::model
