#pragma once
// The training lab's decision regions: one thumbnail per runner of the race, as many to a row as
// the width allows, refreshed from the race's published snapshot.

#include "core/training/training_race.h"

#include <QColor>
#include <QList>
#include <QString>
#include <QWidget>

#include <vector>

class QGridLayout;

namespace ax::ui {

class DecisionRegionThumbnail;

class DecisionRegionGrid : public QWidget {
    Q_OBJECT

public:
    // How a runner is named and coloured, in the order of the snapshot's contestants.
    struct Runner {
        QString name;
        QString caption;  // with its parameters
        QColor colour;
    };

    explicit DecisionRegionGrid(QWidget* parent = nullptr);

    // One thumbnail per contestant of snapshot; data is the race's data set and must stay valid
    // until the next call.
    void show(const core::RaceSnapshot& snapshot, const std::vector<Runner>& runners,
              const core::Dataset* data);

    [[nodiscard]] QList<DecisionRegionThumbnail*> thumbnails() const { return m_thumbnails; }

    [[nodiscard]] bool hasHeightForWidth() const override { return true; }
    [[nodiscard]] int heightForWidth(int width) const override;
    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    [[nodiscard]] int columnsFor(int width) const;
    // Puts the thumbnails in rows of as many as fit.
    void arrange();

    QGridLayout* m_layout = nullptr;
    QList<DecisionRegionThumbnail*> m_thumbnails;
    int m_columns = 0;
};

}  // namespace ax::ui
