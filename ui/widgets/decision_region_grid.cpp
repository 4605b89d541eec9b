#include "ui/widgets/decision_region_grid.h"

#include "ui/widgets/decision_region_thumbnail.h"

#include <QGridLayout>
#include <QResizeEvent>

#include <algorithm>

namespace ax::ui {

namespace {

constexpr int kSpacing = 8;

}  // namespace

DecisionRegionGrid::DecisionRegionGrid(QWidget* parent) : QWidget(parent), m_layout(new QGridLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(kSpacing);
    m_layout->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void DecisionRegionGrid::show(const core::RaceSnapshot& snapshot, const std::vector<Runner>& runners,
                              const core::Dataset* data)
{
    const auto count = static_cast<qsizetype>(snapshot.contestants.size());
    bool rearrange = count != m_thumbnails.size();
    while (m_thumbnails.size() > count)
        delete m_thumbnails.takeLast();
    while (m_thumbnails.size() < count)
        m_thumbnails << new DecisionRegionThumbnail(this);
    for (qsizetype i = 0; i < count; ++i) {
        const auto at = static_cast<std::size_t>(i);
        const core::ContestantHistory& history = snapshot.contestants[at];
        const Runner runner = at < runners.size()
                                  ? runners[at]
                                  : Runner{QString::fromStdString(history.id),
                                           QString::fromStdString(history.id), QColor(Qt::gray)};
        m_thumbnails[i]->setContestant(runner.name, runner.caption, runner.colour, history, data);
    }
    if (rearrange) {
        m_columns = 0;
        arrange();
    }
}

int DecisionRegionGrid::columnsFor(int width) const
{
    const int cell = DecisionRegionThumbnail::sizeFor(font()).width() + kSpacing;
    return std::max(1, (width + kSpacing) / cell);
}

int DecisionRegionGrid::heightForWidth(int width) const
{
    if (m_thumbnails.isEmpty()) return 0;
    const int columns = columnsFor(width);
    const auto rows = static_cast<int>((m_thumbnails.size() + columns - 1) / columns);
    const int cell = DecisionRegionThumbnail::sizeFor(font()).height();
    return rows * cell + (rows - 1) * kSpacing;
}

QSize DecisionRegionGrid::sizeHint() const
{
    const int width = 4 * (DecisionRegionThumbnail::sizeFor(font()).width() + kSpacing) - kSpacing;
    return {width, heightForWidth(width)};
}

QSize DecisionRegionGrid::minimumSizeHint() const
{
    const QSize cell = DecisionRegionThumbnail::sizeFor(font());
    return {cell.width(), m_thumbnails.isEmpty() ? 0 : cell.height()};
}

void DecisionRegionGrid::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    if (columnsFor(event->size().width()) != m_columns) arrange();
    // The rows the width leaves, held as a minimum: a scroll area does not ask for height for width.
    setMinimumHeight(heightForWidth(event->size().width()));
}

void DecisionRegionGrid::arrange()
{
    const int columns = columnsFor(width());
    if (columns == m_columns && m_layout->count() == m_thumbnails.size()) return;
    m_columns = columns;
    for (DecisionRegionThumbnail* thumbnail : m_thumbnails)
        m_layout->removeWidget(thumbnail);
    for (qsizetype i = 0; i < m_thumbnails.size(); ++i) {
        m_layout->addWidget(m_thumbnails[i], static_cast<int>(i / columns), static_cast<int>(i % columns));
        m_thumbnails[i]->setVisible(true);
    }
    setMinimumHeight(heightForWidth(width()));
    updateGeometry();
}

}  // namespace ax::ui
