#pragma once
// One chart of the depth lab on screen: painted by the routine every export uses, and naming the
// line under the pointer.

#include "ui/render/depth_chart_painter.h"

#include <QString>
#include <QWidget>

#include <vector>

namespace ax::ui {

class DepthLabChart : public QWidget {
    Q_OBJECT

public:
    explicit DepthLabChart(QWidget* parent = nullptr);

    void setContent(DepthChartContent content);
    [[nodiscard]] const DepthChartContent& content() const noexcept { return m_content; }

    // What the pointer at pos rests on: "ReLU, layer 12: 0.473", or empty when no line is near.
    [[nodiscard]] QString hoverText(const QPointF& pos) const;

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;

private:
    DepthChartContent m_content;
    std::vector<DrawnDepthLine> m_drawn;  // as last painted
};

}  // namespace ax::ui
