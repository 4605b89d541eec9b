#include "ui/model/training_lab_model.h"

#include <QTimer>

#include <algorithm>
#include <utility>

namespace ax::ui {

namespace {

using Clock = std::chrono::steady_clock;

// Restarting builds new networks and measures them; during a drag elsewhere that waits for a pause.
constexpr std::chrono::milliseconds kRestartDelay{200};
// The speed shown is taken over at least this long, so that it does not flicker.
constexpr std::chrono::milliseconds kRateWindow{500};

}  // namespace

TrainingLabModel::TrainingLabModel(ExplorerState& state, QObject* parent)
    : QObject(parent), m_state(state), m_publishTimer(new QTimer(this)), m_restartTimer(new QTimer(this))
{
    m_publishTimer->setInterval(kPublishInterval);
    connect(m_publishTimer, &QTimer::timeout, this, &TrainingLabModel::publish);
    m_restartTimer->setSingleShot(true);
    m_restartTimer->setInterval(kRestartDelay);
    connect(m_restartTimer, &QTimer::timeout, this, &TrainingLabModel::restart);
    connect(&m_state, &ExplorerState::changed, this, &TrainingLabModel::onStateChanged);
    m_onScreen = false;
    m_restartPending = true;  // the first race is built when the lab is first shown
}

TrainingLabModel::~TrainingLabModel()
{
    stopWorker();
}

bool TrainingLabModel::isPlaying() const
{
    const std::scoped_lock lock(m_mutex);
    return m_playing;
}

void TrainingLabModel::play()
{
    if (!m_race || reachedTheEnd()) return;
    {
        const std::scoped_lock lock(m_mutex);
        if (m_playing) return;
        m_playing = true;
    }
    m_wake.notify_all();
    m_rateStep = m_snapshot.step;
    m_rateTime = Clock::now();
    m_publishTimer->start();
    emit playingChanged(true);
}

void TrainingLabModel::pause()
{
    {
        const std::scoped_lock lock(m_mutex);
        if (!m_playing) return;
        m_playing = false;
        m_regionsStale = true;  // the regions shown then match the step it stopped at
    }
    m_wake.notify_all();
    m_stepsPerSecond = 0.0;
    emit playingChanged(false);
}

void TrainingLabModel::advanceBy(int steps)
{
    if (!m_race || steps <= 0) return;
    {
        const std::scoped_lock lock(m_mutex);
        m_stepsAsked = std::min(m_stepsAsked + steps, kMaxSteps);
    }
    m_wake.notify_all();
    m_publishTimer->start();
}

void TrainingLabModel::reset()
{
    const bool wasPlaying = isPlaying();
    restart();
    if (wasPlaying) play();
}

void TrainingLabModel::setOnScreen(bool onScreen)
{
    {
        const std::scoped_lock lock(m_mutex);
        if (m_onScreen == onScreen) return;
        m_onScreen = onScreen;
    }
    m_wake.notify_all();
    if (onScreen && m_restartPending) restart();
    if (onScreen) m_publishTimer->start();
}

bool TrainingLabModel::waitUntilIdle(std::chrono::milliseconds timeout)
{
    if (!m_race) return true;
    std::unique_lock lock(m_mutex);
    const bool idle = m_wake.wait_for(lock, timeout, [this] {
        const bool playingOn = m_playing && m_onScreen && m_race->step() < kMaxSteps;
        return !m_busy && m_stepsAsked == 0 && !m_regionsStale && !playingOn;
    });
    lock.unlock();
    publish();
    return idle;
}

void TrainingLabModel::onStateChanged(const StateChange& change)
{
    bool affected = change.touches(StateChange::TrainingLab) || change.touches(StateChange::Shown) ||
                    change.touches(StateChange::Definitions);
    if (!affected && change.touches(StateChange::Parameters))
        affected = std::any_of(change.ids.begin(), change.ids.end(),
                               [this](const QString& id) { return m_ids.contains(id); });
    if (!affected) return;
    bool onScreen = false;
    {
        const std::scoped_lock lock(m_mutex);
        onScreen = m_onScreen;
    }
    m_restartPending = true;
    if (onScreen) m_restartTimer->start();
}

void TrainingLabModel::stopWorker()
{
    if (m_worker.joinable()) {
        m_worker.request_stop();
        m_wake.notify_all();
        m_worker.join();
    }
    m_worker = std::jthread();
}

void TrainingLabModel::restart()
{
    m_restartTimer->stop();
    m_restartPending = false;
    stopWorker();
    m_race.reset();
    m_snapshot = {};
    m_dataset = {};
    m_stepsPerSecond = 0.0;

    m_ids.clear();
    std::vector<core::Contestant> contestants;
    for (const QString& id : m_state.enabledIds()) {
        if (const core::Activation* a = m_state.activation(id)) {
            contestants.push_back({*a, m_state.parameters(id)});
            m_ids << id;
        }
    }
    m_problem.clear();
    if (contestants.empty())
        m_problem = tr("Show one or more activations to race them.");
    else if (auto message = core::validateRace(m_state.trainingLab(), contestants))
        m_problem = tr("This race cannot run: %1.").arg(QString::fromStdString(*message));
    if (!m_problem.isEmpty()) {
        m_ids.clear();
        const bool wasPlaying = isPlaying();
        {
            const std::scoped_lock lock(m_mutex);
            m_playing = false;
        }
        if (wasPlaying) emit playingChanged(false);
        emit updated();
        return;
    }

    m_race = std::make_unique<core::TrainingRace>(m_state.trainingLab(), contestants, 0,
                                                  core::ThreadPriority::Background);
    m_dataset = m_race->dataset();
    {
        const std::scoped_lock lock(m_mutex);
        m_stepsAsked = 0;
        m_busy = true;
        m_regionsStale = false;
    }
    m_rateStep = 0;
    m_rateTime = Clock::now();
    m_worker = std::jthread([this](const std::stop_token& stop) { run(stop); });
    m_publishTimer->start();
    emit updated();
}

void TrainingLabModel::run(const std::stop_token& stop)
{
    // The race may take every core; the window's frames come first.
    core::setCurrentThreadPriority(core::ThreadPriority::Background);
    // Step 0 first: the networks as initialised, and what they predict before learning.
    m_race->advance(0, stop);
    m_race->refreshDecisionRegions(kRegionResolution);
    Clock::time_point lastRegions = Clock::now();
    const int measureEvery = m_race->settings().measureEvery;
    while (!stop.stop_requested()) {
        int steps = 0;
        bool playing = false;
        {
            std::unique_lock lock(m_mutex);
            m_busy = false;
            m_wake.notify_all();
            const bool woken = m_wake.wait(lock, stop, [this] {
                const bool playingOn = m_playing && m_onScreen && m_race->step() < kMaxSteps;
                return playingOn || m_stepsAsked > 0 || m_regionsStale;
            });
            if (!woken) break;
            m_busy = true;
            playing = m_playing && m_onScreen;
            const int room = kMaxSteps - m_race->step();
            if (m_stepsAsked > 0) {
                steps = std::min(m_stepsAsked, room);
                m_stepsAsked = 0;
            } else if (playing) {
                // Up to the next measurement, so every chart point lands at once.
                steps = std::min(measureEvery - m_race->step() % measureEvery, room);
            }
            m_regionsStale = false;
        }
        if (steps > 0) m_race->advance(steps, stop);
        const Clock::time_point now = Clock::now();
        if (!playing || now - lastRegions >= kRegionInterval) {
            m_race->refreshDecisionRegions(kRegionResolution);
            lastRegions = now;
        }
    }
    const std::scoped_lock lock(m_mutex);
    m_busy = false;
    m_wake.notify_all();
}

void TrainingLabModel::publish()
{
    if (!m_race) {
        m_publishTimer->stop();
        return;
    }
    core::RaceSnapshot fresh = m_race->snapshot();
    const auto regionStep = [](const core::RaceSnapshot& s) {
        return s.contestants.empty() ? -1 : s.contestants.front().regions.step;
    };
    const bool changed =
        fresh.step != m_snapshot.step || regionStep(fresh) != regionStep(m_snapshot) ||
        fresh.contestants.size() != m_snapshot.contestants.size() ||
        (!fresh.contestants.empty() &&
         fresh.contestants.front().measurements.size() != m_snapshot.contestants.front().measurements.size());
    m_snapshot = std::move(fresh);

    const bool playing = isPlaying();
    const Clock::time_point now = Clock::now();
    if (playing && now - m_rateTime >= kRateWindow) {
        const double seconds = std::chrono::duration<double>(now - m_rateTime).count();
        m_stepsPerSecond = (m_snapshot.step - m_rateStep) / seconds;
        m_rateStep = m_snapshot.step;
        m_rateTime = now;
    }
    if (playing && reachedTheEnd()) pause();
    if (changed) emit updated();
    // At rest and caught up: nothing will change until asked.
    bool idle = false;
    {
        const std::scoped_lock lock(m_mutex);
        idle = !m_playing && !m_busy && m_stepsAsked == 0 && !m_regionsStale;
    }
    if (idle && !changed) m_publishTimer->stop();
}

}  // namespace ax::ui
