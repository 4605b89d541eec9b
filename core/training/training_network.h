#pragma once
// One fully connected network of the training lab with its optimiser: forward and backward passes
// on Eigen, softmax cross-entropy or mean squared error, SGD with momentum or Adam, and the
// readings the lab shows (loss, accuracy, dead units, gradient norms, layer statistics).

#include "core/activation.h"
#include "core/training/initialisation.h"
#include "core/training/training_data.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace ax::core {

inline constexpr int kMinTrainingDepth = 1;
inline constexpr int kMaxTrainingDepth = 16;
inline constexpr int kMinTrainingWidth = 2;
inline constexpr int kMaxTrainingWidth = 128;
inline constexpr int kMaxBatchSize = 1024;

// Hidden layers and their width; the output layer (one unit per class, or one for regression) is
// linear and always LeCun-initialised, since it has no activation.
struct NetworkShape {
    int depth = 4;  // hidden layers
    int width = 32;
    Initialisation initialisation = Initialisation::Recommended;

    friend bool operator==(const NetworkShape&, const NetworkShape&) = default;
};

enum class OptimiserKind { SgdMomentum, Adam };

// SGD with momentum as PyTorch does it (v ← μv + g, w ← w − ηv) or Adam with bias correction;
// L2 adds l2·w to the gradient of every weight (not the biases), that is l2/2 · Σw² to the loss.
struct OptimiserSettings {
    OptimiserKind kind = OptimiserKind::Adam;
    double learningRate = 0.01;
    double momentum = 0.9;  // SGD only
    double beta1 = 0.9;     // Adam only
    double beta2 = 0.999;
    double epsilon = 1e-8;
    int batchSize = 32;
    double l2 = 0.0;

    friend bool operator==(const OptimiserSettings&, const OptimiserSettings&) = default;
};

[[nodiscard]] std::optional<std::string> validateNetwork(const NetworkShape& shape);
[[nodiscard]] std::optional<std::string> validateOptimiser(const OptimiserSettings& settings);

// One hidden layer's state over a set of examples.
struct LayerReading {
    // Units whose f′ is exactly 0 for every example (0 for activations without a dead region: an
    // f′ that underflows in a tail is saturated, not dead).
    double deadShare = 0.0;
    // ‖∂L/∂W‖ (Frobenius) of the weights into this layer, from the data loss of the last batch.
    double gradientNorm = 0.0;
    double activationMean = 0.0;  // of f(h) over every unit and example
    double activationVariance = 0.0;
};

// Loss and accuracy on the training and the test part, and every hidden layer's reading (its
// statistics over the training part). Accuracy is the share of correct classes, NaN for regression.
struct Measurement {
    int step = 0;
    double trainLoss = 0.0;
    double testLoss = 0.0;
    double trainAccuracy = 0.0;
    double testAccuracy = 0.0;
    std::vector<LayerReading> layers;
};

class TrainingNetwork {
public:
    // Weights from the standard-normal draws of weightSeed (the same matrices for every activation,
    // so a race starts fair) scaled by the resolved initialisation; biases 0. The shape must be valid.
    TrainingNetwork(const Activation& activation, const ParameterValues& p, const NetworkShape& shape,
                    int inputCount, int classCount, std::uint64_t weightSeed);
    ~TrainingNetwork();
    TrainingNetwork(TrainingNetwork&&) noexcept;
    TrainingNetwork& operator=(TrainingNetwork&&) noexcept;

    [[nodiscard]] Initialisation initialisation() const noexcept;
    [[nodiscard]] int depth() const noexcept;
    [[nodiscard]] const Activation& activation() const noexcept;

    // Every weight and bias, layer after layer (weights column-major, then the biases).
    [[nodiscard]] std::vector<double> parameters() const;
    void setParameters(std::span<const double> values);

    // Mean data loss over the points plus l2/2 · Σw².
    [[nodiscard]] double loss(std::span<const DataPoint> points, double l2);
    // Its gradient in the layout of parameters().
    [[nodiscard]] std::vector<double> gradient(std::span<const DataPoint> points, double l2);

    // One optimiser step on the batch. A step whose loss or gradient is not finite is not applied
    // and marks the network diverged; a diverged network no longer changes.
    void trainStep(std::span<const DataPoint> batch, const OptimiserSettings& settings);
    [[nodiscard]] bool diverged() const noexcept;
    [[nodiscard]] int stepsTaken() const noexcept;

    // Computes the last batch's gradient norms without a step (for the reading before training).
    void computeGradientNorms(std::span<const DataPoint> batch);

    [[nodiscard]] Measurement measure(std::span<const DataPoint> train, std::span<const DataPoint> test);

    // Class probabilities (classCount per point, point after point) or regression outputs.
    void predict(std::span<const DataPoint> points, std::vector<double>& out);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace ax::core
