#pragma once

#include <array>
#include <optional>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace wardroll::model {

// The 8-bit Vietnamese encodings of old spreadsheets (DOMAIN.md §6), decoded to NFC text, and a
// guess of which one a file uses. Pure functions over tables:
// - TCVN3 (ABC, TCVN 5712:1993 VN3, the ".VnTime" fonts): one byte per letter in 0xA1..0xFE;
//   the uppercase toned letters of VN1 are decoded too; bytes below 0x80 are ASCII (VN1 puts
//   letters on some control codes, which would break CSV line ends).
// - VNI-Windows ("VNI-Times" fonts): an ASCII vowel followed by one mark byte ("Vie\xE4t" =
//   "Việt"), with ơ ư đ and the toned i/ỵ as single bytes.
// - Windows-1258: precomposed letters where the code page has them, combining tone marks
//   otherwise ("Nguy\xEA\xDEn").
// Detection scores each decoding by how many of its words are well-formed Vietnamese syllables
// (alphabet, one tone, a known vowel cluster between a known onset and coda): the right
// encoding turns every accented word into a syllable, a wrong one into symbols and clusters
// that Vietnamese does not have.
class LegacyVietnameseEncoding
{
public:
    enum class Encoding { Utf8, Tcvn3, Vni, Cp1258 };
    static constexpr std::array<Encoding, 4> all{Encoding::Utf8, Encoding::Tcvn3, Encoding::Vni,
                                                 Encoding::Cp1258};

    // "UTF-8", "TCVN3 (ABC)", "VNI-Windows", "Windows-1258": names, not translated.
    [[nodiscard]] static QString name(Encoding encoding);
    // A stable code for settings and the CLI: "utf-8", "tcvn3", "vni", "cp1258".
    [[nodiscard]] static QString code(Encoding encoding);
    [[nodiscard]] static std::optional<Encoding> fromCode(QStringView code);

    // The text in NFC. Invalid UTF-8 becomes U+FFFD; bytes a code page leaves undefined too.
    [[nodiscard]] static QString decode(QByteArrayView bytes, Encoding encoding);
    [[nodiscard]] static QString decodeTcvn3(QByteArrayView bytes);
    [[nodiscard]] static QString decodeVni(QByteArrayView bytes);
    [[nodiscard]] static QString decodeCp1258(QByteArrayView bytes);

    struct Detection
    {
        Encoding encoding = Encoding::Utf8;
        // Per encoding (index = Encoding): well-formed accented words minus twice the malformed
        // ones; UTF-8 only when the bytes are valid UTF-8 (else the lowest possible score).
        std::array<int, 4> scores{};
        bool asciiOnly = false; // no byte above 0x7F: every encoding reads it the same
    };
    // Valid UTF-8 with non-ASCII bytes is UTF-8 (legacy text almost never is); otherwise the
    // legacy encoding with the best score (TCVN3, then VNI, then 1258 on a tie). A sample cut in
    // the middle of a UTF-8 sequence is still UTF-8.
    [[nodiscard]] static Detection detect(QByteArrayView sample);

    // The score above for decoded text: +1 per well-formed word with a non-ASCII letter, −2 per
    // word with a character Vietnamese does not use, two tones, a stray mark or an unknown
    // cluster; ASCII-only words count 0.
    [[nodiscard]] static int plausibility(QStringView text);
    [[nodiscard]] static bool isVietnameseSyllable(QStringView word);
};

} // namespace wardroll::model
