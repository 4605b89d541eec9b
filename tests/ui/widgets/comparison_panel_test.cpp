#include "ui/widgets/comparison_panel.h"
#include "core/activation.h"
#include "ui/model/comparison_model.h"
#include "ui/model/comparison_proxy.h"
#include "ui/model/explorer_state.h"
#include "ui/widgets/details_pane.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QTableView>
#include <QTest>

#include <gtest/gtest.h>

namespace {

using ax::ui::ComparisonModel;
using ax::ui::ComparisonPanel;

int viewRowOf(const ComparisonPanel& panel, const QString& id)
{
    for (int row = 0; row < panel.proxy()->rowCount(); ++row)
        if (panel.proxy()->index(row, 0).data(ComparisonModel::IdRole).toString() == id) return row;
    return -1;
}

TEST(ComparisonPanel, ShowsEveryActivation)
{
    ax::ui::ExplorerState state;
    ComparisonPanel panel(state);
    panel.resize(1200, 800);
    panel.show();
    EXPECT_EQ(panel.tableView()->model()->rowCount(), 43);
    EXPECT_TRUE(panel.detailsPane()->toPlainText().contains(QStringLiteral("Select a row")));
}

TEST(ComparisonPanel, SelectingARowHighlightsItAndExplainsIt)
{
    ax::ui::ExplorerState state;
    ComparisonPanel panel(state);
    panel.show();  // a hidden details page is written when it is next seen
    const int row = viewRowOf(panel, QStringLiteral("sigmoid"));
    ASSERT_GE(row, 0);
    panel.tableView()->selectRow(row);
    EXPECT_EQ(state.highlightedId(), QStringLiteral("sigmoid"));
    const QString page = panel.detailsPane()->toPlainText();
    EXPECT_TRUE(page.contains(QStringLiteral("σ′(z) = σ(z)(1 − σ(z))"))) << page.toStdString();
    EXPECT_TRUE(page.contains(QStringLiteral("vanishing")));
    EXPECT_TRUE(page.contains(QStringLiteral("Output range")));
    // The pane tells the same story as the table: the article's columns, the same statistics.
    for (const char* heading :
         {"Why it was introduced", "Strengths", "Weaknesses", "The problem", "What came next"})
        EXPECT_TRUE(page.contains(QString::fromUtf8(heading))) << heading;
    EXPECT_TRUE(page.contains(QStringLiteral("0.500, 0.043"))) << "the sigmoid's mean and variance";
}

TEST(ComparisonPanel, TheDetailsPaneCallsLeakyReluSaturatedAtTheChartsEpsilon)
{
    ax::ui::ExplorerState state;
    ComparisonPanel panel(state);
    panel.show();  // a hidden details page is written when it is next seen
    panel.tableView()->selectRow(viewRowOf(panel, QStringLiteral("leaky_relu")));
    // A table row of the pane reads as its label, then its value on the next line.
    EXPECT_TRUE(
        panel.detailsPane()->toPlainText().contains(QStringLiteral("Saturates (|f′| < ε = 0.05)\nleft")))
        << panel.detailsPane()->toPlainText().toStdString();
    ASSERT_EQ(state.setEpsilon(0.005), std::nullopt);
    EXPECT_TRUE(
        panel.detailsPane()->toPlainText().contains(QStringLiteral("Saturates (|f′| < ε = 0.005)\nnone")));
}

TEST(ComparisonPanel, HighlightFromElsewhereSelectsTheRow)
{
    ax::ui::ExplorerState state;
    ComparisonPanel panel(state);
    panel.show();  // a hidden details page is written when it is next seen
    state.setHighlightedId(QStringLiteral("mish"));
    EXPECT_EQ(panel.selectedId(), QStringLiteral("mish"));
    EXPECT_EQ(panel.detailsPane()->shownId(), QStringLiteral("mish"));
    // Even when the filter hides the row, the highlight wins and the row is shown.
    panel.filterEdit()->setText(QStringLiteral("perceptron"));
    state.setHighlightedId(QStringLiteral("selu"));
    EXPECT_EQ(panel.selectedId(), QStringLiteral("selu"));
}

TEST(ComparisonPanel, FilterBoxFiltersTheTable)
{
    ax::ui::ExplorerState state;
    ComparisonPanel panel(state);
    panel.show();  // a hidden details page is written when it is next seen
    QTest::keyClicks(panel.filterEdit(), QStringLiteral("alpha-dropout"));
    EXPECT_EQ(panel.tableView()->model()->rowCount(), 1);
    panel.filterEdit()->clear();
    EXPECT_EQ(panel.tableView()->model()->rowCount(), 43);
}

TEST(ComparisonPanel, FamilyBoxShowsOneFamilyAndAHighlightElsewhereClearsIt)
{
    ax::ui::ExplorerState state;
    ComparisonPanel panel(state);
    panel.show();  // a hidden details page is written when it is next seen
    QComboBox* family = panel.familyBox();
    EXPECT_EQ(family->count(), 1 + ax::core::kFamilyCount);
    EXPECT_EQ(family->itemText(0), QStringLiteral("All families"));
    family->setCurrentIndex(family->findData(QStringLiteral("rectifier")));
    const int shown = panel.tableView()->model()->rowCount();
    EXPECT_GE(shown, 5);  // ReLU, Leaky ReLU, PReLU, ReLU6, RReLU and more
    EXPECT_LT(shown, 43);
    EXPECT_GE(viewRowOf(panel, QStringLiteral("leaky_relu")), 0);
    EXPECT_LT(viewRowOf(panel, QStringLiteral("sigmoid")), 0);
    // A curve highlighted on the charts must find its row, whatever the family shown.
    state.setHighlightedId(QStringLiteral("sigmoid"));
    EXPECT_EQ(family->currentIndex(), 0);
    EXPECT_EQ(panel.tableView()->model()->rowCount(), 43);
    EXPECT_EQ(panel.selectedId(), QStringLiteral("sigmoid"));
}

TEST(ComparisonPanel, DetailsFollowTheParameters)
{
    ax::ui::ExplorerState state;
    ComparisonPanel panel(state);
    panel.show();  // a hidden details page is written when it is next seen
    state.setHighlightedId(QStringLiteral("elu"));
    EXPECT_TRUE(panel.detailsPane()->toPlainText().contains(QStringLiteral("(−1, ∞)")));
    ASSERT_FALSE(state.setParameter(QStringLiteral("elu"), QStringLiteral("alpha"), 0.5));
    const QString page = panel.detailsPane()->toPlainText();
    EXPECT_TRUE(page.contains(QStringLiteral("(−0.5, ∞)"))) << page.toStdString();
    EXPECT_TRUE(page.contains(QStringLiteral("α = 0.5")));
}

TEST(ComparisonPanel, DetailsLinkThePaper)
{
    ax::ui::ExplorerState state;
    ComparisonPanel panel(state);
    panel.show();  // a hidden details page is written when it is next seen
    const QString html = panel.detailsPane()->pageHtml(QStringLiteral("selu"));
    EXPECT_TRUE(html.contains(QStringLiteral("https://arxiv.org/abs/1706.02515")));
    EXPECT_TRUE(html.contains(QStringLiteral("Self-Normalizing Neural Networks")));
    EXPECT_TRUE(html.contains(QStringLiteral("<sup>")));
    EXPECT_TRUE(html.contains(QStringLiteral("activation:gelu"))) << "the successor is a link";
}

TEST(ComparisonPanel, CopyPutsTheSelectedRowsOnTheClipboard)
{
    ax::ui::ExplorerState state;
    ComparisonPanel panel(state);
    panel.show();  // a hidden details page is written when it is next seen
    panel.show();
    panel.tableView()->selectRow(viewRowOf(panel, QStringLiteral("relu")));
    panel.tableView()->setFocus();
    QApplication::clipboard()->clear();
    QTest::keySequence(panel.tableView(), QKeySequence::Copy);
    const QStringList lines = QApplication::clipboard()->text().split('\n', Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 2);
    EXPECT_TRUE(lines[0].startsWith(QStringLiteral("Activation\t")));
    EXPECT_TRUE(lines[1].startsWith(QStringLiteral("ReLU\t")));
}

TEST(ComparisonPanel, HidingThePanelWithARowSelectedEndsTheHighlight)
{
    ax::ui::ExplorerState state;
    ComparisonPanel panel(state);
    panel.show();  // a hidden details page is written when it is next seen
    panel.show();
    const int row = viewRowOf(panel, QStringLiteral("elu"));
    ASSERT_GE(row, 0);
    panel.tableView()->selectRow(row);
    ASSERT_EQ(state.highlightedId(), QStringLiteral("elu"));
    panel.hide();
    EXPECT_TRUE(state.highlightedId().isEmpty()) << "the other curves must not stay faded";
    panel.show();
    panel.tableView()->selectRow(row);
    EXPECT_EQ(state.highlightedId(), QStringLiteral("elu")) << "the same row highlights again";
    // A highlight chosen elsewhere while the table is closed stays.
    panel.hide();
    state.setHighlightedId(QStringLiteral("gelu"));
    EXPECT_EQ(state.highlightedId(), QStringLiteral("gelu"));
}

}  // namespace
