#include "ui/widgets/theme.h"

#include "ui/render/theme_palette.h"

#include <QApplication>
#include <QPainter>
#include <QProxyStyle>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleOption>

namespace ax::ui {

namespace {

// Fusion outlines check boxes with a darker shade of the window colour, which vanishes on a dark
// base; this style adds an outline in the palette's mid colour so unchecked boxes stay visible.
class ExplorerStyle : public QProxyStyle {
public:
    ExplorerStyle() : QProxyStyle(QStyleFactory::create(QStringLiteral("Fusion"))) {}

    void drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
                       const QWidget* widget) const override
    {
        // Fusion's own focus marks are a 1-px line a shade off the highlight, too faint to follow
        // with Tab on either palette; a 2-px ring in the focus colour replaces or joins them.
        if (element == PE_FrameFocusRect) {
            if (option->state & State_KeyboardFocusChange)
                drawFocusRing(option->rect, option->palette, painter);
            return;
        }
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        if ((element == PE_PanelButtonCommand || element == PE_FrameLineEdit) && hasKeyboardFocus(option))
            drawFocusRing(option->rect, option->palette, painter);
        if (element != PE_IndicatorCheckBox && element != PE_IndicatorItemViewItemCheck) return;
        if (!isDark(option->palette)) return;
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(option->palette.color(QPalette::Mid).lighter(130), 1.0));
        painter->drawRoundedRect(QRectF(option->rect).adjusted(1.5, 1.5, -1.5, -1.5), 2, 2);
        painter->restore();
    }

    void drawComplexControl(ComplexControl control, const QStyleOptionComplex* option, QPainter* painter,
                            const QWidget* widget) const override
    {
        QProxyStyle::drawComplexControl(control, option, painter, widget);
        if ((control == CC_Slider || control == CC_SpinBox || control == CC_ComboBox) &&
            hasKeyboardFocus(option))
            drawFocusRing(option->rect, option->palette, painter);
    }

private:
    static bool hasKeyboardFocus(const QStyleOption* option)
    {
        return (option->state & State_HasFocus) && (option->state & State_KeyboardFocusChange);
    }

    static void drawFocusRing(const QRect& rect, const QPalette& palette, QPainter* painter)
    {
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(focusRingColour(palette), 2.0));
        painter->drawRoundedRect(QRectF(rect).adjusted(1.0, 1.0, -1.0, -1.0), 3, 3);
        painter->restore();
    }
};

}  // namespace

void applyTheme(Theme theme)
{
    if (!qobject_cast<QApplication*>(QCoreApplication::instance())) return;
    (void)platformPalette();
    if (!dynamic_cast<ExplorerStyle*>(QApplication::style())) QApplication::setStyle(new ExplorerStyle);
    switch (theme) {
        case Theme::Light:
            QApplication::setPalette(lightPalette());
            return;
        case Theme::Dark:
            QApplication::setPalette(darkPalette());
            return;
        case Theme::System:
            break;
    }
    QApplication::setPalette(systemPalette());
}

}  // namespace ax::ui
