// The application's looks: a control reached with Tab wears a focus ring that stands out in both
// the light and the dark theme.

#include "ui/widgets/theme.h"

#include <QApplication>
#include <QDoubleSpinBox>
#include <QImage>
#include <QPushButton>
#include <QSlider>
#include <QTest>
#include <QVBoxLayout>

#include <gtest/gtest.h>

#include <cstdlib>

namespace ax::ui {
namespace {

TEST(FocusRingTest, AControlWithTheKeyboardFocusWearsARingInBothThemes)
{
    for (const Theme theme : {Theme::Light, Theme::Dark}) {
        applyTheme(theme);
        QWidget window;
        auto* layout = new QVBoxLayout(&window);
        auto* first = new QPushButton(QStringLiteral("First"), &window);
        auto* slider = new QSlider(Qt::Horizontal, &window);
        auto* button = new QPushButton(QStringLiteral("Reset"), &window);
        auto* spin = new QDoubleSpinBox(&window);
        layout->addWidget(first);
        layout->addWidget(slider);
        layout->addWidget(button);
        layout->addWidget(spin);
        window.show();
        QApplication::setActiveWindow(&window);
        ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
        const QColor ring = focusRingColour(window.palette());
        const auto ringPixels = [&ring](QWidget* widget) {
            const QImage image = widget->grab().toImage();
            int count = 0;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x) {
                    const QColor c = image.pixelColor(x, y);
                    if (std::abs(c.red() - ring.red()) + std::abs(c.green() - ring.green()) +
                            std::abs(c.blue() - ring.blue()) <
                        40)
                        ++count;
                }
            return count;
        };
        for (QWidget* control :
             {static_cast<QWidget*>(slider), static_cast<QWidget*>(button), static_cast<QWidget*>(spin)}) {
            first->setFocus(Qt::TabFocusReason);
            const int without = ringPixels(control);
            // Reached with Tab, as a keyboard user does: only then does Qt mark the focus as visible.
            for (int i = 0; i < 8 && !control->hasFocus(); ++i)
                QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            ASSERT_TRUE(control->hasFocus());
            const int with = ringPixels(control);
            // A ring all round: at least the control's perimeter in the ring colour.
            EXPECT_GT(with - without, control->width() + control->height())
                << (theme == Theme::Dark ? "dark " : "light ") << control->metaObject()->className();
        }
    }
    applyTheme(Theme::System);
}

TEST(FocusRingTest, TheRingColourStandsOutFromTheWindowInBothThemes)
{
    for (const QPalette& palette : {lightPalette(), darkPalette()}) {
        const QColor ring = focusRingColour(palette);
        const QColor window = palette.color(QPalette::Window);
        EXPECT_GT(std::abs(ring.lightness() - window.lightness()), 80) << ring.name().toStdString();
    }
}

}  // namespace
}  // namespace ax::ui
