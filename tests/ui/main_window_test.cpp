// The explorer window as a user meets it: the list switches activations and their parameter groups,
// the range fields refuse an inverted range visibly, ε's slider spans 1e-4 to 0.5, menus and
// shortcuts act on the state, and every control can be found by a screen reader and the keyboard.

#include "ui/main_window.h"
#include "ui/activation_list_panel.h"
#include "ui/chart_area.h"
#include "ui/parameter_editor.h"
#include "ui/parameter_panel.h"
#include "ui/range_panel.h"
#include "ui/theme.h"
#include "ui/window_screenshot.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QGroupBox>
#include <QImage>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSlider>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

namespace ax::ui {
namespace {

class MainWindowTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        window = std::make_unique<MainWindow>(Persistence::None);
        window->resize(1700, 950);
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
    }

    void TearDown() override
    {
        window->state().setTheme(Theme::System);
        window->close();
    }

    [[nodiscard]] ExplorerState& state() const { return window->state(); }

    // Replaces the text of a line edit as a user would and presses Enter.
    static void retype(QLineEdit* edit, const QString& text)
    {
        edit->setFocus();
        edit->selectAll();
        for (const QChar ch : text) {
            // QTest only types ASCII; a typed Unicode minus arrives as a key event carrying its text.
            if (ch.unicode() < 128) {
                QTest::keyClick(edit, ch.toLatin1());
            } else {
                QKeyEvent press(QEvent::KeyPress, Qt::Key_unknown, Qt::NoModifier, QString(ch));
                QApplication::sendEvent(edit, &press);
            }
        }
        QTest::keyClick(edit, Qt::Key_Return);
    }

    std::unique_ptr<MainWindow> window;
};

TEST_F(MainWindowTest, HasTitleChartsTabAndDocks)
{
    EXPECT_EQ(window->windowTitle(), QStringLiteral("Activation Explorer"));
    ASSERT_GE(window->tabs()->count(), 1);
    EXPECT_EQ(window->tabs()->tabText(0), QStringLiteral("Charts"));
    EXPECT_EQ(window->tabs()->widget(0), window->chartArea());
    EXPECT_EQ(window->dockWidgetArea(window->controlsDock()), Qt::LeftDockWidgetArea);
    EXPECT_EQ(window->dockWidgetArea(window->comparisonDock()), Qt::RightDockWidgetArea);
    EXPECT_TRUE(window->comparisonDock()->isVisible());

    window->actions().showComparison->trigger();
    EXPECT_FALSE(window->comparisonDock()->isVisible());
    window->actions().showComparison->trigger();
    EXPECT_TRUE(window->comparisonDock()->isVisible());
}

TEST_F(MainWindowTest, ToggleInListSwitchesActivationAndItsParameterGroup)
{
    QListWidget* list = window->activationList()->list();
    const QString elu = QStringLiteral("elu");
    ASSERT_TRUE(state().isEnabled(elu));
    ASSERT_TRUE(window->parameterPanel()->group(elu)->isVisibleTo(window.get()));

    list->setFocus();
    list->setCurrentItem(window->activationList()->item(elu));
    QTest::keyClick(list, Qt::Key_Space);
    EXPECT_FALSE(state().isEnabled(elu));
    EXPECT_EQ(window->activationList()->item(elu)->checkState(), Qt::Unchecked);
    EXPECT_FALSE(window->parameterPanel()->group(elu)->isVisibleTo(window.get()));

    QTest::keyClick(list, Qt::Key_Space);
    EXPECT_TRUE(state().isEnabled(elu));
    EXPECT_TRUE(window->parameterPanel()->group(elu)->isVisibleTo(window.get()));

    // A click on the check box of a row that was off.
    const QString snake = QStringLiteral("snake");
    QListWidgetItem* row = window->activationList()->item(snake);
    list->scrollToItem(row);
    const QRect rect = list->visualItemRect(row);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, QPoint(rect.left() + 10, rect.center().y()));
    EXPECT_TRUE(state().isEnabled(snake));
    EXPECT_TRUE(window->parameterPanel()->group(snake)->isVisibleTo(window.get()));
}

TEST_F(MainWindowTest, PresetsAndFilter)
{
    ActivationListPanel* panel = window->activationList();
    QTest::mouseClick(panel->noneButton(), Qt::LeftButton);
    EXPECT_TRUE(state().enabledIds().isEmpty());
    EXPECT_EQ(panel->item(QStringLiteral("sigmoid"))->checkState(), Qt::Unchecked);

    QTest::mouseClick(panel->allButton(), Qt::LeftButton);
    EXPECT_EQ(state().enabledIds().size(), 23);
    EXPECT_EQ(panel->item(QStringLiteral("gaussian"))->checkState(), Qt::Checked);

    QTest::mouseClick(panel->storyButton(), Qt::LeftButton);
    QStringList story = ExplorerState::storyIds();
    QStringList enabled = state().enabledIds();
    story.sort();
    enabled.sort();
    EXPECT_EQ(enabled, story);

    panel->filterEdit()->setFocus();
    QTest::keyClicks(panel->filterEdit(), QStringLiteral("relu"));
    EXPECT_TRUE(panel->item(QStringLiteral("sigmoid"))->isHidden());
    EXPECT_FALSE(panel->item(QStringLiteral("leaky_relu"))->isHidden());
    EXPECT_FALSE(panel->item(QStringLiteral("relu6"))->isHidden());
    panel->filterEdit()->clear();
    EXPECT_FALSE(panel->item(QStringLiteral("sigmoid"))->isHidden());
}

TEST_F(MainWindowTest, RangeFieldsUpdateTheStateAndRefuseAnInvertedRange)
{
    RangePanel* range = window->rangePanel();
    retype(range->zMinEdit(), QStringLiteral("-1e300"));
    EXPECT_EQ(state().zMin(), -1e300);
    retype(range->zMaxEdit(), QStringLiteral("2.5"));
    EXPECT_EQ(state().zMax(), 2.5);
    EXPECT_FALSE(range->rangeHint()->isVisibleTo(window.get()));

    retype(range->zMinEdit(), QStringLiteral("3"));
    EXPECT_EQ(state().zMin(), -1e300);
    EXPECT_EQ(state().zMax(), 2.5);
    EXPECT_TRUE(range->rangeHint()->isVisibleTo(window.get()));
    EXPECT_FALSE(range->rangeHint()->text().isEmpty());
    EXPECT_FALSE(window->statusBar()->currentMessage().isEmpty());

    retype(range->zMinEdit(), QStringLiteral("banana"));
    EXPECT_EQ(state().zMin(), -1e300);
    EXPECT_TRUE(range->rangeHint()->text().contains(QStringLiteral("banana")));

    // Fixing it clears the hint.
    retype(range->zMinEdit(), QStringLiteral("−4"));
    EXPECT_EQ(state().zMin(), -4.0);
    EXPECT_FALSE(range->rangeHint()->isVisibleTo(window.get()));
}

TEST_F(MainWindowTest, RangeFieldsRoundTinyMagnitudesTowardsZero)
{
    for (const char* tiny : {"-1e-400", "-1e-5000", "1e-99999"})
        EXPECT_EQ(RangePanel::parseNumber(QLatin1String(tiny)), std::optional(0.0)) << tiny;
    EXPECT_FALSE(RangePanel::parseNumber(QStringLiteral("1e5000")));
    RangePanel* range = window->rangePanel();
    retype(range->zMaxEdit(), QStringLiteral("2.5"));
    retype(range->zMinEdit(), QStringLiteral("-1e-5000"));
    EXPECT_EQ(state().zMin(), 0.0);
    EXPECT_FALSE(range->rangeHint()->isVisibleTo(window.get())) << range->rangeHint()->text().toStdString();
}

TEST_F(MainWindowTest, RangeFieldsFollowTheStateWithoutRoundingIt)
{
    ASSERT_FALSE(state().setRange(-3.14159265358979, 2.718281828459045).has_value());
    RangePanel* range = window->rangePanel();
    EXPECT_NEAR(*RangePanel::parseNumber(range->zMinEdit()->text()), -3.14159265358979, 1e-10);
    EXPECT_NEAR(*RangePanel::parseNumber(range->zMaxEdit()->text()), 2.718281828459045, 1e-10);

    // Editing one end keeps the other end exact.
    retype(range->zMinEdit(), QStringLiteral("-1"));
    EXPECT_EQ(state().zMin(), -1.0);
    EXPECT_EQ(state().zMax(), 2.718281828459045);
}

TEST_F(MainWindowTest, SamplesBoxWritesTheSampleCount)
{
    QSpinBox* samples = window->rangePanel()->samplesBox();
    EXPECT_EQ(samples->minimum(), ExplorerState::kMinSamples);
    EXPECT_EQ(samples->maximum(), ExplorerState::kMaxSamples);
    samples->setFocus();
    QTest::keyClick(samples, Qt::Key_Up);
    EXPECT_EQ(state().samples(), ExplorerState::kDefaultSamples + samples->singleStep());
}

TEST_F(MainWindowTest, EpsilonSliderIsLogarithmicFromTenThousandthToHalf)
{
    QSlider* slider = window->rangePanel()->epsilonSlider();
    EXPECT_EQ(slider->value(), RangePanel::epsilonPosition(ExplorerState::kDefaultEpsilon));
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_Home);
    EXPECT_EQ(state().epsilon(), 1e-4);
    QTest::keyClick(slider, Qt::Key_End);
    EXPECT_EQ(state().epsilon(), 0.5);
    // Half way along the slider is the geometric mean of the ends, not the arithmetic one.
    slider->setValue(RangePanel::kEpsilonSteps / 2);
    EXPECT_NEAR(state().epsilon(), std::sqrt(1e-4 * 0.5), 1e-12);
    EXPECT_NEAR(window->rangePanel()->epsilonBox()->value(), state().epsilon(), 1e-5);
}

TEST_F(MainWindowTest, ZoomActionsUseStandardShortcutsAndNarrowTheRange)
{
    EXPECT_TRUE(window->actions().zoomIn->shortcuts().contains(QKeySequence(QKeySequence::ZoomIn)[0]) ||
                window->actions().zoomIn->shortcut() == QKeySequence(QKeySequence::ZoomIn));
    EXPECT_EQ(window->actions().quit->shortcut(), QKeySequence(QKeySequence::Quit));
    EXPECT_EQ(window->actions().fullScreen->shortcut(), QKeySequence(QKeySequence::FullScreen));

    window->actions().zoomIn->trigger();
    EXPECT_DOUBLE_EQ(state().zMax() - state().zMin(), 12.0 / MainWindow::kZoomFactor);
    EXPECT_DOUBLE_EQ(state().zMin() + state().zMax(), 0.0);
    window->actions().zoomOut->trigger();
    EXPECT_DOUBLE_EQ(state().zMax() - state().zMin(), 12.0);
}

TEST_F(MainWindowTest, SecondDerivativeActionAndCheckBoxStayInStep)
{
    QCheckBox* box = window->rangePanel()->secondDerivativeBox();
    window->actions().showSecondDerivative->trigger();
    EXPECT_TRUE(state().showSecondDerivative());
    EXPECT_TRUE(box->isChecked());
    box->setFocus();
    QTest::keyClick(box, Qt::Key_Space);
    EXPECT_FALSE(state().showSecondDerivative());
    EXPECT_FALSE(window->actions().showSecondDerivative->isChecked());
}

TEST_F(MainWindowTest, ThemeActionsRecolourTheApplication)
{
    window->actions().themeDark->trigger();
    EXPECT_EQ(state().theme(), Theme::Dark);
    EXPECT_TRUE(isDark(QApplication::palette()));
    QCoreApplication::processEvents();
    EXPECT_TRUE(isDark(window->rangePanel()->palette()));
    window->actions().themeLight->trigger();
    EXPECT_EQ(state().theme(), Theme::Light);
    EXPECT_FALSE(isDark(QApplication::palette()));
    state().setTheme(Theme::Dark);
    EXPECT_TRUE(window->actions().themeDark->isChecked());
    EXPECT_FALSE(window->actions().themeLight->isChecked());
}

TEST_F(MainWindowTest, RestoreDefaultsResetsStateAndDocks)
{
    state().setEnabledIds({QStringLiteral("relu")});
    ASSERT_FALSE(state().setParameter(QStringLiteral("selu"), 0, 1.5).has_value());
    ASSERT_FALSE(state().setRange(-1, 1).has_value());
    window->comparisonDock()->close();
    window->actions().restoreDefaults->trigger();
    EXPECT_EQ(state().toJson(), ExplorerState().toJson());
    EXPECT_EQ(state().parameters(QStringLiteral("selu"))[0], 1.0507009873554804934193349852946);
    EXPECT_TRUE(window->comparisonDock()->isVisible());
    EXPECT_EQ(*RangePanel::parseNumber(window->rangePanel()->zMinEdit()->text()), -6.0);
}

TEST_F(MainWindowTest, EveryControlHasAnAccessibleNameAndDescription)
{
    QWidget* side = window->controlsDock()->widget();
    int checked = 0;
    for (QWidget* widget : side->findChildren<QWidget*>()) {
        // Parts of composite controls (a spin box's editor, scroll bars, a combo box's popup)
        // are announced through their owner.
        if (qobject_cast<QScrollBar*>(widget)) continue;
        if (qobject_cast<QAbstractSpinBox*>(widget->parentWidget())) continue;
        if (qobject_cast<QLineEdit*>(widget->parentWidget())) continue;
        if (widget->window() != window.get()) continue;
        const bool interactive =
            qobject_cast<QAbstractButton*>(widget) || qobject_cast<QAbstractSlider*>(widget) ||
            qobject_cast<QAbstractSpinBox*>(widget) || qobject_cast<QLineEdit*>(widget) ||
            qobject_cast<QComboBox*>(widget) || qobject_cast<QAbstractItemView*>(widget);
        if (!interactive) continue;
        ++checked;
        const std::string what = widget->metaObject()->className() + std::string(" ") +
                                 widget->objectName().toStdString() + " " + widget->toolTip().toStdString();
        EXPECT_FALSE(widget->accessibleName().isEmpty()) << what;
        EXPECT_FALSE(widget->accessibleDescription().isEmpty()) << what;
    }
    EXPECT_GT(checked, 40);
}

TEST_F(MainWindowTest, TabGoesDownTheSidePanelIntoTheCharts)
{
    QWidget* start = window->activationList()->filterEdit();
    QList<QWidget*> order;
    QWidget* w = start;
    for (int i = 0; i < 400 && w; ++i) {
        order << w;
        w = w->nextInFocusChain();
        if (w == start) break;
    }
    const auto position = [&](QWidget* target) { return order.indexOf(target); };
    const int list = position(window->activationList()->list());
    const int slider = position(window->parameterPanel()->editor(QStringLiteral("elu"), 0)->slider());
    const int zMin = position(window->rangePanel()->zMinEdit());
    const int reset = position(window->rangePanel()->resetViewButton());
    const int charts = position(window->chartArea());
    ASSERT_GE(list, 0);
    EXPECT_LT(list, slider);
    EXPECT_LT(slider, zMin);
    EXPECT_LT(zMin, reset);
    EXPECT_LT(reset, charts);
}

TEST(MainWindowSmallScreenTest, SidePanelScrollsAndTheTableStartsClosed)
{
    MainWindow window(Persistence::None);
    window.resize(1366, 768);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    auto* scroll = qobject_cast<QScrollArea*>(window.controlsDock()->widget());
    ASSERT_NE(scroll, nullptr);
    QWidget* content = scroll->widget();
    // Nothing is cut off sideways; the height is reached by scrolling.
    EXPECT_GE(content->width(), content->minimumSizeHint().width());
    EXPECT_GT(scroll->verticalScrollBar()->maximum(), 0);
    // The charts keep most of a small screen; the table waits in the View menu.
    EXPECT_FALSE(window.comparisonDock()->isVisible());
    EXPECT_GT(window.chartArea()->width(), 800);
    window.actions().showComparison->trigger();
    EXPECT_TRUE(window.comparisonDock()->isVisible());
}

TEST(WindowScreenshotTest, WritesAPngOfTheRequestedSize)
{
    QTemporaryDir directory;
    ASSERT_TRUE(directory.isValid());
    const QString path = directory.filePath(QStringLiteral("window.png"));
    EXPECT_FALSE(renderWindowScreenshot(path, QSize(1024, 700)).has_value());
    const QImage image(path);
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), QSize(1024, 700));

    EXPECT_TRUE(renderWindowScreenshot(path, QSize(10, 10)).has_value());
    EXPECT_TRUE(
        renderWindowScreenshot(directory.filePath(QStringLiteral("missing/dir/window.png")), QSize(800, 600))
            .has_value());
}

}  // namespace
}  // namespace ax::ui
