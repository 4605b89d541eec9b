#include "ui/render/theme_palette.h"

#include <QGuiApplication>
#include <QStyleHints>

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

}  // namespace

const QPalette& platformPalette()
{
    static const QPalette snapshot = QGuiApplication::palette();
    return snapshot;
}

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
    const QPalette& platform = platformPalette();
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

}  // namespace ax::ui
