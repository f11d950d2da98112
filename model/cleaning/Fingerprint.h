#pragma once

#include <optional>
#include <QString>

namespace wardroll::model {

// The fingerprint of a finding: a hash of the inputs its rule looked at (Finding::fingerprint).
// Only equality matters (a dismissed flag reopens when its fingerprint changes), so a fast
// 64-bit FNV-1a is enough; it is stable across runs, platforms and Qt versions, unlike qHash.
class Fingerprint
{
public:
    explicit Fingerprint(QStringView rule) { add(rule); }

    Fingerprint& add(QStringView text);
    Fingerprint& add(qint64 number);
    Fingerprint& add(const std::optional<int>& number) { return number ? add(qint64(*number)) : add(u"-"); }

    // 16 lowercase hex digits.
    [[nodiscard]] QString hex() const;

private:
    void mix(char16_t unit);
    quint64 m_hash = 14695981039346656037ULL;
};

} // namespace wardroll::model
