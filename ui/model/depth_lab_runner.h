#pragma once
// Runs the depth simulations of several activations on a worker thread, reporting progress and
// results back on the thread that owns it, and stopping within one layer when cancelled.

#include "core/activation.h"
#include "core/depth/depth_simulation.h"

#include <QObject>
#include <QString>

#include <thread>
#include <vector>

namespace ax::ui {

// One activation to simulate; the activation is copied so the run survives its removal.
struct DepthSimulationJob {
    QString id;
    core::Activation activation;
    core::ParameterValues parameters{};
};

class DepthLabRunner : public QObject {
    Q_OBJECT

public:
    explicit DepthLabRunner(QObject* parent = nullptr);
    ~DepthLabRunner() override;

    // Cancels any run in progress, then starts these jobs one after the other.
    void start(std::vector<DepthSimulationJob> jobs, const core::DepthNetwork& settings);
    // Stops the run; finished(true) follows once the worker has noticed.
    void cancel();
    [[nodiscard]] bool isRunning() const noexcept { return m_running; }

signals:
    void progressed(int done, int total);  // layers done over all jobs
    void simulated(const QString& id, const ax::core::SimulationResult& result);
    void finished(bool cancelled);

private:
    void stopWorker();

    std::jthread m_worker;
    int m_generation = 0;            // results of an older, replaced run are dropped
    bool m_cancelRequested = false;  // and so are results still in flight after a cancel
    bool m_running = false;
};

}  // namespace ax::ui
