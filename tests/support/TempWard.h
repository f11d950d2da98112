#pragma once

#include "WardDatabase.h"

#include <memory>
#include <QTemporaryDir>

namespace wardroll::test {

// A fresh ward file in its own temporary directory, removed with the object.
class TempWard
{
public:
    TempWard();
    [[nodiscard]] QString path() const { return m_dir.filePath(QStringLiteral("ward.db")); }
    [[nodiscard]] QString dir() const { return m_dir.path(); }
    [[nodiscard]] QString filePath(const QString& name) const { return m_dir.filePath(name); }
    // Opens (creating on first call) the ward; aborts the test on failure.
    [[nodiscard]] model::WardDatabase& ward();
    void close() { m_ward.reset(); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<model::WardDatabase> m_ward;
};

// Path of a file under tests/data.
[[nodiscard]] QString testData(const QString& relative);

// Points QSettings at `dir` for the rest of the process, so that a test never reads or writes the
// officer's own settings (the application name stays the test executable's).
void isolateSettings(const QString& dir);

} // namespace wardroll::test
