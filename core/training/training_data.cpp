#include "core/training/training_data.h"

#include "core/training/random_stream.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace ax::core {

namespace {

constexpr double kPi = std::numbers::pi;
constexpr std::uint64_t kDataStream = 0xda7a;

struct Named {
    DatasetKind kind;
    std::string_view name;
};
constexpr Named kNames[] = {{DatasetKind::Spirals, "spirals"}, {DatasetKind::Moons, "moons"},
                            {DatasetKind::Circles, "circles"}, {DatasetKind::Xor, "xor"},
                            {DatasetKind::Blobs, "blobs"},     {DatasetKind::Sine, "sin"},
                            {DatasetKind::Abs, "abs"},         {DatasetKind::Step, "step"}};

// Class c of the point with index i: the classes alternate so that every class has its share.
int classOf(int i, int classes)
{
    return i % classes;
}

DataPoint classificationPoint(const DatasetSpec& spec, int i, RandomStream& random)
{
    DataPoint p;
    const int classes = spec.kind == DatasetKind::Blobs ? spec.blobClasses : 2;
    p.label = classOf(i, classes);
    double x = 0.0;
    double y = 0.0;
    switch (spec.kind) {
        case DatasetKind::Spirals: {
            // Two interleaved arms of one and three quarter turns, the second the first turned by π.
            const double t = 0.05 + 0.95 * random.uniform();
            const double angle = 3.5 * kPi * t + kPi * p.label;
            x = t * std::cos(angle);
            y = t * std::sin(angle);
            break;
        }
        case DatasetKind::Moons: {
            const double angle = kPi * random.uniform();
            if (p.label == 0) {
                x = std::cos(angle) - 0.5;
                y = std::sin(angle) - 0.25;
            } else {
                x = 0.5 - std::cos(angle);
                y = 0.25 - std::sin(angle);
            }
            break;
        }
        case DatasetKind::Circles: {
            const double angle = 2.0 * kPi * random.uniform();
            const double radius = p.label == 0 ? 1.0 : 0.5;
            x = radius * std::cos(angle);
            y = radius * std::sin(angle);
            break;
        }
        case DatasetKind::Xor: {
            // Quadrants with a small gap along the axes, so that the classes do not touch without noise.
            const auto coordinate = [&random] {
                const double u = 0.05 + 0.95 * random.uniform();
                return random.uniform() < 0.5 ? -u : u;
            };
            x = coordinate();
            y = coordinate();
            p.label = (x > 0.0) == (y > 0.0) ? 0 : 1;
            break;
        }
        case DatasetKind::Blobs: {
            // Centres evenly spaced on the unit circle; each blob has a spread of 0.2 besides the noise.
            const double angle = 2.0 * kPi * p.label / classes + 0.5 * kPi;
            x = std::cos(angle) + 0.2 * random.normal();
            y = std::sin(angle) + 0.2 * random.normal();
            break;
        }
        default:
            break;
    }
    p.input = {x + spec.noise * random.normal(), y + spec.noise * random.normal()};
    return p;
}

DataPoint regressionPoint(const DatasetSpec& spec, RandomStream& random)
{
    DataPoint p;
    const double z = 2.0 * random.uniform() - 1.0;
    double target = 0.0;
    switch (spec.kind) {
        case DatasetKind::Sine:
            target = std::sin(kPi * z);
            break;
        case DatasetKind::Abs:
            target = std::fabs(z);
            break;
        case DatasetKind::Step:
            target = z >= 0.0 ? 1.0 : 0.0;
            break;
        default:
            break;
    }
    p.input = {z, 0.0};
    p.target = target + spec.noise * random.normal();
    return p;
}

void standardise(Dataset& data)
{
    for (int c = 0; c < data.inputCount; ++c) {
        double mean = 0.0;
        for (const DataPoint& p : data.train)
            mean += p.input[c];
        mean /= static_cast<double>(data.train.size());
        double variance = 0.0;
        for (const DataPoint& p : data.train)
            variance += (p.input[c] - mean) * (p.input[c] - mean);
        variance /= static_cast<double>(data.train.size());
        const double scale = variance > 0.0 ? 1.0 / std::sqrt(variance) : 1.0;
        for (auto* part : {&data.train, &data.test})
            for (DataPoint& p : *part)
                p.input[c] = (p.input[c] - mean) * scale;
    }
}

}  // namespace

std::string_view datasetName(DatasetKind kind) noexcept
{
    for (const Named& n : kNames)
        if (n.kind == kind) return n.name;
    return {};
}

std::optional<DatasetKind> datasetFromName(std::string_view name) noexcept
{
    for (const Named& n : kNames)
        if (n.name == name) return n.kind;
    return std::nullopt;
}

bool isRegression(DatasetKind kind) noexcept
{
    return kind == DatasetKind::Sine || kind == DatasetKind::Abs || kind == DatasetKind::Step;
}

std::optional<std::string> validateDataset(const DatasetSpec& spec)
{
    if (datasetName(spec.kind).empty()) return "unknown data set";
    if (spec.samples < kMinSamples || spec.samples > kMaxSamples)
        return "samples must be between " + std::to_string(kMinSamples) + " and " +
               std::to_string(kMaxSamples);
    if (!(spec.noise >= 0.0 && spec.noise <= kMaxNoise)) return "noise must be between 0 and 1";
    if (spec.kind == DatasetKind::Blobs &&
        (spec.blobClasses < kMinBlobClasses || spec.blobClasses > kMaxBlobClasses))
        return "blobs must have between 2 and 5 classes";
    if (!(spec.testShare >= 0.05 && spec.testShare <= 0.9)) return "test share must be between 0.05 and 0.9";
    return std::nullopt;
}

Dataset generateDataset(const DatasetSpec& spec)
{
    Dataset data;
    data.kind = spec.kind;
    const bool regression = isRegression(spec.kind);
    data.inputCount = regression ? 1 : 2;
    data.classCount = regression ? 0 : (spec.kind == DatasetKind::Blobs ? spec.blobClasses : 2);

    RandomStream random(mixSeed(spec.seed, kDataStream));
    std::vector<DataPoint> all;
    all.reserve(static_cast<std::size_t>(spec.samples));
    for (int i = 0; i < spec.samples; ++i)
        all.push_back(regression ? regressionPoint(spec, random) : classificationPoint(spec, i, random));
    // Fisher–Yates with the stream's own integers, so the split is random but reproducible.
    for (std::size_t i = all.size() - 1; i > 0; --i)
        std::swap(all[i], all[random.below(i + 1)]);

    const auto testCount = std::clamp<std::size_t>(
        static_cast<std::size_t>(std::lround(spec.testShare * spec.samples)), 1, all.size() - 1);
    data.test.assign(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(testCount));
    data.train.assign(all.begin() + static_cast<std::ptrdiff_t>(testCount), all.end());
    standardise(data);
    return data;
}

}  // namespace ax::core
