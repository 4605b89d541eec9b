#pragma once
// One activation's network in the training lab, drawn small: the class it predicts over the plane
// (or the curve it fits to a regression target) with the data on top, titled with the activation's
// name in its colour, and naming the values under the pointer.

#include "core/training/training_race.h"

#include <QColor>
#include <QImage>
#include <QPixmap>
#include <QString>
#include <QWidget>

#include <optional>

namespace ax::ui {

class DecisionRegionThumbnail : public QWidget {
    Q_OBJECT

public:
    static constexpr int kPlotSide = 150;  // pixels of the square plot

    explicit DecisionRegionThumbnail(QWidget* parent = nullptr);

    // What to draw: the activation's name (caption: with its parameters, for the tooltip), its
    // colour, and its part of the race's published snapshot; data is the race's data set and must
    // outlive the next call.
    void setContestant(const QString& name, const QString& caption, const QColor& colour,
                       const core::ContestantHistory& history, const core::Dataset* data);

    [[nodiscard]] const QString& name() const noexcept { return m_name; }
    [[nodiscard]] const core::DecisionRegions& regions() const noexcept { return m_regions; }
    // The colour of class k, the same in every thumbnail.
    [[nodiscard]] static QColor classColour(int k);

    // The tooltip at pos (in widget coordinates): the activation, the point, what its network
    // predicts there, and its latest loss and accuracy; empty outside the plot.
    [[nodiscard]] QString hoverText(const QPointF& pos) const;

    // The size of every thumbnail drawn with this font.
    [[nodiscard]] static QSize sizeFor(const QFont& font);
    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    [[nodiscard]] QRectF plotRect() const;
    [[nodiscard]] double titleHeight() const;
    // The regions as one pixel per cell, blended toward the background so the data stays readable.
    void rebuildRegionImage();
    // The data points do not change during a race: drawn once per race, size and palette.
    void rebuildPointLayer();
    [[nodiscard]] QString scoreText() const;

    QString m_name;
    QString m_caption;
    QColor m_colour;
    bool m_diverged = false;
    core::DecisionRegions m_regions;
    std::optional<core::Measurement> m_latest;
    const core::Dataset* m_data = nullptr;
    QImage m_regionImage;
    QPixmap m_points;
    QString m_pointsKey;  // what m_points was drawn for
};

}  // namespace ax::ui
