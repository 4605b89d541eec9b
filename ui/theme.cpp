#include "theme.h"

#include <QApplication>
#include <QGuiApplication>
#include <QPainter>
#include <QProxyStyle>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleHints>
#include <QStyleOption>

namespace ax::ui {

namespace {

void setGroupColours(QPalette& palette, const QColor& window, const QColor& base, const QColor& alternate,
                     const QColor& text, const QColor& button, const QColor& highlight,
                     const QColor& highlightedText, const QColor& link, const QColor& tooltipBase,
                     const QColor& tooltipText)
{
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, alternate);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, button);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, Qt::white);
    palette.setColor(QPalette::Highlight, highlight);
    palette.setColor(QPalette::HighlightedText, highlightedText);
    palette.setColor(QPalette::Link, link);
    palette.setColor(QPalette::LinkVisited, link.darker(120));
    palette.setColor(QPalette::ToolTipBase, tooltipBase);
    palette.setColor(QPalette::ToolTipText, tooltipText);
    palette.setColor(QPalette::PlaceholderText, text.lighter(window.lightness() > 128 ? 250 : 60));
}

void setDisabled(QPalette& palette, const QColor& disabledText)
{
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, disabledText);
    palette.setColor(QPalette::Disabled, QPalette::Highlight, disabledText);
}

// The palette the platform offered before a theme replaced it, so "follow system" can go back to it.
const QPalette& platformPaletteSnapshot()
{
    static const QPalette snapshot = QApplication::palette();
    return snapshot;
}

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

QPalette lightPalette()
{
    QPalette palette;
    setGroupColours(palette, QColor(0xf3, 0xf4, 0xf6), QColor(0xff, 0xff, 0xff), QColor(0xf6, 0xf7, 0xf9),
                    QColor(0x1f, 0x23, 0x28), QColor(0xf8, 0xf9, 0xfa), QColor(0x25, 0x63, 0xeb),
                    QColor(0xff, 0xff, 0xff), QColor(0x1d, 0x4e, 0xd8), QColor(0xff, 0xff, 0xf0),
                    QColor(0x1f, 0x23, 0x28));
    palette.setColor(QPalette::Light, QColor(0xff, 0xff, 0xff));
    palette.setColor(QPalette::Midlight, QColor(0xe5, 0xe7, 0xeb));
    palette.setColor(QPalette::Mid, QColor(0xc4, 0xc8, 0xce));
    palette.setColor(QPalette::Dark, QColor(0x9c, 0xa3, 0xaf));
    palette.setColor(QPalette::Shadow, QColor(0x6b, 0x72, 0x80));
    setDisabled(palette, QColor(0x9c, 0xa3, 0xaf));
    return palette;
}

QPalette darkPalette()
{
    QPalette palette;
    setGroupColours(palette, QColor(0x20, 0x22, 0x26), QColor(0x17, 0x19, 0x1c), QColor(0x26, 0x29, 0x2e),
                    QColor(0xe6, 0xe8, 0xeb), QColor(0x2c, 0x2f, 0x34), QColor(0x3b, 0x82, 0xf6),
                    QColor(0xff, 0xff, 0xff), QColor(0x7c, 0xb4, 0xff), QColor(0x2c, 0x2f, 0x34),
                    QColor(0xe6, 0xe8, 0xeb));
    palette.setColor(QPalette::Light, QColor(0x3a, 0x3e, 0x44));
    palette.setColor(QPalette::Midlight, QColor(0x32, 0x35, 0x3b));
    palette.setColor(QPalette::Mid, QColor(0x4b, 0x50, 0x58));
    palette.setColor(QPalette::Dark, QColor(0x12, 0x13, 0x15));
    palette.setColor(QPalette::Shadow, QColor(0x00, 0x00, 0x00));
    setDisabled(palette, QColor(0x7a, 0x80, 0x88));
    return palette;
}

QPalette systemPalette()
{
    // Qt 6.5+ reports the desktop's colour scheme; 6.4 only offers the platform palette, which on
    // a bare platform (offscreen, minimal window managers) is Qt's light default.
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    if (QGuiApplication::styleHints()->colorScheme() == Qt::ColorScheme::Dark) return darkPalette();
    if (QGuiApplication::styleHints()->colorScheme() == Qt::ColorScheme::Light) return lightPalette();
#endif
    const QPalette platform = platformPaletteSnapshot();
    if (isDark(platform)) return darkPalette();
    return lightPalette();
}

QColor focusRingColour(const QPalette& palette)
{
    const QColor highlight = palette.color(QPalette::Highlight);
    return isDark(palette) ? highlight.lighter(135) : highlight;
}

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

void applyTheme(Theme theme)
{
    if (!qobject_cast<QApplication*>(QCoreApplication::instance())) return;
    (void)platformPaletteSnapshot();
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
