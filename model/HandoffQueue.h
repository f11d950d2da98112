#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>

namespace wardroll::model {

// Hands items from one producer thread to one consumer, holding at most `capacity` of them so
// that a fast producer cannot fill memory. A bulk load prepares its records on one core while
// the other writes them to SQLite, the part that cannot be split.
//
// The producer calls push() for each item and finish() at the end; the consumer pop()s until
// nothing is left. Either side may give up: the consumer with cancel() (push() then returns
// false and the producer stops), the producer by finishing early.
template <typename T> class HandoffQueue
{
public:
    explicit HandoffQueue(std::size_t capacity)
        : m_capacity(capacity > 0 ? capacity : 1)
    {
    }
    HandoffQueue(const HandoffQueue&) = delete;
    HandoffQueue& operator=(const HandoffQueue&) = delete;

    // Blocks while the queue is full; false once the consumer has cancelled.
    [[nodiscard]] bool push(T item)
    {
        std::unique_lock lock(m_mutex);
        m_notFull.wait(lock, [this] { return m_cancelled || m_items.size() < m_capacity; });
        if (m_cancelled)
            return false;
        m_items.push_back(std::move(item));
        m_notEmpty.notify_one();
        return true;
    }

    void finish()
    {
        std::lock_guard lock(m_mutex);
        m_finished = true;
        m_notEmpty.notify_one();
    }

    // Blocks while the queue is empty; nullopt once the producer has finished and all is taken.
    [[nodiscard]] std::optional<T> pop()
    {
        std::unique_lock lock(m_mutex);
        m_notEmpty.wait(lock, [this] { return m_finished || !m_items.empty(); });
        if (m_items.empty())
            return std::nullopt;
        T item = std::move(m_items.front());
        m_items.pop_front();
        m_notFull.notify_one();
        return item;
    }

    void cancel()
    {
        std::lock_guard lock(m_mutex);
        m_cancelled = true;
        m_items.clear();
        m_notFull.notify_one();
    }

private:
    const std::size_t m_capacity;
    std::mutex m_mutex;
    std::condition_variable m_notFull;
    std::condition_variable m_notEmpty;
    std::deque<T> m_items;
    bool m_finished = false;
    bool m_cancelled = false;
};

} // namespace wardroll::model
