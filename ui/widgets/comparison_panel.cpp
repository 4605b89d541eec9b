#include "ui/widgets/comparison_panel.h"

#include "ui/model/comparison_model.h"
#include "ui/model/comparison_proxy.h"
#include "ui/model/explorer_state.h"
#include "ui/render/table_export.h"
#include "ui/widgets/details_pane.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHideEvent>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QKeySequence>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace ax::ui {

namespace {

using Column = ComparisonModel::Column;

// Starting widths in characters; long text columns elide and can be widened by the user.
int initialWidthInCharacters(Column column)
{
    switch (column) {
        case Column::Name:
            return 28;
        case Column::Formula:
            return 26;
        case Column::Range:
            return 16;
        case Column::Problem:
        case Column::Solution:
            return 34;
        default:
            return 0;  // fit the header and contents
    }
}

}  // namespace

ComparisonPanel::ComparisonPanel(ExplorerState& state, QWidget* parent)
    : QWidget(parent),
      m_state(state),
      m_model(new ComparisonModel(state, this)),
      m_proxy(new ComparisonProxy(this))
{
    setObjectName(QStringLiteral("comparisonPanel"));
    m_proxy->setSourceModel(m_model);

    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter by name or any word of the explanations…"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter activations"));
    m_filter->setToolTip(
        tr("Shows only the rows whose name, formula or explanation contains every word typed"));
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &ComparisonProxy::setFilterText);

    auto* exportButton = new QToolButton(this);
    exportButton->setText(tr("Export…"));
    exportButton->setToolTip(tr("Save the table as shown to CSV, Markdown, LaTeX or HTML"));
    connect(exportButton, &QToolButton::clicked, this, &ComparisonPanel::exportTable);

    m_view = new QTableView(this);
    m_view->setModel(m_proxy);
    m_view->setAccessibleName(tr("Comparison of activation functions"));
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder);  // catalog order until a header is clicked
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->verticalHeader()->setVisible(false);
    // Cells are one line (long text elides), so every row has the same height; sizing rows to their
    // contents would lay out every cell's text again at each parameter change during a drag.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(
        std::max(m_view->fontMetrics().height(), m_view->style()->pixelMetric(QStyle::PM_SmallIconSize)) + 8);
    m_view->horizontalHeader()->setSectionsMovable(true);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    const int charWidth = m_view->fontMetrics().averageCharWidth();
    for (int c = 0; c < m_model->columnCount(); ++c) {
        const int characters = initialWidthInCharacters(static_cast<Column>(c));
        if (characters > 0)
            m_view->setColumnWidth(c, characters * charWidth);
        else
            m_view->resizeColumnToContents(c);
    }
    connect(m_view, &QTableView::customContextMenuRequested, this, &ComparisonPanel::showContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current, const QModelIndex&) { onCurrentRowChanged(current); });

    // The view's own copy takes a single cell; whole rows with their header are more useful.
    m_view->installEventFilter(this);

    m_details = new DetailsPane(state, m_model->explanations(), this);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto* top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(exportButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);

    connect(&m_state, &ExplorerState::changed, this, [this](const StateChange& change) {
        if (change.touches(StateChange::Highlight)) onStateChanged();
    });
    onStateChanged();
}

QString ComparisonPanel::selectedId() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    return current.isValid() ? current.data(ComparisonModel::IdRole).toString() : QString();
}

void ComparisonPanel::onCurrentRowChanged(const QModelIndex& current)
{
    const QString id = current.isValid() ? current.data(ComparisonModel::IdRole).toString() : QString();
    m_details->showActivation(id);
    if (!id.isEmpty()) m_state.setHighlightedId(id);
}

void ComparisonPanel::onStateChanged()
{
    selectId(m_state.highlightedId());
}

void ComparisonPanel::selectId(const QString& id)
{
    if (id.isEmpty() || id == selectedId()) return;
    const int sourceRow = m_model->rowOf(id);
    if (sourceRow < 0) return;
    QModelIndex index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    if (!index.isValid()) {
        // A filter hides the row; showing the highlighted activation matters more.
        m_filter->clear();
        index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    }
    m_view->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void ComparisonPanel::hideEvent(QHideEvent* event)
{
    // A row picked in a closed table would keep the other curves faded with nothing to show why.
    if (!event->spontaneous()) {
        const QString id = selectedId();
        m_view->selectionModel()->clear();
        if (!id.isEmpty() && m_state.highlightedId() == id) m_state.setHighlightedId({});
    }
    QWidget::hideEvent(event);
}

bool ComparisonPanel::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->matches(QKeySequence::Copy)) {
        copySelection();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void ComparisonPanel::showContextMenu(const QPoint& position)
{
    const QModelIndex index = m_view->indexAt(position);
    if (!index.isValid()) return;
    const QString id = index.data(ComparisonModel::IdRole).toString();
    QMenu menu(this);
    const bool enabled = m_state.isEnabled(id);
    QAction* toggle = menu.addAction(enabled ? tr("Hide from the charts") : tr("Show on the charts"));
    connect(toggle, &QAction::triggered, this, [this, id, enabled] { m_state.setEnabled(id, !enabled); });
    QAction* copy = menu.addAction(tr("Copy selected rows"));
    copy->setShortcut(QKeySequence::Copy);
    connect(copy, &QAction::triggered, this, &ComparisonPanel::copySelection);
    menu.addSeparator();
    QAction* save = menu.addAction(tr("Export table…"));
    connect(save, &QAction::triggered, this, &ComparisonPanel::exportTable);
    emit contextMenuAboutToShow(&menu, id);
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

void ComparisonPanel::copySelection() const
{
    QList<int> rows;
    for (const QModelIndex& index : m_view->selectionModel()->selectedRows())
        rows << index.row();
    std::sort(rows.begin(), rows.end());
    QStringList lines;
    QStringList header;
    for (int c = 0; c < m_proxy->columnCount(); ++c)
        header << m_proxy->headerData(c, Qt::Horizontal).toString();
    lines << header.join(QLatin1Char('\t'));
    for (const int row : rows) {
        QStringList cells;
        for (int c = 0; c < m_proxy->columnCount(); ++c)
            cells << m_proxy->index(row, c).data().toString();
        lines << cells.join(QLatin1Char('\t'));
    }
    if (rows.isEmpty()) return;
    QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
}

void ComparisonPanel::exportTable()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export table"), QStringLiteral("activations.csv"),
                                     tr("CSV (*.csv);;Markdown (*.md);;LaTeX (*.tex);;HTML (*.html)"));
    if (path.isEmpty()) return;
    if (const auto error = writeTable(*m_proxy, path)) QMessageBox::warning(this, tr("Export table"), *error);
}

}  // namespace ax::ui
