#pragma once
// Random numbers defined bit for bit by this code alone (no standard-library distribution, whose
// algorithms differ between libraries), so a race started from one seed is the same everywhere.

#include <cstdint>

namespace ax::core {

// SplitMix64 of (seed, stream): well separated seeds for the independent streams of one race
// (each layer's weights, the data, the batch order).
[[nodiscard]] std::uint64_t mixSeed(std::uint64_t seed, std::uint64_t stream) noexcept;

// xoshiro256** seeded through SplitMix64, with uniform and standard-normal draws.
class RandomStream {
public:
    explicit RandomStream(std::uint64_t seed) noexcept;

    [[nodiscard]] std::uint64_t next() noexcept;
    // Uniform on [0, 1) with 53 random bits.
    [[nodiscard]] double uniform() noexcept;
    // Uniform integer in [0, n) for n ≥ 1, without modulo bias.
    [[nodiscard]] std::uint64_t below(std::uint64_t n) noexcept;
    // Standard normal by the Box–Muller transform; the second value of each pair is kept for the
    // next call.
    [[nodiscard]] double normal() noexcept;

private:
    std::uint64_t m_state[4]{};
    double m_spare = 0.0;
    bool m_hasSpare = false;
};

}  // namespace ax::core
