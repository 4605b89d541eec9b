#pragma once
// The stacked charts sharing one z axis: f(z), f′(z), optionally f″(z), and the saturation lanes.

#include "core/activation.h"
#include "ui/model/curve_cache.h"
#include "ui/render/chart_painter.h"

#include <QColor>
#include <QHash>
#include <QImage>
#include <QPixmap>
#include <QRegion>
#include <QStringList>
#include <QWidget>

#include <array>
#include <optional>
#include <utility>
#include <vector>

namespace ax::ui {

class ExplorerState;
struct StateChange;

// What the hover readout says about one activation at the cursor's z (values from the core).
struct ReadoutRow {
    QString id;
    QString caption;
    QColor colour;
    core::Derivatives values;
    bool dead = false;       // inside one of its dead intervals
    bool saturated = false;  // |f′| < ε but not dead
    bool defined = true;     // f is a finite number at this z (not e.g. log(z) for z < 0)
};

// The readout's cells for one row: caption, f, f′ (f″ when shown) and dead/saturated; where f is
// not defined every value reads "undefined", since derivatives of an undefined f mean nothing.
[[nodiscard]] QStringList readoutCells(const ReadoutRow& row, bool secondDerivative);

class ChartArea : public QWidget {
    Q_OBJECT

public:
    explicit ChartArea(ExplorerState& state, QWidget* parent = nullptr);

    // Back to the default z range and automatic y limits.
    void resetView();

    // The same drawing the widget shows, on any device (image, SVG, PDF): see ChartPainter.
    void render(QPainter& painter, const QRectF& target, const ChartRenderOptions& options);

    // What a lesson being presented adds to the state's view: the activations of earlier steps fade
    // back (empty: none), and y limits held while a step moves into the next (nullopt: the usual ones).
    void setFadedIds(const QStringList& ids, double alpha = 0.3);
    void setHeldLimits(const std::array<std::optional<YLimits>, 3>& limits);
    [[nodiscard]] const std::array<std::optional<YLimits>, 3>& heldLimits() const noexcept { return m_held; }
    // Text and lines larger than the window's (see ChartRenderOptions::unit and curveWidth), so a
    // presented chart is read across a room; 1 and 0 are the window's own.
    void setScale(double unit, double curveWidth);
    // A style that overrides the state's while set: presenting uses the presentation style whatever
    // style the steps were saved in.
    void setStyleOverride(std::optional<ChartStyle> style);

    // The cached samples and intervals, brought up to date with the state first.
    [[nodiscard]] const CurveCache& curves();
    // Where everything is at the widget's current size (axis limits, ticks, lanes, legend).
    [[nodiscard]] ChartLayout currentLayout();
    // The readout for z: one row per enabled activation, in catalog order.
    [[nodiscard]] std::vector<ReadoutRow> readout(double z) const;
    // The z under the hover cursor, if the mouse is over the charts; it follows the range as painted, so
    // the cursor stays under the mouse while the range moves beneath it (keys, wheel).
    [[nodiscard]] std::optional<double> hoverZ() const noexcept
    {
        return m_hovering ? std::optional<double>(m_layout.zForX(m_hoverX)) : std::nullopt;
    }
    // The activation drawn near a point of the widget (curve, lane or legend entry); empty if none.
    [[nodiscard]] QString activationAt(const QPointF& point);

signals:
    // A short message for the status bar (e.g. a refused zoom).
    void statusMessage(const QString& message);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void onStateChanged(const StateChange& change);
    // A repaint of what a change moved, asked for once the event loop has delivered every change of
    // this frame (a lesson's transition sets the range, the limits and several parameters at once).
    void scheduleRepaint();
    void repaintChanged();
    // What differs between the charts as shown and as the state now draws them: the plots, and the
    // ticks, labels and legend where they moved; the whole widget when anything else moved. Qt then
    // fills, blits and sends to the screen only that, which on a 4K screen is most of a frame's cost.
    [[nodiscard]] QRegion changedRegion();
    [[nodiscard]] ChartRenderOptions screenOptions() const;
    // Applies a new range through the state; a refusal is reported and the old view kept.
    void requestRange(double zMin, double zMax);
    void zoomAbout(double z, double factor);
    void panByFraction(double fraction);
    void paintOverlay(QPainter& painter, const ChartLayout& layout);
    void paintReadout(QPainter& painter, const ChartLayout& layout, double x);
    [[nodiscard]] bool baseIsCurrent(const ChartLayout& layout, const QStringList& baseIds,
                                     const ChartRenderOptions& options) const;

    enum class DragMode { None, Pan, Select };

    ExplorerState& m_state;
    CurveCache m_curves;

    // Background, axes and the curves of every activation not being edited, drawn once and
    // reused while one activation's parameters change.
    QPixmap m_base;
    bool m_baseDirty = true;
    ChartLayout m_baseLayout;
    QStringList m_baseIds;
    QHash<QString, std::pair<quint64, quint64>> m_baseRevisions;
    qint64 m_basePaletteKey = 0;
    QString m_baseHighlight;
    ChartStyle m_baseStyle = ChartStyle::Screen;
    std::vector<QImage> m_layers;  // what the second core draws, reused from frame to frame
    QStringList m_frontIds;        // the activations whose parameters changed last
    StateChange::Parts m_changedSincePaint;
    QStringList m_faded;
    double m_fadedAlpha = 0.3;
    std::array<std::optional<YLimits>, 3> m_held{};
    double m_unit = 1.0;
    double m_curveWidth = 0.0;
    std::optional<ChartStyle> m_styleOverride;

    ChartLayout m_layout;  // as last painted, for hit tests
    ChartLayout m_shown;   // as last painted, for what a change must repaint
    bool m_repaintPending = false;
    bool m_repaintAll = true;  // a change since the last repaint moved more than the range or parameters
    bool m_hovering = false;
    double m_hoverX = 0.0;
    DragMode m_drag = DragMode::None;
    QPointF m_pressPos;
    double m_pressZMin = 0.0;
    double m_pressZMax = 0.0;
    bool m_moved = false;
    double m_selectX = 0.0;
};

}  // namespace ax::ui
