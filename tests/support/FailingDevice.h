#pragma once

#include <QByteArray>
#include <QIODevice>

namespace wardroll::test {

// Serves `data`, failing once `failAt` bytes are read: a USB stick pulled out, or a network share
// that goes away, in the middle of an import.
class FailingDevice : public QIODevice
{
public:
    FailingDevice(QByteArray data, qint64 failAt);
    [[nodiscard]] bool isSequential() const override { return true; }

protected:
    qint64 readData(char* out, qint64 max) override;
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_failAt;
    qint64 m_pos = 0;
};

} // namespace wardroll::test
