#pragma once
// The stacked charts sharing one z axis: f(z), f′(z), optionally f″(z), and the saturation lanes.

#include <QWidget>

namespace ax::ui {

class ExplorerState;

class ChartArea : public QWidget {
    Q_OBJECT

public:
    explicit ChartArea(ExplorerState& state, QWidget* parent = nullptr);

    // Back to the default z range and automatic y limits.
    void resetView();

signals:
    // A short message for the status bar (e.g. a refused zoom).
    void statusMessage(const QString& message);

private:
    ExplorerState& m_state;
};

}  // namespace ax::ui
