#pragma once
// The training lab's problems: two-dimensional classification sets and one-dimensional regression
// targets, generated from a seed, split into a training and a test part, inputs standardised.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ax::core {

enum class DatasetKind { Spirals, Moons, Circles, Xor, Blobs, Sine, Abs, Step };

inline constexpr int kMinSamples = 20;
inline constexpr int kMaxSamples = 5000;
inline constexpr double kMaxNoise = 1.0;
inline constexpr int kMinBlobClasses = 2;
inline constexpr int kMaxBlobClasses = 5;

// What to generate. Noise is the standard deviation of the Gaussian noise added to every input
// (classification) or target (regression), in the units of the shape before standardisation,
// where the shapes span about [−1, 1].
struct DatasetSpec {
    DatasetKind kind = DatasetKind::Spirals;
    int samples = 400;       // training and test together
    double noise = 0.1;      // in [0, kMaxNoise]
    int blobClasses = 3;     // only for Blobs
    double testShare = 0.3;  // in [0.05, 0.9]
    std::uint64_t seed = 1;

    friend bool operator==(const DatasetSpec&, const DatasetSpec&) = default;
};

// One example: the input (the second coordinate is 0 for regression), and its class or target.
struct DataPoint {
    std::array<double, 2> input{};
    int label = 0;        // classification
    double target = 0.0;  // regression
};

struct Dataset {
    DatasetKind kind = DatasetKind::Spirals;
    int inputCount = 2;  // 2 for classification, 1 for regression
    int classCount = 2;  // 0 for regression
    std::vector<DataPoint> train;
    std::vector<DataPoint> test;

    [[nodiscard]] bool isRegression() const noexcept { return classCount == 0; }
};

// The public name ("spirals", "moons", "circles", "xor", "blobs", "sin", "abs", "step").
[[nodiscard]] std::string_view datasetName(DatasetKind kind) noexcept;
[[nodiscard]] std::optional<DatasetKind> datasetFromName(std::string_view name) noexcept;
[[nodiscard]] bool isRegression(DatasetKind kind) noexcept;

// A message naming the first field out of range; nullopt when the spec is valid.
[[nodiscard]] std::optional<std::string> validateDataset(const DatasetSpec& spec);

// The data set for a valid spec. Every input coordinate is standardised to mean 0 and variance 1
// over the training part (self-normalising networks assume standardised inputs); regression
// targets keep their values. The same spec always gives the same points.
[[nodiscard]] Dataset generateDataset(const DatasetSpec& spec);

}  // namespace ax::core
