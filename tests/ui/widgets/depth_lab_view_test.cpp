// The depth lab view: theory curves per enabled activation, readings in words, controls that
// change them, a background simulation with progress and cancel, and the charts as an image.

#include "ui/widgets/depth_lab_view.h"
#include "ui/model/depth_lab_readings.h"
#include "ui/model/explorer_state.h"
#include "ui/widgets/depth_lab_chart.h"

#include "core/depth/depth_theory.h"

#include <QBuffer>
#include <QComboBox>
#include <QImage>
#include <QJsonObject>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSet>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSvgGenerator>
#include <QTest>

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <initializer_list>
#include <utility>

namespace ax::ui {
namespace {

const DepthSeries* seriesNamed(const DepthChartContent& content, const QString& label)
{
    for (const DepthSeries& s : content.series)
        if (s.label == label) return &s;
    return nullptr;
}

class DepthLabViewTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        state.setEnabledIds({QStringLiteral("sigmoid"), QStringLiteral("relu"), QStringLiteral("selu")});
        QCoreApplication::processEvents();
    }

    // Waits for the coalesced refresh that follows a change.
    static void settle() { QCoreApplication::processEvents(); }

    ExplorerState state;
};

TEST_F(DepthLabViewTest, DrawsTheTheoryOfEveryEnabledActivationAcrossAllLayers)
{
    DepthLabView view(state);
    settle();
    const DepthChartContent& variance = view.chartContent(Chart::DepthVariance);
    ASSERT_EQ(variance.series.size(), 3u);
    for (const DepthSeries& s : variance.series) {
        EXPECT_EQ(s.line.size(), static_cast<std::size_t>(DepthLabView::kDefaultDepth) + 1)
            << s.label.toStdString();
        EXPECT_TRUE(s.dots.empty());
    }
    view.setDepth(12);
    settle();
    EXPECT_EQ(view.chartContent(Chart::DepthGradient).series.front().line.size(), 13u);
}

TEST_F(DepthLabViewTest, HeInitialisationKeepsReluVarianceFlat)
{
    DepthLabView view(state);
    view.setWeightInit(WeightInit::He);
    settle();
    EXPECT_EQ(view.settings().weightVariance, 2.0);
    const DepthSeries* relu = seriesNamed(view.chartContent(Chart::DepthVariance), QStringLiteral("ReLU"));
    ASSERT_NE(relu, nullptr);
    for (const QPointF& p : relu->line)
        EXPECT_NEAR(p.y(), 1.0, 1e-9);
    EXPECT_TRUE(view.reading(Chart::DepthGradient).contains(QStringLiteral("ReLU: gradient keeps its size")))
        << view.reading(Chart::DepthGradient).toStdString();

    view.setWeightInit(WeightInit::Custom, 1.5);
    settle();
    EXPECT_EQ(view.settings().weightVariance, 1.5);
    relu = seriesNamed(view.chartContent(Chart::DepthVariance), QStringLiteral("ReLU"));
    ASSERT_NE(relu, nullptr);
    EXPECT_NEAR(relu->line[2].y(), 0.75 * 0.75, 1e-12);

    view.setWeightInit(WeightInit::LeCun);
    settle();
    relu = seriesNamed(view.chartContent(Chart::DepthVariance), QStringLiteral("ReLU"));
    ASSERT_NE(relu, nullptr);
    EXPECT_NEAR(relu->line.back().y(), std::pow(0.5, DepthLabView::kDefaultDepth - 1) * 0.5, 1e-15);
}

TEST_F(DepthLabViewTest, ReadingsSayWhatTheChartsShow)
{
    DepthLabView view(state);
    settle();
    const QString gradient = view.reading(Chart::DepthGradient);
    EXPECT_TRUE(gradient.contains(QStringLiteral("Sigmoid (logistic): gradient shrinks ×0.2")))
        << gradient.toStdString();
    EXPECT_TRUE(gradient.contains(QStringLiteral("after 30 layers")));
    const QString variance = view.reading(Chart::DepthVariance);
    EXPECT_TRUE(variance.contains(QStringLiteral("SELU: variance settles at q = 1.00")))
        << variance.toStdString();
    EXPECT_TRUE(view.reading(Chart::SeluPhase).contains(QStringLiteral("(0.000, 1.000), stable")))
        << view.reading(Chart::SeluPhase).toStdString();
    view.completeTheory();
    EXPECT_TRUE(view.reading(Chart::DepthDead)
                    .contains(QStringLiteral("of units dead by layer 30 (f′ = 0 for 50% of inputs)")))
        << view.reading(Chart::DepthDead).toStdString();
    EXPECT_TRUE(view.reading(Chart::DepthDead).contains(QStringLiteral("SELU: f′ never vanishes")));
}

// With every activation shown, each chart's line stays one sentence: it counts which way each
// activation goes and names the extremes, and every activation's own sentence is a hover away.
TEST_F(DepthLabViewTest, ManyActivationsAreSummedUpInOneSentence)
{
    state.setEnabledIds(state.activationIds());
    DepthLabView view(state);
    view.completeTheory();
    const QString gradient = view.reading(Chart::DepthGradient);
    EXPECT_TRUE(gradient.startsWith(QStringLiteral("Gradient over 30 layers: "))) << gradient.toStdString();
    EXPECT_TRUE(gradient.contains(QStringLiteral("shrink it (most: Hard sigmoid, → 10⁻")))
        << gradient.toStdString();
    // The binary step and the later activations that are flat where the signal settles.
    EXPECT_TRUE(gradient.contains(QStringLiteral("7 block it"))) << gradient.toStdString();
    EXPECT_FALSE(gradient.contains(QStringLiteral("Tanh:"))) << "no sentence per activation";
    EXPECT_EQ(gradient.count(QLatin1Char('.')), 1) << gradient.toStdString();
    // The counts cover every activation.
    int counted = 0;
    for (const QString& part : gradient.section(QLatin1Char(':'), 1).split(QLatin1Char(','))) {
        bool number = false;
        const int n = part.trimmed().section(QLatin1Char(' '), 0, 0).toInt(&number);
        if (number) counted += n;
    }
    EXPECT_EQ(counted, 43) << gradient.toStdString();
    const QString details = view.readingDetails(Chart::DepthGradient);
    EXPECT_EQ(details.count(QLatin1Char('\n')), 42);
    EXPECT_TRUE(details.contains(QStringLiteral("Sigmoid (logistic): gradient shrinks ×0.2")));

    const QString dead = view.reading(Chart::DepthDead);
    EXPECT_TRUE(dead.startsWith(QStringLiteral("Dead units: Binary step 100% by layer 1")))
        << dead.toStdString();
    // Nine can lose units; the sentence names the first three and counts the rest.
    EXPECT_TRUE(dead.contains(QStringLiteral("6 more"))) << dead.toStdString();
    EXPECT_TRUE(dead.contains(QStringLiteral("cannot lose a unit"))) << dead.toStdString();
    EXPECT_TRUE(view.reading(Chart::DepthVariance).startsWith(QStringLiteral("Variance over 30 layers: ")));
}

// While the dead-unit lines are still being worked out, the chart says so; it never asks for an
// activation to be enabled when some are.
TEST_F(DepthLabViewTest, DeadUnitChartSaysWhenItsLinesAreComing)
{
    DepthLabView view(state);
    view.completeTheory();
    ASSERT_FALSE(view.chartContent(Chart::DepthDead).series.empty());
    for (const double bias : {0.1, 0.2, 0.3}) {
        DepthLabNetwork lab = state.depthLab();
        lab.depth = 200;
        lab.biasVariance = bias;
        ASSERT_FALSE(state.setDepthLab(lab).has_value());
        for (int round = 0; round < 50; ++round) {
            QCoreApplication::processEvents();
            const DepthChartContent& dead = view.chartContent(Chart::DepthDead);
            if (dead.series.empty()) {
                EXPECT_EQ(dead.emptyText, QStringLiteral("Working out which units die…"))
                    << "round " << round;
            }
        }
    }
    view.completeTheory();
    EXPECT_FALSE(view.chartContent(Chart::DepthDead).series.empty());
}

// Pointing at a line names it, with the layer and the value there; away from every line, nothing.
TEST(DepthLabChartHover, NamesTheLineUnderThePointer)
{
    DepthChartContent content;
    content.title = QStringLiteral("Flat");
    content.xMin = 0.0;
    content.xMax = 10.0;
    content.yMin = 0.0;
    content.yMax = 2.0;
    DepthSeries flat{QStringLiteral("Level"), Qt::red, {}, {}, Qt::SolidLine};
    for (int l = 0; l <= 10; ++l)
        flat.line.emplace_back(l, 1.0);
    content.series.push_back(flat);
    DepthLabChart chart;
    chart.setContent(content);
    chart.resize(500, 300);
    (void)chart.grab();  // paints, and so learns where the line is
    int row = -1;        // the line's height on screen
    for (int y = 0; y < chart.height() && row < 0; ++y)
        if (!chart.hoverText(QPointF(chart.width() / 2.0, y)).isEmpty()) row = y + 8;  // reach: 8 px
    ASSERT_GE(row, 0) << "no line found under the pointer";
    // Along the line from left to right: from the first layer to the last.
    QStringList seen;
    for (int x = 0; x < chart.width(); ++x)
        if (const QString text = chart.hoverText(QPointF(x, row)); !text.isEmpty() && !seen.contains(text))
            seen << text;
    ASSERT_EQ(seen.size(), 11) << seen.join(QStringLiteral(" | ")).toStdString();
    EXPECT_EQ(seen.front(), QStringLiteral("Level, layer 0: 1"));
    EXPECT_EQ(seen.back(), QStringLiteral("Level, layer 10: 1"));
    EXPECT_TRUE(chart.hoverText(QPointF(2.0, 2.0)).isEmpty());
    EXPECT_TRUE(chart.hoverText(QPointF(chart.width() / 2.0, row + 40)).isEmpty());
}

// The dead-unit theory arrives a moment after the other curves, without a simulation: a line per
// activation, rising for ReLU as the inputs grow alike, flat at zero where f′ never vanishes.
TEST_F(DepthLabViewTest, DeadUnitTheoryIsDrawnAsLines)
{
    DepthLabView view(state);
    view.completeTheory();
    const DepthChartContent& dead = view.chartContent(Chart::DepthDead);
    ASSERT_EQ(dead.series.size(), 3u);
    const DepthSeries* relu = seriesNamed(dead, QStringLiteral("ReLU"));
    ASSERT_NE(relu, nullptr);
    ASSERT_EQ(relu->line.size(), static_cast<std::size_t>(DepthLabView::kDefaultDepth) + 1);
    EXPECT_TRUE(relu->dots.empty());
    EXPECT_LT(relu->line.front().y(), 1e-9);
    EXPECT_GT(relu->line.back().y(), 0.3);
    EXPECT_LT(relu->line.back().y(), 0.5);
    for (const DepthSeries& s : dead.series) {
        if (s.label == QStringLiteral("ReLU")) continue;
        for (const QPointF& p : s.line)
            EXPECT_EQ(p.y(), 0.0) << s.label.toStdString();
    }
    // A new setup replaces the lines: inputs far below ReLU's kink leave most units dead at once.
    view.setInput(-2.5, 0.25);
    view.completeTheory();
    EXPECT_GT(seriesNamed(view.chartContent(Chart::DepthDead), QStringLiteral("ReLU"))->line.front().y(),
              0.9);
}

TEST_F(DepthLabViewTest, FollowsTheStateWhenParametersOrActivationsChange)
{
    DepthLabView view(state);
    settle();
    const double before =
        seriesNamed(view.chartContent(Chart::DepthVariance), QStringLiteral("SELU"))->line[5].y();
    ASSERT_FALSE(state.setParameter(QStringLiteral("selu"), QStringLiteral("lambda"), 1.3).has_value());
    settle();
    const double after =
        seriesNamed(view.chartContent(Chart::DepthVariance), QStringLiteral("SELU"))->line[5].y();
    EXPECT_GT(after, before * 1.2);
    EXPECT_FALSE(view.reading(Chart::SeluPhase).contains(QStringLiteral("(0.000, 1.000)")));

    state.setEnabled(QStringLiteral("tanh"), true);
    settle();
    EXPECT_EQ(view.chartContent(Chart::DepthVariance).series.size(), 4u);
}

// Counts the paints of the widgets it watches.
class PaintCounter : public QObject {
public:
    int paints = 0;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint) ++paints;
        return QObject::eventFilter(watched, event);
    }
};

// While a slider moves, only the charts whose content changed are drawn again: ELU's α leaves
// SELU's phase plane as it was, SELU's λ moves it.
TEST_F(DepthLabViewTest, ASliderRepaintsOnlyTheChartsItChanges)
{
    state.setEnabled(QStringLiteral("elu"), true);
    DepthLabView view(state);
    view.resize(900, 700);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    view.completeTheory();
    QTest::qWait(200);  // the layout settles around the readings in words
    const QList<DepthLabChart*> charts = view.findChildren<DepthLabChart*>();
    ASSERT_EQ(charts.size(), 4);
    QWidget* varianceChart = nullptr;
    QWidget* phaseChart = nullptr;
    for (DepthLabChart* chart : charts) {
        if (chart->content() == view.chartContent(Chart::DepthVariance)) varianceChart = chart;
        if (chart->content() == view.chartContent(Chart::SeluPhase)) phaseChart = chart;
    }
    ASSERT_NE(varianceChart, nullptr);
    ASSERT_NE(phaseChart, nullptr);
    const auto paintsAfter = [&](const QString& id, const QString& parameter, double value) {
        PaintCounter variance;
        PaintCounter phase;
        varianceChart->installEventFilter(&variance);
        phaseChart->installEventFilter(&phase);
        EXPECT_FALSE(state.setParameter(id, parameter, value).has_value());
        // Until the changed chart is drawn (well before the pause after which the readings under
        // the charts are rewritten), then what else was due at once.
        (void)QTest::qWaitFor([&] { return variance.paints > 0; }, 5000);
        QCoreApplication::processEvents();
        varianceChart->removeEventFilter(&variance);
        phaseChart->removeEventFilter(&phase);
        return std::pair{variance.paints, phase.paints};
    };
    const auto [eluVariance, eluPhase] = paintsAfter(QStringLiteral("elu"), QStringLiteral("alpha"), 0.5);
    EXPECT_GE(eluVariance, 1) << "ELU's variance line moved";
    EXPECT_EQ(eluPhase, 0) << "nothing on SELU's phase plane changed";
    const auto [seluVariance, seluPhase] = paintsAfter(QStringLiteral("selu"), QStringLiteral("lambda"), 1.2);
    EXPECT_GE(seluVariance, 1);
    EXPECT_GE(seluPhase, 1) << "SELU's trajectories moved";
}

TEST_F(DepthLabViewTest, PhasePlotConvergesOnSelusFixedPoint)
{
    DepthLabView view(state);
    settle();
    const DepthChartContent& phase = view.chartContent(Chart::SeluPhase);
    ASSERT_EQ(phase.markers.size(), 1u);
    EXPECT_NEAR(phase.markers[0].x(), 0.0, 1e-9);
    EXPECT_NEAR(phase.markers[0].y(), 1.0, 1e-9);
    ASSERT_GE(phase.series.size(), 3u);
    for (const DepthSeries& path : phase.series) {
        ASSERT_FALSE(path.line.empty());
        EXPECT_NEAR(path.line.back().x(), 0.0, 0.01);
        EXPECT_NEAR(path.line.back().y(), 1.0, 0.01);
    }
    EXPECT_FALSE(phase.arrows.empty());
}

TEST_F(DepthLabViewTest, SimulationRunsInTheBackgroundAndAddsDots)
{
    DepthLabView view(state);
    view.setWidth(64);
    view.setDepth(6);
    settle();
    QSignalSpy finished(&view, &DepthLabView::simulationFinished);
    auto* simulate = view.findChild<QPushButton*>();
    ASSERT_NE(simulate, nullptr);
    view.simulate();
    EXPECT_TRUE(view.isSimulating());
    ASSERT_TRUE(finished.wait(60000));
    EXPECT_FALSE(finished.front().front().toBool());
    EXPECT_FALSE(view.isSimulating());
    EXPECT_EQ(view.findChild<QProgressBar*>()->value(), view.findChild<QProgressBar*>()->maximum());
    for (const DepthSeries& s : view.chartContent(Chart::DepthVariance).series)
        EXPECT_EQ(s.dots.size(), 7u) << s.label.toStdString();
    EXPECT_EQ(view.chartContent(Chart::DepthDead).series.size(), 3u);
    EXPECT_TRUE(
        view.reading(Chart::DepthDead).contains(QStringLiteral("SELU: f′ never vanishes, no unit can die")))
        << view.reading(Chart::DepthDead).toStdString();

    // A changed setup makes the dots belong to another network: they go.
    view.setBiasVariance(0.1);
    settle();
    for (const DepthSeries& s : view.chartContent(Chart::DepthVariance).series)
        EXPECT_TRUE(s.dots.empty());
}

TEST_F(DepthLabViewTest, CancelStopsALongSimulationQuickly)
{
    DepthLabView view(state);
    view.setWidth(1024);
    view.setDepth(200);
    settle();
    QSignalSpy finished(&view, &DepthLabView::simulationFinished);
    view.simulate();
    QTest::qWait(50);
    view.cancelSimulation();
    ASSERT_TRUE(finished.wait(10000));
    EXPECT_TRUE(finished.front().front().toBool());
    for (const DepthSeries& s : view.chartContent(Chart::DepthVariance).series)
        EXPECT_TRUE(s.dots.empty());
}

TEST_F(DepthLabViewTest, ChartsRenderToAnImageInTheActivationColours)
{
    DepthLabView view(state);
    settle();
    QImage image(640, 400, QImage::Format_ARGB32);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        view.paintChart(Chart::DepthGradient, painter, QRectF(0, 0, 640, 400));
    }
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2)
            colours.insert(image.pixel(x, y));
    EXPECT_GT(colours.size(), 20);
    EXPECT_EQ(depthChartFromName(QStringLiteral("selu-phase")), Chart::SeluPhase);
    EXPECT_EQ(chartName(Chart::DepthDead), QStringLiteral("depth-dead"));
    EXPECT_FALSE(depthChartFromName(QStringLiteral("depth")).has_value());

    const QString path = qEnvironmentVariable("AX_DEPTH_LAB_SNAPSHOT");
    if (!path.isEmpty()) {
        view.resize(1500, 900);
        QSaveFile file(path);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        ASSERT_TRUE(view.grab().save(&file, "PNG"));
        ASSERT_TRUE(file.commit());
    }
}

TEST_F(DepthLabViewTest, ChartsExportAsCompactVectorGraphics)
{
    DepthLabView view(state);
    settle();
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(QSize(800, 500));
        svg.setViewBox(QRect(0, 0, 800, 500));
        QPainter painter(&svg);
        view.paintChart(Chart::DepthVariance, painter, QRectF(0, 0, 800, 500));
    }
    const QByteArray text = buffer.data();
    EXPECT_TRUE(text.contains("<path")) << "curves must be drawn as paths";
    // One path per curve rather than one element per segment keeps slides and papers light.
    EXPECT_LT(text.size(), 150'000);
    EXPECT_TRUE(text.contains(QStringLiteral("Variance of pre-activations").toUtf8()));
}

TEST(DepthLabReadings, PowersOfTenUseSuperscripts)
{
    EXPECT_EQ(powerOfTen(-20), QStringLiteral("10⁻²⁰"));
    EXPECT_EQ(powerOfTen(7), QStringLiteral("10⁷"));
}

// The lab's network is part of the state: a session carries it, a bad value in a file is refused
// with a message naming it, and the view shows what a loaded session says.
TEST_F(DepthLabViewTest, TheNetworkIsSavedAndRestoredWithTheSession)
{
    DepthLabView view(state);
    view.setDepth(45);
    view.setWidth(512);
    view.setWeightInit(WeightInit::Custom, 1.7);
    view.setBiasVariance(0.2);
    view.setInput(0.5, 2.0);
    settle();
    const QJsonObject saved = state.toJson();
    const QJsonObject lab = saved.value(QStringLiteral("depthLab")).toObject();
    EXPECT_EQ(lab.value(QStringLiteral("depth")).toInt(), 45);
    EXPECT_EQ(lab.value(QStringLiteral("init")).toString(), QStringLiteral("custom"));

    ExplorerState other;
    DepthLabView otherView(other);
    ASSERT_FALSE(other.fromJson(saved).has_value());
    settle();
    EXPECT_EQ(other.depthLab(), state.depthLab());
    EXPECT_EQ(otherView.settings().depth, 45);
    EXPECT_EQ(otherView.settings().width, 512);
    EXPECT_DOUBLE_EQ(otherView.settings().weightVariance, 1.7);
    EXPECT_EQ(otherView.findChild<QSpinBox*>()->value(), 45);
    EXPECT_EQ(otherView.chartContent(Chart::DepthVariance).series.front().line.size(), 46u);

    QJsonObject bad = saved;
    QJsonObject badLab = lab;
    badLab.insert(QStringLiteral("depth"), 5000);
    bad.insert(QStringLiteral("depthLab"), badLab);
    const auto error = other.fromJson(bad);
    ASSERT_TRUE(error.has_value());
    EXPECT_TRUE(error->contains(QStringLiteral("depth"))) << error->toStdString();
    EXPECT_EQ(other.depthLab().depth, 45);  // nothing changed
    badLab = lab;
    badLab.insert(QStringLiteral("init"), QStringLiteral("glorot"));
    bad.insert(QStringLiteral("depthLab"), badLab);
    EXPECT_TRUE(other.fromJson(bad).has_value());
    EXPECT_EQ(other.depthLab().init, WeightInit::Custom);
}

}  // namespace
}  // namespace ax::ui

namespace ax::ui {
namespace {

TEST_F(DepthLabViewTest, TheWindowsChartIsWhatTheSharedPainterDrawsOfTheModel)
{
    DepthLabView view(state);
    view.resize(1200, 800);
    view.completeTheory();
    const auto charts = view.findChildren<DepthLabChart*>();
    ASSERT_EQ(charts.size(), 4);
    for (const Chart chart : kDepthCharts) {
        const DepthChartContent content = depthChartContent(view.model(), chart);
        EXPECT_EQ(view.chartContent(chart), content) << chartName(chart).toStdString();
        const DepthLabChart* widget = nullptr;
        for (const DepthLabChart* c : charts)
            if (c->content() == content) widget = c;
        ASSERT_NE(widget, nullptr) << chartName(chart).toStdString();
        const QImage shown =
            const_cast<DepthLabChart*>(widget)->grab().toImage().convertToFormat(QImage::Format_RGB32);
        QImage painted(shown.size(), QImage::Format_RGB32);
        {
            QPainter painter(&painted);
            painter.setFont(widget->font());
            paintDepthChart(painter, QRectF(QPointF(0, 0), QSizeF(shown.size())), content, widget->palette(),
                            nullptr, DepthLineWeight::Screen);
        }
        EXPECT_EQ(shown, painted) << chartName(chart).toStdString();
    }
}

TEST_F(DepthLabViewTest, EveryControlAndSetterEditsTheNetworkThroughTheState)
{
    DepthLabView view(state);
    QSignalSpy refused(&view, &DepthLabView::statusMessage);
    view.setDepth(17);
    EXPECT_EQ(state.depthLab().depth, 17);
    view.setWidth(256);
    EXPECT_EQ(state.depthLab().width, 256);
    view.setBiasVariance(0.3);
    EXPECT_EQ(state.depthLab().biasVariance, 0.3);
    view.setInput(0.5, 2.0);
    EXPECT_EQ(state.depthLab().inputMean, 0.5);
    EXPECT_EQ(state.depthLab().inputVariance, 2.0);
    view.setWeightInit(WeightInit::He);
    EXPECT_EQ(state.depthLab().init, WeightInit::He);
    EXPECT_TRUE(refused.isEmpty());

    // The controls show it, and editing one writes the state the same way.
    auto* depth = view.findChild<QSpinBox*>();
    ASSERT_NE(depth, nullptr);
    EXPECT_EQ(depth->value(), 17);
    depth->setValue(23);
    EXPECT_EQ(state.depthLab().depth, 23);

    // A value the state refuses leaves it and the controls as they were, and says why.
    const DepthLabNetwork before = state.depthLab();
    for (const auto& edit : std::initializer_list<std::function<void()>>{
             [&view] { view.setDepth(0); }, [&view] { view.setDepth(1'000'000); },
             [&view] { view.setWidth(100); }, [&view] { view.setInput(0.0, -1.0); },
             [&view] { view.setBiasVariance(-0.5); }}) {
        refused.clear();
        edit();
        EXPECT_EQ(state.depthLab(), before);
        EXPECT_EQ(refused.size(), 1);
        EXPECT_EQ(depth->value(), 23);
    }
}

}  // namespace
}  // namespace ax::ui
