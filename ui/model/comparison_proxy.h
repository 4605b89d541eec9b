#pragma once
// Sorting and filtering of the comparison table by typed keys (numbers as numbers, ranges by their
// bounds), with a case-insensitive filter over every word of a row.

#include <QSortFilterProxyModel>

namespace ax::ui {

class ComparisonProxy : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit ComparisonProxy(QObject* parent = nullptr);

    // Text the rows must contain (names, formulas, explanations); empty shows every row.
    void setFilterText(const QString& text);
    [[nodiscard]] QString filterText() const { return m_filterText; }

protected:
    [[nodiscard]] bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_filterText;
};

}  // namespace ax::ui
