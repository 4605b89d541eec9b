// The explorer window as a user meets it: the list switches activations and their parameter groups,
// the range fields refuse an inverted range visibly, ε's slider spans 1e-4 to 0.5, menus and
// shortcuts act on the state, and every control can be found by a screen reader and the keyboard.

#include "ui/widgets/main_window.h"
#include "core/formula/custom_activation.h"
#include "tests/ui/widgets/main_window_fixture.h"
#include "ui/model/session_json.h"
#include "ui/widgets/activation_list_panel.h"
#include "ui/widgets/chart_area.h"
#include "ui/widgets/comparison_panel.h"
#include "ui/widgets/file_menu_actions.h"
#include "ui/widgets/getting_started_dialog.h"
#include "ui/widgets/parameter_editor.h"
#include "ui/widgets/parameter_panel.h"
#include "ui/widgets/range_panel.h"
#include "ui/widgets/theme.h"
#include "ui/widgets/window_screenshot.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QGroupBox>
#include <QImage>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSlider>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <gtest/gtest.h>

#include <set>

namespace ax::ui {
namespace {

class MainWindowTest : public MainWindowFixture {
protected:
    MainWindowTest() : MainWindowFixture(QSize(1700, 950)) {}

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
};

TEST_F(MainWindowTest, HasTitleChartsTabAndDocks)
{
    EXPECT_EQ(window->windowTitle(), QStringLiteral("Activation Explorer[*]"));
    EXPECT_FALSE(window->isWindowModified());
    ASSERT_GE(window->tabs()->count(), 1);
    EXPECT_EQ(window->tabs()->tabText(0), QStringLiteral("Charts"));
    EXPECT_EQ(window->tabs()->widget(0), window->chartArea());
    EXPECT_EQ(window->dockWidgetArea(window->controlsDock()), Qt::LeftDockWidgetArea);
    EXPECT_EQ(window->dockWidgetArea(window->comparisonDock()), Qt::RightDockWidgetArea);
    // The table is read in its own tab beside the charts and the two labs.
    ASSERT_EQ(window->tabs()->count(), 4);
    EXPECT_EQ(window->tabs()->tabText(1), QStringLiteral("Depth lab"));
    EXPECT_EQ(window->tabs()->tabText(2), QStringLiteral("Training lab"));
    EXPECT_EQ(window->tabs()->tabText(3), QStringLiteral("Comparison"));
    EXPECT_EQ(window->tabs()->widget(3), window->comparisonPanel());
    EXPECT_FALSE(window->comparisonDock()->isVisible());

    // Docked beside the charts, the same panel leaves its tab, and comes back when the dock closes.
    window->actions().showComparison->trigger();
    EXPECT_TRUE(window->comparisonDock()->isVisible());
    EXPECT_EQ(window->comparisonDock()->widget(), window->comparisonPanel());
    EXPECT_EQ(window->tabs()->count(), 3);
    EXPECT_TRUE(window->comparisonPanel()->isVisible());
    window->actions().showComparison->trigger();
    EXPECT_FALSE(window->comparisonDock()->isVisible());
    EXPECT_EQ(window->tabs()->count(), 4);
    EXPECT_EQ(window->tabs()->indexOf(window->comparisonPanel()), 3);
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
    EXPECT_EQ(state().enabledIds().size(), 43);
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
    window->actions().showComparison->trigger();
    ASSERT_TRUE(window->comparisonDock()->isVisible());
    window->actions().restoreDefaults->trigger();
    EXPECT_EQ(state().toJson(), ExplorerState().toJson());
    EXPECT_EQ(state().parameters(QStringLiteral("selu"))[0], 1.0507009873554804934193349852946);
    EXPECT_FALSE(window->comparisonDock()->isVisible());
    EXPECT_GE(window->tabs()->indexOf(window->comparisonPanel()), 0) << "the table is back in its tab";
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

TEST(MainWindowScreenFitTest, FirstSizeNeverRunsOffASmallScreen)
{
    for (const QSize screen : {QSize(1366, 768 - 40), QSize(1280, 720 - 32), QSize(1024, 700)}) {
        const QSize size = MainWindow::firstSize(screen);
        EXPECT_LE(size.width(), screen.width()) << screen.width() << "×" << screen.height();
        EXPECT_LE(size.height(), screen.height()) << screen.width() << "×" << screen.height();
    }
    EXPECT_EQ(MainWindow::firstSize(QSize(1920, 1080)), QSize(1400, 880));
}

TEST(MainWindowScreenFitTest, FreshAndRestoredWindowsFitTheAvailableScreen)
{
    MainWindow window(Persistence::None);
    const QSize available = window.screen()->availableGeometry().size();
    // Everything in the window can be laid out on a 1280×720 screen, so the cap is never undone.
    EXPECT_LE(window.minimumSizeHint().width(), 1280);
    EXPECT_LE(window.minimumSizeHint().height(), 720 - 32);
    EXPECT_EQ(window.size(), MainWindow::firstSize(available).expandedTo(window.minimumSizeHint()));

    // A geometry saved on a bigger screen comes back inside this one.
    MainWindow big(Persistence::None);
    big.setGeometry(QRect(QPoint(50, 50), available + QSize(900, 700)));
    const QByteArray saved = big.saveGeometry();
    EXPECT_TRUE(window.restoreWindowGeometry(saved));
    EXPECT_LE(window.frameGeometry().width(), std::max(available.width(), window.minimumSizeHint().width()));
    EXPECT_LE(window.frameGeometry().height(),
              std::max(available.height(), window.minimumSizeHint().height()));
}

TEST_F(MainWindowTest, AFixedRangeErrorLeavesTheStatusBarAtOnce)
{
    RangePanel* range = window->rangePanel();
    retype(range->zMaxEdit(), QStringLiteral("-5"));
    retype(range->zMinEdit(), QStringLiteral("-5"));
    const QString error = window->statusBar()->currentMessage();
    ASSERT_TRUE(error.contains(QStringLiteral("must be less than"))) << error.toStdString();
    retype(range->zMaxEdit(), QStringLiteral("5"));
    EXPECT_EQ(state().zMax(), 5.0);
    EXPECT_TRUE(window->statusBar()->currentMessage().isEmpty())
        << window->statusBar()->currentMessage().toStdString();

    // So does a limit pair put right, and a refused parameter value followed by a good one.
    window->statusBar()->clearMessage();
    range->yAxisModeBox()->setCurrentIndex(1);
    const YLimits limits = state().functionLimits();
    QDoubleSpinBox* low = window->findChild<QDoubleSpinBox*>();
    for (QDoubleSpinBox* box : window->rangePanel()->findChildren<QDoubleSpinBox*>())
        if (box->accessibleName() == QStringLiteral("f(z) lower limit")) low = box;
    low->setValue(limits.hi + 1.0);
    ASSERT_FALSE(window->statusBar()->currentMessage().isEmpty());
    low->setValue(limits.hi - 1.0);
    EXPECT_TRUE(window->statusBar()->currentMessage().isEmpty())
        << window->statusBar()->currentMessage().toStdString();

    ParameterEditor* elu = window->parameterPanel()->editor(QStringLiteral("elu"), 0);
    retype(elu->spinBox()->findChild<QLineEdit*>(), QStringLiteral("1e400"));
    ASSERT_TRUE(window->statusBar()->currentMessage().contains(QStringLiteral("1e400")));
    retype(elu->spinBox()->findChild<QLineEdit*>(), QStringLiteral("0.5"));
    EXPECT_DOUBLE_EQ(state().parameters(QStringLiteral("elu"))[0], 0.5);
    EXPECT_TRUE(window->statusBar()->currentMessage().isEmpty())
        << window->statusBar()->currentMessage().toStdString();
}

TEST_F(MainWindowTest, ParameterBoxesReadScientificNotationAndShowTheirRange)
{
    ParameterEditor* elu = window->parameterPanel()->editor(QStringLiteral("elu"), 0);
    QLineEdit* edit = elu->spinBox()->findChild<QLineEdit*>();
    retype(edit, QStringLiteral("2.5e-1"));
    EXPECT_DOUBLE_EQ(state().parameters(QStringLiteral("elu"))[0], 0.25);
    retype(edit, QStringLiteral("1e400"));
    EXPECT_DOUBLE_EQ(state().parameters(QStringLiteral("elu"))[0], 0.25) << "never 1400";
    EXPECT_TRUE(window->statusBar()->currentMessage().contains(elu->spinBox()->rangeText()));
    retype(edit, QStringLiteral("5e6"));
    EXPECT_DOUBLE_EQ(state().parameters(QStringLiteral("elu"))[0], 0.25) << "beyond the box's end";
    EXPECT_TRUE(elu->spinBox()->toolTip().contains(elu->spinBox()->rangeText()));
    EXPECT_TRUE(elu->spinBox()->toolTip().contains(QStringLiteral("Slider from 0.01 to 3")))
        << elu->spinBox()->toolTip().toStdString();
    // ε and the sweep time read it too.
    retype(window->rangePanel()->epsilonBox()->findChild<QLineEdit*>(), QStringLiteral("2e-3"));
    EXPECT_DOUBLE_EQ(state().epsilon(), 0.002);
    retype(window->rangePanel()->epsilonBox()->findChild<QLineEdit*>(), QStringLiteral("1e400"));
    EXPECT_DOUBLE_EQ(state().epsilon(), 0.002);
    EXPECT_TRUE(window->statusBar()->currentMessage().contains(QStringLiteral("1e400")));
}

TEST_F(MainWindowTest, WheelOverTheControlsScrollsThemAndChangesNoValue)
{
    window->resize(1366, 600);
    auto* scroll = qobject_cast<QScrollArea*>(window->controlsDock()->widget());
    ASSERT_NE(scroll, nullptr);
    state().setEnabledIds(state().activationIds());
    QCoreApplication::processEvents();
    ASSERT_GT(scroll->verticalScrollBar()->maximum(), 0);
    const ExplorerState before;
    const double epsilon = state().epsilon();
    QList<QWidget*> controls{window->rangePanel()->epsilonSlider(), window->rangePanel()->epsilonBox(),
                             window->rangePanel()->samplesBox(), window->parameterPanel()->sweepSecondsBox()};
    for (ParameterEditor* editor : window->parameterPanel()->editors())
        controls << editor->slider() << editor->spinBox();
    for (QWidget* control : controls) {
        scroll->ensureWidgetVisible(control);
        const int position = scroll->verticalScrollBar()->value();
        const QPointF local = QRectF(control->rect()).center();
        QWheelEvent event(local, control->mapToGlobal(local), QPoint(), QPoint(0, -120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(control, &event);
        if (position < scroll->verticalScrollBar()->maximum()) {
            EXPECT_GT(scroll->verticalScrollBar()->value(), position)
                << control->accessibleName().toStdString();
        }
    }
    EXPECT_EQ(state().epsilon(), epsilon);
    for (const QString& id : state().activationIds())
        EXPECT_EQ(state().parameters(id), before.parameters(id)) << id.toStdString();
}

TEST_F(MainWindowTest, AllAndNoneActOnlyOnWhatTheFilterShows)
{
    ActivationListPanel* panel = window->activationList();
    state().setEnabledIds({QStringLiteral("sigmoid"), QStringLiteral("tanh")});
    panel->filterEdit()->setFocus();
    QTest::keyClicks(panel->filterEdit(), QStringLiteral("relu"));
    QTest::mouseClick(panel->allButton(), Qt::LeftButton);
    EXPECT_TRUE(state().isEnabled(QStringLiteral("relu")));
    EXPECT_TRUE(state().isEnabled(QStringLiteral("leaky_relu")));
    EXPECT_TRUE(state().isEnabled(QStringLiteral("sigmoid"))) << "hidden rows keep their state";
    EXPECT_FALSE(state().isEnabled(QStringLiteral("mish"))) << "hidden rows are not switched on";
    QTest::mouseClick(panel->noneButton(), Qt::LeftButton);
    EXPECT_FALSE(state().isEnabled(QStringLiteral("relu")));
    EXPECT_FALSE(state().isEnabled(QStringLiteral("relu6")));
    EXPECT_TRUE(state().isEnabled(QStringLiteral("sigmoid")));
    EXPECT_TRUE(state().isEnabled(QStringLiteral("tanh")));

    EXPECT_FALSE(panel->noMatchesLabel()->isVisible());
    panel->filterEdit()->setText(QStringLiteral("zzzz"));
    EXPECT_TRUE(panel->noMatchesLabel()->isVisible());
    EXPECT_EQ(panel->noMatchesLabel()->text(), QStringLiteral("No matches"));
    EXPECT_FALSE(panel->list()->isVisible());
    QTest::mouseClick(panel->noneButton(), Qt::LeftButton);
    EXPECT_TRUE(state().isEnabled(QStringLiteral("sigmoid"))) << "nothing shown, nothing switched";
    panel->filterEdit()->clear();
    EXPECT_FALSE(panel->noMatchesLabel()->isVisible());
    EXPECT_TRUE(panel->list()->isVisible());
    QTest::mouseClick(panel->allButton(), Qt::LeftButton);
    EXPECT_EQ(state().enabledIds().size(), state().activationIds().size());
}

TEST_F(MainWindowTest, ARowPickedInTheTabStaysHighlightedOnTheCharts)
{
    window->tabs()->setCurrentWidget(window->comparisonPanel());
    window->comparisonPanel()->tableView()->selectRow(0);
    const QString picked = state().highlightedId();
    ASSERT_FALSE(picked.isEmpty());
    // Going to the charts to look at the curve keeps it highlighted.
    window->tabs()->setCurrentWidget(window->chartArea());
    EXPECT_EQ(state().highlightedId(), picked);
}

TEST_F(MainWindowTest, ClosingTheDockedTableWithARowSelectedUnfadesTheCurves)
{
    window->actions().showComparison->trigger();
    ASSERT_TRUE(window->comparisonDock()->isVisible());
    window->comparisonPanel()->tableView()->selectRow(0);
    ASSERT_FALSE(state().highlightedId().isEmpty());
    window->actions().showComparison->trigger();
    ASSERT_FALSE(window->comparisonDock()->isVisible());
    EXPECT_TRUE(state().highlightedId().isEmpty());
    // Docked again, a click on the same row highlights it again.
    window->actions().showComparison->trigger();
    window->comparisonPanel()->tableView()->selectRow(0);
    EXPECT_FALSE(state().highlightedId().isEmpty());
    // A highlight picked in the charts is not the table's to clear.
    window->actions().showComparison->trigger();
    state().setHighlightedId(QStringLiteral("gelu"));
    EXPECT_EQ(state().highlightedId(), QStringLiteral("gelu"));
}

TEST_F(MainWindowTest, TabFollowsTheScreenAfterTheParameterGroupsAreRebuilt)
{
    core::CustomActivationSpec spec;
    spec.id = state().nextCustomId().toStdString();
    spec.name = "Scaled swish";
    spec.formula = "z*sigmoid(b*z)";
    ASSERT_FALSE(state().addCustomActivation(spec).has_value());
    state().setEnabled(QString::fromStdString(spec.id), true);
    QCoreApplication::processEvents();
    ParameterPanel* parameters = window->parameterPanel();
    QWidget* w = parameters->sweepSecondsBox();
    QList<QWidget*> order;
    for (int i = 0; i < 600 && w; ++i) {
        order << w;
        w = w->nextInFocusChain();
    }
    const auto at = [&](QWidget* target) {
        // A spin box is reached through its line edit.
        for (int i = 0; i < order.size(); ++i)
            if (order[i] == target || order[i]->focusProxy() == target || target->focusProxy() == order[i])
                return i;
        return -1;
    };
    int previous = 0;
    for (const QString& id : state().activationIds()) {
        for (ParameterEditor* editor : parameters->editors()) {
            if (editor->activationId() != id) continue;
            for (QWidget* control :
                 {static_cast<QWidget*>(editor->slider()), static_cast<QWidget*>(editor->spinBox()),
                  static_cast<QWidget*>(editor->playButton())}) {
                const int position = at(control);
                EXPECT_GT(position, previous)
                    << id.toStdString() << " " << control->accessibleName().toStdString();
                previous = position;
            }
        }
        if (QPushButton* reset = parameters->resetButton(id)) {
            EXPECT_GT(at(reset), previous) << id.toStdString();
            previous = at(reset);
        }
    }
    EXPECT_GT(at(window->rangePanel()->zMinEdit()), previous) << "z from comes after the last Reset";
    EXPECT_LT(at(window->rangePanel()->zMinEdit()), at(window->rangePanel()->resetViewButton()));
}

TEST_F(MainWindowTest, TitleNamesTheSessionAndMarksUnsavedChanges)
{
    QTemporaryDir directory;
    ASSERT_TRUE(directory.isValid());
    EXPECT_FALSE(window->isWindowModified());
    state().setEnabled(QStringLiteral("mish"), false);
    EXPECT_FALSE(window->isWindowModified()) << "without a session file the settings keep every change";
    state().setEnabled(QStringLiteral("mish"), true);
    const QString path = directory.filePath(QStringLiteral("lecture.actx.json"));
    ASSERT_FALSE(window->fileActions()->saveSessionFile(path).has_value());
    EXPECT_FALSE(window->isWindowModified());
    EXPECT_EQ(window->windowFilePath(), path);
    EXPECT_TRUE(window->windowTitle().startsWith(QStringLiteral("lecture.actx.json[*]")))
        << window->windowTitle().toStdString();
    state().setHighlightedId(QStringLiteral("relu"));
    EXPECT_FALSE(window->isWindowModified()) << "a highlight is not a change to the session";
    ASSERT_FALSE(state().setParameter(QStringLiteral("elu"), 0, 0.7).has_value());
    EXPECT_TRUE(window->isWindowModified());
    EXPECT_TRUE(window->windowTitle().startsWith(QStringLiteral("lecture.actx.json[*]")));
    ASSERT_FALSE(window->fileActions()->openSessionFile(path).has_value());
    EXPECT_FALSE(window->isWindowModified());
}

// Answers the question the window asks on quitting with button, and remembers that it was asked.
void answerUnsavedChanges(QMessageBox::StandardButton button, bool* asked)
{
    QTimer::singleShot(0, [button, asked] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box || box->objectName() != QStringLiteral("unsavedChangesBox")) return;
        *asked = true;
        box->button(button)->click();
    });
}

TEST_F(MainWindowTest, QuittingWithUnsavedChangesAsksFirst)
{
    QTemporaryDir directory;
    ASSERT_TRUE(directory.isValid());
    const QString path = directory.filePath(QStringLiteral("lecture.actx.json"));
    ASSERT_FALSE(window->fileActions()->saveSessionFile(path).has_value());

    bool asked = false;
    window->close();
    EXPECT_FALSE(window->isVisible()) << "nothing unsaved, no question";
    window->show();

    ASSERT_FALSE(state().setParameter(QStringLiteral("elu"), 0, 0.7).has_value());
    answerUnsavedChanges(QMessageBox::Cancel, &asked);
    window->close();
    EXPECT_TRUE(asked);
    EXPECT_TRUE(window->isVisible()) << "Cancel keeps the window open";

    asked = false;
    answerUnsavedChanges(QMessageBox::Save, &asked);
    window->close();
    EXPECT_TRUE(asked);
    EXPECT_FALSE(window->isVisible());
    ExplorerState reopened;
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_TRUE(QString::fromUtf8(file.readAll()).contains(QStringLiteral("0.7")));

    window->show();
    ASSERT_FALSE(state().setParameter(QStringLiteral("elu"), 0, 0.9).has_value());
    asked = false;
    answerUnsavedChanges(QMessageBox::Discard, &asked);
    window->close();
    EXPECT_TRUE(asked);
    EXPECT_FALSE(window->isVisible());
}

TEST_F(MainWindowTest, GettingStartedOpensWithF1AndListsTheShortcuts)
{
    QAction* action = window->actions().gettingStarted;
    ASSERT_NE(action, nullptr);
    EXPECT_EQ(action->shortcut(), QKeySequence(QKeySequence::HelpContents));
    EXPECT_TRUE(window->helpMenu()->actions().contains(action));
    action->trigger();
    auto* dialog = window->findChild<GettingStartedDialog*>();
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(dialog->isVisible());
    const QString page = dialog->page()->toPlainText();
    for (const QString& shown :
         {QStringLiteral("Mouse wheel"), QStringLiteral("Shift-drag"), QStringLiteral("Drag"),
          QKeySequence(Qt::CTRL | Qt::Key_0).toString(QKeySequence::NativeText), QStringLiteral("▶"),
          QKeySequence(Qt::Key_F9).toString(QKeySequence::NativeText),
          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P).toString(QKeySequence::NativeText),
          QKeySequence(Qt::Key_F5).toString(QKeySequence::NativeText), QStringLiteral("press any key")})
        EXPECT_TRUE(page.contains(shown)) << shown.toStdString();
    action->trigger();
    EXPECT_EQ(window->findChildren<GettingStartedDialog*>().size(), 1) << "one page, brought to the front";
    dialog->close();
}

// Each shortcut the Getting Started page lists does what it says.
TEST_F(MainWindowTest, TheShortcutsGettingStartedListsWork)
{
    ChartArea* charts = window->chartArea();
    const ChartLayout layout = charts->currentLayout();
    const QPoint middle((static_cast<int>(layout.plotLeft) + static_cast<int>(layout.plotRight)) / 2,
                        static_cast<int>(layout.panels.front().plot.center().y()));
    const double width = state().zMax() - state().zMin();
    {
        QWheelEvent up(middle, charts->mapToGlobal(QPointF(middle)), QPoint(), QPoint(0, 120), Qt::NoButton,
                       Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(charts, &up);
    }
    EXPECT_LT(state().zMax() - state().zMin(), width) << "the wheel zooms in";
    const double zMin = state().zMin();
    QTest::mousePress(charts, Qt::LeftButton, {}, middle);
    QTest::mouseMove(charts, middle + QPoint(80, 0));
    QTest::mouseRelease(charts, Qt::LeftButton, {}, middle + QPoint(80, 0));
    EXPECT_LT(state().zMin(), zMin) << "a drag to the right pans left";
    const double before = state().zMax() - state().zMin();
    QTest::mousePress(charts, Qt::LeftButton, Qt::ShiftModifier, middle);
    QTest::mouseMove(charts, middle + QPoint(60, 0));
    QTest::mouseRelease(charts, Qt::LeftButton, Qt::ShiftModifier, middle + QPoint(60, 0));
    EXPECT_LT(state().zMax() - state().zMin(), before * 0.5) << "Shift-drag zooms to the range";
    QTest::keyClick(window.get(), Qt::Key_0, Qt::ControlModifier);
    EXPECT_EQ(state().zMin(), -6.0);
    EXPECT_EQ(state().zMax(), 6.0);

    ParameterEditor* elu = window->parameterPanel()->editor(QStringLiteral("elu"), 0);
    QTest::mouseClick(elu->playButton(), Qt::LeftButton);
    EXPECT_TRUE(elu->isSweeping()) << "▶ sweeps";
    QTest::mouseClick(elu->playButton(), Qt::LeftButton);
    EXPECT_FALSE(elu->isSweeping()) << "▶ again pauses";
    QTest::mouseClick(elu->playButton(), Qt::LeftButton);
    QTest::keyClick(charts, Qt::Key_A);
    EXPECT_FALSE(elu->isSweeping()) << "any key pauses";
    QTest::mouseClick(elu->playButton(), Qt::LeftButton);
    QTest::mouseClick(charts, Qt::LeftButton, {}, middle);
    EXPECT_FALSE(elu->isSweeping()) << "a click pauses";
}

TEST_F(MainWindowTest, ASweepHoldsTheYAxesWhileTheCurveMoves)
{
    // SELU's λ scales its whole curve: fitted afresh each frame, the f(z) axis would follow it.
    state().setEnabledIds({QStringLiteral("selu")});
    ChartArea* charts = window->chartArea();
    const auto fLimits = [&] {
        const ChartLayout layout = charts->currentLayout();
        const ChartPanel* panel = layout.panel(Chart::Function);
        return panel ? std::pair{panel->yMin, panel->yMax} : std::pair{0.0, 0.0};
    };
    const auto fitted = fLimits();
    ParameterEditor* lambda = window->parameterPanel()->editor(QStringLiteral("selu"), 0);
    ASSERT_NE(lambda, nullptr);
    QTest::mouseClick(lambda->playButton(), Qt::LeftButton);
    ASSERT_TRUE(lambda->isSweeping());
    const auto held = fLimits();
    const double start = state().parameters(QStringLiteral("selu"))[0];
    std::set<double> values;
    for (int i = 0; i < 12; ++i) {
        QTest::qWait(60);
        values.insert(state().parameters(QStringLiteral("selu"))[0]);
        const auto now = fLimits();
        EXPECT_EQ(now, held) << "the f(z) axis moved mid-sweep at λ = "
                             << state().parameters(QStringLiteral("selu"))[0];
    }
    EXPECT_GT(values.size(), 3U) << "the sweep moves λ";
    EXPECT_NE(state().parameters(QStringLiteral("selu"))[0], start);
    // The held axis covers the sweep's far ends, which fitting the first frame would not.
    EXPECT_GT(held.second, fitted.second);

    QTest::mouseClick(lambda->playButton(), Qt::LeftButton);
    EXPECT_FALSE(lambda->isSweeping());
    EXPECT_FALSE(charts->heldLimits()[0].has_value()) << "a paused sweep lets the axes fit again";
}

TEST_F(MainWindowTest, OneKeyHidesTheSidePanelsAndBringsThemBack)
{
    ASSERT_TRUE(window->controlsDock()->isVisible());
    window->comparisonDock()->show();
    QApplication::processEvents();
    const int chartsWidth = window->chartArea()->width();
    QTest::keyClick(window.get(), Qt::Key_F9);
    QApplication::processEvents();
    EXPECT_FALSE(window->controlsDock()->isVisible());
    EXPECT_FALSE(window->comparisonDock()->isVisible());
    EXPECT_GT(window->chartArea()->width(), chartsWidth) << "the charts take the panels' room";
    QTest::keyClick(window.get(), Qt::Key_F9);
    QApplication::processEvents();
    EXPECT_TRUE(window->controlsDock()->isVisible()) << "the same panels come back";
    EXPECT_TRUE(window->comparisonDock()->isVisible());
    // Closed one by one, the key brings back the controls.
    window->controlsDock()->hide();
    window->comparisonDock()->hide();
    QTest::keyClick(window.get(), Qt::Key_F9);
    QApplication::processEvents();
    EXPECT_TRUE(window->controlsDock()->isVisible());
}

// View ▸ Presentation Style: the charts' text grows to 3 % of their height, and the choice is the
// session's, so it is saved and undone with it.
TEST_F(MainWindowTest, PresentationStyleIsAViewChoiceOfTheSession)
{
    QAction* style = window->actions().presentationStyle;
    ASSERT_NE(style, nullptr);
    EXPECT_TRUE(style->isCheckable());
    const ChartLayout before = window->chartArea()->currentLayout();
    ASSERT_FALSE(before.panels.empty());
    QTest::keyClick(window.get(), Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
    QApplication::processEvents();
    EXPECT_EQ(state().chartStyle(), ChartStyle::Presentation);
    EXPECT_TRUE(style->isChecked());
    const ChartLayout after = window->chartArea()->currentLayout();
    ASSERT_FALSE(after.panels.empty());
    EXPECT_GT(after.panels.front().titleRect.height(), before.panels.front().titleRect.height());
    EXPECT_GE(after.panels.front().titleRect.height(), 0.03 * window->chartArea()->height());
    EXPECT_EQ(sessionToJson(state().session())
                  .value(QStringLiteral("charts"))
                  .toObject()
                  .value(QStringLiteral("style"))
                  .toString(),
              QStringLiteral("presentation"));
    ASSERT_FALSE(state().setSession(Session{}).has_value());
    QApplication::processEvents();
    EXPECT_FALSE(style->isChecked()) << "a session in the screen style unticks it";
}

}  // namespace
}  // namespace ax::ui
