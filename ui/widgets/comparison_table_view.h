#pragma once
// The comparison table made for reading: paragraphs wrap at the column's width and every row is as
// tall as its longest cell. Heights are laid out again only when a width, the text or the hidden
// columns change; a parameter step changes numbers in short cells and lays out nothing.

#include <QHash>
#include <QTableView>
#include <QTimer>

namespace ax::ui {

class ComparisonTableView : public QTableView {
    Q_OBJECT

public:
    explicit ComparisonTableView(QWidget* parent = nullptr);

    void setModel(QAbstractItemModel* model) override;

    // Lays out every row now (normally coalesced into one pass after a burst of changes).
    void updateRowHeights();
    // How many times the rows' text was laid out: tests check a parameter drag adds none.
    [[nodiscard]] int rowLayouts() const noexcept { return m_rowLayouts; }
    // The height row needs for all of its shown cells at their columns' widths.
    [[nodiscard]] int heightForRow(int row) const;
    // The style option a cell is painted with, at its column's width.
    [[nodiscard]] QStyleOptionViewItem cellOption(const QModelIndex& index) const;

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void scheduleRowHeights();
    // The scheduled layout: now when the table is seen, else when it is next shown, so a hidden
    // table (another tab in front, a lesson presented) lays out nothing while steps change.
    void layOutWhenSeen();
    // After sorting or filtering, rows move but their text does not: reuse the heights.
    void reapplyRowHeights();
    [[nodiscard]] int sourceRowOf(int row) const;
    [[nodiscard]] int gridLine() const;  // pixels the grid takes from each cell's width and height

    QTimer m_layoutTimer;
    QHash<int, int> m_heights;  // by source row
    int m_rowLayouts = 0;
    bool m_layoutPending = false;
};

}  // namespace ax::ui
