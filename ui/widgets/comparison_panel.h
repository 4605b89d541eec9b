#pragma once
// The comparison table, in its own tab or docked beside the charts: a filter box, a column chooser,
// the sortable table of every activation with the article's columns, and a details pane that
// explains the selected one.

#include "ui/widgets/comparison_table_view.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QMenu;
class QTableView;
class QToolButton;
class QModelIndex;
class QPoint;

namespace ax::ui {

class ExplorerState;
class ComparisonModel;
class ComparisonProxy;
class DetailsPane;

class ComparisonPanel : public QWidget {
    Q_OBJECT

public:
    explicit ComparisonPanel(ExplorerState& state, QWidget* parent = nullptr);

    [[nodiscard]] ComparisonTableView* tableView() const noexcept { return m_view; }
    [[nodiscard]] QToolButton* columnsButton() const noexcept { return m_columnsButton; }
    // Selects the row of id, clearing a filter that hides it.
    void goToActivation(const QString& id);
    [[nodiscard]] QLineEdit* filterEdit() const noexcept { return m_filter; }
    // "All families" first, then one entry per family; each entry's data is the family's id.
    [[nodiscard]] QComboBox* familyBox() const noexcept { return m_family; }
    [[nodiscard]] ComparisonModel* model() const noexcept { return m_model; }
    [[nodiscard]] ComparisonProxy* proxy() const noexcept { return m_proxy; }
    [[nodiscard]] DetailsPane* detailsPane() const noexcept { return m_details; }
    // Id of the activation in the selected row; empty when nothing is selected.
    [[nodiscard]] QString selectedId() const;

signals:
    // Lets other features add their entries to a row's context menu before it opens.
    void contextMenuAboutToShow(QMenu* menu, const QString& id);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    // from the UI
    void onCurrentRowChanged(const QModelIndex& current);
    void showContextMenu(const QPoint& position);
    void copySelection() const;
    void exportTable();
    void showColumnMenu();
    // A click on a Solution cell goes to the activation that followed (a menu when several did).
    void onCellClicked(const QModelIndex& index);
    void addSuccessorActions(QMenu* menu, const QModelIndex& index);
    // from the state
    void onStateChanged();
    void selectId(const QString& id);

    ExplorerState& m_state;
    ComparisonModel* m_model = nullptr;
    ComparisonProxy* m_proxy = nullptr;
    QLineEdit* m_filter = nullptr;
    QComboBox* m_family = nullptr;
    ComparisonTableView* m_view = nullptr;
    QToolButton* m_columnsButton = nullptr;
    DetailsPane* m_details = nullptr;
};

}  // namespace ax::ui
