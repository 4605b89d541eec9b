#pragma once
// The one paint routine of the charts, for any QPainter device (screen, QImage, SVG, PDF): the
// stacked f(z), f′(z), optional f″(z) and saturation charts over one shared z axis.

#include "ui/model/charts.h"
#include "ui/model/curve_cache.h"
#include "ui/model/explorer_state.h"
#include "ui/render/curve_path.h"
#include "ui/render/plot_ticks.h"

#include <QCoreApplication>
#include <QPalette>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>
#include <vector>

class QPainter;

namespace ax::ui {

// How and what to draw. Screen style follows palette; print style is black on white with
// thicker, dashed curves and larger text, whatever the palette says; presentation style follows
// palette at full contrast, with text and curves sized for the back of a lecture hall.
struct ChartRenderOptions {
    ChartStyle style = ChartStyle::Screen;
    QPalette palette;
    bool showFunction = true;
    bool showDerivative = true;
    bool showSecond = false;
    bool showSaturation = true;
    bool showLegend = true;
    bool fillBackground = true;  // false: leave the device's background (e.g. transparent PNG)
    QString caption;             // drawn above the legend when not empty
    double unit = 1.0;           // scale of fonts, pens and gaps (1 = the window's size)
    QString highlightedId;       // drawn thicker and on top; the others faded
    // When not empty, only these fade (to fadedAlpha) and the rest keep their full colour: a lesson
    // step fades the activations of earlier steps but not the ones it shows beside the new one.
    QStringList fadedIds;
    double fadedAlpha = 0.3;
    double curveWidth =
        0.0;  // screen style: 0 draws 1-pixel cosmetic curves; > 0 a width in layout pixels (× unit)
    double simplifyTolerance =
        0.0;  // > 0: device pixels a curve may move when a vector export drops its points
    // y limits of f, f′ and f″ (by Chart) that override the state's: an animation holds its axes.
    std::array<std::optional<YLimits>, 3> heldLimits{};
    // Each curve named at its right end, in a column beside the plots, so a figure reads without
    // the legend.
    bool directLabels = true;

    // The charts, style and highlight the state asks for, with palette for the colours.
    [[nodiscard]] static ChartRenderOptions fromState(const ExplorerState& state, const QPalette& palette);
};

// One chart of the stack: where it is and what its y axis shows.
struct ChartPanel {
    Chart kind = Chart::Function;
    QRectF plot;
    QRectF titleRect;
    QString title;
    QString axisTitle;
    double yMin = 0.0;
    double yMax = 1.0;
    PlotTicks yTicks;
    double zMin = 0.0;
    double zMax = 1.0;

    [[nodiscard]] PlotMapping mapping() const { return {plot, zMin, zMax, yMin, yMax}; }
};

struct LegendItem {
    QString id;
    QString text;
    QRectF rect;
};

// A curve's name beside the right edge of a chart, joined by a leader to where the curve leaves it.
struct DirectLabel {
    QString id;
    QString text;
    Chart chart = Chart::Function;
    QRectF rect;     // the text's box
    QPointF anchor;  // the curve's last point at the plot's right edge
};

struct SaturationLane {
    QString id;
    QString label;
    QRectF rect;
};

// Where everything goes inside a target rectangle; also what hit tests use.
struct ChartLayout {
    QRectF target;
    double zMin = 0.0;
    double zMax = 1.0;
    double plotLeft = 0.0;
    double plotRight = 1.0;
    double labelWidth = 0.0;  // of the direct labels' column right of the plots; 0 without one
    PlotTicks zTicks;
    QRectF captionRect;
    std::vector<ChartPanel> panels;
    std::vector<LegendItem> legend;
    std::vector<SaturationLane> lanes;

    [[nodiscard]] const ChartPanel* panel(Chart kind) const;
    [[nodiscard]] const ChartPanel* panelAt(const QPointF& point) const;
    [[nodiscard]] double xForZ(double z) const noexcept;
    [[nodiscard]] double zForX(double x) const noexcept;
    // Whether x lies over the plots (between the shared left and right edges).
    [[nodiscard]] bool overPlots(double x) const noexcept { return x >= plotLeft && x <= plotRight; }
};

class ChartPainter {
    Q_DECLARE_TR_FUNCTIONS(ax::ui::ChartPainter)

public:
    // curves must have been refreshed from state.
    ChartPainter(const ExplorerState& state, const CurveCache& curves, ChartRenderOptions options);

    [[nodiscard]] ChartLayout layout(const QRectF& target) const;

    // Everything at once: what exports and screenshots use.
    void paint(QPainter& painter, const QRectF& target) const;

    // The pieces, for a widget that caches what did not change.
    void paintFrame(QPainter& painter, const ChartLayout& layout) const;  // background, grid, axes, titles
    // The curves, jump markers and saturation lanes of ids (a lane is first cleared to the background),
    // on the charts listed (Chart::Saturation for the lanes; empty: every chart). Nothing of a chart's
    // curves falls outside its plot, so charts can be drawn apart and put together.
    void paintActivations(QPainter& painter, const ChartLayout& layout, const QStringList& ids,
                          const QList<Chart>& charts = {}) const;
    void paintLegend(QPainter& painter, const ChartLayout& layout) const;
    // The direct labels of every value chart: spread so that none overlaps another, in the order of
    // where their curves end; when a chart has no room for all, the emphasised curves keep theirs.
    [[nodiscard]] std::vector<DirectLabel> directLabels(const ChartLayout& layout) const;
    void paintDirectLabels(QPainter& painter, const ChartLayout& layout) const;

    // Call before the application object exists. Qt draws glyphs above 64 device pixels as outlines,
    // several times slower than its glyph cache: a presented title at device pixel ratio 2 is 68.
    static void cacheLargeGlyphs();

    // The unit the presentation style uses at least for a target this tall: text and lines grow
    // with the picture, so a title is 3 % of the height and a curve 3 px at 1080 pixels.
    [[nodiscard]] static double presentationUnit(double height) noexcept;

    // The auto-fit y limits of a chart (see the rule in the source).
    [[nodiscard]] YLimits autoLimits(Chart kind) const;

    // One call for exports: samples the state into a temporary cache and paints into target.
    static void render(QPainter& painter, const QRectF& target, const ExplorerState& state,
                       const ChartRenderOptions& options);

private:
    [[nodiscard]] YLimits limitsFor(Chart kind) const;
    [[nodiscard]] QColor background() const;
    [[nodiscard]] QColor foreground() const;
    [[nodiscard]] QColor curveColour(const QString& id) const;
    // The pen pattern of id's curve and legend line: in print, by its place among the shown curves
    // so that each differs; on screen, dashed where its colour is near another's.
    void applyDash(QPen& pen, const QString& id) const;
    [[nodiscard]] QString laneLabel(const QString& id) const;
    // Whether id is drawn at full strength (not faded behind a highlight or an earlier lesson step).
    [[nodiscard]] bool emphasised(const QString& id) const;
    [[nodiscard]] double curvePenWidth(bool highlighted) const;
    void paintCurve(QPainter& painter, const ChartPanel& panel, const CurveEntry& entry,
                    double columnWidth) const;
    // RReLU's training-time spread behind its curve: between l z and u z on f, l and u on f′.
    void paintRandomSlopeBand(QPainter& painter, const ChartPanel& panel, const QString& id) const;
    void paintLane(QPainter& painter, const SaturationLane& lane, const CurveEntry& entry,
                   const ChartLayout& layout) const;

    const ExplorerState& m_state;
    const CurveCache& m_curves;
    ChartRenderOptions m_options;
};

}  // namespace ax::ui
