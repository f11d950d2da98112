#include "WriteBehind.h"

#include <chrono>
#include <QFile>

#ifdef Q_OS_LINUX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace wardroll::model {

WriteBehind::WriteBehind(const QString& path)
{
#ifdef Q_OS_LINUX
    m_fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (m_fd >= 0)
        m_thread = std::thread(&WriteBehind::run, this);
#else
    Q_UNUSED(path)
#endif
}

void WriteBehind::stop()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
}

WriteBehind::~WriteBehind()
{
    stop();
    if (m_thread.joinable())
        m_thread.join();
#ifdef Q_OS_LINUX
    if (m_fd >= 0)
        ::close(m_fd);
#endif
}

void WriteBehind::run()
{
#ifdef Q_OS_LINUX
    std::unique_lock lock(m_mutex);
    while (!m_wake.wait_for(lock, std::chrono::milliseconds(500), [this] { return m_stop; })) {
        lock.unlock();
        (void)::sync_file_range(m_fd, 0, 0, SYNC_FILE_RANGE_WRITE);
        lock.lock();
    }
#endif
}

} // namespace wardroll::model
