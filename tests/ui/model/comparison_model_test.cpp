#include "ui/model/comparison_model.h"
#include "core/activation.h"
#include "core/catalog.h"
#include "ui/model/explorer_state.h"
#include "ui/model/property_text.h"
#include "ui/render/activation_palette.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

#include <cmath>

namespace {

using ax::ui::ComparisonModel;
using Column = ComparisonModel::Column;

QModelIndex cell(const ComparisonModel& model, const QString& id, Column column)
{
    return model.index(model.rowOf(id), ComparisonModel::column(column));
}

QString text(const ComparisonModel& model, const QString& id, Column column)
{
    return cell(model, id, column).data().toString();
}

TEST(ComparisonModel, HasOneRowPerActivationInCatalogOrder)
{
    ax::ui::ExplorerState state;
    ComparisonModel model(state);
    ASSERT_EQ(model.rowCount(), 43);
    EXPECT_EQ(model.columnCount(), static_cast<int>(Column::Count));
    int row = 0;
    for (const auto& a : ax::core::catalog()) {
        EXPECT_EQ(model.idAt(row), QString::fromStdString(a.id));
        EXPECT_EQ(model.index(row, 0).data().toString(), QString::fromStdString(a.name));
        ++row;
    }
    EXPECT_EQ(model.explanations().errors(), QStringList{});
}

TEST(ComparisonModel, EveryCellOfEveryRowHasText)
{
    ax::ui::ExplorerState state;
    ComparisonModel model(state);
    for (int row = 0; row < model.rowCount(); ++row)
        for (int c = 0; c < model.columnCount(); ++c)
            EXPECT_FALSE(model.index(row, c).data().toString().isEmpty())
                << model.idAt(row).toStdString() << " column " << c;
    for (int c = 0; c < model.columnCount(); ++c) {
        EXPECT_FALSE(model.headerData(c, Qt::Horizontal).toString().isEmpty());
        EXPECT_FALSE(model.headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
    }
}

TEST(ComparisonModel, ShownPropertiesAreTheCoresAtTheCurrentParameters)
{
    ax::ui::ExplorerState state;
    ComparisonModel model(state);
    for (const auto& a : ax::core::catalog()) {
        const QString id = QString::fromStdString(a.id);
        const auto p = a.properties(state.parameters(id));
        EXPECT_EQ(text(model, id, Column::Range), ax::ui::rangeText(p.range)) << a.id;
        EXPECT_EQ(text(model, id, Column::Monotonic), ax::ui::yesNo(p.monotonic)) << a.id;
        EXPECT_EQ(text(model, id, Column::Smooth), ax::ui::smoothnessText(p.smoothness)) << a.id;
        EXPECT_EQ(text(model, id, Column::ZeroCentred), ax::ui::yesNo(p.zeroCentred)) << a.id;
        EXPECT_EQ(text(model, id, Column::Bounded), ax::ui::boundedText(p)) << a.id;
        EXPECT_EQ(text(model, id, Column::Saturates), ax::ui::saturationText(p.saturates)) << a.id;
        EXPECT_EQ(text(model, id, Column::DeadRegion), ax::ui::yesNo(p.deadRegion)) << a.id;
        EXPECT_EQ(text(model, id, Column::SelfNormalising), ax::ui::yesNo(p.selfNormalising)) << a.id;
        const QString year = text(model, id, Column::Year);
        if (a.reference.year > 0) {
            EXPECT_EQ(year, QString::number(a.reference.year));
        }
    }
    // Spot checks a reader would notice at once.
    EXPECT_EQ(text(model, "sigmoid", Column::Range), QStringLiteral("(0, 1)"));
    EXPECT_EQ(text(model, "relu", Column::DeadRegion), QStringLiteral("yes"));
    EXPECT_EQ(text(model, "selu", Column::SelfNormalising), QStringLiteral("yes"));
    EXPECT_EQ(text(model, "elu", Column::Year), QStringLiteral("2015"));
}

TEST(ComparisonModel, EluLowerBoundFollowsAlpha)
{
    ax::ui::ExplorerState state;
    ComparisonModel model(state);
    EXPECT_EQ(text(model, "elu", Column::Range), QStringLiteral("(−1, ∞)"));
    QSignalSpy spy(&model, &ComparisonModel::dataChanged);
    ASSERT_FALSE(state.setParameter(QStringLiteral("elu"), QStringLiteral("alpha"), 2.5));
    EXPECT_EQ(text(model, "elu", Column::Range), QStringLiteral("(−2.5, ∞)"));
    const QVariantList key = cell(model, "elu", Column::Range).data(ComparisonModel::SortRole).toList();
    ASSERT_EQ(key.size(), 2);
    EXPECT_DOUBLE_EQ(key.at(0).toDouble(), -2.5);
    EXPECT_TRUE(std::isinf(key.at(1).toDouble()));
    ASSERT_GE(spy.count(), 1);
    bool eluRowChanged = false;
    for (const auto& args : spy) {
        const auto topLeft = args.at(0).value<QModelIndex>();
        const auto bottomRight = args.at(1).value<QModelIndex>();
        EXPECT_EQ(topLeft.row(), model.rowOf("elu")) << "only the row of the changed activation is refreshed";
        eluRowChanged |= topLeft.row() == model.rowOf("elu") &&
                         bottomRight.column() >= ComparisonModel::column(Column::Range);
    }
    EXPECT_TRUE(eluRowChanged);
}

TEST(ComparisonModel, LeakyReluGainsADeadRegionAtAlphaZero)
{
    ax::ui::ExplorerState state;
    ComparisonModel model(state);
    EXPECT_EQ(text(model, "leaky_relu", Column::DeadRegion), QStringLiteral("no"));
    EXPECT_EQ(text(model, "leaky_relu", Column::Range), QStringLiteral("(−∞, ∞)"));
    ASSERT_FALSE(state.setParameter(QStringLiteral("leaky_relu"), QStringLiteral("alpha"), 0.0));
    EXPECT_EQ(text(model, "leaky_relu", Column::DeadRegion), QStringLiteral("yes"));
    EXPECT_EQ(text(model, "leaky_relu", Column::Range).left(2), QStringLiteral("[0"));
    state.resetParameters(QStringLiteral("leaky_relu"));
    EXPECT_EQ(text(model, "leaky_relu", Column::DeadRegion), QStringLiteral("no"));
}

TEST(ComparisonModel, CheckboxTogglesTheActivationOnTheCharts)
{
    ax::ui::ExplorerState state;
    ComparisonModel model(state);
    const QModelIndex name = cell(model, "mish", Column::Name);
    EXPECT_TRUE(model.flags(name).testFlag(Qt::ItemIsUserCheckable));
    state.setEnabled(QStringLiteral("mish"), false);
    EXPECT_EQ(name.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
    ASSERT_TRUE(model.setData(name, Qt::Checked, Qt::CheckStateRole));
    EXPECT_TRUE(state.isEnabled(QStringLiteral("mish")));
    EXPECT_EQ(name.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
    ASSERT_TRUE(model.setData(name, Qt::Unchecked, Qt::CheckStateRole));
    EXPECT_FALSE(state.isEnabled(QStringLiteral("mish")));

    QSignalSpy spy(&model, &ComparisonModel::dataChanged);
    state.setEnabled(QStringLiteral("gelu"), !state.isEnabled(QStringLiteral("gelu")));
    ASSERT_EQ(spy.count(), 1);
    EXPECT_EQ(spy.at(0).at(0).value<QModelIndex>().row(), model.rowOf("gelu"));
}

TEST(ComparisonModel, SwatchIsTheActivationsChartColour)
{
    ax::ui::ExplorerState state;
    ComparisonModel model(state);
    for (int row = 0; row < model.rowCount(); ++row) {
        const QColor swatch = model.index(row, 0).data(Qt::DecorationRole).value<QColor>();
        EXPECT_EQ(swatch, ax::ui::activationColour(state.catalogIndex(model.idAt(row))));
    }
}

TEST(ComparisonModel, LongTextCellsCarryTheFullTextInTheirTooltip)
{
    ax::ui::ExplorerState state;
    ComparisonModel model(state);
    for (const Column column : {Column::Problem, Column::Solution, Column::Formula}) {
        const QModelIndex index = cell(model, "selu", column);
        EXPECT_EQ(index.data(Qt::ToolTipRole).toString(), index.data().toString());
    }
    EXPECT_GT(text(model, "selu", Column::Problem).size(), 100);
}

TEST(ComparisonModel, CostIsRelativeToReluPositiveAndFinite)
{
    ax::ui::ExplorerState state;
    ComparisonModel model(state);
    EXPECT_DOUBLE_EQ(model.relativeCost(model.rowOf("relu")), 1.0);
    EXPECT_EQ(text(model, "relu", Column::Cost), QStringLiteral("1.0×"));
    for (int row = 0; row < model.rowCount(); ++row) {
        const double cost = model.index(row, ComparisonModel::column(Column::Cost))
                                .data(ComparisonModel::SortRole)
                                .toDouble();
        EXPECT_TRUE(std::isfinite(cost) && cost > 0.0) << model.idAt(row).toStdString();
        // Measured once per run: asking again gives the same number.
        EXPECT_EQ(model.relativeCost(row), cost);
    }
}

TEST(ComparisonModel, CostsAreMeasuredInTheBackgroundAndAnnouncedWhenDone)
{
    ax::ui::ExplorerState state;
    ComparisonModel model(state);
    QSignalSpy spy(&model, &QAbstractItemModel::dataChanged);
    const int cost = ComparisonModel::column(Column::Cost);
    const auto announced = [&] {
        for (const auto& args : spy)
            if (args.at(0).toModelIndex().column() <= cost && args.at(1).toModelIndex().column() >= cost &&
                args.at(1).toModelIndex().row() == model.rowCount() - 1)
                return true;
        return false;
    };
    while (!announced() && spy.wait(20000)) {
    }
    ASSERT_TRUE(announced());
    EXPECT_EQ(text(model, "relu", Column::Cost), QStringLiteral("1.0×"));
}

TEST(ComparisonModel, ACustomActivationIsMeasuredOncePerChange)
{
    ax::ui::ExplorerState state;
    ASSERT_FALSE(state.addCustomActivation({"custom_1", "Scaled tanh", "a*tanh(z)", {{"a", 1.0, -4.0, 4.0}}})
                     .has_value());
    ComparisonModel model(state);
    const int row = model.rowOf(QStringLiteral("custom_1"));
    const auto readRow = [&] {
        for (int pass = 0; pass < 3; ++pass)
            for (int c = 0; c < model.columnCount(); ++c) {
                (void)model.index(row, c).data();
                (void)model.index(row, c).data(ComparisonModel::SortRole);
            }
    };
    readRow();
    EXPECT_EQ(model.propertyMeasurements(), 1);
    const QString rangeBefore = text(model, "custom_1", Column::Range);

    ASSERT_FALSE(state.setParameter(QStringLiteral("custom_1"), 0, 0.0).has_value());
    readRow();
    EXPECT_EQ(model.propertyMeasurements(), 2);
    // The kept reading follows the change: at a zero scale the output is 0 alone.
    EXPECT_NE(text(model, "custom_1", Column::Range), rangeBefore);

    state.setEnabled(QStringLiteral("relu"), false);  // shows less, measures nothing again
    state.setTheme(ax::ui::Theme::Dark);
    readRow();
    EXPECT_EQ(model.propertyMeasurements(), 2);

    ASSERT_FALSE(state.setRange(-2.0, 2.0).has_value());
    readRow();
    EXPECT_EQ(model.propertyMeasurements(), 3);
    ASSERT_FALSE(state.setParameter(QStringLiteral("elu"), 0, 0.5).has_value());  // another row
    readRow();
    EXPECT_EQ(model.propertyMeasurements(), 3);
}

}  // namespace
