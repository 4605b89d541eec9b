#pragma once
// Sorting and filtering of the comparison table by typed keys (numbers as numbers, ranges by their
// bounds), with a case-insensitive filter over every word of a row.

#include <QSortFilterProxyModel>
#include <QStringList>

namespace ax::ui {

class ComparisonProxy : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit ComparisonProxy(QObject* parent = nullptr);

    // Text the rows must contain (names, formulas, explanations); empty shows every row.
    void setFilterText(const QString& text);
    [[nodiscard]] QString filterText() const { return m_filterText; }
    // The family the rows must belong to, by its id (core::familyId, e.g. "rectifier"); empty shows
    // every family.
    void setFamilyFilter(const QString& familyId);
    [[nodiscard]] QString familyFilter() const { return m_familyFilter; }
    // Columns left out of the table and every export, by their keys (ComparisonModel::columnKey).
    void setHiddenColumns(const QStringList& keys);
    [[nodiscard]] QStringList hiddenColumns() const { return m_hiddenColumns; }

protected:
    [[nodiscard]] bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    [[nodiscard]] bool filterAcceptsColumn(int sourceColumn, const QModelIndex& sourceParent) const override;

private:
    QString m_filterText;
    QString m_familyFilter;
    QStringList m_hiddenColumns;
};

}  // namespace ax::ui
