#include "ui/model/depth_lab_runner.h"

#include <QMetaObject>

#include <memory>
#include <utility>

namespace ax::ui {

DepthLabRunner::DepthLabRunner(QObject* parent) : QObject(parent) {}

DepthLabRunner::~DepthLabRunner()
{
    stopWorker();
}

void DepthLabRunner::stopWorker()
{
    if (m_worker.joinable()) {
        m_worker.request_stop();
        m_worker.join();
    }
}

void DepthLabRunner::start(std::vector<DepthSimulationJob> jobs, const core::DepthNetwork& settings)
{
    stopWorker();
    const int generation = ++m_generation;
    m_running = true;
    m_cancelRequested = false;
    // Everything the worker reports is posted to this object's thread and dropped there if a newer
    // run has replaced the one it belongs to.
    auto post = [this, generation](auto&& deliver) {
        QMetaObject::invokeMethod(
            this,
            [this, generation, deliver = std::forward<decltype(deliver)>(deliver)] {
                if (generation == m_generation) deliver();
            },
            Qt::QueuedConnection);
    };
    m_worker = std::jthread([this, post, jobs = std::move(jobs), settings](const std::stop_token& stop) {
        const int perJob = 2 * settings.depth + 1;
        const int total = perJob * static_cast<int>(jobs.size());
        bool cancelled = false;
        for (std::size_t i = 0; i < jobs.size(); ++i) {
            if (stop.stop_requested()) {
                cancelled = true;
                break;
            }
            const int before = perJob * static_cast<int>(i);
            auto result = std::make_shared<core::SimulationResult>(core::simulateDepth(
                jobs[i].activation, jobs[i].parameters, settings, stop, [&](int done, int) {
                    post([this, done = before + done, total] {
                        if (!m_cancelRequested) emit progressed(done, total);
                    });
                }));
            if (result->cancelled) {
                cancelled = true;
                break;
            }
            post([this, id = jobs[i].id, result] {
                if (!m_cancelRequested) emit simulated(id, *result);
            });
        }
        post([this, cancelled] {
            m_running = false;
            emit finished(cancelled || m_cancelRequested);
        });
    });
}

void DepthLabRunner::cancel()
{
    if (!m_running) return;
    m_cancelRequested = true;
    m_worker.request_stop();
}

}  // namespace ax::ui
