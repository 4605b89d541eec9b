#include "ui/widgets/comparison_table_view.h"

#include "ui/widgets/comparison_cell_delegate.h"

#include <QAbstractProxyModel>
#include <QEvent>
#include <QHeaderView>

#include <algorithm>

namespace ax::ui {

ComparisonTableView::ComparisonTableView(QWidget* parent) : QTableView(parent)
{
    setItemDelegate(new ComparisonCellDelegate(this));
    setWordWrap(true);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Heights are set here, not by the header: ResizeToContents would lay out every cell's text
    // again at each parameter change during a drag.
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_layoutTimer.setSingleShot(true);
    m_layoutTimer.setInterval(0);
    connect(&m_layoutTimer, &QTimer::timeout, this, &ComparisonTableView::layOutWhenSeen);
    connect(horizontalHeader(), &QHeaderView::sectionResized, this, &ComparisonTableView::scheduleRowHeights);
}

void ComparisonTableView::setModel(QAbstractItemModel* model)
{
    if (this->model()) disconnect(this->model(), nullptr, this, nullptr);
    QTableView::setModel(model);
    if (!model) return;
    connect(model, &QAbstractItemModel::modelReset, this, &ComparisonTableView::scheduleRowHeights);
    connect(model, &QAbstractItemModel::columnsInserted, this, &ComparisonTableView::scheduleRowHeights);
    connect(model, &QAbstractItemModel::columnsRemoved, this, &ComparisonTableView::scheduleRowHeights);
    connect(model, &QAbstractItemModel::layoutChanged, this, &ComparisonTableView::reapplyRowHeights);
    connect(model, &QAbstractItemModel::rowsInserted, this, &ComparisonTableView::reapplyRowHeights);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &ComparisonTableView::reapplyRowHeights);
    scheduleRowHeights();
}

void ComparisonTableView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange ||
        event->type() == QEvent::PaletteChange)
        scheduleRowHeights();
    QTableView::changeEvent(event);
}

void ComparisonTableView::showEvent(QShowEvent* event)
{
    QTableView::showEvent(event);
    if (m_layoutPending) updateRowHeights();
}

void ComparisonTableView::layOutWhenSeen()
{
    if (isVisible())
        updateRowHeights();
    else
        m_layoutPending = true;
}

void ComparisonTableView::scheduleRowHeights()
{
    m_heights.clear();
    m_layoutTimer.start();
}

int ComparisonTableView::gridLine() const
{
    return showGrid() ? 1 : 0;
}

int ComparisonTableView::sourceRowOf(int row) const
{
    const auto* proxy = qobject_cast<const QAbstractProxyModel*>(model());
    return proxy ? proxy->mapToSource(proxy->index(row, 0)).row() : row;
}

QStyleOptionViewItem ComparisonTableView::cellOption(const QModelIndex& index) const
{
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    // The grid line takes a pixel of the column: the text has what visualRect() gives it.
    option.rect = QRect(0, 0, columnWidth(index.column()) - gridLine(), 1'000'000);
    return option;
}

int ComparisonTableView::heightForRow(int row) const
{
    int height = 0;
    for (int c = 0; c < model()->columnCount(); ++c) {
        if (isColumnHidden(c)) continue;
        const QModelIndex index = model()->index(row, c);
        const QStyleOptionViewItem option = cellOption(index);
        height = std::max(height, itemDelegateForIndex(index)->sizeHint(option, index).height());
    }
    return height + gridLine();
}

void ComparisonTableView::updateRowHeights()
{
    m_layoutTimer.stop();
    m_layoutPending = false;
    if (!model()) return;
    ensurePolished();
    ++m_rowLayouts;
    m_heights.clear();
    for (int row = 0; row < model()->rowCount(); ++row) {
        const int height = heightForRow(row);
        m_heights.insert(sourceRowOf(row), height);
        setRowHeight(row, height);
    }
}

void ComparisonTableView::reapplyRowHeights()
{
    if (!model()) return;
    for (int row = 0; row < model()->rowCount(); ++row) {
        const auto it = m_heights.constFind(sourceRowOf(row));
        if (it == m_heights.constEnd()) {
            scheduleRowHeights();
            return;
        }
        setRowHeight(row, *it);
    }
}

}  // namespace ax::ui
