#pragma once

#include <QString>

namespace wardroll::model {

enum class Sex { Unknown, Male, Female };

// Stored codes: "M", "F", or NULL for unknown.
[[nodiscard]] QString sexCode(Sex sex);
[[nodiscard]] Sex sexFromCode(QStringView code);
// Reads what people write: "Nam", "Nữ", "nu", "M", "F", "male", "female", "1"/"2" is not read.
[[nodiscard]] Sex parseSex(QStringView text);

} // namespace wardroll::model
