// The Comparison tab as a reader meets it: every cell's whole text inside its rect at the screen
// sizes students have, rows laid out again only when widths or text change, and the solution
// leading to the row of what came next.

#include "main_window_fixture.h"

#include "ui/model/comparison_model.h"
#include "ui/model/comparison_proxy.h"
#include "ui/widgets/comparison_cell_delegate.h"
#include "ui/widgets/comparison_panel.h"
#include "ui/widgets/comparison_table_view.h"

#include <QCoreApplication>
#include <QDir>
#include <QHeaderView>
#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <QScrollBar>
#include <QTabWidget>
#include <QTextDocument>
#include <QTextLayout>

#include <cmath>

namespace {

using ax::ui::ComparisonModel;
using ax::ui::ComparisonTableView;
using Column = ComparisonModel::Column;

int viewColumnOf(const ax::ui::ComparisonPanel& panel, Column column)
{
    const QString key = ComparisonModel::columnKey(column);
    for (int c = 0; c < panel.proxy()->columnCount(); ++c)
        if (panel.proxy()->headerData(c, Qt::Horizontal, ComparisonModel::ColumnKeyRole).toString() == key)
            return c;
    return -1;
}

int viewRowOf(const ax::ui::ComparisonPanel& panel, const QString& id)
{
    for (int row = 0; row < panel.proxy()->rowCount(); ++row)
        if (panel.proxy()->index(row, 0).data(ComparisonModel::IdRole).toString() == id) return row;
    return -1;
}

// Whether the style would elide the cell: its text laid out as QCommonStyle lays out item text
// (word wrap inside the rect less the focus-frame margins), taller or wider than the room it has.
::testing::AssertionResult fitsItsRect(const ComparisonTableView& view, const QModelIndex& index)
{
    const QRect rect = view.visualRect(index);
    QStyleOptionViewItem option = view.cellOption(index);
    option.rect = rect;
    const QString where = index.data(ComparisonModel::IdRole).toString() + QStringLiteral(", column ") +
                          view.model()->headerData(index.column(), Qt::Horizontal).toString();
    if (auto document = ax::ui::ComparisonCellDelegate::formulaDocument(option, index)) {
        if (document->size().height() > rect.height() || document->idealWidth() > rect.width() + 0.5)
            return ::testing::AssertionFailure()
                   << where.toStdString() << ": the formula needs " << document->idealWidth() << "×"
                   << document->size().height() << " in a " << rect.width() << "×" << rect.height()
                   << " cell";
        return ::testing::AssertionSuccess();
    }
    if (index.column() == 0) {
        // The name with its check box and swatch is one line, never wrapped.
        const QSize needed = view.itemDelegateForIndex(index)->sizeHint(option, index);
        if (needed.width() > rect.width() || needed.height() > rect.height())
            return ::testing::AssertionFailure()
                   << where.toStdString() << ": needs " << needed.width() << " px, has " << rect.width();
        return ::testing::AssertionSuccess();
    }
    const int margin = view.style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, &view) + 1;
    const qreal width = rect.width() - 2 * margin;
    QString text = index.data().toString();
    text.replace(QLatin1Char('\n'), QChar::LineSeparator);
    QTextLayout layout(text, option.font);
    QTextOption textOption;
    textOption.setWrapMode(QTextOption::WordWrap);
    layout.setTextOption(textOption);
    layout.beginLayout();
    qreal height = 0;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        height += line.height();
        if (line.naturalTextWidth() > width)
            return ::testing::AssertionFailure()
                   << where.toStdString() << ": a line is " << line.naturalTextWidth() << " px wide in "
                   << width << " px";
    }
    layout.endLayout();
    if (std::ceil(height) > rect.height())
        return ::testing::AssertionFailure() << where.toStdString() << ": the text is " << height
                                             << " px tall in a " << rect.height() << " px cell";
    return ::testing::AssertionSuccess();
}

struct ScreenCase {
    int width;
    int height;
};

class ComparisonTabAtScreenSize : public ::testing::TestWithParam<ScreenCase> {};

TEST_P(ComparisonTabAtScreenSize, ShowsEveryRowsWholeTextWithoutElision)
{
    const ScreenCase screen = GetParam();
    struct Fixture : ax::ui::MainWindowFixture {
        explicit Fixture(QSize size) : MainWindowFixture(size) {}
        void TestBody() override {}
        using MainWindowFixture::SetUp;
        using MainWindowFixture::TearDown;
        using MainWindowFixture::window;
    } fixture(QSize(screen.width, screen.height));
    fixture.SetUp();
    auto& window = *fixture.window;
    ax::ui::ComparisonPanel* panel = window.comparisonPanel();
    window.tabs()->setCurrentWidget(panel);
    QCoreApplication::processEvents();
    ComparisonTableView* view = panel->tableView();
    ASSERT_TRUE(view->isVisible());
    EXPECT_GE(view->width(), screen.width / 2) << "the tab gives the table the window's width";
    QCoreApplication::processEvents();
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        EXPECT_LE(view->rowHeight(row), view->viewport()->height())
            << "row " << row << " is taller than the table: it can never be read whole";
        for (int c = 0; c < view->model()->columnCount(); ++c)
            EXPECT_TRUE(fitsItsRect(*view, view->model()->index(row, c)));
    }
    // To look at: the tab in both themes, when a directory is named for the pictures.
    const QString directory = qEnvironmentVariable("AX_TABLE_SCREENSHOTS");
    if (!directory.isEmpty()) {
        for (const auto theme : {ax::ui::Theme::Light, ax::ui::Theme::Dark}) {
            window.state().setTheme(theme);
            QCoreApplication::processEvents();
            window.grab().toImage().save(QDir(directory).filePath(
                QStringLiteral("comparison-%1x%2-%3.png")
                    .arg(screen.width)
                    .arg(screen.height)
                    .arg(theme == ax::ui::Theme::Light ? QStringLiteral("light") : QStringLiteral("dark"))));
        }
    }
    fixture.TearDown();
}

INSTANTIATE_TEST_SUITE_P(Screens, ComparisonTabAtScreenSize,
                         ::testing::Values(ScreenCase{1366, 768}, ScreenCase{1920, 1080}),
                         [](const auto& info) {
                             return std::to_string(info.param.width) + "x" +
                                    std::to_string(info.param.height);
                         });

class ComparisonTabTest : public ax::ui::MainWindowFixture {
protected:
    ComparisonTabTest() : MainWindowFixture(QSize(1366, 768)) {}

    void SetUp() override
    {
        MainWindowFixture::SetUp();
        panel = window->comparisonPanel();
        window->tabs()->setCurrentWidget(panel);
        QCoreApplication::processEvents();
    }

    ax::ui::ComparisonPanel* panel = nullptr;
};

TEST_F(ComparisonTabTest, AParameterDragLaysOutNoRowButAWiderColumnDoes)
{
    ComparisonTableView* view = panel->tableView();
    const int before = view->rowLayouts();
    ASSERT_GT(before, 0);
    // Sorted by a column the drag changes, so rows move while the parameter steps.
    view->sortByColumn(viewColumnOf(*panel, Column::Range), Qt::AscendingOrder);
    QCoreApplication::processEvents();
    const int sorted = view->rowLayouts();
    for (int step = 0; step < 40; ++step) {
        ASSERT_EQ(state().setParameter(QStringLiteral("elu"), QStringLiteral("alpha"), 0.1 + 0.07 * step),
                  std::nullopt);
        QCoreApplication::processEvents();
    }
    EXPECT_EQ(view->rowLayouts(), sorted) << "a parameter step must not lay out the rows' text";
    // The moved rows kept their own heights.
    for (int row = 0; row < view->model()->rowCount(); ++row)
        EXPECT_EQ(view->rowHeight(row), view->heightForRow(row)) << "row " << row;

    const int problem = viewColumnOf(*panel, Column::Problem);
    view->setColumnWidth(problem, view->columnWidth(problem) / 2);
    QCoreApplication::processEvents();
    EXPECT_GT(view->rowLayouts(), sorted);
    for (int row = 0; row < view->model()->rowCount(); ++row)
        EXPECT_TRUE(fitsItsRect(*view, view->model()->index(row, problem)));
}

TEST_F(ComparisonTabTest, SelectingARowHighlightsTheCurve)
{
    panel->tableView()->selectRow(viewRowOf(*panel, QStringLiteral("gelu")));
    EXPECT_EQ(state().highlightedId(), QStringLiteral("gelu"));
}

TEST_F(ComparisonTabTest, ClickingTheSolutionGoesToTheRowOfWhatCameNext)
{
    ComparisonTableView* view = panel->tableView();
    const QModelIndex solution = view->model()->index(viewRowOf(*panel, QStringLiteral("relu6")),
                                                      viewColumnOf(*panel, Column::Solution));
    view->scrollTo(solution);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(solution).center());
    EXPECT_EQ(panel->selectedId(), QStringLiteral("hard_swish"));
    EXPECT_EQ(state().highlightedId(), QStringLiteral("hard_swish"));
}

TEST_F(ComparisonTabTest, TheNamesCheckBoxOnTheFirstLineTogglesTheCurve)
{
    ComparisonTableView* view = panel->tableView();
    const QModelIndex name = view->model()->index(viewRowOf(*panel, QStringLiteral("tanh")), 0);
    view->scrollTo(name);
    const QRect rect = view->visualRect(name);
    ASSERT_GT(rect.height(), 3 * view->fontMetrics().height())
        << "a tall row, whose first line is far from its middle";
    const int margin = view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1;
    const int indicator = view->style()->pixelMetric(QStyle::PM_IndicatorWidth, nullptr, view);
    const QPoint onTheBox(rect.left() + margin + indicator / 2,
                          rect.top() + view->fontMetrics().height() / 2 + 2);
    ASSERT_FALSE(state().isEnabled(QStringLiteral("tanh")));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, onTheBox);
    EXPECT_TRUE(state().isEnabled(QStringLiteral("tanh")));
}

TEST_F(ComparisonTabTest, TheColumnChooserHidesColumnsInTheTableAndTheSession)
{
    const int all = panel->proxy()->columnCount();
    ASSERT_EQ(all, static_cast<int>(Column::Count));
    ASSERT_EQ(state().setHiddenTableColumns({QStringLiteral("maths"), QStringLiteral("cost")}), std::nullopt);
    EXPECT_EQ(panel->proxy()->columnCount(), all - 2);
    EXPECT_EQ(viewColumnOf(*panel, Column::Maths), -1);
    QCoreApplication::processEvents();
    EXPECT_EQ(
        state().toJson().value(QStringLiteral("table")).toObject().value(QStringLiteral("hiddenColumns")),
        (QJsonArray{QStringLiteral("maths"), QStringLiteral("cost")}));
    for (int row = 0; row < panel->tableView()->model()->rowCount(); ++row)
        EXPECT_EQ(panel->tableView()->rowHeight(row), panel->tableView()->heightForRow(row));
    ASSERT_EQ(state().setHiddenTableColumns({}), std::nullopt);
    EXPECT_EQ(panel->proxy()->columnCount(), all);
    EXPECT_GT(panel->tableView()->columnWidth(viewColumnOf(*panel, Column::Maths)), 100)
        << "a column shown again gets its reading width back";
}

}  // namespace
