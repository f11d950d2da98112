#include "TempWard.h"

#include <QCoreApplication>
#include <QSettings>
#include <QTest>

namespace wardroll::test {

TempWard::TempWard()
{
    if (!m_dir.isValid())
        qFatal("TempWard: cannot create a temporary directory");
}

model::WardDatabase& TempWard::ward()
{
    if (!m_ward) {
        auto opened = model::WardDatabase::open(path());
        if (!opened.ok())
            qFatal("TempWard: %s", qPrintable(opened.error().toString()));
        m_ward = std::move(opened.value());
    }
    return *m_ward;
}

QString testData(const QString& relative)
{
    return QStringLiteral(WARDROLL_TEST_DATA_DIR "/") + relative;
}

void isolateSettings(const QString& dir)
{
    QCoreApplication::setOrganizationName(QStringLiteral("WardRollTests"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir);
}

} // namespace wardroll::test
