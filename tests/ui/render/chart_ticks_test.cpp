// Axis ticks a reader can use: round 1-2-5 steps, labels that tell neighbouring ticks apart from
// ranges of ±1e300 down to widths of 1e-12, a true minus sign, and an offset only when needed.

#include "ui/render/plot_ticks.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <utility>

namespace ax::ui {
namespace {

void expectReadable(const PlotTicks& ticks, double lo, double hi)
{
    ASSERT_GE(ticks.values.size(), 2u);
    ASSERT_EQ(static_cast<qsizetype>(ticks.values.size()), ticks.labels.size());
    for (double v : ticks.values) {
        EXPECT_GE(v, lo);
        EXPECT_LE(v, hi);
    }
    QStringList unique = ticks.labels;
    EXPECT_EQ(unique.removeDuplicates(), 0) << ticks.labels.join(QLatin1Char(' ')).toStdString();
    for (const QString& label : ticks.labels) {
        EXPECT_LE(label.size(), 10) << label.toStdString();
        EXPECT_FALSE(label.contains(QLatin1Char('-'))) << "ASCII hyphen in " << label.toStdString();
    }
}

TEST(ChartTicks, StepsAreOneTwoOrFiveTimesAPowerOfTen)
{
    EXPECT_DOUBLE_EQ(niceStep(12.0, 6), 2.0);
    EXPECT_DOUBLE_EQ(niceStep(10.0, 4), 5.0);
    EXPECT_DOUBLE_EQ(niceStep(1.0, 10), 0.1);
    EXPECT_DOUBLE_EQ(niceStep(2e300, 4), 5e299);
}

TEST(ChartTicks, DefaultRangeReadsPlainly)
{
    const PlotTicks ticks = makeTicks(-6.0, 6.0, 6);
    expectReadable(ticks, -6.0, 6.0);
    EXPECT_EQ(ticks.labels, (QStringList{QStringLiteral("−6"), QStringLiteral("−4"), QStringLiteral("−2"),
                                         QStringLiteral("0"), QStringLiteral("2"), QStringLiteral("4"),
                                         QStringLiteral("6")}));
    EXPECT_TRUE(ticks.offsetText.isEmpty());
    const PlotTicks fractions = makeTicks(-0.3, 1.2, 6);
    EXPECT_TRUE(fractions.labels.contains(QStringLiteral("0.5")));
}

TEST(ChartTicks, HugeRangeUsesScientificNotation)
{
    const PlotTicks ticks = makeTicks(-1e300, 1e300, 5);
    expectReadable(ticks, -1e300, 1e300);
    EXPECT_TRUE(ticks.labels.contains(QStringLiteral("1e300")));
    EXPECT_TRUE(ticks.labels.contains(QStringLiteral("−1e300")));
}

TEST(ChartTicks, LimitsNearTheLargestDoubleStayFinite)
{
    const double largest = std::numeric_limits<double>::max();
    const PlotTicks ticks = makeTicks(-largest, largest, 6);
    ASSERT_GE(ticks.values.size(), 2u);
    for (const double v : ticks.values)
        EXPECT_TRUE(std::isfinite(v));
    EXPECT_TRUE(std::isfinite(ticks.step));
}

TEST(ChartTicks, TinyWidthFarFromZeroGetsAnOffset)
{
    const PlotTicks ticks = makeTicks(1.0, 1.0 + 1e-12, 5);
    expectReadable(ticks, 1.0, 1.0 + 1e-12);
    ASSERT_FALSE(ticks.offsetText.isEmpty());
    EXPECT_TRUE(ticks.offsetText.startsWith(QLatin1Char('+')));
    // What a reader computes, offset plus label, is the tick's value.
    for (std::size_t i = 0; i < ticks.values.size(); ++i) {
        QString label = ticks.labels[static_cast<qsizetype>(i)];
        label.replace(QChar(0x2212), QLatin1Char('-'));
        bool ok = false;
        const double shown = label.toDouble(&ok);
        ASSERT_TRUE(ok) << label.toStdString();
        EXPECT_NEAR(ticks.offset + shown, ticks.values[i], ticks.step * 1e-3);
    }
    EXPECT_NEAR(ticks.offsetText.mid(1).toDouble(), ticks.offset, 1e-15);
}

TEST(ChartTicks, TinyWidthAroundZeroNeedsNoOffset)
{
    const PlotTicks ticks = makeTicks(-3e-12, 3e-12, 6);
    expectReadable(ticks, -3e-12, 3e-12);
    EXPECT_TRUE(ticks.offsetText.isEmpty());
    EXPECT_TRUE(ticks.labels.contains(QStringLiteral("1e−12")));
}

TEST(ChartTicks, ReadoutValuesKeepTheirDigits)
{
    EXPECT_EQ(formatReadout(0.5), QStringLiteral("0.5"));
    EXPECT_EQ(formatReadout(-1.234567891), QStringLiteral("−1.23457"));
    EXPECT_EQ(formatReadout(2.5e-7), QStringLiteral("2.5e−7"));
    EXPECT_EQ(formatReadout(1e300), QStringLiteral("1e300"));
    EXPECT_EQ(formatReadout(0.0), QStringLiteral("0"));
}

TEST(ChartTicks, ALayerAxisMarksOnlyWholeLayers)
{
    // Three layers on a wide chart: left to itself the axis would mark every half layer.
    EXPECT_TRUE(makeTicks(0.0, 3.0, 10).labels.contains(QStringLiteral("0.5")));
    for (const auto& [lo, hi] : {std::pair{0.0, 3.0}, std::pair{1.0, 2.0}, std::pair{1.0, 16.0},
                                 std::pair{0.0, 1.0}, std::pair{0.0, 20000.0}}) {
        for (int target = 4; target <= 40; ++target) {
            const PlotTicks ticks = makeTicks(lo, hi, target, TickValues::WholeNumbers);
            ASSERT_GE(ticks.values.size(), 2u) << lo << ".." << hi << " target " << target;
            for (std::size_t i = 0; i < ticks.values.size(); ++i) {
                EXPECT_EQ(ticks.values[i], std::round(ticks.values[i])) << lo << ".." << hi;
                EXPECT_FALSE(ticks.labels[static_cast<qsizetype>(i)].contains(QLatin1Char('.')))
                    << ticks.labels[static_cast<qsizetype>(i)].toStdString();
            }
        }
    }
    // A long axis keeps its round steps.
    EXPECT_EQ(makeTicks(0.0, 20000.0, 5, TickValues::WholeNumbers).step, 5000.0);
}

}  // namespace
}  // namespace ax::ui
