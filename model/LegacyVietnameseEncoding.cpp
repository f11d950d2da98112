#include "LegacyVietnameseEncoding.h"

#include "CsvReader.h"

#include <algorithm>
#include <climits>
#include <QHash>

namespace wardroll::model {

namespace {

using Encoding = LegacyVietnameseEncoding::Encoding;

// Bytes 0x80..0xFF of TCVN 5712:1993 (VN1, of which the ABC fonts' VN3 is the part in use).
constexpr std::array<char16_t, 128> tcvn3High = {
    0x00C0, 0x1EA2, 0x00C3, 0x00C1, 0x1EA0, 0x1EB6, 0x1EAC, 0x00C8, 0x1EBA, 0x1EBC, 0x00C9, 0x1EB8, 0x1EC6,
    0x00CC, 0x1EC8, 0x0128, 0x00CD, 0x1ECA, 0x00D2, 0x1ECE, 0x00D5, 0x00D3, 0x1ECC, 0x1ED8, 0x1EDC, 0x1EDE,
    0x1EE0, 0x1EDA, 0x1EE2, 0x00D9, 0x1EE6, 0x0168, 0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF,
    0x0110, 0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0, 0x0300, 0x0309, 0x0303, 0x0301,
    0x0323, 0x00E0, 0x1EA3, 0x00E3, 0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4, 0x1EAE,
    0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7, 0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2,
    0x1EBB, 0x1EBD, 0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC, 0x1EC9, 0x1EC4, 0x1EBE,
    0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2, 0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7,
    0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9, 0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5,
    0x1EEB, 0x1EED, 0x1EEF, 0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0,
};

// Bytes 0x80..0xFF of Windows-1258; U+FFFD where the code page defines nothing.
constexpr std::array<char16_t, 128> cp1258High = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0xFFFD, 0x2039, 0x0152,
    0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
    0xFFFD, 0x203A, 0x0153, 0xFFFD, 0xFFFD, 0x0178, 0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6,
    0x00A7, 0x00A8, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF, 0x00B0, 0x00B1, 0x00B2, 0x00B3,
    0x00B4, 0x00B5, 0x00B6, 0x00B7, 0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00BF, 0x00C0,
    0x00C1, 0x00C2, 0x0102, 0x00C4, 0x00C5, 0x00C6, 0x00C7, 0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x0300, 0x00CD,
    0x00CE, 0x00CF, 0x0110, 0x00D1, 0x0309, 0x00D3, 0x00D4, 0x01A0, 0x00D6, 0x00D7, 0x00D8, 0x00D9, 0x00DA,
    0x00DB, 0x00DC, 0x01AF, 0x0303, 0x00DF, 0x00E0, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x00E5, 0x00E6, 0x00E7,
    0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x0301, 0x00ED, 0x00EE, 0x00EF, 0x0111, 0x00F1, 0x0323, 0x00F3, 0x00F4,
    0x01A1, 0x00F6, 0x00F7, 0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x01B0, 0x20AB, 0x00FF,
};

constexpr char16_t acute = 0x0301, grave = 0x0300, hook = 0x0309, tilde = 0x0303, dotBelow = 0x0323;
constexpr char16_t circumflex = 0x0302, breve = 0x0306;

// A VNI mark byte (either case: the uppercase fonts use the uppercase forms): the vowel shape it
// adds (0 = none) and its tone (0 = none).
struct VniMark
{
    char16_t shape = 0;
    char16_t tone = 0;
};

std::optional<VniMark> vniMark(uchar byte)
{
    switch (byte | 0x20) { // 0xC0..0xDF -> 0xE0..0xFF
    case 0xF9:
        return VniMark{0, acute};
    case 0xF8:
        return VniMark{0, grave};
    case 0xFB:
        return VniMark{0, hook};
    case 0xF5:
        return VniMark{0, tilde};
    case 0xEF:
        return VniMark{0, dotBelow};
    case 0xE2:
        return VniMark{circumflex, 0};
    case 0xE1:
        return VniMark{circumflex, acute};
    case 0xE0:
        return VniMark{circumflex, grave};
    case 0xE5:
        return VniMark{circumflex, hook};
    case 0xE3:
        return VniMark{circumflex, tilde};
    case 0xE4:
        return VniMark{circumflex, dotBelow};
    case 0xEA:
        return VniMark{breve, 0};
    case 0xE9:
        return VniMark{breve, acute};
    case 0xE8:
        return VniMark{breve, grave};
    case 0xFA:
        return VniMark{breve, hook};
    case 0xFC:
        return VniMark{breve, tilde};
    case 0xEB:
        return VniMark{breve, dotBelow};
    default:
        return std::nullopt;
    }
}

// VNI's single-byte letters.
char16_t vniLetter(uchar byte)
{
    switch (byte) {
    case 0xF4:
        return 0x01A1; // ơ
    case 0xD4:
        return 0x01A0;
    case 0xF6:
        return 0x01B0; // ư
    case 0xD6:
        return 0x01AF;
    case 0xF1:
        return 0x0111; // đ
    case 0xD1:
        return 0x0110;
    case 0xED:
        return 0x00ED; // í
    case 0xCD:
        return 0x00CD;
    case 0xEC:
        return 0x00EC; // ì
    case 0xCC:
        return 0x00CC;
    case 0xE6:
        return 0x1EC9; // ỉ
    case 0xC6:
        return 0x1EC8;
    case 0xF3:
        return 0x0129; // ĩ
    case 0xD3:
        return 0x0128;
    case 0xF2:
        return 0x1ECB; // ị
    case 0xD2:
        return 0x1ECA;
    case 0xEE:
        return 0x1EF5; // ỵ
    case 0xCE:
        return 0x1EF4;
    default:
        return 0;
    }
}

// Which marks a base letter written before a VNI mark byte takes.
bool takesShape(char16_t base, char16_t shape)
{
    const char16_t lower = base | 0x20;
    if (base > 0x7F)
        return false;
    if (shape == circumflex)
        return lower == u'a' || lower == u'e' || lower == u'o';
    return lower == u'a'; // breve
}

bool takesTone(char16_t base)
{
    if (base > 0x7F)
        return base == 0x01A1 || base == 0x01A0 || base == 0x01B0 || base == 0x01AF;
    const char16_t lower = base | 0x20;
    return lower == u'a' || lower == u'e' || lower == u'o' || lower == u'u' || lower == u'y' || lower == u'i';
}

// Vietnamese letters: lowercase letter -> (toneless letter, tone mark or 0).
struct Letter
{
    char16_t toneless;
    char16_t tone;
};

const QHash<char16_t, Letter>& vietnameseLetters()
{
    static const QHash<char16_t, Letter> letters = [] {
        QHash<char16_t, Letter> out;
        const QString vowels = QStringLiteral("aăâeêioôơuưy");
        for (const QChar vowel : vowels) {
            out.insert(vowel.unicode(), Letter{vowel.unicode(), 0});
            for (char16_t tone : {acute, grave, hook, tilde, dotBelow}) {
                const QString pair = QString(vowel) + QChar(tone);
                const QString composed = pair.normalized(QString::NormalizationForm_C);
                if (composed.size() == 1)
                    out.insert(composed.front().unicode(), Letter{vowel.unicode(), tone});
            }
        }
        for (char16_t c = u'a'; c <= u'z'; ++c) {
            if (!out.contains(c))
                out.insert(c, Letter{c, 0});
        }
        out.insert(0x0111, Letter{0x0111, 0}); // đ
        return out;
    }();
    return letters;
}

bool isVowel(char16_t c)
{
    static const QString vowels = QStringLiteral("aăâeêioôơuưy");
    return vowels.contains(QChar(c));
}

// Non-ASCII punctuation a legacy file may hold in any encoding; every other non-letter above
// ASCII is a sign of the wrong decoding.
bool isCommonPunctuation(char16_t c)
{
    switch (c) {
    case 0x00A0:
    case 0x2018:
    case 0x2019:
    case 0x201C:
    case 0x201D:
    case 0x2013:
    case 0x2014:
    case 0x2026:
    case 0x00AB:
    case 0x00BB:
    case 0x2022:
    case 0x20AB:
    case 0x00B0:
        return true;
    default:
        return false;
    }
}

bool validUtf8Prefix(QByteArrayView bytes)
{
    if (CsvReader::isValidUtf8(bytes.data(), bytes.size()))
        return true;
    // A sample may end inside a multi-byte sequence.
    for (qsizetype cut = 1; cut <= 3 && cut < bytes.size(); ++cut) {
        const uchar lead = static_cast<uchar>(bytes[bytes.size() - cut]);
        if ((lead & 0xC0) == 0xC0)
            return CsvReader::isValidUtf8(bytes.data(), bytes.size() - cut);
        if ((lead & 0xC0) != 0x80)
            return false;
    }
    return false;
}

} // namespace

QString LegacyVietnameseEncoding::name(Encoding encoding)
{
    switch (encoding) {
    case Encoding::Utf8:
        return QStringLiteral("UTF-8");
    case Encoding::Tcvn3:
        return QStringLiteral("TCVN3 (ABC)");
    case Encoding::Vni:
        return QStringLiteral("VNI-Windows");
    case Encoding::Cp1258:
        return QStringLiteral("Windows-1258");
    }
    return {};
}

QString LegacyVietnameseEncoding::code(Encoding encoding)
{
    switch (encoding) {
    case Encoding::Utf8:
        return QStringLiteral("utf-8");
    case Encoding::Tcvn3:
        return QStringLiteral("tcvn3");
    case Encoding::Vni:
        return QStringLiteral("vni");
    case Encoding::Cp1258:
        return QStringLiteral("cp1258");
    }
    return {};
}

std::optional<LegacyVietnameseEncoding::Encoding> LegacyVietnameseEncoding::fromCode(QStringView code)
{
    for (Encoding encoding : all) {
        if (code.compare(LegacyVietnameseEncoding::code(encoding), Qt::CaseInsensitive) == 0)
            return encoding;
    }
    return std::nullopt;
}

QString LegacyVietnameseEncoding::decode(QByteArrayView bytes, Encoding encoding)
{
    switch (encoding) {
    case Encoding::Utf8:
        return QString::fromUtf8(bytes).normalized(QString::NormalizationForm_C);
    case Encoding::Tcvn3:
        return decodeTcvn3(bytes);
    case Encoding::Vni:
        return decodeVni(bytes);
    case Encoding::Cp1258:
        return decodeCp1258(bytes);
    }
    return {};
}

QString LegacyVietnameseEncoding::decodeTcvn3(QByteArrayView bytes)
{
    QString out(bytes.size(), Qt::Uninitialized);
    QChar* data = out.data();
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const uchar byte = static_cast<uchar>(bytes[i]);
        data[i] = QChar(byte < 0x80 ? char16_t(byte) : tcvn3High[byte - 0x80]);
    }
    return out.normalized(QString::NormalizationForm_C); // 0xB0..0xB4 are combining tones
}

QString LegacyVietnameseEncoding::decodeCp1258(QByteArrayView bytes)
{
    QString out(bytes.size(), Qt::Uninitialized);
    QChar* data = out.data();
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const uchar byte = static_cast<uchar>(bytes[i]);
        data[i] = QChar(byte < 0x80 ? char16_t(byte) : cp1258High[byte - 0x80]);
    }
    return out.normalized(QString::NormalizationForm_C);
}

QString LegacyVietnameseEncoding::decodeVni(QByteArrayView bytes)
{
    // Decomposed first (letter + combining marks), composed at the end.
    QString out;
    out.reserve(bytes.size());
    char16_t base = 0; // the letter marks may still attach to
    bool shaped = false;
    bool toned = false;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const uchar byte = static_cast<uchar>(bytes[i]);
        if (const auto mark = vniMark(byte)) {
            const bool shapeOk = !mark->shape || (!shaped && takesShape(base, mark->shape));
            const bool toneOk = !mark->tone || (!toned && takesTone(base));
            if (base && shapeOk && toneOk) {
                if (mark->shape)
                    out.append(QChar(mark->shape));
                if (mark->tone)
                    out.append(QChar(mark->tone));
                shaped = shaped || mark->shape;
                toned = toned || mark->tone;
                continue;
            }
            // A mark with nothing to sit on: kept as the stray marks it is.
            if (mark->shape)
                out.append(QChar(mark->shape));
            if (mark->tone)
                out.append(QChar(mark->tone));
            base = 0;
            continue;
        }
        if (const char16_t letter = vniLetter(byte)) {
            out.append(QChar(letter));
            base = takesTone(letter) ? letter : 0;
            shaped = true;
            toned = false;
            continue;
        }
        const char16_t c
            = byte < 0x80 ? char16_t(byte) : (byte < 0xC0 ? cp1258High[byte - 0x80] : char16_t(byte));
        out.append(QChar(c));
        base = takesTone(c) || takesShape(c, circumflex) ? c : 0;
        shaped = false;
        toned = false;
    }
    return out.normalized(QString::NormalizationForm_C);
}

bool LegacyVietnameseEncoding::isVietnameseSyllable(QStringView word)
{
    const QString lower = word.toString().toLower();
    const auto& letters = vietnameseLetters();
    QString toneless;
    toneless.reserve(lower.size());
    int tones = 0;
    for (const QChar c : lower) {
        const auto found = letters.constFind(c.unicode());
        if (found == letters.cend())
            return false;
        toneless.append(QChar(found->toneless));
        if (found->tone)
            ++tones;
    }
    if (tones > 1 || toneless.isEmpty())
        return false;

    static const QStringList onsets = {
        QStringLiteral("ngh"), QStringLiteral("ng"), QStringLiteral("nh"), QStringLiteral("ch"),
        QStringLiteral("gh"),  QStringLiteral("gi"), QStringLiteral("kh"), QStringLiteral("ph"),
        QStringLiteral("qu"),  QStringLiteral("th"), QStringLiteral("tr"), QStringLiteral("b"),
        QStringLiteral("c"),   QStringLiteral("d"),  QStringLiteral("đ"),  QStringLiteral("g"),
        QStringLiteral("h"),   QStringLiteral("k"),  QStringLiteral("l"),  QStringLiteral("m"),
        QStringLiteral("n"),   QStringLiteral("p"),  QStringLiteral("r"),  QStringLiteral("s"),
        QStringLiteral("t"),   QStringLiteral("v"),  QStringLiteral("x"),
    };
    qsizetype pos = 0;
    for (const QString& onset : onsets) {
        // "gi" and "qu" are onsets only before another vowel ("gì" is g + i).
        if (toneless.startsWith(onset)
            && ((onset.back() != u'i' && onset.back() != u'u')
                || (toneless.size() > onset.size() && isVowel(toneless[onset.size()].unicode())))) {
            pos = onset.size();
            break;
        }
    }
    const qsizetype nucleusStart = pos;
    while (pos < toneless.size() && isVowel(toneless[pos].unicode()))
        ++pos;
    static const QStringList nuclei = {
        QStringLiteral("a"),   QStringLiteral("ă"),   QStringLiteral("â"),   QStringLiteral("e"),
        QStringLiteral("ê"),   QStringLiteral("i"),   QStringLiteral("o"),   QStringLiteral("ô"),
        QStringLiteral("ơ"),   QStringLiteral("u"),   QStringLiteral("ư"),   QStringLiteral("y"),
        QStringLiteral("ai"),  QStringLiteral("ao"),  QStringLiteral("au"),  QStringLiteral("ay"),
        QStringLiteral("âu"),  QStringLiteral("ây"),  QStringLiteral("eo"),  QStringLiteral("êu"),
        QStringLiteral("ia"),  QStringLiteral("iê"),  QStringLiteral("iu"),  QStringLiteral("oa"),
        QStringLiteral("oă"),  QStringLiteral("oe"),  QStringLiteral("oi"),  QStringLiteral("oo"),
        QStringLiteral("ôi"),  QStringLiteral("ơi"),  QStringLiteral("ua"),  QStringLiteral("uâ"),
        QStringLiteral("uê"),  QStringLiteral("ui"),  QStringLiteral("uô"),  QStringLiteral("uơ"),
        QStringLiteral("uy"),  QStringLiteral("ưa"),  QStringLiteral("ưi"),  QStringLiteral("ươ"),
        QStringLiteral("ưu"),  QStringLiteral("yê"),  QStringLiteral("iêu"), QStringLiteral("oai"),
        QStringLiteral("oao"), QStringLiteral("oay"), QStringLiteral("oeo"), QStringLiteral("uây"),
        QStringLiteral("uôi"), QStringLiteral("uya"), QStringLiteral("uyê"), QStringLiteral("uyu"),
        QStringLiteral("ươi"), QStringLiteral("ươu"), QStringLiteral("yêu"),
    };
    if (!nuclei.contains(toneless.mid(nucleusStart, pos - nucleusStart)))
        return false;
    static const QStringList codas
        = {QString(),           QStringLiteral("c"),  QStringLiteral("ch"), QStringLiteral("m"),
           QStringLiteral("n"), QStringLiteral("ng"), QStringLiteral("nh"), QStringLiteral("p"),
           QStringLiteral("t")};
    return codas.contains(toneless.mid(pos));
}

int LegacyVietnameseEncoding::plausibility(QStringView text)
{
    int score = 0;
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text[i];
        if (c.isLetter() || c.isMark()) {
            qsizetype end = i;
            bool ascii = true;
            while (end < text.size() && (text[end].isLetter() || text[end].isMark())) {
                ascii = ascii && text[end].unicode() < 0x80;
                ++end;
            }
            if (!ascii)
                score += isVietnameseSyllable(text.mid(i, end - i)) ? 1 : -2;
            i = end;
            continue;
        }
        if (c.unicode() >= 0x80 && !c.isSpace() && !isCommonPunctuation(c.unicode()))
            score -= 2;
        ++i;
    }
    return score;
}

LegacyVietnameseEncoding::Detection LegacyVietnameseEncoding::detect(QByteArrayView sample)
{
    Detection detection;
    detection.asciiOnly = std::all_of(sample.begin(), sample.end(), [](char c) { return uchar(c) < 0x80; });
    const bool utf8 = validUtf8Prefix(sample);
    for (Encoding encoding : all) {
        const auto slot = static_cast<size_t>(encoding);
        if (encoding == Encoding::Utf8 && !utf8) {
            detection.scores[slot] = INT_MIN;
            continue;
        }
        detection.scores[slot] = plausibility(decode(sample, encoding));
    }
    if (utf8) {
        detection.encoding = Encoding::Utf8;
        return detection;
    }
    detection.encoding = Encoding::Tcvn3;
    for (Encoding encoding : {Encoding::Vni, Encoding::Cp1258}) {
        if (detection.scores[static_cast<size_t>(encoding)]
            > detection.scores[static_cast<size_t>(detection.encoding)])
            detection.encoding = encoding;
    }
    return detection;
}

} // namespace wardroll::model
