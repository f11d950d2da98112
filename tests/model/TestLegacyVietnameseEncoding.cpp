#include "LegacyVietnameseEncoding.h"

#include <QTest>

using namespace wardroll::model;
using Encoding = LegacyVietnameseEncoding::Encoding;

Q_DECLARE_METATYPE(LegacyVietnameseEncoding::Encoding)

namespace {

// Known words in each encoding. The byte strings were written by the old tools' tables (TCVN3 as
// the ABC fonts, VNI as the VNI-Times fonts, 1258 as Windows writes it: precomposed where the
// code page can, a combining tone otherwise).
struct Sample
{
    const char* unicode;
    const char* tcvn3; // nullptr: the ABC fonts have no such uppercase letter
    const char* vni;
    const char* cp1258;
};

constexpr Sample samples[] = {
    {"Nguyễn Văn Thành", "Nguy\xD4n V\xA8n Th\xB5nh", "Nguye\xE3n Va\xEAn Tha\xF8nh",
     "Nguy\xEA\xDEn V\xE3n Th\xE0nh"},
    {"Hà Nội", "H\xB5 N\xE9i", "Ha\xF8 No\xE4i", "H\xE0 N\xF4\xF2i"},
    {"Quảng Ngãi", "Qu\xB6ng Ng\xB7i", "Qua\xFBng Nga\xF5i", "Qua\xD2ng Nga\xDEi"},
    {"Trần Thị Thuỷ", "Tr\xC7n Th\xDE Thu\xFB", "Tra\xE0n Th\xF2 Thuy\xFB", "Tr\xE2\xCCn Thi\xF2 Thuy\xD2"},
    {"Đặng Hữu Phước",
     "\xA7\xC6ng H\xF7u Ph\xAD\xED"
     "c",
     "\xD1"
     "a\xEBng H\xF6\xF5u Ph\xF6\xF4\xF9"
     "c",
     "\xD0\xE3\xF2ng H\xFD\xDEu Ph\xFD\xF5\xEC"
     "c"},
    {"Lê Thị Hường", "L\xAA Th\xDE H\xAD\xEAng", "Le\xE2 Th\xF2 H\xF6\xF4\xF8ng",
     "L\xEA Thi\xF2 H\xFD\xF5\xCCng"},
    {"Phạm Quốc Việt",
     "Ph\xB9m Qu\xE8"
     "c Vi\xD6t",
     "Pha\xEFm Quo\xE1"
     "c Vie\xE4t",
     "Pha\xF2m Qu\xF4\xEC"
     "c Vi\xEA\xF2t"},
    {"Bùi Ngọc Ánh", nullptr,
     "Bu\xF8i Ngo\xEF"
     "c A\xD9nh",
     "B\xF9i Ngo\xF2"
     "c \xC1nh"},
    {"NGUYỄN VĂN THÀNH", nullptr, "NGUYE\xC3N VA\xCAN THA\xD8NH", "NGUY\xCA\xDEN V\xC3N TH\xC0NH"},
    {"Giữ Kỳ Yên", "Gi\xF7 K\xFA Y\xAAn", "Gi\xF6\xF5 Ky\xF8 Ye\xE2n", "Gi\xFD\xDE Ky\xCC Y\xEAn"},
};

const char* bytesOf(const Sample& sample, Encoding encoding)
{
    switch (encoding) {
    case Encoding::Tcvn3:
        return sample.tcvn3;
    case Encoding::Vni:
        return sample.vni;
    case Encoding::Cp1258:
        return sample.cp1258;
    case Encoding::Utf8:
        return sample.unicode;
    }
    return nullptr;
}

// A spreadsheet export: an ASCII header, the names, dates and places, in `encoding`.
QByteArray csvSample(Encoding encoding, int rows)
{
    QByteArray out = "stt,ho_ten,ngay_sinh,noi_o\r\n";
    int row = 0;
    for (const Sample& sample : samples) {
        const char* bytes = bytesOf(sample, encoding);
        if (!bytes || row >= rows)
            continue;
        ++row;
        out += QByteArray::number(row) + ',' + bytes + ",12/03/19" + QByteArray::number(50 + row) + ",Thon "
            + QByteArray::number(row) + "\r\n";
    }
    return out;
}

} // namespace

class TestLegacyVietnameseEncoding : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decodesKnownWords_data()
    {
        QTest::addColumn<Encoding>("encoding");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        for (const Sample& sample : samples) {
            for (Encoding encoding : LegacyVietnameseEncoding::all) {
                const char* bytes = bytesOf(sample, encoding);
                if (!bytes)
                    continue;
                QTest::addRow("%s %s", qPrintable(LegacyVietnameseEncoding::code(encoding)), sample.unicode)
                    << encoding << QByteArray(bytes) << QString::fromUtf8(sample.unicode);
            }
        }
    }
    void decodesKnownWords()
    {
        QFETCH(Encoding, encoding);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        const QString decoded = LegacyVietnameseEncoding::decode(bytes, encoding);
        QCOMPARE(decoded, expected);
        QCOMPARE(decoded, decoded.normalized(QString::NormalizationForm_C));
    }

    void asciiIsAsciiInEveryEncoding()
    {
        const QByteArray ascii = "Ksor H'Hen, 01/06/1985; \"Thon 2\"\r\n";
        for (Encoding encoding : LegacyVietnameseEncoding::all)
            QCOMPARE(LegacyVietnameseEncoding::decode(ascii, encoding), QString::fromLatin1(ascii));
    }

    void vniMarkWithoutVowelStaysVisible()
    {
        // "Th" + a circumflex-grave mark: nothing to sit on, so not silently turned into "à".
        const QString decoded = LegacyVietnameseEncoding::decodeVni("Th\xE0nh");
        QVERIFY(!decoded.contains(QChar(0x00E0)));
        QVERIFY(!LegacyVietnameseEncoding::isVietnameseSyllable(decoded));
    }

    void undefinedBytesAreReplacementCharacters()
    {
        QCOMPARE(LegacyVietnameseEncoding::decodeCp1258("a\x81"), QStringLiteral("a\uFFFD"));
        QCOMPARE(LegacyVietnameseEncoding::decode("a\xFF", Encoding::Utf8), QStringLiteral("a\uFFFD"));
    }

    void syllables_data()
    {
        QTest::addColumn<QString>("word");
        QTest::addColumn<bool>("valid");
        const std::pair<const char*, bool> words[] = {
            {"Nguyễn", true},   {"nghiêng", true}, {"Quốc", true},     {"giữ", true},     {"gìn", true},
            {"khuya", true},    {"Hoà", true},     {"thuở", true},     {"Phước", true},   {"Đặng", true},
            {"NGUYỄN", true},   {"Niê", true},     {"Nguyeón", false}, {"Vaờn", false},   {"Thaứnh", false},
            {"Nguyờịn", false}, {"Néi", false},    {"Hµ", false},      {"Thaønh", false}, {"NguyÔn", false},
        };
        for (const auto& [word, valid] : words)
            QTest::newRow(word) << QString::fromUtf8(word) << valid;
    }
    void syllables()
    {
        QFETCH(QString, word);
        QFETCH(bool, valid);
        QCOMPARE(LegacyVietnameseEncoding::isVietnameseSyllable(word), valid);
    }

    void detectsEncoding_data()
    {
        QTest::addColumn<QByteArray>("sample");
        QTest::addColumn<Encoding>("expected");
        for (Encoding encoding : LegacyVietnameseEncoding::all) {
            const QString code = LegacyVietnameseEncoding::code(encoding);
            QTest::addRow("%s, whole file", qPrintable(code)) << csvSample(encoding, 100) << encoding;
            QTest::addRow("%s, two rows", qPrintable(code)) << csvSample(encoding, 2) << encoding;
        }
        // One place name among ASCII: little to go on, still enough.
        QTest::newRow("tcvn3, one word") << QByteArray("Dia chi: H\xB5 N\xE9i, Viet Nam") << Encoding::Tcvn3;
        QTest::newRow("vni, one word") << QByteArray("Dia chi: Ha\xF8 No\xE4i, Viet Nam") << Encoding::Vni;
        QTest::newRow("cp1258, one word")
            << QByteArray("Dia chi: H\xE0 N\xF4\xF2i, Viet Nam") << Encoding::Cp1258;
        // Uppercase forms (names on forms are written in capitals).
        QTest::newRow("vni, capitals")
            << QByteArray("NGUYE\xC3N VA\xCAN THA\xD8NH;QUA\xDBNG NGA\xD5I") << Encoding::Vni;
        QTest::newRow("cp1258, capitals")
            << QByteArray("NGUY\xCA\xDEN V\xC3N TH\xC0NH;HA\xD2I PHO\xCCNG") << Encoding::Cp1258;
        // A file pasted together from two sources: mostly TCVN3, one UTF-8 name.
        QTest::newRow("tcvn3 with a UTF-8 cell")
            << (csvSample(Encoding::Tcvn3, 100) + "11,Nguyễn Văn Bình,1970,Thon 1\r\n") << Encoding::Tcvn3;
        // A UTF-8 sample cut inside a character is still UTF-8.
        const QByteArray utf8 = QStringLiteral("Nguyễn Văn Thành").toUtf8();
        QTest::newRow("utf-8, cut") << utf8.left(utf8.indexOf("\xBB")) << Encoding::Utf8;
        QTest::newRow("ascii") << QByteArray("Nguyen Van A,1985\r\n") << Encoding::Utf8;
    }
    void detectsEncoding()
    {
        QFETCH(QByteArray, sample);
        QFETCH(Encoding, expected);
        const auto detection = LegacyVietnameseEncoding::detect(sample);
        QCOMPARE(detection.encoding, expected);
    }

    void detectionReportsScoresAndAscii()
    {
        const auto ascii = LegacyVietnameseEncoding::detect("Nguyen Van A");
        QVERIFY(ascii.asciiOnly);
        QCOMPARE(ascii.encoding, Encoding::Utf8);
        const auto tcvn = LegacyVietnameseEncoding::detect(csvSample(Encoding::Tcvn3, 100));
        QVERIFY(!tcvn.asciiOnly);
        const auto score = [&](Encoding e) {
            return tcvn.scores[static_cast<size_t>(e)];
        };
        QVERIFY(score(Encoding::Tcvn3) > score(Encoding::Vni));
        QVERIFY(score(Encoding::Tcvn3) > score(Encoding::Cp1258));
        QVERIFY(score(Encoding::Tcvn3) > 0);
    }

    void codes()
    {
        for (Encoding encoding : LegacyVietnameseEncoding::all)
            QCOMPARE(LegacyVietnameseEncoding::fromCode(LegacyVietnameseEncoding::code(encoding)), encoding);
        QVERIFY(!LegacyVietnameseEncoding::fromCode(u"latin9"));
    }
};

QTEST_GUILESS_MAIN(TestLegacyVietnameseEncoding)
#include "TestLegacyVietnameseEncoding.moc"
