// The chart area as a user meets it: a slider step resamples only that activation, switching one
// off removes it from every chart and lane, range edits move the axes and the samples, the lanes
// and the hover readout say what the core says, the mouse and keyboard zoom and pan, and what is
// drawn has every activation's colour and no NaN even at the extremes of the range.

#include "ui/widgets/chart_area.h"
#include "core/formula/custom_activation.h"
#include "ui/model/activation_palette.h"
#include "ui/model/explorer_state.h"
#include "ui/widgets/theme.h"

#include "core/sampling.h"
#include "core/saturation.h"

#include <QApplication>
#include <QBuffer>
#include <QImage>
#include <QPaintEvent>
#include <QPainter>
#include <QScreen>
#include <QSignalSpy>
#include <QSvgGenerator>
#include <QTest>
#include <QWheelEvent>

#include <gtest/gtest.h>

#include <cmath>

namespace ax::ui {
namespace {

class ChartAreaTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        area = std::make_unique<ChartArea>(state);
        area->resize(1200, 800);
        area->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(area.get()));
    }

    [[nodiscard]] const ChartPanel& panel(Chart kind)
    {
        layout = area->currentLayout();
        const ChartPanel* found = layout.panel(kind);
        EXPECT_NE(found, nullptr);
        return *found;
    }

    [[nodiscard]] QPoint pointAt(Chart kind, double z, double value)
    {
        const ChartPanel& p = panel(kind);
        const PlotMapping mapping = p.mapping();
        return QPointF(mapping.xForZ(z), mapping.yForValue(value)).toPoint();
    }

    void wheel(QPoint at, int delta)
    {
        QWheelEvent event(QPointF(at), QPointF(area->mapToGlobal(at)), QPoint(), QPoint(0, delta),
                          Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(area.get(), &event);
    }

    ExplorerState state;
    std::unique_ptr<ChartArea> area;
    ChartLayout layout;
};

core::SampleSet coreSamples(const ExplorerState& state, const QString& id)
{
    core::SampleSet samples;
    core::sampleUniform(*state.activation(id), state.parameters(id), state.zMin(), state.zMax(),
                        static_cast<std::size_t>(state.samples()), samples);
    return samples;
}

TEST_F(ChartAreaTest, ParameterStepResamplesOnlyThatActivation)
{
    const CurveCache& curves = area->curves();
    ASSERT_EQ(curves.ids(), state.enabledIds());
    const CurveEntry* relu = curves.entry(QStringLiteral("relu"));
    const CurveEntry* elu = curves.entry(QStringLiteral("elu"));
    ASSERT_TRUE(relu && elu);
    const double* reluBuffer = relu->samples.f.data();
    const std::vector<double> reluBefore = relu->samples.f;
    const int reluComputations = relu->sampleComputations;
    const int eluComputations = elu->sampleComputations;

    // A burst of slider steps before the next frame costs one resampling.
    for (const double alpha : {0.3, 0.4, 0.5})
        ASSERT_FALSE(state.setParameter(QStringLiteral("elu"), 0, alpha));
    area->repaint();
    const CurveCache& after = area->curves();
    elu = after.entry(QStringLiteral("elu"));
    relu = after.entry(QStringLiteral("relu"));
    EXPECT_EQ(elu->sampleComputations, eluComputations + 1);
    const core::SampleSet expected = coreSamples(state, QStringLiteral("elu"));
    EXPECT_EQ(elu->samples.z, expected.z);
    EXPECT_EQ(elu->samples.f, expected.f);
    EXPECT_EQ(elu->samples.d1, expected.d1);
    EXPECT_EQ(elu->parameters[0], 0.5);

    EXPECT_EQ(relu->sampleComputations, reluComputations);
    EXPECT_EQ(relu->samples.f.data(), reluBuffer);
    EXPECT_EQ(relu->samples.f, reluBefore);
}

TEST_F(ChartAreaTest, SwitchingAnActivationOffRemovesItEverywhereAndBack)
{
    const QString gelu = QStringLiteral("gelu");
    ASSERT_TRUE(state.isEnabled(gelu));
    const auto shows = [&](const ChartLayout& l) {
        const bool inLegend =
            std::any_of(l.legend.begin(), l.legend.end(), [&](const LegendItem& i) { return i.id == gelu; });
        const bool inLanes = std::any_of(l.lanes.begin(), l.lanes.end(),
                                         [&](const SaturationLane& s) { return s.id == gelu; });
        EXPECT_EQ(inLegend, inLanes);
        return inLegend && area->curves().entry(gelu) != nullptr;
    };
    EXPECT_TRUE(shows(area->currentLayout()));
    const auto lanesBefore = area->currentLayout().lanes.size();

    state.setEnabled(gelu, false);
    EXPECT_FALSE(shows(area->currentLayout()));
    EXPECT_FALSE(area->curves().ids().contains(gelu));
    EXPECT_EQ(area->currentLayout().lanes.size(), lanesBefore - 1);
    const auto rows = area->readout(0.5);
    EXPECT_TRUE(std::none_of(rows.begin(), rows.end(), [&](const ReadoutRow& r) { return r.id == gelu; }));

    state.setEnabled(gelu, true);
    EXPECT_TRUE(shows(area->currentLayout()));
    EXPECT_EQ(area->currentLayout().lanes.size(), lanesBefore);
    EXPECT_EQ(area->curves().entry(gelu)->samples.f, coreSamples(state, gelu).f);
}

TEST_F(ChartAreaTest, RangeEditMovesAxisAndSamples)
{
    ASSERT_FALSE(state.setRange(-2.0, 3.0));
    const ChartLayout l = area->currentLayout();
    EXPECT_EQ(l.zMin, -2.0);
    EXPECT_EQ(l.zMax, 3.0);
    ASSERT_FALSE(l.zTicks.values.empty());
    EXPECT_GE(l.zTicks.values.front(), -2.0);
    EXPECT_LE(l.zTicks.values.back(), 3.0);
    EXPECT_TRUE(l.zTicks.labels.contains(QStringLiteral("0")));
    for (const QString& id : state.enabledIds()) {
        const CurveEntry* entry = area->curves().entry(id);
        ASSERT_NE(entry, nullptr);
        EXPECT_EQ(entry->samples.z.front(), -2.0) << id.toStdString();
        EXPECT_EQ(entry->samples.z.back(), 3.0) << id.toStdString();
        EXPECT_EQ(entry->samples.f, coreSamples(state, id).f) << id.toStdString();
    }
}

TEST_F(ChartAreaTest, SaturationLanesAreTheCoresIntervals)
{
    state.setEnabledIds(state.activationIds());
    const auto check = [&] {
        for (const QString& id : state.enabledIds()) {
            const CurveEntry* entry = area->curves().entry(id);
            ASSERT_NE(entry, nullptr);
            const auto expected = core::saturationIntervals(*state.activation(id), state.parameters(id),
                                                            state.zMin(), state.zMax(), state.epsilon());
            ASSERT_EQ(entry->saturation.size(), expected.size()) << id.toStdString();
            for (std::size_t i = 0; i < expected.size(); ++i) {
                EXPECT_EQ(entry->saturation[i].kind, expected[i].kind) << id.toStdString();
                EXPECT_EQ(entry->saturation[i].lo, expected[i].lo) << id.toStdString();
                EXPECT_EQ(entry->saturation[i].hi, expected[i].hi) << id.toStdString();
            }
        }
    };
    check();
    const int sigmoidSamples = area->curves().entry(QStringLiteral("sigmoid"))->sampleComputations;
    const int sigmoidLanes = area->curves().entry(QStringLiteral("sigmoid"))->saturationComputations;
    ASSERT_FALSE(state.setEpsilon(0.2));
    check();
    // ε moves the lanes only: the curves are not resampled.
    EXPECT_EQ(area->curves().entry(QStringLiteral("sigmoid"))->sampleComputations, sigmoidSamples);
    EXPECT_EQ(area->curves().entry(QStringLiteral("sigmoid"))->saturationComputations, sigmoidLanes + 1);
    const ChartLayout l = area->currentLayout();
    EXPECT_EQ(l.lanes.size(), static_cast<std::size_t>(state.enabledIds().size()));
    EXPECT_TRUE(l.panel(Chart::Saturation)->title.contains(QStringLiteral("0.2")));
}

TEST_F(ChartAreaTest, HoverReadoutGivesTheCoresValues)
{
    const QPoint at = pointAt(Chart::Function, -1.3, 0.0);
    QTest::mouseMove(area.get(), at);
    ASSERT_TRUE(area->hoverZ().has_value());
    const double z = *area->hoverZ();
    EXPECT_NEAR(z, -1.3, 0.05);
    const auto rows = area->readout(z);
    ASSERT_EQ(static_cast<qsizetype>(rows.size()), state.enabledIds().size());
    for (const ReadoutRow& row : rows) {
        const core::Derivatives exact = state.activation(row.id)->evaluate(z, state.parameters(row.id));
        EXPECT_EQ(row.values.f, exact.f) << row.id.toStdString();
        EXPECT_EQ(row.values.d1, exact.d1) << row.id.toStdString();
        EXPECT_EQ(row.caption, state.caption(row.id));
    }
    const auto find = [](const std::vector<ReadoutRow>& all, const char* id) {
        return *std::find_if(all.begin(), all.end(),
                             [&](const ReadoutRow& r) { return r.id == QLatin1String(id); });
    };
    area->repaint();
    const auto left = area->readout(-5.0);
    EXPECT_TRUE(find(left, "relu").dead);
    EXPECT_FALSE(find(left, "relu").saturated);
    EXPECT_TRUE(find(left, "sigmoid").saturated);
    EXPECT_FALSE(find(left, "sigmoid").dead);
    EXPECT_FALSE(find(area->readout(2.0), "relu").dead);
}

TEST_F(ChartAreaTest, ReadoutSaysDeadByTheCoresRuleBeforeTheChartsCatchUp)
{
    ASSERT_FALSE(state.setRange(-1000.0, 10.0).has_value());
    area->repaint();
    // Not yet repainted: the readout cannot lean on the lanes' intervals for these two.
    ASSERT_FALSE(state.setParameter(QStringLiteral("elu"), 0, 0.7).has_value());
    ASSERT_FALSE(state.setParameter(QStringLiteral("leaky_relu"), 0, 0.0).has_value());
    const auto find = [](const std::vector<ReadoutRow>& all, const char* id) {
        return *std::find_if(all.begin(), all.end(),
                             [&](const ReadoutRow& r) { return r.id == QLatin1String(id); });
    };
    for (const double z : {-800.0, -900.0, -760.0}) {
        const auto rows = area->readout(z);
        // ELU's f′ = α eᶻ underflows to exactly 0 out here: a vanishing gradient, not a dead unit.
        EXPECT_EQ(find(rows, "elu").values.d1, 0.0);
        EXPECT_FALSE(find(rows, "elu").dead) << z;
        EXPECT_TRUE(find(rows, "elu").saturated) << z;
        EXPECT_FALSE(find(rows, "sigmoid").dead) << z;
        // Leaky ReLU at α = 0 is ReLU: dead on the whole negative side.
        EXPECT_TRUE(find(rows, "leaky_relu").dead) << z;
        EXPECT_TRUE(find(rows, "relu").dead) << z;
    }
    EXPECT_FALSE(find(area->readout(5.0), "leaky_relu").dead);
}

TEST_F(ChartAreaTest, WheelZoomsAboutTheCursor)
{
    const QPoint at = pointAt(Chart::Function, 2.0, 0.0);
    const double zAtCursor = area->currentLayout().zForX(at.x());
    wheel(at, 120);
    const double width = state.zMax() - state.zMin();
    EXPECT_LT(width, 12.0 * 0.9);
    // The z under the cursor stays where it was.
    EXPECT_NEAR(area->currentLayout().zForX(at.x()), zAtCursor, 1e-9);
    wheel(at, -240);
    EXPECT_GT(state.zMax() - state.zMin(), width);
}

TEST_F(ChartAreaTest, RefusedZoomKeepsTheViewAndSaysWhy)
{
    ASSERT_FALSE(state.setRange(1.0, 1.0 + 2e-12));
    QSignalSpy messages(area.get(), &ChartArea::statusMessage);
    wheel(pointAt(Chart::Function, 1.0 + 1e-12, 1.0), 120 * 10);
    EXPECT_EQ(state.zMin(), 1.0);
    EXPECT_EQ(state.zMax(), 1.0 + 2e-12);
    ASSERT_EQ(messages.count(), 1);
    EXPECT_FALSE(messages.first().first().toString().isEmpty());
}

TEST_F(ChartAreaTest, LeftDragPansTheRange)
{
    const ChartPanel& f = panel(Chart::Function);
    const QPoint from = f.plot.center().toPoint();
    const double pixelsPerUnit = f.plot.width() / 12.0;
    QTest::mousePress(area.get(), Qt::LeftButton, Qt::NoModifier, from);
    QTest::mouseMove(area.get(), from + QPoint(60, 0));
    QTest::mouseMove(area.get(), from + QPoint(120, 0));
    QTest::mouseRelease(area.get(), Qt::LeftButton, Qt::NoModifier, from + QPoint(120, 0));
    EXPECT_NEAR(state.zMin(), -6.0 - 120.0 / pixelsPerUnit, 1e-9);
    EXPECT_NEAR(state.zMax(), 6.0 - 120.0 / pixelsPerUnit, 1e-9);
    EXPECT_TRUE(state.highlightedId().isEmpty());
}

TEST_F(ChartAreaTest, ShiftDragZoomsToTheSelection)
{
    const QPoint from = pointAt(Chart::Derivative, -2.0, 0.5);
    const QPoint to = pointAt(Chart::Derivative, 1.0, 0.5);
    QTest::mousePress(area.get(), Qt::LeftButton, Qt::ShiftModifier, from);
    QTest::mouseMove(area.get(), to);
    QTest::mouseRelease(area.get(), Qt::LeftButton, Qt::ShiftModifier, to);
    EXPECT_NEAR(state.zMin(), -2.0, 0.05);
    EXPECT_NEAR(state.zMax(), 1.0, 0.05);
}

TEST_F(ChartAreaTest, ClickOnLegendOrCurveHighlightsIt)
{
    layout = area->currentLayout();
    const auto item = std::find_if(layout.legend.begin(), layout.legend.end(),
                                   [](const LegendItem& i) { return i.id == QLatin1String("mish"); });
    ASSERT_NE(item, layout.legend.end());
    QTest::mouseClick(area.get(), Qt::LeftButton, Qt::NoModifier, item->rect.center().toPoint());
    EXPECT_EQ(state.highlightedId(), QStringLiteral("mish"));
    QTest::mouseClick(area.get(), Qt::LeftButton, Qt::NoModifier, item->rect.center().toPoint());
    EXPECT_TRUE(state.highlightedId().isEmpty());

    // Sigmoid is the only curve near 0.5 at z = 0 in the function chart.
    QTest::mouseClick(area.get(), Qt::LeftButton, Qt::NoModifier,
                      pointAt(Chart::Function, 0.0, 0.5) + QPoint(0, 2));
    EXPECT_EQ(state.highlightedId(), QStringLiteral("sigmoid"));
    const auto lane = std::find_if(layout.lanes.begin(), layout.lanes.end(),
                                   [](const SaturationLane& l) { return l.id == QLatin1String("relu"); });
    ASSERT_NE(lane, layout.lanes.end());
    QTest::mouseClick(area.get(), Qt::LeftButton, Qt::NoModifier, lane->rect.center().toPoint());
    EXPECT_EQ(state.highlightedId(), QStringLiteral("relu"));
    QTest::keyClick(area.get(), Qt::Key_Escape);
    EXPECT_TRUE(state.highlightedId().isEmpty());
}

TEST_F(ChartAreaTest, KeyboardPansZoomsAndResets)
{
    EXPECT_EQ(area->focusPolicy(), Qt::StrongFocus);
    EXPECT_FALSE(area->accessibleName().isEmpty());
    EXPECT_FALSE(area->accessibleDescription().isEmpty());
    QTest::keyClick(area.get(), Qt::Key_Right);
    EXPECT_NEAR(state.zMin(), -6.0 + 1.2, 1e-12);
    EXPECT_NEAR(state.zMax(), 6.0 + 1.2, 1e-12);
    QTest::keyClick(area.get(), Qt::Key_Plus);
    EXPECT_NEAR(state.zMax() - state.zMin(), 12.0 * 0.8, 1e-9);
    QTest::keyClick(area.get(), Qt::Key_Minus);
    EXPECT_NEAR(state.zMax() - state.zMin(), 12.0, 1e-9);
    state.setYAxisMode(YAxisMode::Fixed);
    QTest::keyClick(area.get(), Qt::Key_Home);
    EXPECT_EQ(state.zMin(), ExplorerState::kDefaultZMin);
    EXPECT_EQ(state.zMax(), ExplorerState::kDefaultZMax);
    EXPECT_EQ(state.yAxisMode(), YAxisMode::Auto);
}

TEST_F(ChartAreaTest, FixedYAxisUsesTheStatesLimits)
{
    ASSERT_FALSE(state.setFunctionLimits({-3.0, 7.0}));
    ASSERT_FALSE(state.setDerivativeLimits({-0.25, 2.0}));
    state.setYAxisMode(YAxisMode::Fixed);
    EXPECT_EQ(panel(Chart::Function).yMin, -3.0);
    EXPECT_EQ(panel(Chart::Function).yMax, 7.0);
    EXPECT_EQ(panel(Chart::Derivative).yMin, -0.25);
    EXPECT_EQ(panel(Chart::Derivative).yMax, 2.0);
    state.setShowSecondDerivative(true);
    const ChartLayout l = area->currentLayout();
    ASSERT_NE(l.panel(Chart::Second), nullptr);
    EXPECT_LT(l.panel(Chart::Derivative)->plot.bottom(), l.panel(Chart::Second)->plot.top());
    EXPECT_LT(l.panel(Chart::Second)->plot.bottom(), l.panel(Chart::Saturation)->plot.top());
}

TEST_F(ChartAreaTest, AutoFitIsNotFlattenedByOneFastGrowingCurve)
{
    state.setEnabledIds({QStringLiteral("sigmoid"), QStringLiteral("tanh"), QStringLiteral("relu")});
    ASSERT_FALSE(state.setRange(-1e3, 1e3));
    const ChartPanel& f = panel(Chart::Function);
    // Tanh spans [−1, 1]: it must take a visible share of the chart, not a sliver of ReLU's 1000.
    EXPECT_LE(f.yMax - f.yMin, 10.0);
    EXPECT_LE(f.yMin, -1.0);
    EXPECT_GE(f.yMax, 1.0);

    // A lone curve is shown whole.
    state.setEnabledIds({QStringLiteral("relu")});
    const ChartPanel& alone = panel(Chart::Function);
    EXPECT_LE(alone.yMin, 0.0);
    EXPECT_GE(alone.yMax, 1e3);
}

TEST_F(ChartAreaTest, RenderingShowsEveryActivationsColour)
{
    // Eight at a time: with all 43 at once, curves that coincide over most of the range (RReLU's
    // mean slope under PReLU's, the identity part of every rectifier) are drawn over each other.
    const QStringList all = state.activationIds();
    for (qsizetype first = 0; first < all.size(); first += 8) {
        const QStringList group = all.mid(first, 8);
        state.setEnabledIds(group);
        QImage image(1400, 900, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        ChartRenderOptions options = ChartRenderOptions::fromState(state, area->palette());
        options.showLegend = false;  // the curves and lanes alone must carry the colours
        {
            QPainter painter(&image);
            area->render(painter, QRectF(0, 0, 1400, 900), options);
        }
        const QColor background = area->palette().color(QPalette::Base);
        EXPECT_EQ(image.pixelColor(2, 2), background);
        for (const QString& id : group) {
            const QColor colour = activationColour(state.catalogIndex(id));
            int matches = 0;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x) {
                    const QColor c = image.pixelColor(x, y);
                    if (std::abs(c.red() - colour.red()) + std::abs(c.green() - colour.green()) +
                            std::abs(c.blue() - colour.blue()) <=
                        24)
                        ++matches;
                }
            EXPECT_GE(matches, 10) << id.toStdString();
        }
    }
}

TEST_F(ChartAreaTest, PrintStyleIsBlackOnWhiteWhateverThePalette)
{
    QPalette dark = area->palette();
    dark.setColor(QPalette::Base, QColor(30, 30, 30));
    dark.setColor(QPalette::Text, QColor(230, 230, 230));
    ChartRenderOptions options = ChartRenderOptions::fromState(state, dark);
    options.style = ChartStyle::Print;
    QImage image(900, 700, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        area->render(painter, QRectF(0, 0, 900, 700), options);
    }
    EXPECT_EQ(image.pixelColor(3, 3), QColor(Qt::white));
    const ChartLayout l = ChartPainter(state, area->curves(), options).layout(QRectF(0, 0, 900, 700));
    const QRectF plot = l.panel(Chart::Function)->plot;
    // The frame of the plot is drawn in black.
    EXPECT_EQ(image.pixelColor(QPoint(static_cast<int>(plot.center().x()), static_cast<int>(plot.top()))),
              QColor(Qt::black));
}

TEST_F(ChartAreaTest, SvgDrawsCurvesAsFewPathsWithPixelMatchedPoints)
{
    state.setEnabledIds(state.activationIds());
    const QRectF page(0, 0, 1600, 900);
    const ChartRenderOptions options = ChartRenderOptions::fromState(state, area->palette());
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(page.size().toSize());
    generator.setViewBox(page);
    {
        QPainter painter(&generator);
        area->render(painter, page, options);
    }
    const ChartLayout l = ChartPainter(state, area->curves(), options).layout(page);
    qsizetype gridLines = 0;
    for (const ChartPanel& p : l.panels)
        gridLines += static_cast<qsizetype>(l.zTicks.values.size() + p.yTicks.values.size());
    const qsizetype polylines = bytes.count("<polyline");
    // 43 activations × 2 charts, the pieces where a curve breaks at a jump, the grid lines and the
    // legend's swatches: never one element per segment.
    EXPECT_GE(polylines, 86);
    EXPECT_LE(polylines, 86 + 40 + gridLines + static_cast<qsizetype>(l.legend.size()));
    // 2,000 samples per curve, but no more points than about one per pixel column.
    const qsizetype points = bytes.count(",");
    const double plotWidth = l.plotRight - l.plotLeft;
    EXPECT_LE(static_cast<double>(points), 86.0 * plotWidth * 1.5);
    EXPECT_FALSE(bytes.contains("nan"));
    EXPECT_FALSE(bytes.contains("inf"));
}

TEST_F(ChartAreaTest, ExtremeRangesDrawNothingNotFinite)
{
    state.setEnabledIds(state.activationIds());
    state.setShowSecondDerivative(true);
    for (const auto& [lo, hi] :
         {std::pair{-1e300, 1e300}, std::pair{1.0, 1.0 + 1e-12}, std::pair{-5e-13, 5e-13}}) {
        ASSERT_FALSE(state.setRange(lo, hi)) << lo;
        const ChartLayout l = area->currentLayout();
        ASSERT_GE(l.zTicks.values.size(), 2u) << lo;
        QStringList labels = l.zTicks.labels;
        EXPECT_EQ(labels.removeDuplicates(), 0) << lo;
        for (const ChartPanel& p : l.panels) {
            EXPECT_TRUE(std::isfinite(p.yMin) && std::isfinite(p.yMax) && p.yMin < p.yMax) << lo;
            for (const QString& label : p.yTicks.labels)
                EXPECT_FALSE(label.contains(QLatin1String("nan")) || label.contains(QLatin1String("inf")))
                    << lo;
            if (p.kind == Chart::Saturation) continue;
            for (const QString& id : state.enabledIds()) {
                const CurveEntry* entry = area->curves().entry(id);
                const auto& values = p.kind == Chart::Function     ? entry->samples.f
                                     : p.kind == Chart::Derivative ? entry->samples.d1
                                                                   : entry->samples.d2;
                std::vector<QPolygonF> polylines;
                buildPolylines(entry->samples.z, values, {}, p.mapping(), 1.0, polylines);
                for (const QPolygonF& polyline : polylines)
                    for (const QPointF& point : polyline)
                        ASSERT_TRUE(std::isfinite(point.x()) && std::isfinite(point.y()))
                            << id.toStdString() << " " << lo;
            }
        }
        area->repaint();
    }
}

TEST_F(ChartAreaTest, ReadoutSaysUndefinedWhereACustomFunctionIsNotDefined)
{
    for (const char* formula : {"log(z)", "sqrt(z)", "log(z)*b"}) {
        core::CustomActivationSpec spec;
        spec.id = state.nextCustomId().toStdString();
        spec.name = formula;
        spec.formula = formula;
        ASSERT_FALSE(state.addCustomActivation(spec).has_value()) << formula;
        const QString id = QString::fromStdString(spec.id);
        state.setEnabledIds({id});
        for (const bool second : {false, true}) {
            const auto rows = area->readout(-2.0);
            ASSERT_EQ(rows.size(), 1u);
            EXPECT_FALSE(rows.front().defined) << formula;
            EXPECT_FALSE(rows.front().dead || rows.front().saturated) << formula;
            const QStringList cells = readoutCells(rows.front(), second);
            const QStringList expected =
                second ? QStringList{QStringLiteral("f = undefined"), QStringLiteral("f′ = undefined"),
                                     QStringLiteral("f″ = undefined")}
                       : QStringList{QStringLiteral("f = undefined"), QStringLiteral("f′ = undefined")};
            EXPECT_EQ(cells.mid(1, expected.size()), expected)
                << formula << ": " << cells.join(QLatin1Char('|')).toStdString();
            EXPECT_TRUE(cells.last().isEmpty()) << formula;
        }
        // Where it is defined, the numbers are there.
        const auto rows = area->readout(4.0);
        ASSERT_EQ(rows.size(), 1u);
        EXPECT_TRUE(rows.front().defined);
        EXPECT_FALSE(
            readoutCells(rows.front(), true).join(QLatin1Char(' ')).contains(QStringLiteral("undefined")));
    }
}

// The largest channel difference between two pictures, and how many pixels differ by more than 8.
std::pair<int, qsizetype> difference(const QImage& a, const QImage& b)
{
    int worst = 0;
    qsizetype differing = 0;
    for (int y = 0; y < std::min(a.height(), b.height()); ++y)
        for (int x = 0; x < std::min(a.width(), b.width()); ++x) {
            const QRgb p = a.pixel(x, y);
            const QRgb q = b.pixel(x, y);
            const int d = std::max({std::abs(qRed(p) - qRed(q)), std::abs(qGreen(p) - qGreen(q)),
                                    std::abs(qBlue(p) - qBlue(q))});
            worst = std::max(worst, d);
            differing += d > 8 ? 1 : 0;
        }
    return {worst, differing};
}

TEST_F(ChartAreaTest, EveryCurveShownLooksAsTheExportDrawsIt)
{
    // The window shares the drawing of many curves between two cores; the picture must be the
    // one the export draws in a single pass, curve for curve and in the same stacking order.
    state.setEnabledIds(state.activationIds());
    state.setHighlightedId(QString());
    area->clearFocus();
    const QImage screen = area->grab().toImage().convertToFormat(QImage::Format_RGB32);
    QImage single(screen.size(), QImage::Format_RGB32);
    single.fill(area->palette().color(QPalette::Base));
    {
        QPainter painter(&single);
        area->render(painter, QRectF(QPointF(0.0, 0.0), QSizeF(area->size())),
                     ChartRenderOptions::fromState(state, area->palette()));
    }
    const auto [worst, differing] = difference(screen, single);
    // Blending in a layer of its own rounds some antialiased edge pixels differently; a curve
    // missing, drawn under the grid or in another order would change thousands of pixels.
    EXPECT_LT(differing, screen.width() * screen.height() / 500) << "worst difference " << worst;
    EXPECT_LE(worst, 80);
}

// Counts and keeps the regions the chart area is asked to repaint.
class RepaintWatch : public QObject {
public:
    std::vector<QRegion> regions;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint) regions.push_back(static_cast<QPaintEvent*>(event)->region());
        return QObject::eventFilter(watched, event);
    }
};

TEST_F(ChartAreaTest, ARepaintOfWhatMovedLeavesTheScreenAsAFreshDrawing)
{
    // A slider or range step repaints only the plots and the ticks, labels and legend that moved;
    // what is then on the screen must be what drawing everything anew gives, whatever moved.
    state.setEnabledIds(Session::storyIds());
    // Fixed y axes, so that the step below moves no tick label (a wider one moves the plots).
    state.setYAxisMode(YAxisMode::Fixed);
    area->clearFocus();
    QTest::qWait(50);
    RepaintWatch watch;
    area->installEventFilter(&watch);
    const auto shown = [this] {
        return area->screen()->grabWindow(area->winId()).toImage().convertToFormat(QImage::Format_RGB32);
    };
    const auto fresh = [this] { return area->grab().toImage().convertToFormat(QImage::Format_RGB32); };
    const auto settle = [&] {
        QTRY_VERIFY_WITH_TIMEOUT(!watch.regions.empty(), 2000);
        QTest::qWait(20);
    };
    const auto check = [&](const char* what) {
        const auto [worst, differing] = difference(shown(), fresh());
        // As above: only the rounding of antialiased edges blended in a layer may differ; a
        // stale tick, label or curve would leave hundreds of pixels.
        EXPECT_LT(differing, 60) << what << ": worst difference " << worst;
    };

    const double alpha = state.parameters(QStringLiteral("elu")).at(0);
    ASSERT_FALSE(state.setParameters(QStringLiteral("elu"), {alpha + 0.5}).has_value());
    settle();
    const QRegion whole(area->rect());
    ASSERT_FALSE(watch.regions.empty());
    EXPECT_NE(watch.regions.back(), whole) << "a parameter step repainted the whole widget";
    check("a parameter step");

    watch.regions.clear();
    ASSERT_FALSE(state.setRange(-3.0, 9.0).has_value());
    settle();
    check("a range step");

    // Automatic y axes follow the curves: the tick labels change, and with them their width.
    watch.regions.clear();
    state.setYAxisMode(YAxisMode::Auto);
    settle();
    for (const double a : {alpha + 0.05, alpha + 1.0, alpha + 2.5}) {
        watch.regions.clear();
        ASSERT_FALSE(state.setParameters(QStringLiteral("elu"), {a}).has_value());
        settle();
        check("a parameter step with automatic y axes");
    }

    // Several changes in one frame, the y axis held as a lesson does: each part is repainted.
    watch.regions.clear();
    ASSERT_FALSE(state.setRange(-2.0, 4.0).has_value());
    ASSERT_FALSE(state.setParameters(QStringLiteral("elu"), {alpha}).has_value());
    area->setHeldLimits({YLimits{-3.0, 7.0}, YLimits{-0.5, 1.5}, std::nullopt});
    settle();
    check("a range, a parameter and held limits at once");

    watch.regions.clear();
    area->setHeldLimits({});
    settle();
    check("the limits let go");
    area->removeEventFilter(&watch);
}

TEST_F(ChartAreaTest, FocusedChartsWearTheFocusRingOfEveryOtherControl)
{
    for (const Theme theme : {Theme::Light, Theme::Dark}) {
        applyTheme(theme);
        QApplication::setActiveWindow(area.get());
        ASSERT_TRUE(QTest::qWaitForWindowActive(area.get()));
        area->setFocus(Qt::TabFocusReason);
        ASSERT_TRUE(area->hasFocus());
        const QImage image = area->grab().toImage();
        const QColor ring = focusRingColour(area->palette());
        int onBorder = 0;
        for (int x = 0; x < image.width(); ++x)
            onBorder += image.pixelColor(x, 1) == ring ? 1 : 0;
        for (int y = 0; y < image.height(); ++y)
            onBorder += image.pixelColor(1, y) == ring ? 1 : 0;
        EXPECT_GT(onBorder, (image.width() + image.height()) * 9 / 10)
            << (theme == Theme::Dark ? "dark" : "light");
    }
    applyTheme(Theme::System);
}

}  // namespace
}  // namespace ax::ui
