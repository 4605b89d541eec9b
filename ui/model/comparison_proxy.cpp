#include "ui/model/comparison_proxy.h"

#include "ui/model/comparison_model.h"

#include <QVariantList>

#include <algorithm>

#include <compare>

namespace ax::ui {

namespace {

// Three-way comparison of two typed sort keys; keys of different kinds fall back to their text.
std::partial_ordering compareKeys(const QVariant& a, const QVariant& b)
{
    const auto typeA = a.typeId();
    const auto typeB = b.typeId();
    if (typeA == QMetaType::QVariantList && typeB == QMetaType::QVariantList) {
        const QVariantList la = a.toList();
        const QVariantList lb = b.toList();
        for (qsizetype i = 0; i < std::min(la.size(), lb.size()); ++i) {
            const auto order = compareKeys(la.at(i), lb.at(i));
            if (order != std::partial_ordering::equivalent) return order;
        }
        return la.size() <=> lb.size();
    }
    const auto isNumber = [](int type) {
        return type == QMetaType::Bool || type == QMetaType::Int || type == QMetaType::Double ||
               type == QMetaType::LongLong || type == QMetaType::UInt;
    };
    if (isNumber(typeA) && isNumber(typeB)) return a.toDouble() <=> b.toDouble();
    return a.toString().compare(b.toString(), Qt::CaseInsensitive) <=> 0;
}

}  // namespace

ComparisonProxy::ComparisonProxy(QObject* parent) : QSortFilterProxyModel(parent)
{
    setSortRole(ComparisonModel::SortRole);
    setFilterRole(ComparisonModel::SearchRole);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    // Parameter changes move ranges and dead regions; a sorted column must follow them.
    setDynamicSortFilter(true);
}

void ComparisonProxy::setFilterText(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_filterText) return;
    m_filterText = trimmed;
    invalidateRowsFilter();
}

void ComparisonProxy::setFamilyFilter(const QString& familyId)
{
    if (familyId == m_familyFilter) return;
    m_familyFilter = familyId;
    invalidateRowsFilter();
}

void ComparisonProxy::setHiddenColumns(const QStringList& keys)
{
    if (keys == m_hiddenColumns) return;
    m_hiddenColumns = keys;
    invalidateColumnsFilter();
}

bool ComparisonProxy::filterAcceptsColumn(int sourceColumn, const QModelIndex& sourceParent) const
{
    if (m_hiddenColumns.isEmpty() || sourceParent.isValid()) return true;
    const QString key =
        sourceModel()->headerData(sourceColumn, Qt::Horizontal, ComparisonModel::ColumnKeyRole).toString();
    return !m_hiddenColumns.contains(key);
}

bool ComparisonProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    const auto order = compareKeys(left.data(sortRole()), right.data(sortRole()));
    if (order != std::partial_ordering::equivalent && order != std::partial_ordering::unordered)
        return order == std::partial_ordering::less;
    // Ties keep catalog order, so the second click gives exactly the reverse of the first.
    return left.row() < right.row();
}

bool ComparisonProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_familyFilter.isEmpty() && index.data(ComparisonModel::FamilyRole).toString() != m_familyFilter)
        return false;
    if (m_filterText.isEmpty()) return true;
    const QString words = index.data(filterRole()).toString();
    // Every word typed must appear somewhere, in any order: "smooth negative" finds ELU.
    const QStringList needles = m_filterText.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return std::all_of(needles.begin(), needles.end(), [&words](const QString& needle) {
        return words.contains(needle, Qt::CaseInsensitive);
    });
}

}  // namespace ax::ui
