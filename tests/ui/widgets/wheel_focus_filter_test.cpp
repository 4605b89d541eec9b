// The wheel over the controls panel scrolls it: a slider, spin box or combo box passing under the
// pointer keeps its value unless it has the focus, and with the focus it takes the wheel as usual.

#include "ui/widgets/wheel_focus_filter.h"

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QSlider>
#include <QTest>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <gtest/gtest.h>

namespace ax::ui {
namespace {

// One notch of the wheel, down (towards the user), over the middle of widget.
void wheelDown(QWidget* widget)
{
    const QPointF local = QRectF(widget->rect()).center();
    QWheelEvent event(local, widget->mapToGlobal(local), QPoint(), QPoint(0, -120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget, &event);
}

class WheelFocusFilterTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto* content = new QWidget;
        auto* layout = new QVBoxLayout(content);
        // The first control to get the focus when the window opens is not one under test.
        layout->addWidget(new QLineEdit(content));
        slider = new QSlider(Qt::Horizontal, content);
        slider->setRange(0, 1000);
        slider->setValue(500);
        spin = new QDoubleSpinBox(content);
        spin->setRange(0.0, 10.0);
        spin->setValue(1.0);
        combo = new QComboBox(content);
        combo->addItems({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")});
        layout->addWidget(slider);
        layout->addSpacing(600);
        layout->addWidget(spin);
        layout->addSpacing(600);
        layout->addWidget(combo);
        layout->addSpacing(600);
        scroll.setWidget(content);
        scroll.setWidgetResizable(true);
        scroll.resize(300, 400);
        WheelFocusFilter::apply(content);
        scroll.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&scroll));
    }

    QScrollArea scroll;
    QSlider* slider = nullptr;
    QDoubleSpinBox* spin = nullptr;
    QComboBox* combo = nullptr;
};

TEST_F(WheelFocusFilterTest, WheelOverAnUnfocusedControlScrollsThePanelInstead)
{
    for (QWidget* control :
         {static_cast<QWidget*>(slider), static_cast<QWidget*>(spin), static_cast<QWidget*>(combo)}) {
        scroll.ensureWidgetVisible(control);
        const int before = scroll.verticalScrollBar()->value();
        wheelDown(control);
        EXPECT_GT(scroll.verticalScrollBar()->value(), before) << control->metaObject()->className();
        EXPECT_FALSE(control->hasFocus()) << "the wheel must not hand out the focus";
    }
    EXPECT_EQ(slider->value(), 500);
    EXPECT_DOUBLE_EQ(spin->value(), 1.0);
    EXPECT_EQ(combo->currentIndex(), 0);
}

TEST_F(WheelFocusFilterTest, AFocusedControlTakesTheWheel)
{
    scroll.ensureWidgetVisible(slider);
    slider->setFocus();
    wheelDown(slider);
    EXPECT_NE(slider->value(), 500);
    scroll.ensureWidgetVisible(spin);
    spin->setFocus();
    wheelDown(spin);
    EXPECT_NE(spin->value(), 1.0);
}

TEST_F(WheelFocusFilterTest, ControlsNoLongerTakeTheFocusFromTheWheel)
{
    EXPECT_EQ(slider->focusPolicy(), Qt::StrongFocus);
    EXPECT_EQ(spin->focusPolicy(), Qt::StrongFocus);
    EXPECT_EQ(combo->focusPolicy(), Qt::StrongFocus);
}

}  // namespace
}  // namespace ax::ui
