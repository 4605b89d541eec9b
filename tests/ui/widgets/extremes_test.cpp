// The charts at the edges of what a user can ask for: 2 to 1,000,000 samples, ranges from a width
// of 1e-12 to [-1e300, 1e300], every parameter at the ends of its slider, its spin box and its
// domain. Nothing may crash, and nothing drawn (curve points, axis limits) may be NaN or infinite.

#include "core/activation.h"
#include "core/catalog.h"
#include "ui/model/explorer_state.h"
#include "ui/render/curve_path.h"
#include "ui/widgets/chart_area.h"
#include "ui/widgets/parameter_editor.h"

#include <QDoubleSpinBox>
#include <QImage>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <memory>
#include <string>
#include <vector>

namespace ax::ui {
namespace {

constexpr double kDoubleMax = std::numeric_limits<double>::max();

// Whether every sample must be finite (values a window control can reach) or only what is drawn.
enum class Samples { MustBeFinite, MayBeGaps };

std::string text(double value)
{
    return QString::number(value, 'g', 17).toStdString();
}

QStringList allIds()
{
    QStringList ids;
    for (const core::Activation& activation : core::catalog())
        ids << QString::fromStdString(activation.id);
    return ids;
}

class ExtremesTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        charts = std::make_unique<ChartArea>(state);
        charts->resize(900, 700);
        charts->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(charts.get()));
    }

    // Paints the charts, then checks what they hold and would draw.
    void expectDrawable(Samples samples, const std::string& context)
    {
        SCOPED_TRACE(context);
        const QImage image = charts->grab().toImage();
        ASSERT_FALSE(image.isNull());

        const CurveCache& curves = charts->curves();
        ASSERT_EQ(curves.ids(), state.enabledIds());
        const ChartLayout layout = charts->currentLayout();
        EXPECT_EQ(layout.zMin, state.zMin());
        EXPECT_EQ(layout.zMax, state.zMax());
        ASSERT_FALSE(layout.panels.empty());
        for (const ChartPanel& panel : layout.panels) {
            EXPECT_TRUE(std::isfinite(panel.yMin) && std::isfinite(panel.yMax))
                << panel.yMin << ", " << panel.yMax;
            EXPECT_LT(panel.yMin, panel.yMax);
        }

        std::vector<QPolygonF> lines;
        for (const QString& id : curves.ids()) {
            const CurveEntry* entry = curves.entry(id);
            ASSERT_NE(entry, nullptr) << id.toStdString();
            EXPECT_GE(entry->samples.size(), static_cast<std::size_t>(state.samples())) << id.toStdString();
            if (samples == Samples::MustBeFinite) {
                // eᶻ and the squares of max(0, z) truly leave the doubles far out on the right:
                // there, and only there, +inf is the right value (the chart hatches it).
                const bool outgrowsDoubles = id == QLatin1String("exponential") ||
                                             id == QLatin1String("relu_squared") ||
                                             id == QLatin1String("star_relu");
                const auto acceptable = [&](double value, double z) {
                    return std::isfinite(value) ||
                           (outgrowsDoubles && z > 700.0 && value == std::numeric_limits<double>::infinity());
                };
                for (std::size_t i = 0; i < entry->samples.size(); ++i) {
                    const double z = entry->samples.z[i];
                    const bool finite = acceptable(entry->samples.f[i], z) &&
                                        acceptable(entry->samples.d1[i], z) &&
                                        acceptable(entry->samples.d2[i], z);
                    ASSERT_TRUE(finite) << id.toStdString() << " at z = " << z;
                }
            }
            for (const ChartPanel& panel : layout.panels) {
                const std::vector<double>* values = panel.kind == Chart::Function     ? &entry->samples.f
                                                    : panel.kind == Chart::Derivative ? &entry->samples.d1
                                                    : panel.kind == Chart::Second     ? &entry->samples.d2
                                                                                      : nullptr;
                if (!values) continue;
                lines.clear();
                buildPolylines(entry->samples.z, *values, {}, panel.mapping(), 1.0, lines);
                for (const QPolygonF& line : lines)
                    for (const QPointF& point : line)
                        ASSERT_TRUE(std::isfinite(point.x()) && std::isfinite(point.y()))
                            << "a drawn point of " << id.toStdString() << " is not finite";
            }
        }
    }

    ExplorerState state;
    std::unique_ptr<ChartArea> charts;
};

TEST_F(ExtremesTest, SampleCountsFromTwoToTheMaximumDrawFiniteCurves)
{
    // Kinks, a jump, an oscillation and a smooth curve; all of the catalog only at the small counts.
    state.setEnabledIds(
        {QStringLiteral("relu"), QStringLiteral("step"), QStringLiteral("snake"), QStringLiteral("gelu")});
    for (const int count : {ExplorerState::kMinSamples, 3, 1000, ExplorerState::kMaxSamples}) {
        ASSERT_FALSE(state.setSamples(count).has_value()) << count;
        expectDrawable(Samples::MustBeFinite, std::to_string(count) + " samples");
    }
    state.setEnabledIds(allIds());
    for (const int count : {ExplorerState::kMinSamples, 3}) {
        ASSERT_FALSE(state.setSamples(count).has_value()) << count;
        expectDrawable(Samples::MustBeFinite, "every activation at " + std::to_string(count) + " samples");
    }
}

TEST_F(ExtremesTest, SampleCountsOutsideTwoToAMillionAreRefusedWithAMessage)
{
    ASSERT_FALSE(state.setSamples(500).has_value());
    for (const int count : {ExplorerState::kMaxSamples + 1, 10'000'000, 1, 0, -5}) {
        const auto error = state.setSamples(count);
        ASSERT_TRUE(error.has_value()) << count;
        EXPECT_TRUE(QString(*error).remove(QLatin1Char(',')).contains(QStringLiteral("1000000")))
            << "the message names the maximum: " << error->toStdString();
        EXPECT_EQ(state.samples(), 500) << "a refused count must leave the old one";
    }
}

TEST_F(ExtremesTest, RangesFromAWidthOf1e12ToTheWholeEvaluatedLineDrawFiniteCurves)
{
    state.setEnabledIds(allIds());
    ASSERT_FALSE(state.setSamples(500).has_value());
    const std::vector<std::pair<double, double>> ranges{
        {-1e300, 1e300},      {1e299, 1e300},  {-1e300, -1e299}, {0.0, 1e-12}, {1.0, 1.0 + 2e-12},
        {-3.0, -3.0 + 4e-12}, {-1e-12, 1e-12}, {-6.0, 6.0},      {-1e6, 1e6},  {5e-13, 1.5e-12},
    };
    for (const auto& [lo, hi] : ranges) {
        ASSERT_FALSE(state.setRange(lo, hi).has_value()) << lo << ", " << hi;
        expectDrawable(Samples::MustBeFinite, "range [" + text(lo) + ", " + text(hi) + "]");
    }
}

TEST_F(ExtremesTest, RangesBeyondTheLimitsAreRefusedWithAMessageAndChangeNothing)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    ASSERT_FALSE(state.setRange(-2.0, 3.0).has_value());
    const std::vector<std::pair<double, double>> refused{
        {0.0, 1e-13}, {1.0, 1.0 + 1e-13}, {-1e301, 0.0}, {0.0, kDoubleMax},
        {-inf, 0.0},  {0.0, nan},         {2.0, 2.0},    {3.0, -3.0},
    };
    for (const auto& [lo, hi] : refused) {
        const auto error = state.setRange(lo, hi);
        EXPECT_TRUE(error.has_value() && !error->isEmpty()) << lo << ", " << hi;
        EXPECT_EQ(state.zMin(), -2.0);
        EXPECT_EQ(state.zMax(), 3.0);
    }
}

TEST_F(ExtremesTest, ZoomingPastTheLimitsKeepsAValidViewAndSaysWhy)
{
    state.setEnabledIds({QStringLiteral("tanh"), QStringLiteral("relu")});
    QSignalSpy messages(charts.get(), &ChartArea::statusMessage);

    ASSERT_FALSE(state.setRange(1.0, 1.0 + 2e-12).has_value());
    for (int i = 0; i < 20; ++i)
        QTest::keyClick(charts.get(), Qt::Key_Plus);
    EXPECT_FALSE(ExplorerState::validateRange(state.zMin(), state.zMax()).has_value());
    EXPECT_GT(messages.count(), 0) << "zooming in past the narrowest range must say so";
    expectDrawable(Samples::MustBeFinite, "zoomed in to the narrowest range");

    messages.clear();
    ASSERT_FALSE(state.setRange(-1e300, 1e300).has_value());
    for (int i = 0; i < 20; ++i)
        QTest::keyClick(charts.get(), Qt::Key_Minus);
    EXPECT_FALSE(ExplorerState::validateRange(state.zMin(), state.zMax()).has_value());
    EXPECT_GT(messages.count(), 0) << "zooming out past the widest range must say so";
    for (int i = 0; i < 20; ++i)
        QTest::keyClick(charts.get(), Qt::Key_Left);
    EXPECT_FALSE(ExplorerState::validateRange(state.zMin(), state.zMax()).has_value());
    expectDrawable(Samples::MustBeFinite, "zoomed and panned out to the widest range");
}

// The ends a window control can reach: the slider's and the spin box's.
TEST_F(ExtremesTest, EveryParameterAtTheEndsOfItsSliderAndSpinBoxDrawsFiniteCurves)
{
    ASSERT_FALSE(state.setSamples(400).has_value());
    for (const core::Activation& activation : core::catalog()) {
        const QString id = QString::fromStdString(activation.id);
        state.setEnabledIds({id});
        for (std::size_t i = 0; i < activation.parameters.size(); ++i) {
            const core::Parameter& parameter = activation.parameters[i];
            const ParameterEditor editor(state, id, static_cast<int>(i));
            for (const double value : {parameter.sliderMin, parameter.sliderMax, editor.spinBox()->minimum(),
                                       editor.spinBox()->maximum()}) {
                if (!parameter.accepts(value)) continue;  // an open end the editor steps inside of
                core::ParameterValues values = state.parameters(id);
                values[i] = value;
                if (!core::parameterConflict(activation, values).empty()) {
                    // RReLU's lower at 1 with upper at 1/3: refused, and the other end is moved too.
                    EXPECT_TRUE(state.setParameter(id, static_cast<int>(i), value).has_value());
                    values[1 - i] = value;
                    ASSERT_FALSE(state.setParameters(id, values).has_value());
                }
                ASSERT_FALSE(state.setParameter(id, static_cast<int>(i), value).has_value());
                for (const auto& [lo, hi] : {std::pair{-6.0, 6.0}, std::pair{-1e300, 1e300}}) {
                    ASSERT_FALSE(state.setRange(lo, hi).has_value());
                    expectDrawable(Samples::MustBeFinite, activation.id + "." + parameter.name + " = " +
                                                              text(value) + " over " + text(hi));
                }
            }
            state.resetParameters(id);
        }
    }
}

// The ends of the domain itself, reachable only through a session file or the command line: values
// near the limits of double precision may overflow inside the formulas, but the charts must still
// draw only finite points on finite axes.
TEST_F(ExtremesTest, EveryParameterAtTheEndsOfItsDomainDrawsNoNaN)
{
    ASSERT_FALSE(state.setSamples(400).has_value());
    for (const core::Activation& activation : core::catalog()) {
        const QString id = QString::fromStdString(activation.id);
        state.setEnabledIds({id});
        for (std::size_t i = 0; i < activation.parameters.size(); ++i) {
            const core::Parameter& parameter = activation.parameters[i];
            double lo = std::isinf(parameter.domainMin) ? -kDoubleMax : parameter.domainMin;
            double hi = std::isinf(parameter.domainMax) ? kDoubleMax : parameter.domainMax;
            if (parameter.domainMinOpen) lo = std::nextafter(lo, hi);
            if (parameter.domainMaxOpen) hi = std::nextafter(hi, lo);
            for (const double value : {lo, hi}) {
                core::ParameterValues values = state.parameters(id);
                values[i] = value;
                if (!core::parameterConflict(activation, values).empty()) {
                    values[1 - i] = value;  // RReLU: both ends at the same value
                    ASSERT_FALSE(state.setParameters(id, values).has_value());
                }
                ASSERT_FALSE(state.setParameter(id, static_cast<int>(i), value).has_value())
                    << activation.id << "." << parameter.name << " = " << value;
                for (const auto& [zLo, zHi] :
                     {std::pair{-6.0, 6.0}, std::pair{-1e300, 1e300}, std::pair{1.0, 1.0 + 2e-12}}) {
                    ASSERT_FALSE(state.setRange(zLo, zHi).has_value());
                    expectDrawable(Samples::MayBeGaps, activation.id + "." + parameter.name + " = " +
                                                           text(value) + " over " + text(zHi));
                }
            }
            state.resetParameters(id);
        }
    }
}

}  // namespace
}  // namespace ax::ui
