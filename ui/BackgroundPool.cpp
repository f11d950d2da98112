#include "BackgroundPool.h"

#include <algorithm>
#include <QThread>
#include <QThreadPool>

#ifdef Q_OS_LINUX
#include <cerrno>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace wardroll::ui {

namespace {
#ifdef Q_OS_LINUX
// Niceness of background threads. The UI thread stays at the process's own (0): a weight ten
// times theirs under the Linux scheduler.
constexpr int backgroundNice = 10;
#endif
} // namespace

QThreadPool* backgroundPool()
{
    static QThreadPool* pool = [] {
        auto* p = new QThreadPool; // never deleted: tasks may outlive any owner but the process
        // A run, an export and a few reads at once; the run's own pool does the heavy lifting.
        p->setMaxThreadCount(std::max(4, QThread::idealThreadCount()));
        return p;
    }();
    return pool;
}

void lowerCurrentThreadPriority()
{
#ifdef Q_OS_LINUX
    // QThread::setPriority() changes nothing for ordinary (SCHED_OTHER) threads on Linux; the
    // niceness of a thread does.
    const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
    errno = 0;
    const int current = ::getpriority(PRIO_PROCESS, tid);
    if (errno == 0 && current < backgroundNice)
        (void)::setpriority(PRIO_PROCESS, tid, backgroundNice);
#else
    QThread::currentThread()->setPriority(QThread::LowPriority);
#endif
}

} // namespace wardroll::ui
