// Each curve named at its right end, so a figure reads without the legend: the labels of a chart
// never overlap, stay beside the plots, sit as near their curves as room allows, and when a chart
// cannot hold them all the emphasised curves keep theirs. Also the presentation style's sizes.

#include "ui/model/activation_palette.h"
#include "ui/model/curve_cache.h"
#include "ui/model/explorer_state.h"
#include "ui/model/lesson_file.h"
#include "ui/render/chart_painter.h"
#include "ui/render/figure_export.h"

#include <QGuiApplication>
#include <QImage>
#include <QPainter>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace ax::ui {
namespace {

struct Labelled {
    ChartLayout layout;
    std::vector<DirectLabel> labels;
};

Labelled labelsOf(const ExplorerState& state, const QSizeF& size, const ChartRenderOptions& options)
{
    CurveCache curves;
    curves.refresh(state);
    const ChartPainter painter(state, curves, options);
    Labelled result;
    result.layout = painter.layout(QRectF(QPointF(0, 0), size));
    result.labels = painter.directLabels(result.layout);
    return result;
}

Labelled labelsOf(const ExplorerState& state, const QSizeF& size, ChartStyle style = ChartStyle::Screen)
{
    ChartRenderOptions options = ChartRenderOptions::fromState(state, QGuiApplication::palette());
    options.style = style;
    if (style == ChartStyle::Presentation) options.unit = ChartPainter::presentationUnit(size.height());
    return labelsOf(state, size, options);
}

// No two labels share a pixel, each lies right of the plots inside the picture, and each is level
// with its curve's end when nothing pushed it away.
void expectReadable(const Labelled& result, const std::string& where)
{
    const auto& labels = result.labels;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const DirectLabel& label = labels[i];
        EXPECT_GE(label.rect.left(), result.layout.plotRight) << where << ": " << label.id.toStdString();
        EXPECT_LE(label.rect.right(), result.layout.target.right() + 0.5) << where;
        const ChartPanel* panel = result.layout.panel(label.chart);
        ASSERT_NE(panel, nullptr);
        // Between the chart's title row and the next chart's title (or the last plot's foot, above
        // the z ticks).
        double foot = panel->plot.bottom();
        for (std::size_t p = 0; p + 1 < result.layout.panels.size(); ++p)
            if (&result.layout.panels[p] == panel) foot = result.layout.panels[p + 1].titleRect.top();
        EXPECT_GE(label.rect.top(), panel->titleRect.top() - 0.5) << where << ": " << label.id.toStdString();
        EXPECT_LE(label.rect.bottom(), foot + 0.5) << where << ": " << label.id.toStdString();
        EXPECT_FALSE(label.text.isEmpty()) << where;
        for (std::size_t j = i + 1; j < labels.size(); ++j)
            EXPECT_FALSE(label.rect.intersected(labels[j].rect).height() > 0.01)
                << where << ": " << label.id.toStdString() << " and " << labels[j].id.toStdString()
                << " overlap";
    }
}

int labelsOn(const Labelled& result, Chart chart, const QString& id)
{
    return static_cast<int>(
        std::count_if(result.labels.begin(), result.labels.end(),
                      [&](const DirectLabel& l) { return l.chart == chart && l.id == id; }));
}

TEST(DirectLabels, TheDefaultViewNamesEveryCurveOnEachValueChartWithoutOverlap)
{
    ExplorerState state;
    for (const QSizeF size : {QSizeF(1000, 620), QSizeF(1280, 720), QSizeF(1920, 1080)}) {
        const Labelled result = labelsOf(state, size);
        const std::string where = "default view at " + std::to_string(static_cast<int>(size.width()));
        expectReadable(result, where);
        for (const QString& id : state.enabledIds())
            for (const Chart chart : {Chart::Function, Chart::Derivative})
                EXPECT_EQ(labelsOn(result, chart, id), 1) << where << ": " << id.toStdString();
    }
}

TEST(DirectLabels, EveryChartStepOfTheShippedLessonIsLabelledWithoutOverlapInEveryStyle)
{
    auto read = LessonFile::shipped();
    ASSERT_TRUE(std::holds_alternative<Lesson>(read));
    const Lesson& lesson = std::get<Lesson>(read);
    int charts = 0;
    for (qsizetype s = 0; s < lesson.steps.size(); ++s) {
        const LessonStep& step = lesson.steps.at(s);
        if (step.view != LessonView::Charts) continue;
        ++charts;
        ExplorerState state;
        ASSERT_FALSE(state.setSession(step.session).has_value());
        state.setHighlightedId(step.introduces);
        for (const ChartStyle style : {ChartStyle::Screen, ChartStyle::Print, ChartStyle::Presentation})
            for (const QSizeF size : {QSizeF(1280, 720), QSizeF(1920, 1080), QSizeF(3840, 2160)}) {
                const Labelled result = labelsOf(state, size, style);
                const std::string where = step.title.toStdString() + " in " +
                                          chartStyleName(style).toStdString() + " at " +
                                          std::to_string(static_cast<int>(size.width()));
                expectReadable(result, where);
                for (const QString& id : state.enabledIds())
                    EXPECT_EQ(labelsOn(result, Chart::Function, id), 1) << where << ": " << id.toStdString();
            }
    }
    EXPECT_GE(charts, 8);
}

TEST(DirectLabels, ALabelSitsLevelWithItsCurveWhenNothingCrowdsIt)
{
    // Sigmoid ends at 1 and ReLU at 6 over [−6, 6]: far apart, so neither label moves.
    ExplorerState state;
    state.setEnabledIds({QStringLiteral("sigmoid"), QStringLiteral("relu")});
    ASSERT_FALSE(state.setRange(-6.0, 6.0).has_value());
    const Labelled result = labelsOf(state, QSizeF(1280, 720));
    expectReadable(result, "two curves");
    const ChartPanel* f = result.layout.panel(Chart::Function);
    ASSERT_NE(f, nullptr);
    for (const DirectLabel& label : result.labels) {
        if (label.chart != Chart::Function) continue;
        const double end = label.id == QLatin1String("relu") ? 6.0 : 1.0 / (1.0 + std::exp(-6.0));
        EXPECT_NEAR(label.anchor.y(), f->mapping().yForValue(end), 0.5) << label.id.toStdString();
        EXPECT_NEAR(label.rect.center().y(), label.anchor.y(), 0.5) << label.id.toStdString();
        EXPECT_NEAR(label.anchor.x(), f->plot.right(), 0.5);
    }
}

TEST(DirectLabels, ACrowdedChartKeepsTheHighlightedCurvesNameAndDropsNoneThatFit)
{
    ExplorerState state;
    state.setEnabledIds(state.activationIds());
    state.setHighlightedId(QStringLiteral("mish"));
    const Labelled small = labelsOf(state, QSizeF(900, 500));
    expectReadable(small, "all activations in a small window");
    EXPECT_EQ(labelsOn(small, Chart::Function, QStringLiteral("mish")), 1);
    const ChartPanel* f = small.layout.panel(Chart::Function);
    ASSERT_NE(f, nullptr);
    const auto onF = std::count_if(small.labels.begin(), small.labels.end(),
                                   [](const DirectLabel& l) { return l.chart == Chart::Function; });
    const double height = small.labels.front().rect.height();
    EXPECT_LT(onF, state.enabledIds().size()) << "a small chart has no room for 43 names";
    EXPECT_GE(onF, static_cast<qsizetype>(std::floor(f->plot.height() / height))) << "but fills what it has";
    expectReadable(labelsOf(state, QSizeF(3840, 2160), ChartStyle::Presentation), "all activations at 4K");
}

TEST(DirectLabels, AmongFadedCurvesTheMostRecentlyFadedKeepTheirNames)
{
    // A lesson's last steps: everything before Mish has faded, and Mish is compared with the two
    // just before it, GELU and Swish.
    ExplorerState state;
    const QStringList story = Session::storyIds();
    state.setEnabledIds(story);
    state.setHighlightedId(QStringLiteral("mish"));
    ChartRenderOptions options = ChartRenderOptions::fromState(state, QGuiApplication::palette());
    options.fadedIds = story.mid(0, story.size() - 1);
    const Labelled result = labelsOf(state, QSizeF(900, 420), options);
    expectReadable(result, "a short chart");
    const auto onF = std::count_if(result.labels.begin(), result.labels.end(),
                                   [](const DirectLabel& l) { return l.chart == Chart::Function; });
    ASSERT_LT(onF, story.size()) << "the chart must be too short for every name";
    for (const char* id : {"mish", "swish", "gelu"})
        EXPECT_EQ(labelsOn(result, Chart::Function, QString::fromLatin1(id)), 1) << id;
    EXPECT_EQ(labelsOn(result, Chart::Function, QStringLiteral("sigmoid")), 0)
        << "the first to fade gives way";
}

TEST(DirectLabels, AnExportedFigureCarriesTheNames)
{
    ExplorerState state;
    state.setEnabledIds({QStringLiteral("leaky_relu"), QStringLiteral("gelu")});
    FigureOptions options;
    options.chart = Chart::Function;
    const QByteArray svg = renderFigureBytes(state, options, FigureFormat::Svg);
    // The legend and the caption give Leaky ReLU's slope; the name alone is the label at its end.
    EXPECT_EQ(svg.count(">Leaky ReLU</text>"), 1) << svg.left(400).toStdString();
    EXPECT_EQ(svg.count(">GELU</text>"), 2) << "in the legend and at the curve's end";
}

TEST(PresentationStyle, TitlesAreThreePercentOfTheHeightAndCurvesThreePixelsAt1080p)
{
    ExplorerState state;
    state.setEnabledIds({QStringLiteral("relu")});
    ASSERT_FALSE(state.setRange(-4.0, 4.0).has_value());
    ChartRenderOptions options = ChartRenderOptions::fromState(state, QGuiApplication::palette());
    options.style = ChartStyle::Presentation;
    options.unit = ChartPainter::presentationUnit(1080.0);
    options.showLegend = false;
    options.showSaturation = false;
    options.directLabels = false;
    const QSize size(1920, 1080);
    const Labelled result = labelsOf(state, QSizeF(size), options);
    for (const ChartPanel& panel : result.layout.panels)
        EXPECT_GE(panel.titleRect.height(), 0.03 * size.height()) << panel.title.toStdString();

    // The ink of ReLU's f′ = 1 across one column right of 0: the picture with the curve against the
    // same frame without it.
    state.setYAxisMode(YAxisMode::Fixed);
    const auto paint = [&](const QStringList& ids) {
        state.setEnabledIds(ids);
        QImage image(size, QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        ChartPainter::render(painter, QRectF(QPointF(0, 0), QSizeF(size)), state, options);
        return image;
    };
    const QImage with = paint({QStringLiteral("relu")});
    const QImage without = paint({});
    const ChartPanel* d = result.layout.panel(Chart::Derivative);
    ASSERT_NE(d, nullptr);
    const int x = static_cast<int>(d->mapping().xForZ(3.1));
    const QColor colour = activationColour(state.session(), QStringLiteral("relu"));
    const int channel = colour.red() < colour.green() ? (colour.red() < colour.blue() ? 0 : 2)
                                                      : (colour.green() < colour.blue() ? 1 : 2);
    const auto value = [channel](const QColor& c) {
        return channel == 0 ? c.red() : channel == 1 ? c.green() : c.blue();
    };
    // Each pixel counts the fraction of the way it moved from what lay there (paper or grid) to the
    // curve's colour.
    double ink = 0.0;
    for (int y = static_cast<int>(d->plot.top()) + 2; y < static_cast<int>(d->plot.bottom()) - 2; ++y) {
        const int under = value(without.pixelColor(x, y));
        if (under != value(colour))
            ink += std::clamp(
                static_cast<double>(under - value(with.pixelColor(x, y))) / (under - value(colour)), 0.0,
                1.0);
    }
    EXPECT_GE(ink, 2.95) << "3 px";
    EXPECT_LE(ink, 3.6);
}

TEST(PresentationStyle, IsSavedInTheSessionByName)
{
    for (const ChartStyle style : {ChartStyle::Screen, ChartStyle::Print, ChartStyle::Presentation})
        EXPECT_EQ(chartStyleFromName(chartStyleName(style)), style);
    EXPECT_EQ(chartStyleName(ChartStyle::Presentation), QStringLiteral("presentation"));
    EXPECT_FALSE(chartStyleFromName(QStringLiteral("poster")).has_value());
}

}  // namespace
}  // namespace ax::ui
