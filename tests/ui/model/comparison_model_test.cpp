#include "ui/model/comparison_model.h"
#include "core/activation.h"
#include "core/catalog.h"
#include "core/output_statistics.h"
#include "ui/model/activation_palette.h"
#include "ui/model/explorer_state.h"
#include "ui/model/property_text.h"

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
        const auto statistics = ax::core::outputStatistics(a, state.parameters(id), state.epsilon());
        EXPECT_EQ(text(model, id, Column::ZeroCentred), ax::ui::yesNo(statistics.zeroCentred)) << a.id;
        EXPECT_EQ(text(model, id, Column::Bounded), ax::ui::boundedText(p)) << a.id;
        EXPECT_EQ(text(model, id, Column::Saturates), ax::ui::saturationText(statistics.saturates)) << a.id;
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

// The article's columns, whole: what the table shows is the explanation's text, not a summary.
TEST(ComparisonModel, ArticleColumnsShowTheWholeExplanation)
{
    ax::ui::ExplorerState state;
    ComparisonModel model(state);
    for (const auto& a : ax::core::catalog()) {
        const QString id = QString::fromStdString(a.id);
        const ax::ui::Explanation* e = model.explanations().find(id);
        ASSERT_NE(e, nullptr) << a.id;
        EXPECT_EQ(text(model, id, Column::Introduced), ax::ui::plainTextOf(e->introduced));
        EXPECT_EQ(text(model, id, Column::Problem), ax::ui::plainTextOf(e->problem));
        EXPECT_EQ(text(model, id, Column::Maths), ax::ui::plainTextOf(e->maths));
        EXPECT_TRUE(text(model, id, Column::Solution).startsWith(ax::ui::plainTextOf(e->solution)));
        const QStringList strengths = text(model, id, Column::Strengths).split('\n');
        ASSERT_EQ(strengths.size(), e->strengths.size()) << a.id;
        for (int i = 0; i < strengths.size(); ++i)
            EXPECT_EQ(strengths[i], QStringLiteral("• ") + ax::ui::plainTextOf(e->strengths[i]));
        EXPECT_EQ(text(model, id, Column::Weaknesses).split('\n').size(), e->weaknesses.size());
        // The formula is typeset from the explanation: f and f′, with the prime kept clear of the f.
        const QString rich = cell(model, id, Column::Formula).data(ComparisonModel::RichTextRole).toString();
        EXPECT_TRUE(rich.contains(e->derivativeHtml.left(5))) << a.id;
        EXPECT_FALSE(rich.contains(QStringLiteral("</i>′"))) << a.id;
        EXPECT_TRUE(text(model, id, Column::Formula).contains(QStringLiteral("′")) ||
                    text(model, id, Column::Formula).contains(QStringLiteral("∂")))
            << a.id;
    }
}

TEST(ComparisonModel, SolutionLabelsWhatCameNextAndWhatIsOnlyRelated)
{
    ax::ui::ExplorerState state;
    ComparisonModel model(state);
    EXPECT_TRUE(text(model, "sigmoid", Column::Solution).endsWith(QStringLiteral("Next: Tanh, ReLU")));
    const QString snake = text(model, "snake", Column::Solution);
    EXPECT_FALSE(snake.contains(QStringLiteral("Next:"))) << "ReLU and GELU are older than Snake";
    EXPECT_TRUE(snake.contains(QStringLiteral("Related: ReLU, GELU")));
    EXPECT_EQ(cell(model, "mish", Column::Solution).data(ComparisonModel::SuccessorsRole).toStringList(),
              (QStringList{QStringLiteral("squareplus"), QStringLiteral("gelu")}));
}

TEST(ComparisonModel, MeanAndVarianceFollowTheParameters)
{
    ax::ui::ExplorerState state;
    ComparisonModel model(state);
    EXPECT_EQ(text(model, "relu", Column::Mean), QStringLiteral("0.399"));
    EXPECT_EQ(text(model, "relu", Column::Variance), QStringLiteral("0.341"));
    EXPECT_EQ(text(model, "tanh", Column::Mean), QStringLiteral("0.000"));
    EXPECT_EQ(text(model, "leaky_relu", Column::ZeroCentred), ax::ui::yesNo(false));
    // Slope 1 on both sides is the identity: mean 0, variance 1, zero-centred.
    ASSERT_EQ(state.setParameter(QStringLiteral("leaky_relu"), QStringLiteral("alpha"), 1.0), std::nullopt);
    EXPECT_EQ(text(model, "leaky_relu", Column::Mean), QStringLiteral("0.000"));
    EXPECT_EQ(text(model, "leaky_relu", Column::Variance), QStringLiteral("1.000"));
    EXPECT_EQ(text(model, "leaky_relu", Column::ZeroCentred), ax::ui::yesNo(true));
    EXPECT_EQ(text(model, "leaky_relu", Column::Saturates),
              ax::ui::saturationText(ax::core::Saturation::None));
}

TEST(ComparisonModel, SaturatesFollowsEpsilonAsTheLanesDo)
{
    ax::ui::ExplorerState state;
    ComparisonModel model(state);
    EXPECT_EQ(text(model, "leaky_relu", Column::Saturates),
              ax::ui::saturationText(ax::core::Saturation::Left));
    QSignalSpy header(&model, &ComparisonModel::headerDataChanged);
    ASSERT_EQ(state.setEpsilon(0.005), std::nullopt);
    EXPECT_EQ(text(model, "leaky_relu", Column::Saturates),
              ax::ui::saturationText(ax::core::Saturation::None));
    EXPECT_EQ(header.count(), 1);
    EXPECT_TRUE(model.headerData(ComparisonModel::column(Column::Saturates), Qt::Horizontal, Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("0.005")));
}

TEST(ComparisonModel, TheStepTakesTwoValuesNotAnInterval)
{
    ax::ui::ExplorerState state;
    ComparisonModel model(state);
    EXPECT_EQ(text(model, "step", Column::Range), QStringLiteral("{0, 1}"));
    EXPECT_EQ(text(model, "hard_sigmoid", Column::Range), QStringLiteral("[0, 1]"));
}

TEST(ComparisonModel, ColumnKeysAreStableAndRoundTrip)
{
    const QStringList keys = ComparisonModel::columnKeys();
    EXPECT_EQ(keys.size(), static_cast<int>(Column::Count));
    EXPECT_EQ(keys.front(), QStringLiteral("name"));
    for (const QString& key : keys) {
        const auto column = ComparisonModel::columnForKey(key);
        ASSERT_TRUE(column) << key.toStdString();
        EXPECT_EQ(ComparisonModel::columnKey(*column), key);
    }
    EXPECT_FALSE(ComparisonModel::columnForKey(QStringLiteral("genus")));
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
