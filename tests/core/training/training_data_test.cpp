// The training lab's data sets: sizes, classes, standardisation, reproducibility and validation.

#include "core/training/training_data.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace ax::core {
namespace {

class EveryDataset : public ::testing::TestWithParam<DatasetKind> {};

TEST_P(EveryDataset, SplitStandardisedAndReproducible)
{
    const DatasetSpec spec{
        .kind = GetParam(), .samples = 300, .noise = 0.1, .blobClasses = 4, .testShare = 0.25, .seed = 9};
    ASSERT_FALSE(validateDataset(spec));
    const Dataset data = generateDataset(spec);
    EXPECT_EQ(data.train.size(), 225u);
    EXPECT_EQ(data.test.size(), 75u);
    EXPECT_EQ(data.isRegression(), isRegression(GetParam()));
    EXPECT_EQ(data.inputCount, data.isRegression() ? 1 : 2);

    for (int c = 0; c < data.inputCount; ++c) {
        double mean = 0.0;
        double square = 0.0;
        for (const DataPoint& p : data.train) {
            mean += p.input[static_cast<std::size_t>(c)];
            square += p.input[static_cast<std::size_t>(c)] * p.input[static_cast<std::size_t>(c)];
        }
        mean /= static_cast<double>(data.train.size());
        square /= static_cast<double>(data.train.size());
        EXPECT_NEAR(mean, 0.0, 1e-12);
        EXPECT_NEAR(square - mean * mean, 1.0, 1e-12);
    }
    if (!data.isRegression()) {
        std::vector<int> counts(static_cast<std::size_t>(data.classCount), 0);
        for (const auto* part : {&data.train, &data.test})
            for (const DataPoint& p : *part) {
                ASSERT_GE(p.label, 0);
                ASSERT_LT(p.label, data.classCount);
                ++counts[static_cast<std::size_t>(p.label)];
            }
        for (int n : counts)
            EXPECT_GT(n, 300 / data.classCount / 2) << "every class has its share";
    }

    const Dataset again = generateDataset(spec);
    ASSERT_EQ(again.train.size(), data.train.size());
    for (std::size_t i = 0; i < data.train.size(); ++i) {
        EXPECT_EQ(again.train[i].input, data.train[i].input);
        EXPECT_EQ(again.train[i].label, data.train[i].label);
        EXPECT_EQ(again.train[i].target, data.train[i].target);
    }
    DatasetSpec other = spec;
    other.seed = 10;
    EXPECT_NE(generateDataset(other).train[0].input, data.train[0].input);
    EXPECT_EQ(datasetFromName(datasetName(GetParam())), GetParam());
}

INSTANTIATE_TEST_SUITE_P(Kinds, EveryDataset,
                         ::testing::Values(DatasetKind::Spirals, DatasetKind::Moons, DatasetKind::Circles,
                                           DatasetKind::Xor, DatasetKind::Blobs, DatasetKind::Sine,
                                           DatasetKind::Abs, DatasetKind::Step),
                         [](const ::testing::TestParamInfo<DatasetKind>& info) {
                             return std::string(datasetName(info.param));
                         });

TEST(Datasets, NoiselessTargetsFollowTheirFunction)
{
    // Standardising the input is an increasing affine map, so order and the zero crossing's
    // position among the points survive it.
    for (DatasetKind kind : {DatasetKind::Step, DatasetKind::Abs, DatasetKind::Sine}) {
        Dataset data = generateDataset({.kind = kind, .samples = 200, .noise = 0.0, .seed = 4});
        std::vector<DataPoint> all = data.train;
        all.insert(all.end(), data.test.begin(), data.test.end());
        std::sort(all.begin(), all.end(),
                  [](const DataPoint& a, const DataPoint& b) { return a.input[0] < b.input[0]; });
        const double lo = std::min_element(all.begin(), all.end(), [](auto& a, auto& b) {
                              return a.target < b.target;
                          })->target;
        const double hi = std::max_element(all.begin(), all.end(), [](auto& a, auto& b) {
                              return a.target < b.target;
                          })->target;
        if (kind == DatasetKind::Step) {
            EXPECT_TRUE(
                std::is_sorted(all.begin(), all.end(), [](auto& a, auto& b) { return a.target < b.target; }));
            EXPECT_EQ(lo, 0.0);
            EXPECT_EQ(hi, 1.0);
        }
        if (kind == DatasetKind::Abs) {
            EXPECT_GE(lo, 0.0);
            EXPECT_LE(hi, 1.0);
            EXPECT_LT(lo, 0.05);
            EXPECT_GT(hi, 0.95);
        }
        if (kind == DatasetKind::Sine) {
            EXPECT_GE(lo, -1.0);
            EXPECT_LE(hi, 1.0);
            EXPECT_LT(lo, -0.99);
            EXPECT_GT(hi, 0.99);
        }
    }
}

TEST(Datasets, BlobsHaveTheAskedClasses)
{
    for (int classes = kMinBlobClasses; classes <= kMaxBlobClasses; ++classes)
        EXPECT_EQ(
            generateDataset({.kind = DatasetKind::Blobs, .samples = 100, .blobClasses = classes}).classCount,
            classes);
}

TEST(Datasets, ValidationNamesTheField)
{
    EXPECT_NE(validateDataset({.samples = 5})->find("samples"), std::string::npos);
    EXPECT_NE(validateDataset({.noise = -0.1})->find("noise"), std::string::npos);
    EXPECT_NE(validateDataset({.kind = DatasetKind::Blobs, .blobClasses = 6})->find("classes"),
              std::string::npos);
    EXPECT_NE(validateDataset({.testShare = 0.99})->find("test share"), std::string::npos);
    EXPECT_FALSE(datasetFromName("spiral"));
}

}  // namespace
}  // namespace ax::core
