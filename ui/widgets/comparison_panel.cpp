#include "ui/widgets/comparison_panel.h"

#include "core/activation.h"
#include "ui/model/comparison_model.h"
#include "ui/model/comparison_proxy.h"
#include "ui/model/explorer_state.h"
#include "ui/render/table_export.h"
#include "ui/widgets/comparison_table_view.h"
#include "ui/widgets/details_pane.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
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
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace ax::ui {

namespace {

using Column = ComparisonModel::Column;

// Starting widths in characters; paragraphs wrap at these widths and can be widened by the user.
int initialWidthInCharacters(Column column)
{
    switch (column) {
        case Column::Name:
            return 26;
        case Column::Formula:
            return 34;
        case Column::Range:
            return 16;  // room for bounds that move with the parameters, such as GELU's minimum
        case Column::Introduced:
        case Column::Maths:
            return 46;
        case Column::Strengths:
        case Column::Weaknesses:
        case Column::Problem:
        case Column::Solution:
            return 38;
        case Column::Paper:
            return 30;
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

    m_family = new QComboBox(this);
    m_family->setAccessibleName(tr("Show one family"));
    m_family->setToolTip(tr("Shows only the activations of one family, as the activation list groups them"));
    m_family->addItem(tr("All families"), QString());
    for (const core::Family family : core::allFamilies()) {
        QString name = QString::fromUtf8(core::familyName(family));
        name[0] = name[0].toUpper();
        m_family->addItem(name, QString::fromUtf8(core::familyId(family)));
    }
    connect(m_family, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setFamilyFilter(m_family->currentData().toString()); });

    auto* exportButton = new QToolButton(this);
    exportButton->setText(tr("Export…"));
    exportButton->setToolTip(tr("Save the table as shown to CSV, Markdown, LaTeX or HTML"));
    connect(exportButton, &QToolButton::clicked, this, &ComparisonPanel::exportTable);

    m_columnsButton = new QToolButton(this);
    m_columnsButton->setText(tr("Columns…"));
    m_columnsButton->setToolTip(tr("Choose the columns the table and its exports show"));
    connect(m_columnsButton, &QToolButton::clicked, this, &ComparisonPanel::showColumnMenu);

    m_view = new ComparisonTableView(this);
    m_view->setModel(m_proxy);
    m_view->setAccessibleName(tr("Comparison of activation functions"));
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder);  // catalog order until a header is clicked
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setDefaultSectionSize(
        std::max(m_view->fontMetrics().height(), m_view->style()->pixelMetric(QStyle::PM_SmallIconSize)) + 8);
    m_view->horizontalHeader()->setSectionsMovable(true);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_proxy->setHiddenColumns(m_state.hiddenTableColumns());
    // Widths from the font the table is drawn with, which the style sets when it polishes the view.
    m_view->ensurePolished();
    const int charWidth = m_view->fontMetrics().averageCharWidth();
    for (int c = 0; c < m_proxy->columnCount(); ++c) {
        const auto column = ComparisonModel::columnForKey(
            m_proxy->headerData(c, Qt::Horizontal, ComparisonModel::ColumnKeyRole).toString());
        const int characters = column ? initialWidthInCharacters(*column) : 0;
        if (characters > 0)
            m_view->setColumnWidth(c, characters * charWidth);
        else
            m_view->resizeColumnToContents(c);
    }
    connect(m_view, &QTableView::clicked, this, &ComparisonPanel::onCellClicked);
    connect(m_view, &QTableView::customContextMenuRequested, this, &ComparisonPanel::showContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current, const QModelIndex&) { onCurrentRowChanged(current); });

    // The view's own copy takes a single cell; whole rows with their header are more useful.
    m_view->installEventFilter(this);

    m_details = new DetailsPane(state, m_model->explanations(), this);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_details);
    // The table holds the whole text now; the details pane adds the live properties and the paper.
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    auto* top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_family);
    top->addWidget(m_columnsButton);
    top->addWidget(exportButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);

    connect(&m_state, &ExplorerState::changed, this, [this](const StateChange& change) {
        if (change.touches(StateChange::Highlight)) onStateChanged();
        if (change.touches(StateChange::Table)) {
            // Restore the widths of columns shown again, which the view forgets while they are out.
            const QStringList before = m_proxy->hiddenColumns();
            m_proxy->setHiddenColumns(m_state.hiddenTableColumns());
            const int charWidth = m_view->fontMetrics().averageCharWidth();
            for (int c = 0; c < m_proxy->columnCount(); ++c) {
                const QString key =
                    m_proxy->headerData(c, Qt::Horizontal, ComparisonModel::ColumnKeyRole).toString();
                if (!before.contains(key)) continue;
                const auto column = ComparisonModel::columnForKey(key);
                const int characters = column ? initialWidthInCharacters(*column) : 0;
                if (characters > 0)
                    m_view->setColumnWidth(c, characters * charWidth);
                else
                    m_view->resizeColumnToContents(c);
            }
        }
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

void ComparisonPanel::goToActivation(const QString& id)
{
    if (id.isEmpty()) return;
    if (id == selectedId()) {
        m_view->scrollTo(m_view->selectionModel()->currentIndex());
        return;
    }
    selectId(id);
    m_state.setHighlightedId(id);
}

void ComparisonPanel::onCellClicked(const QModelIndex& index)
{
    const QString key =
        m_proxy->headerData(index.column(), Qt::Horizontal, ComparisonModel::ColumnKeyRole).toString();
    if (key != ComparisonModel::columnKey(Column::Solution)) return;
    const QStringList successors = index.data(ComparisonModel::SuccessorsRole).toStringList();
    if (successors.size() == 1) {
        goToActivation(successors.constFirst());
        return;
    }
    if (successors.isEmpty()) return;
    QMenu menu(this);
    addSuccessorActions(&menu, index);
    menu.exec(m_view->viewport()->mapToGlobal(m_view->visualRect(index).center()));
}

void ComparisonPanel::addSuccessorActions(QMenu* menu, const QModelIndex& index)
{
    // From the model, so the menu works even when the Solution column is hidden.
    const QString id = index.data(ComparisonModel::IdRole).toString();
    const Explanation* text = m_model->explanations().find(id);
    if (!text) return;
    for (const Successor& successor : text->successors) {
        const auto* a = m_state.activation(successor.id);
        if (!a) continue;
        const QString name = QString::fromStdString(a->name);
        QAction* go = menu->addAction(successor.relation == Successor::Relation::Related
                                          ? tr("Go to %1 (related)").arg(name)
                                          : tr("Go to %1 (came next)").arg(name));
        const QString target = successor.id;
        connect(go, &QAction::triggered, this, [this, target] { goToActivation(target); });
    }
}

void ComparisonPanel::showColumnMenu()
{
    QMenu menu(this);
    const QStringList hidden = m_state.hiddenTableColumns();
    for (int c = 0; c < m_model->columnCount(); ++c) {
        const auto column = static_cast<Column>(c);
        if (column == Column::Name) continue;  // it names the rows
        const QString key = ComparisonModel::columnKey(column);
        QAction* action = menu.addAction(m_model->headerData(c, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!hidden.contains(key));
        connect(action, &QAction::toggled, this, [this, key](bool shown) {
            QStringList keys = m_state.hiddenTableColumns();
            if (shown)
                keys.removeAll(key);
            else if (!keys.contains(key))
                keys << key;
            (void)m_state.setHiddenTableColumns(keys);
        });
    }
    menu.addSeparator();
    QAction* all = menu.addAction(tr("Show every column"));
    connect(all, &QAction::triggered, this, [this] { (void)m_state.setHiddenTableColumns({}); });
    menu.exec(m_columnsButton->mapToGlobal(QPoint(0, m_columnsButton->height())));
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
        m_family->setCurrentIndex(0);
        index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    }
    m_view->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void ComparisonPanel::hideEvent(QHideEvent* event)
{
    // A row picked in a closed table would keep the other curves faded with nothing to show why. In
    // its tab the table is only behind another tab, and the highlight is what the user came for.
    const bool behindAnotherTab = qobject_cast<QStackedWidget*>(parentWidget()) != nullptr;
    if (!event->spontaneous() && !behindAnotherTab) {
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
    addSuccessorActions(&menu, index);
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
            // One line per row: bullets and the solution's links stay apart with a space.
            cells << m_proxy->index(row, c).data().toString().replace(QLatin1Char('\n'), QLatin1Char(' '));
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
