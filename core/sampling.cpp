#include "core/sampling.h"

#include "core/cpu_vector_registers.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ax::core {

void sampleUniform(const Activation& activation, const ParameterValues& p, double zMin, double zMax,
                   std::size_t count, SampleSet& out)
{
    clearUpperVectorRegisters();
    std::vector<Kink> inside;
    if (activation.kinks) {
        for (const Kink& k : activation.kinks(p))
            if (k.z > zMin && k.z < zMax) inside.push_back(k);
        std::sort(inside.begin(), inside.end(), [](const Kink& a, const Kink& b) { return a.z < b.z; });
    }

    const std::size_t total = count + 2 * inside.size();
    out.z.resize(total);
    out.f.resize(total);
    out.d1.resize(total);
    out.d2.resize(total);
    if (total == 0) return;

    // Positions of the left-hand copy of each kink, so its values can be patched afterwards.
    std::vector<std::size_t> leftSlots;
    leftSlots.reserve(inside.size());
    std::size_t next = 0;
    std::size_t kink = 0;
    const double last = count > 1 ? static_cast<double>(count - 1) : 1.0;
    for (std::size_t i = 0; i < count; ++i) {
        // std::lerp is exact at both ends and monotonic, and never forms zMax − zMin when that
        // would overflow.
        const double z =
            i + 1 == count && count > 1 ? zMax : std::lerp(zMin, zMax, static_cast<double>(i) / last);
        while (kink < inside.size() && inside[kink].z <= z) {
            leftSlots.push_back(next);
            out.z[next++] = inside[kink].z;
            out.z[next++] = inside[kink].z;
            ++kink;
        }
        out.z[next++] = z;
    }
    while (kink < inside.size()) {
        leftSlots.push_back(next);
        out.z[next++] = inside[kink].z;
        out.z[next++] = inside[kink].z;
        ++kink;
    }

    evaluateAll(activation, p, out.z, out.f, out.d1, out.d2);

    // The evaluators return right-hand limits at a kink. The left-hand limit of every derivative
    // that jumps is its value just below the kink; those of lower order are continuous there.
    for (std::size_t k = 0; k < inside.size(); ++k) {
        const std::size_t slot = leftSlots[k];
        const double below = std::nextafter(inside[k].z, -std::numeric_limits<double>::infinity());
        const Derivatives d = activation.evaluate(below, p);
        const int order = inside[k].order;
        if (order <= 0) out.f[slot] = d.f;
        if (order <= 1) out.d1[slot] = d.d1;
        if (order <= 2) out.d2[slot] = d.d2;
    }
}

}  // namespace ax::core
