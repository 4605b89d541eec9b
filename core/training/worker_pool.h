#pragma once
// A fixed set of threads that run the indices 0 … n − 1 of one task at a time, the calling
// thread taking part. Which thread runs an index never changes a result: each index owns its data.

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace ax::core {

// Background threads yield to the rest of the program whenever both want a core, so that work
// which may take all of them (a training race) never slows a frame the window draws.
enum class ThreadPriority { Normal, Background };

// Lowers the calling thread's scheduling priority (its nice value, on Linux) for Background; the
// threads it starts later inherit it. Does nothing for Normal or where that is not supported.
void setCurrentThreadPriority(ThreadPriority priority);

class WorkerPool {
public:
    // threads ≤ 0: one per processor core. The pool starts threads − 1 threads of its own, at
    // priority; the calling thread, which takes part, keeps its own.
    explicit WorkerPool(int threads = 0, ThreadPriority priority = ThreadPriority::Normal);
    ~WorkerPool();
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    [[nodiscard]] int threadCount() const noexcept { return static_cast<int>(m_threads.size()) + 1; }

    // Runs task(i) for every i < count and returns when all are done. Not reentrant; the task must
    // not throw.
    void run(std::size_t count, const std::function<void(std::size_t)>& task);

private:
    void work();
    void drain(std::unique_lock<std::mutex>& lock);

    std::vector<std::thread> m_threads;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_done;
    const std::function<void(std::size_t)>* m_task = nullptr;
    std::size_t m_count = 0;
    std::size_t m_next = 0;
    std::size_t m_finished = 0;
    std::size_t m_generation = 0;
    bool m_stopping = false;
};

}  // namespace ax::core
