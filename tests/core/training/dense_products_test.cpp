// The layer products: whichever processor variant runs, every element equals the plain sum in the
// same order, to the bit, which is what keeps a race reproducible across machines.

#include "core/training/dense_products.h"
#include "core/training/random_stream.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <vector>

namespace ax::core {
namespace {

TEST(DenseProducts, EqualThePlainOrderedSumToTheBit)
{
    RandomStream random(11);
    struct Shape {
        std::size_t rows, inner, columns;
    };
    for (const Shape shape :
         {Shape{32, 32, 64}, Shape{2, 32, 64}, Shape{13, 7, 5}, Shape{8, 1, 3}, Shape{17, 64, 33}}) {
        for (const bool transposed : {false, true}) {
            std::vector<double> a(shape.rows * shape.inner);
            std::vector<double> b(shape.inner * shape.columns);
            std::vector<double> c(shape.rows * shape.columns);
            for (double& v : a)
                v = random.normal();
            for (double& v : b)
                v = random.normal();
            for (double& v : c)
                v = random.normal();
            const std::size_t rowStride = transposed ? shape.columns : 1;
            const std::size_t columnStride = transposed ? 1 : shape.inner;
            std::vector<double> expected = c;
            for (std::size_t j = 0; j < shape.columns; ++j)
                for (std::size_t i = 0; i < shape.rows; ++i) {
                    volatile double sum = expected[j * shape.rows + i];
                    for (std::size_t q = 0; q < shape.inner; ++q) {
                        const double product = a[q * shape.rows + i] * b[q * rowStride + j * columnStride];
                        sum = sum + product;
                    }
                    expected[j * shape.rows + i] = sum;
                }
            addProducts(shape.rows, shape.inner, shape.columns, a.data(), b.data(), rowStride, columnStride,
                        c.data());
            EXPECT_EQ(std::memcmp(c.data(), expected.data(), c.size() * sizeof(double)), 0)
                << shape.rows << "×" << shape.inner << "×" << shape.columns
                << (transposed ? " transposed" : "");
        }
    }
}

TEST(RandomStream, DrawsAreFixedByTheSeedAlone)
{
    RandomStream a(42);
    RandomStream b(42);
    RandomStream c(43);
    bool differs = false;
    for (int i = 0; i < 100; ++i) {
        const double x = a.normal();
        EXPECT_EQ(x, b.normal());
        differs = differs || x != c.normal();
    }
    EXPECT_TRUE(differs);
    // Moments of many standard-normal draws: mean 0 and variance 1 within five standard errors.
    RandomStream d(1);
    double sum = 0.0;
    double square = 0.0;
    constexpr int kDraws = 100000;
    for (int i = 0; i < kDraws; ++i) {
        const double x = d.normal();
        sum += x;
        square += x * x;
    }
    EXPECT_NEAR(sum / kDraws, 0.0, 5.0 / std::sqrt(kDraws));
    EXPECT_NEAR(square / kDraws, 1.0, 5.0 * std::sqrt(2.0 / kDraws));
    for (int i = 0; i < 1000; ++i) {
        const double u = d.uniform();
        ASSERT_GE(u, 0.0);
        ASSERT_LT(u, 1.0);
        ASSERT_LT(d.below(7), 7u);
    }
}

}  // namespace
}  // namespace ax::core
