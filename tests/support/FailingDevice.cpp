#include "FailingDevice.h"

#include <algorithm>
#include <cstring>

namespace wardroll::test {

FailingDevice::FailingDevice(QByteArray data, qint64 failAt)
    : m_data(std::move(data))
    , m_failAt(failAt)
{
}

qint64 FailingDevice::readData(char* out, qint64 max)
{
    if (m_pos >= m_failAt) {
        setErrorString(QStringLiteral("device unplugged"));
        return -1;
    }
    const qint64 n = std::min({max, m_failAt - m_pos, qint64(m_data.size()) - m_pos});
    std::memcpy(out, m_data.constData() + m_pos, static_cast<size_t>(n));
    m_pos += n;
    return n;
}

} // namespace wardroll::test
