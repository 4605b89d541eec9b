#include "core/training/worker_pool.h"

#include <algorithm>

#ifdef __linux__
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace ax::core {

void setCurrentThreadPriority(ThreadPriority priority)
{
#ifdef __linux__
    if (priority != ThreadPriority::Background) return;
    // On Linux the nice value belongs to each thread: this one changes only the caller's. At 10 the
    // scheduler gives a normal thread about nine tenths of a shared core.
    constexpr int kBackgroundNice = 10;
    (void)setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), kBackgroundNice);
#else
    (void)priority;
#endif
}

WorkerPool::WorkerPool(int threads, ThreadPriority priority)
{
    if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    for (int i = 1; i < threads; ++i)
        m_threads.emplace_back([this, priority] {
            setCurrentThreadPriority(priority);
            work();
        });
}

WorkerPool::~WorkerPool()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    for (std::thread& t : m_threads)
        t.join();
}

void WorkerPool::drain(std::unique_lock<std::mutex>& lock)
{
    while (m_task != nullptr && m_next < m_count) {
        const std::size_t index = m_next++;
        const auto* task = m_task;
        lock.unlock();
        (*task)(index);
        lock.lock();
        if (++m_finished == m_count) m_done.notify_all();
    }
}

void WorkerPool::work()
{
    std::unique_lock lock(m_mutex);
    std::size_t seen = 0;
    while (true) {
        m_wake.wait(lock, [&] { return m_stopping || m_generation != seen; });
        if (m_stopping) return;
        seen = m_generation;
        drain(lock);
    }
}

void WorkerPool::run(std::size_t count, const std::function<void(std::size_t)>& task)
{
    if (count == 0) return;
    std::unique_lock lock(m_mutex);
    m_task = &task;
    m_count = count;
    m_next = 0;
    m_finished = 0;
    ++m_generation;
    m_wake.notify_all();
    drain(lock);
    m_done.wait(lock, [&] { return m_finished == m_count; });
    m_task = nullptr;
}

}  // namespace ax::core
