#pragma once

#include <QString>

namespace wardroll::model {

enum class Sex { Unknown, Male, Female };

// Stored codes: "M", "F", or NULL for unknown.
[[nodiscard]] QString sexCode(Sex sex);
[[nodiscard]] Sex sexFromCode(QStringView code);
// Reads what people write, case and accents ignored: "Nam", "Nữ", "nu", "Nam giới", "Nữ giới",
// "trai", "gái", "M", "F", "male", "female"; anything else (also "1"/"2", "x") is Unknown.
[[nodiscard]] Sex parseSex(QStringView text);

} // namespace wardroll::model
