#include "ui/model/comparison_proxy.h"
#include "ui/model/comparison_model.h"
#include "ui/model/explorer_state.h"

#include <QSet>

#include <gtest/gtest.h>

#include <cmath>

namespace {

using ax::ui::ComparisonModel;
using ax::ui::ComparisonProxy;
using Column = ComparisonModel::Column;

struct Table {
    ax::ui::ExplorerState state;
    ComparisonModel model{state};
    ComparisonProxy proxy;
    Table() { proxy.setSourceModel(&model); }

    QStringList ids() const
    {
        QStringList result;
        for (int row = 0; row < proxy.rowCount(); ++row)
            result << proxy.index(row, 0).data(ComparisonModel::IdRole).toString();
        return result;
    }
    QVariant key(int row, Column column) const
    {
        return proxy.index(row, ComparisonModel::column(column)).data(ComparisonModel::SortRole);
    }
    QString shown(int row, Column column) const
    {
        return proxy.index(row, ComparisonModel::column(column)).data().toString();
    }
    void sort(Column column, Qt::SortOrder order) { proxy.sort(ComparisonModel::column(column), order); }
};

TEST(ComparisonProxy, YearsSortNumericallyAndASecondSortReverses)
{
    Table t;
    t.sort(Column::Year, Qt::AscendingOrder);
    for (int row = 1; row < t.proxy.rowCount(); ++row)
        EXPECT_LE(t.key(row - 1, Column::Year).toInt(), t.key(row, Column::Year).toInt());
    EXPECT_EQ(t.shown(t.proxy.rowCount() - 1, Column::Year),
              QStringLiteral("2022"));  // StarReLU, the newest
    const QStringList ascending = t.ids();
    t.sort(Column::Year, Qt::DescendingOrder);
    QStringList reversed = ascending;
    std::reverse(reversed.begin(), reversed.end());
    EXPECT_EQ(t.ids(), reversed);
}

TEST(ComparisonProxy, FamiliesSortInTheListsGroupOrderAndFilterToOneFamily)
{
    Table t;
    t.sort(Column::Family, Qt::AscendingOrder);
    EXPECT_EQ(t.shown(0, Column::Family), QStringLiteral("Linear"));
    EXPECT_EQ(t.ids().front(), QStringLiteral("identity"));
    for (int row = 1; row < t.proxy.rowCount(); ++row)
        EXPECT_LE(t.key(row - 1, Column::Family).toInt(), t.key(row, Column::Family).toInt()) << row;

    t.proxy.setFamilyFilter(QStringLiteral("shrinkage"));
    QStringList shrinkage = t.ids();
    shrinkage.sort();
    EXPECT_EQ(shrinkage, (QStringList{QStringLiteral("hard_shrink"), QStringLiteral("soft_shrink"),
                                      QStringLiteral("tanh_shrink")}));
    for (int row = 0; row < t.proxy.rowCount(); ++row)
        EXPECT_EQ(t.shown(row, Column::Family), QStringLiteral("Shrinkage"));

    // The family and the words filter together: the rows both let through, and no others.
    // "smooth_rectifier" is the id of a two-word family.
    t.proxy.setFamilyFilter(QStringLiteral("smooth_rectifier"));
    const QStringList familyIds = t.ids();
    const QSet<QString> family(familyIds.begin(), familyIds.end());
    EXPECT_TRUE(family.contains(QStringLiteral("softplus")));
    t.proxy.setFamilyFilter({});
    t.proxy.setFilterText(QStringLiteral("negative"));
    const QStringList wordIds = t.ids();
    const QSet<QString> words(wordIds.begin(), wordIds.end());
    t.proxy.setFamilyFilter(QStringLiteral("smooth_rectifier"));
    const QStringList both = t.ids();
    EXPECT_FALSE(both.isEmpty());
    EXPECT_EQ(QSet<QString>(both.begin(), both.end()), QSet<QString>(family).intersect(words));
    EXPECT_LT(both.size(), words.size());
    t.proxy.setFilterText({});
    t.proxy.setFamilyFilter({});
    EXPECT_EQ(t.proxy.rowCount(), 43);
    // Typing a family's name finds its members too.
    t.proxy.setFilterText(QStringLiteral("periodic"));
    EXPECT_TRUE(t.ids().contains(QStringLiteral("sine")));
    EXPECT_TRUE(t.ids().contains(QStringLiteral("snake")));
}

TEST(ComparisonProxy, CostsSortAsNumbersNotText)
{
    Table t;
    t.sort(Column::Cost, Qt::AscendingOrder);
    for (int row = 1; row < t.proxy.rowCount(); ++row)
        EXPECT_LE(t.key(row - 1, Column::Cost).toDouble(), t.key(row, Column::Cost).toDouble());
    t.sort(Column::Cost, Qt::DescendingOrder);
    for (int row = 1; row < t.proxy.rowCount(); ++row)
        EXPECT_GE(t.key(row - 1, Column::Cost).toDouble(), t.key(row, Column::Cost).toDouble());
}

TEST(ComparisonProxy, BooleansFormTwoGroups)
{
    Table t;
    for (const Column column : {Column::Monotonic, Column::DeadRegion, Column::SelfNormalising}) {
        for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            t.sort(column, order);
            int switches = 0;
            for (int row = 1; row < t.proxy.rowCount(); ++row)
                switches += t.shown(row - 1, column) != t.shown(row, column);
            EXPECT_LE(switches, 1) << "column " << static_cast<int>(column);
            EXPECT_EQ(t.shown(0, column),
                      order == Qt::AscendingOrder ? QStringLiteral("no") : QStringLiteral("yes"));
        }
    }
}

// Zero-centred sorts by how far the mean output is from zero: the "yes" rows first, closest first.
TEST(ComparisonProxy, ZeroCentredSortsByTheDistanceOfTheMeanFromZero)
{
    Table t;
    t.sort(Column::ZeroCentred, Qt::AscendingOrder);
    int switches = 0;
    for (int row = 1; row < t.proxy.rowCount(); ++row) {
        EXPECT_LE(t.key(row - 1, Column::ZeroCentred).toDouble(), t.key(row, Column::ZeroCentred).toDouble());
        switches += t.shown(row - 1, Column::ZeroCentred) != t.shown(row, Column::ZeroCentred);
    }
    EXPECT_EQ(switches, 1);
    EXPECT_EQ(t.shown(0, Column::ZeroCentred), QStringLiteral("yes"));
    EXPECT_EQ(t.shown(t.proxy.rowCount() - 1, Column::ZeroCentred), QStringLiteral("no"));
}

TEST(ComparisonProxy, RangesSortByLowerThenUpperBoundWithMinusInfinityFirst)
{
    Table t;
    t.sort(Column::Range, Qt::AscendingOrder);
    for (int row = 1; row < t.proxy.rowCount(); ++row) {
        const QVariantList a = t.key(row - 1, Column::Range).toList();
        const QVariantList b = t.key(row, Column::Range).toList();
        ASSERT_EQ(a.size(), 2);
        ASSERT_EQ(b.size(), 2);
        const bool ordered = a[0].toDouble() < b[0].toDouble() ||
                             (a[0].toDouble() == b[0].toDouble() && a[1].toDouble() <= b[1].toDouble());
        EXPECT_TRUE(ordered) << t.ids()[row - 1].toStdString() << " before " << t.ids()[row].toStdString();
    }
    EXPECT_TRUE(std::isinf(t.key(0, Column::Range).toList()[0].toDouble()));
    EXPECT_EQ(t.shown(0, Column::Range).left(3), QStringLiteral("(−∞"));
    // SELU's −λα ≈ −1.758 is the lowest finite floor; it must come right after the unbounded ones.
    int firstFinite = 0;
    while (std::isinf(t.key(firstFinite, Column::Range).toList()[0].toDouble()))
        ++firstFinite;
    EXPECT_EQ(t.ids()[firstFinite], QStringLiteral("selu"));
}

TEST(ComparisonProxy, NamesSortAlphabeticallyIgnoringCase)
{
    Table t;
    t.sort(Column::Name, Qt::AscendingOrder);
    for (int row = 1; row < t.proxy.rowCount(); ++row)
        EXPECT_LE(t.shown(row - 1, Column::Name).compare(t.shown(row, Column::Name), Qt::CaseInsensitive), 0);
    EXPECT_EQ(t.ids().first(), QStringLiteral("arctan"));  // "Arctangent"
}

TEST(ComparisonProxy, EveryColumnSortsBothWaysAsExactReverses)
{
    Table t;
    for (int c = 0; c < t.model.columnCount(); ++c) {
        t.proxy.sort(c, Qt::AscendingOrder);
        QStringList ascending = t.ids();
        EXPECT_EQ(ascending.size(), 43);
        EXPECT_EQ(QSet<QString>(ascending.begin(), ascending.end()).size(), 43);
        t.proxy.sort(c, Qt::DescendingOrder);
        std::reverse(ascending.begin(), ascending.end());
        EXPECT_EQ(t.ids(), ascending) << "column " << c;
    }
}

TEST(ComparisonProxy, SortedColumnFollowsParameterChanges)
{
    Table t;
    t.sort(Column::Range, Qt::AscendingOrder);
    ASSERT_FALSE(t.state.setParameter(QStringLiteral("elu"), QStringLiteral("alpha"), 3.0));
    int firstFinite = 0;
    while (std::isinf(t.key(firstFinite, Column::Range).toList()[0].toDouble()))
        ++firstFinite;
    EXPECT_EQ(t.ids()[firstFinite], QStringLiteral("elu")) << "ELU's floor −3 is now the lowest";
}

TEST(ComparisonProxy, FilterMatchesNamesCaseInsensitively)
{
    Table t;
    t.proxy.setFilterText(QStringLiteral("SOFTPLUS"));
    EXPECT_TRUE(t.ids().contains(QStringLiteral("softplus")));
    t.proxy.setFilterText(QStringLiteral("hard swish"));
    EXPECT_TRUE(t.ids().contains(QStringLiteral("hard_swish")));
    EXPECT_FALSE(t.ids().contains(QStringLiteral("identity")));
    t.proxy.setFilterText(QStringLiteral("ReLU6"));
    EXPECT_TRUE(t.ids().contains(QStringLiteral("relu6")));
    EXPECT_FALSE(t.ids().contains(QStringLiteral("gaussian")));
}

TEST(ComparisonProxy, FilterMatchesTheExplanations)
{
    Table t;
    t.proxy.setFilterText(QStringLiteral("perceptron"));
    EXPECT_TRUE(t.ids().contains(QStringLiteral("step")));
    EXPECT_LT(t.proxy.rowCount(), 43);
    t.proxy.setFilterText(QStringLiteral("alpha-dropout"));
    EXPECT_EQ(t.ids(), QStringList{QStringLiteral("selu")});
    t.proxy.setFilterText(QStringLiteral("MobileNetV3 parabola"));
    EXPECT_EQ(t.ids(), QStringList{QStringLiteral("hard_swish")});
    t.proxy.setFilterText(QStringLiteral("no activation says qwertyuiop"));
    EXPECT_EQ(t.proxy.rowCount(), 0);
    t.proxy.setFilterText(QString());
    EXPECT_EQ(t.proxy.rowCount(), 43);
}

}  // namespace
