#include "core/depth/depth_simulation.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <span>

namespace ax::core {
namespace {

using Matrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic>;
using FloatMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic>;

// SplitMix64: turns (seed, stream) into well separated engine seeds, so a layer's weights can be
// drawn again for the backward pass instead of being kept (200 layers of 1024² weights would not fit).
std::uint64_t mixSeed(std::uint64_t seed, std::uint64_t stream) noexcept
{
    std::uint64_t z = seed + 0x9e3779b97f4a7c15ULL * (stream + 1);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

constexpr std::uint64_t kInputStream = 1ULL << 40;
constexpr std::uint64_t kGradientStream = (1ULL << 40) + 1;

void fillNormal(Matrix& m, std::mt19937_64& engine, double mean, double sd)
{
    std::normal_distribution<double> normal(0.0, 1.0);
    double* data = m.data();
    const Eigen::Index n = m.size();
    for (Eigen::Index i = 0; i < n; ++i)
        data[i] = mean + sd * normal(engine);
}

// Weights of layer l first, then its biases, from the layer's own stream.
Matrix layerWeights(const DepthNetwork& s, int layer, std::mt19937_64& engine)
{
    engine.seed(mixSeed(s.seed, static_cast<std::uint64_t>(layer)));
    Matrix w(s.width, s.width);
    fillNormal(w, engine, 0.0, std::sqrt(s.weightVariance / s.width));
    return w;
}

// canDie: whether an f′ of 0 means dead for this activation (see zeroDerivativeIsDead).
SimulatedLayer measure(const Matrix& h, const Matrix& f, const Matrix& d1, bool canDie)
{
    SimulatedLayer layer;
    const double count = static_cast<double>(h.size());
    layer.mean = h.mean();
    const Eigen::ArrayXXd centred = h.array() - layer.mean;
    const Eigen::ArrayXd perUnit = centred.square().rowwise().mean();
    layer.variance = perUnit.mean();
    const double units = static_cast<double>(perUnit.size());
    if (perUnit.size() > 1) {
        const double spread = (perUnit - layer.variance).square().sum() / (units - 1.0);
        layer.varianceError = std::sqrt(spread / units);
    }
    layer.activationMean = f.mean();
    layer.activationVariance = (f.array() - layer.activationMean).square().sum() / count;
    const auto deadUnits = canDie ? (d1.array() == 0.0).rowwise().all().count() : 0;
    layer.deadFraction = static_cast<double>(deadUnits) / units;
    layer.gradientNorm = std::numeric_limits<double>::quiet_NaN();
    return layer;
}

}  // namespace

std::optional<std::string> validateSimulation(const DepthNetwork& s)
{
    if (s.width < kMinSimulationWidth || s.width > kMaxSimulationWidth)
        return "width must be between " + std::to_string(kMinSimulationWidth) + " and " +
               std::to_string(kMaxSimulationWidth);
    if (s.depth < 1 || s.depth > kMaxSimulationDepth)
        return "depth must be between 1 and " + std::to_string(kMaxSimulationDepth);
    if (s.batch < 2 || s.batch > kMaxSimulationBatch)
        return "batch must be between 2 and " + std::to_string(kMaxSimulationBatch);
    if (!(s.weightVariance > 0.0) || !std::isfinite(s.weightVariance))
        return "weight variance must be positive";
    if (!(s.biasVariance >= 0.0) || !std::isfinite(s.biasVariance))
        return "bias variance must not be negative";
    if (!std::isfinite(s.inputMean)) return "input mean must be finite";
    if (!(s.inputVariance >= 0.0) || !std::isfinite(s.inputVariance))
        return "input variance must not be negative";
    return std::nullopt;
}

SimulationResult simulateDepth(const Activation& activation, const ParameterValues& p, const DepthNetwork& s,
                               const std::stop_token& stop, const SimulationProgress& progress)
{
    SimulationResult result;
    if (validateSimulation(s)) {
        result.cancelled = true;
        return result;
    }
    const int totalSteps = 2 * s.depth + 1;
    int done = 0;
    auto report = [&] {
        ++done;
        if (progress) progress(done, totalSteps);
    };
    const int gradientColumns = std::min(s.batch, kGradientBatch);

    std::mt19937_64 engine(mixSeed(s.seed, kInputStream));
    Matrix h(s.width, s.batch);
    fillNormal(h, engine, s.inputMean, std::sqrt(s.inputVariance));
    Matrix f(s.width, s.batch);
    Matrix d1(s.width, s.batch);
    Matrix d2(s.width, s.batch);
    const bool canDie = zeroDerivativeIsDead(activation, p);
    std::vector<FloatMatrix> derivatives;
    derivatives.reserve(static_cast<std::size_t>(s.depth));
    result.layers.reserve(static_cast<std::size_t>(s.depth) + 1);

    for (int l = 0; l <= s.depth; ++l) {
        if (stop.stop_requested()) {
            result.cancelled = true;
            return result;
        }
        const auto n = static_cast<std::size_t>(h.size());
        evaluateAll(activation, p, std::span<const double>(h.data(), n), std::span<double>(f.data(), n),
                    std::span<double>(d1.data(), n), std::span<double>(d2.data(), n));
        result.layers.push_back(measure(h, f, d1, canDie));
        if (l < s.depth) {
            // Only f′ survives to the backward pass, in single precision: it scales gradients, and
            // seven digits are far more than a norm plotted on a log scale needs.
            derivatives.push_back(d1.leftCols(gradientColumns).cast<float>());
            const Matrix w = layerWeights(s, l, engine);
            Eigen::VectorXd bias(s.width);
            std::normal_distribution<double> normal(0.0, 1.0);
            const double biasSd = std::sqrt(s.biasVariance);
            for (Eigen::Index i = 0; i < bias.size(); ++i)
                bias[i] = biasSd * normal(engine);
            h.noalias() = w * f;
            h.colwise() += bias;
        }
        report();
    }
    f.resize(0, 0);
    d1.resize(0, 0);
    d2.resize(0, 0);

    engine.seed(mixSeed(s.seed, kGradientStream));
    Matrix g(s.width, gradientColumns);
    fillNormal(g, engine, 0.0, 1.0);
    const double topNorm = g.norm();
    g /= topNorm;
    result.layers.back().gradientNorm = 1.0;
    for (int l = s.depth - 1; l >= 0; --l) {
        if (stop.stop_requested()) {
            result.cancelled = true;
            return result;
        }
        const Matrix w = layerWeights(s, l, engine);
        const Matrix back = w.transpose() * g;
        g = back.cwiseProduct(derivatives[static_cast<std::size_t>(l)].cast<double>());
        derivatives[static_cast<std::size_t>(l)].resize(0, 0);
        result.layers[static_cast<std::size_t>(l)].gradientNorm = g.norm();
        report();
    }
    return result;
}

}  // namespace ax::core
