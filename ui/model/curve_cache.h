#pragma once
// The sampled curves and saturation intervals of the enabled activations, recomputed only when
// their own inputs change, so dragging one parameter resamples one activation.

#include "core/activation.h"
#include "core/formula/custom_activation.h"
#include "core/measurements.h"
#include "core/sampling.h"
#include "core/saturation.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <vector>

namespace ax::ui {

class ExplorerState;
struct StateChange;

// One activation's cached data and the inputs it was computed from.
struct CurveEntry {
    QString id;
    const core::Activation* activation = nullptr;
    core::ParameterValues parameters{};
    core::SampleSet samples;
    std::vector<core::Kink> kinks;  // inside the sampled range, sorted by z
    std::vector<core::SaturationInterval> saturation;
    // Where f, f′ or f″ is NaN or infinite (custom formulas); shaded instead of drawn.
    std::vector<core::Interval> nonFinite;

    // Inputs of the current samples and intervals; a mismatch with the state means stale.
    double zMin = 0.0;
    double zMax = 0.0;
    int sampleCount = 0;
    double epsilon = 0.0;
    bool samplesStale = true;
    bool saturationStale = true;

    // Bumped on every recomputation: painters compare it to know whether a drawing is current.
    quint64 samplesRevision = 0;
    quint64 saturationRevision = 0;
    int sampleComputations = 0;
    int saturationComputations = 0;
};

class CurveCache {
public:
    // Marks stale what change touches; the work happens in refresh.
    void invalidate(const StateChange& change);

    // Brings the entries of the enabled activations up to date with state and drops the others.
    // Also catches inputs that changed without an invalidate (e.g. a fresh cache for export).
    void refresh(const ExplorerState& state);

    // In catalog order, as of the last refresh.
    [[nodiscard]] const QStringList& ids() const noexcept { return m_order; }
    [[nodiscard]] const CurveEntry* entry(const QString& id) const;

private:
    QHash<QString, CurveEntry> m_entries;
    QStringList m_order;
};

}  // namespace ax::ui
