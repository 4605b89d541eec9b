#include "ui/model/curve_cache.h"

#include "core/measurements.h"
#include "ui/model/explorer_state.h"

#include <QtConcurrentMap>

#include <algorithm>
#include <cmath>

namespace ax::ui {

void CurveCache::invalidate(const StateChange& change)
{
    const bool all = change.touches(StateChange::Range) || change.touches(StateChange::Definitions);
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
        CurveEntry& e = it.value();
        if (all || (change.touches(StateChange::Parameters) && change.ids.contains(e.id))) {
            e.samplesStale = true;
            e.saturationStale = true;
        }
        if (change.touches(StateChange::Epsilon)) e.saturationStale = true;
    }
}

void CurveCache::refresh(const ExplorerState& state)
{
    const QStringList enabled = state.enabledIds();
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (enabled.contains(it.key()))
            ++it;
        else
            it = m_entries.erase(it);
    }
    // What is due is found here; the sampling and bisection then run on every core, since a
    // range drag resamples every shown curve (and every evaluator may be called from any thread).
    struct Job {
        CurveEntry* entry;
        bool samples;
    };
    std::vector<Job> jobs;
    m_order.clear();
    for (const QString& id : enabled) {
        const core::Activation* activation = state.activation(id);
        if (!activation || !activation->evaluate) continue;
        m_order << id;
        CurveEntry& e = m_entries[id];
        const core::ParameterValues parameters = state.parameters(id);
        const bool inputsMoved = e.activation != activation || e.parameters != parameters ||
                                 e.zMin != state.zMin() || e.zMax != state.zMax() ||
                                 e.sampleCount != state.samples();
        const bool samples = e.samplesStale || inputsMoved;
        if (samples) {
            e.id = id;
            e.activation = activation;
            e.parameters = parameters;
            e.zMin = state.zMin();
            e.zMax = state.zMax();
            e.sampleCount = state.samples();
        }
        if (samples || e.saturationStale || e.epsilon != state.epsilon()) {
            e.epsilon = state.epsilon();
            jobs.push_back({&e, samples});
        }
    }
    const auto compute = [](const Job& job) {
        CurveEntry& e = *job.entry;
        const core::Activation& activation = *e.activation;
        if (job.samples) {
            core::sampleUniform(activation, e.parameters, e.zMin, e.zMax,
                                static_cast<std::size_t>(e.sampleCount), e.samples);
            e.kinks.clear();
            if (activation.kinks)
                for (const core::Kink& k : activation.kinks(e.parameters))
                    if (k.z > e.zMin && k.z < e.zMax) e.kinks.push_back(k);
            std::sort(e.kinks.begin(), e.kinks.end(),
                      [](const core::Kink& a, const core::Kink& b) { return a.z < b.z; });
            e.nonFinite.clear();
            // Only a formula that produced a non-finite sample pays for the bisection.
            const auto finite = [](double v) { return std::isfinite(v); };
            if (!std::all_of(e.samples.f.begin(), e.samples.f.end(), finite) ||
                !std::all_of(e.samples.d1.begin(), e.samples.d1.end(), finite) ||
                !std::all_of(e.samples.d2.begin(), e.samples.d2.end(), finite))
                e.nonFinite = core::nonFiniteIntervals(activation, e.parameters, e.zMin, e.zMax);
        }
        e.saturation = core::saturationIntervals(activation, e.parameters, e.zMin, e.zMax, e.epsilon);
    };
    if (jobs.size() > 1)
        QtConcurrent::blockingMap(jobs, compute);
    else
        std::for_each(jobs.begin(), jobs.end(), compute);
    for (const Job& job : jobs) {
        CurveEntry& e = *job.entry;
        if (job.samples) {
            e.samplesStale = false;
            ++e.samplesRevision;
            ++e.sampleComputations;
        }
        e.saturationStale = false;
        ++e.saturationRevision;
        ++e.saturationComputations;
    }
}

const CurveEntry* CurveCache::entry(const QString& id) const
{
    const auto it = m_entries.constFind(id);
    return it == m_entries.constEnd() ? nullptr : &it.value();
}

}  // namespace ax::ui
