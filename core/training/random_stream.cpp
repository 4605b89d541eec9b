#include "core/training/random_stream.h"

#include <cmath>
#include <numbers>

namespace ax::core {

namespace {

std::uint64_t splitMix(std::uint64_t& x) noexcept
{
    std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::uint64_t rotateLeft(std::uint64_t x, int k) noexcept
{
    return (x << k) | (x >> (64 - k));
}

}  // namespace

std::uint64_t mixSeed(std::uint64_t seed, std::uint64_t stream) noexcept
{
    std::uint64_t x = seed ^ rotateLeft(0xd1b54a32d192ed03ULL * (stream + 1), 17);
    splitMix(x);
    return splitMix(x);
}

RandomStream::RandomStream(std::uint64_t seed) noexcept
{
    std::uint64_t x = seed;
    for (std::uint64_t& s : m_state)
        s = splitMix(x);
}

std::uint64_t RandomStream::next() noexcept
{
    const std::uint64_t result = rotateLeft(m_state[1] * 5, 7) * 9;
    const std::uint64_t t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = rotateLeft(m_state[3], 45);
    return result;
}

double RandomStream::uniform() noexcept
{
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

std::uint64_t RandomStream::below(std::uint64_t n) noexcept
{
    // Rejection of the top partial range keeps every value equally likely.
    const std::uint64_t limit = (~std::uint64_t{0} / n) * n;
    std::uint64_t x = next();
    while (x >= limit)
        x = next();
    return x % n;
}

double RandomStream::normal() noexcept
{
    if (m_hasSpare) {
        m_hasSpare = false;
        return m_spare;
    }
    // 1 − u lies in (0, 1], so the logarithm is finite.
    const double radius = std::sqrt(-2.0 * std::log(1.0 - uniform()));
    const double angle = 2.0 * std::numbers::pi * uniform();
    m_spare = radius * std::sin(angle);
    m_hasSpare = true;
    return radius * std::cos(angle);
}

}  // namespace ax::core
