// The parameter controls: sliders and spin boxes agree with the state both ways, SELU's reset is
// exact, hidden groups keep their values and the play button sweeps until the user intervenes.

#include "ui/widgets/parameter_panel.h"
#include "ui/model/explorer_state.h"
#include "ui/widgets/parameter_editor.h"

#include <QApplication>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QLabel>
#include <QMouseEvent>
#include <QPushButton>
#include <QSlider>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QTest>
#include <QToolButton>

#include <gtest/gtest.h>

#include <algorithm>

namespace ax::ui {
namespace {

class ParameterPanelTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        panel = std::make_unique<ParameterPanel>(state);
        panel->resize(400, 1600);
        panel->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(panel.get()));
    }

    [[nodiscard]] double value(const char* id, int index) const
    {
        return state.parameters(QString::fromLatin1(id))[static_cast<std::size_t>(index)];
    }

    ExplorerState state;
    std::unique_ptr<ParameterPanel> panel;
};

TEST_F(ParameterPanelTest, ArrowAndPageKeysOnSliderMoveTheParameterAndTheSpinBox)
{
    ParameterEditor* elu = panel->editor(QStringLiteral("elu"), 0);
    ASSERT_NE(elu, nullptr);
    QSlider* slider = elu->slider();
    slider->setFocus();
    const int start = slider->value();

    QTest::keyClick(slider, Qt::Key_Right);
    EXPECT_EQ(slider->value(), start + slider->singleStep());
    EXPECT_DOUBLE_EQ(value("elu", 0), elu->sliderValue(start + slider->singleStep()));
    EXPECT_NEAR(elu->spinBox()->value(), value("elu", 0), 0.5e-4);

    QTest::keyClick(slider, Qt::Key_PageUp);
    EXPECT_EQ(slider->value(), start + slider->singleStep() + slider->pageStep());
    EXPECT_DOUBLE_EQ(value("elu", 0), elu->sliderValue(slider->value()));

    QTest::keyClick(slider, Qt::Key_End);
    EXPECT_DOUBLE_EQ(value("elu", 0), 3.0);
    QTest::keyClick(slider, Qt::Key_Home);
    EXPECT_DOUBLE_EQ(value("elu", 0), 0.01);
    EXPECT_NEAR(elu->spinBox()->value(), 0.01, 1e-9);
}

TEST_F(ParameterPanelTest, DraggingTheSliderUpdatesTheStateOnEveryStep)
{
    ParameterEditor* elu = panel->editor(QStringLiteral("elu"), 0);
    QSlider* slider = elu->slider();
    QList<double> seen;
    QObject::connect(&state, &ExplorerState::changed, [&](const StateChange& change) {
        if (change.touches(StateChange::Parameters)) seen << value("elu", 0);
    });
    QStyleOptionSlider option;
    option.initFrom(slider);
    option.orientation = slider->orientation();
    option.minimum = slider->minimum();
    option.maximum = slider->maximum();
    option.sliderPosition = slider->sliderPosition();
    option.sliderValue = slider->value();
    option.singleStep = slider->singleStep();
    option.pageStep = slider->pageStep();
    const QRect handle =
        slider->style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, slider);
    QTest::mousePress(slider, Qt::LeftButton, {}, handle.center());
    const QPoint from = handle.center();
    const QPoint to(slider->width() - 2, from.y());
    for (int i = 1; i <= 10; ++i) {
        const QPoint at = from + (to - from) * i / 10;
        QMouseEvent move(QEvent::MouseMove, at, slider->mapToGlobal(at), Qt::LeftButton, Qt::LeftButton,
                         Qt::NoModifier);
        QApplication::sendEvent(slider, &move);
    }
    // Several updates arrive before the button is released: the charts follow the drag live.
    EXPECT_GE(seen.size(), 5);
    QTest::mouseRelease(slider, Qt::LeftButton, {}, to);
    EXPECT_GT(value("elu", 0), 1.0);
    EXPECT_DOUBLE_EQ(value("elu", 0), elu->sliderValue(slider->value()));
}

TEST_F(ParameterPanelTest, TypingInTheSpinBoxMovesTheParameterAndTheSlider)
{
    ParameterEditor* elu = panel->editor(QStringLiteral("elu"), 0);
    QDoubleSpinBox* spin = elu->spinBox();
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, QStringLiteral("2.5"));
    // Taken on Enter, not on the way: typing 2.5e-3 must not apply 2 and 2.5 first.
    EXPECT_DOUBLE_EQ(value("elu", 0), 1.0);
    QTest::keyClick(spin, Qt::Key_Return);
    EXPECT_DOUBLE_EQ(value("elu", 0), 2.5);
    EXPECT_EQ(elu->slider()->value(), elu->sliderPosition(2.5));

    // Beyond the slider's end but inside the domain: accepted, the slider rests at its end.
    spin->selectAll();
    QTest::keyClicks(spin, QStringLiteral("7"));
    QTest::keyClick(spin, Qt::Key_Return);
    EXPECT_DOUBLE_EQ(value("elu", 0), 7.0);
    EXPECT_EQ(elu->slider()->value(), ParameterEditor::kSliderSteps);
}

TEST_F(ParameterPanelTest, ControlsFollowChangesMadeElsewhere)
{
    ASSERT_FALSE(state.setParameter(QStringLiteral("swish"), 0, 4.0).has_value());
    ParameterEditor* swish = panel->editor(QStringLiteral("swish"), 0);
    EXPECT_EQ(swish->slider()->value(), swish->sliderPosition(4.0));
    EXPECT_DOUBLE_EQ(swish->spinBox()->value(), 4.0);
    EXPECT_DOUBLE_EQ(value("swish", 0), 4.0);
}

TEST_F(ParameterPanelTest, SeluResetRestoresTheSelfNormalisingConstantsExactly)
{
    ParameterEditor* lambda = panel->editor(QStringLiteral("selu"), 0);
    ParameterEditor* alpha = panel->editor(QStringLiteral("selu"), 1);
    ASSERT_NE(lambda, nullptr);
    ASSERT_NE(alpha, nullptr);
    // Building and showing the controls must not round the constants.
    EXPECT_EQ(value("selu", 0), 1.0507009873554804934193349852946);
    EXPECT_EQ(value("selu", 1), 1.6732632423543772848170429916717);

    lambda->slider()->setFocus();
    QTest::keyClick(lambda->slider(), Qt::Key_PageUp);
    alpha->slider()->setFocus();
    QTest::keyClick(alpha->slider(), Qt::Key_PageDown);
    EXPECT_NE(value("selu", 0), 1.0507009873554804934193349852946);
    EXPECT_NE(value("selu", 1), 1.6732632423543772848170429916717);

    QTest::mouseClick(panel->resetButton(QStringLiteral("selu")), Qt::LeftButton);
    EXPECT_EQ(value("selu", 0), 1.0507009873554804934193349852946);
    EXPECT_EQ(value("selu", 1), 1.6732632423543772848170429916717);
    EXPECT_NEAR(lambda->spinBox()->value(), 1.0507009873554805, 0.5e-4);
    EXPECT_EQ(lambda->slider()->value(), lambda->sliderPosition(1.0507009873554805));
}

TEST_F(ParameterPanelTest, GroupsOfHiddenActivationsAreHiddenAndKeepTheirValues)
{
    const QString elu = QStringLiteral("elu");
    ASSERT_TRUE(state.isEnabled(elu));
    EXPECT_TRUE(panel->group(elu)->isVisibleTo(panel.get()));
    EXPECT_FALSE(panel->group(QStringLiteral("celu"))->isVisibleTo(panel.get()));
    EXPECT_EQ(panel->group(QStringLiteral("relu")), nullptr);

    ASSERT_FALSE(state.setParameter(elu, 0, 2.25).has_value());
    state.setEnabled(elu, false);
    EXPECT_FALSE(panel->group(elu)->isVisibleTo(panel.get()));
    EXPECT_DOUBLE_EQ(value("elu", 0), 2.25);

    state.setEnabled(elu, true);
    EXPECT_TRUE(panel->group(elu)->isVisibleTo(panel.get()));
    EXPECT_DOUBLE_EQ(panel->editor(elu, 0)->spinBox()->value(), 2.25);
}

TEST_F(ParameterPanelTest, EveryParameterRowIsLabelledForScreenReaders)
{
    for (ParameterEditor* editor : panel->editors()) {
        for (QWidget* control :
             std::initializer_list<QWidget*>{editor->slider(), editor->spinBox(), editor->playButton()}) {
            EXPECT_FALSE(control->accessibleName().isEmpty()) << editor->activationId().toStdString();
            EXPECT_FALSE(control->accessibleDescription().isEmpty()) << editor->activationId().toStdString();
        }
        EXPECT_EQ(editor->label()->buddy(), editor->slider());
        EXPECT_FALSE(editor->slider()->toolTip().isEmpty());
    }
}

TEST_F(ParameterPanelTest, PlaySweepsBetweenTheSliderEndsAndPausesOnUserInput)
{
    ParameterEditor* elu = panel->editor(QStringLiteral("elu"), 0);
    panel->sweepSecondsBox()->setValue(0.5);
    QList<double> seen;
    QObject::connect(&state, &ExplorerState::changed, [&](const StateChange& change) {
        if (change.touches(StateChange::Parameters) && change.ids.contains(QStringLiteral("elu")))
            seen << value("elu", 0);
    });

    QTest::mouseClick(elu->playButton(), Qt::LeftButton);
    EXPECT_TRUE(elu->isSweeping());
    EXPECT_TRUE(elu->playButton()->isChecked());
    QTest::qWait(1300);
    EXPECT_TRUE(elu->isSweeping());
    ASSERT_GE(seen.size(), 10);
    const auto [lo, hi] = std::minmax_element(seen.begin(), seen.end());
    EXPECT_DOUBLE_EQ(*lo, 0.01);
    EXPECT_DOUBLE_EQ(*hi, 3.0);
    EXPECT_EQ(elu->slider()->value(), elu->sliderPosition(value("elu", 0)));

    // Any key pressed elsewhere stops the sweep where it is.
    QPushButton* reset = panel->resetButton(QStringLiteral("selu"));
    QTest::keyClick(reset, Qt::Key_Shift);
    EXPECT_FALSE(elu->isSweeping());
    EXPECT_FALSE(elu->playButton()->isChecked());
    const double paused = value("elu", 0);
    QTest::qWait(200);
    EXPECT_EQ(value("elu", 0), paused);

    // Restart, then a mouse press on another control pauses it too.
    QTest::mouseClick(elu->playButton(), Qt::LeftButton);
    ASSERT_TRUE(elu->isSweeping());
    QDoubleSpinBox* other = panel->editor(QStringLiteral("selu"), 0)->spinBox();
    QTest::mousePress(other, Qt::LeftButton);
    EXPECT_FALSE(elu->isSweeping());
    QTest::mouseRelease(other, Qt::LeftButton);

    // The play button itself toggles the sweep off rather than counting as an interruption.
    QTest::mouseClick(elu->playButton(), Qt::LeftButton);
    ASSERT_TRUE(elu->isSweeping());
    QTest::mouseClick(elu->playButton(), Qt::LeftButton);
    EXPECT_FALSE(elu->isSweeping());
}

}  // namespace
}  // namespace ax::ui
