// The worker pool runs every index once on its threads, and a background pool yields the cores to
// the window: its threads run at a lower priority than the thread that made it.

#include "core/training/worker_pool.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#ifdef __linux__
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace ax::core {
namespace {

TEST(WorkerPool, RunsEveryIndexExactlyOnce)
{
    WorkerPool pool(3);
    EXPECT_EQ(pool.threadCount(), 3);
    std::vector<std::atomic<int>> runs(1000);
    pool.run(runs.size(), [&](std::size_t i) { runs[i].fetch_add(1); });
    for (std::size_t i = 0; i < runs.size(); ++i)
        EXPECT_EQ(runs[i].load(), 1) << i;
    pool.run(0, [&](std::size_t) { ADD_FAILURE() << "nothing to run"; });
}

#ifdef __linux__
int niceOfThisThread()
{
    return getpriority(PRIO_PROCESS, static_cast<id_t>(gettid()));
}

TEST(WorkerPool, BackgroundThreadsYieldToTheCallersThread)
{
    const int callerNice = niceOfThisThread();
    WorkerPool pool(2, ThreadPriority::Background);
    std::mutex mutex;
    std::set<int> nices;
    std::set<std::thread::id> threads;
    // Enough slow indices that the pool's own thread takes some of them.
    for (int attempt = 0; attempt < 50 && threads.size() < 2; ++attempt)
        pool.run(64, [&](std::size_t) {
            std::this_thread::sleep_for(std::chrono::microseconds(200));
            const std::scoped_lock lock(mutex);
            threads.insert(std::this_thread::get_id());
            nices.insert(niceOfThisThread());
        });
    ASSERT_EQ(threads.size(), 2U) << "both threads took part";
    EXPECT_EQ(niceOfThisThread(), callerNice) << "the caller keeps its priority";
    // The pool's thread is at nice 10, or lower still if the whole program already was.
    EXPECT_TRUE(nices.contains(callerNice));
    EXPECT_EQ(*nices.rbegin(), std::max(callerNice, 10));

    // A normal pool's threads keep the caller's priority.
    WorkerPool normal(2);
    std::set<int> normalNices;
    for (int attempt = 0; attempt < 50 && normalNices.size() < 1; ++attempt)
        normal.run(64, [&](std::size_t) {
            std::this_thread::sleep_for(std::chrono::microseconds(200));
            const std::scoped_lock lock(mutex);
            normalNices.insert(niceOfThisThread());
        });
    EXPECT_EQ(normalNices, std::set<int>{callerNice});
}
#endif

}  // namespace
}  // namespace ax::core
