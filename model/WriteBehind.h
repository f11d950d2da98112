#pragma once

#include <condition_variable>
#include <mutex>
#include <QString>
#include <thread>

namespace wardroll::model {

// While alive, asks the kernel every half second to start writing a file's dirty pages to disk,
// without waiting for them. A bulk load writes gigabytes that Linux keeps in memory until the
// COMMIT's fsync, which then waited ~1.9 s on a 1M demo with an idle disk all load long. Only
// the timing of writes changes, never what is written or in which order SQLite relies on, so
// it cannot affect the ward's consistency. Linux only; elsewhere it does nothing.
class WriteBehind
{
public:
    explicit WriteBehind(const QString& path);
    ~WriteBehind();
    WriteBehind(const WriteBehind&) = delete;
    // Asks the helper to stop after the request it is making, without waiting for it (a request
    // can take a few hundred ms while the disk is busy); the destructor then has nothing to wait for.
    void stop();
    WriteBehind& operator=(const WriteBehind&) = delete;

private:
    void run();

    int m_fd = -1;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace wardroll::model
