#include "app/commands/option_values.h"

#include "core/command_line_syntax.h"
#include "ui/model/quoted_text.h"

#include <cmath>

namespace ax::app {

std::optional<QString> OptionValues::valueIfSet(const QCommandLineParser& parser,
                                                const QCommandLineOption& option)
{
    if (!parser.isSet(option)) return std::nullopt;
    return parser.value(option);
}

double OptionValues::number(const QString& option, const QString& text)
{
    const auto number = core::parseNumber(text.toStdString());
    if (!number) throw BadInput{tr("--%1: %2").arg(option, QString::fromStdString(number.error()))};
    if (!std::isfinite(*number))
        throw BadInput{tr("--%1 must be a finite number, not %2.").arg(option, ui::quoted(text))};
    return *number;
}

int OptionValues::wholeNumber(const QString& option, const QString& text, int least, int most)
{
    const auto number = core::parseNumber(text.toStdString());
    if (!number || *number != std::floor(*number) || *number < least || *number > most)
        throw BadInput{tr("--%1 must be a whole number from %2 to %3, not %4.")
                           .arg(option)
                           .arg(least)
                           .arg(most)
                           .arg(ui::quoted(text))};
    return static_cast<int>(*number);
}

void OptionValues::readFigureOptions(const std::optional<QString>& size, const std::optional<QString>& scale,
                                     const std::optional<QString>& theme, QSizeF defaultSize,
                                     ui::FigureOptions& options)
{
    options.size = defaultSize;
    double presetScale = 1.0;
    if (size) {
        if (size->compare(QLatin1String("a4"), Qt::CaseInsensitive) == 0) {
            options.size = QSizeF(ui::kA4WidthPx, ui::kA4HeightPx);
            presetScale = ui::kPrintDensity;
        } else {
            const auto parsed = core::parseSize(size->toStdString());
            if (!parsed) throw BadInput{tr("--size: %1").arg(QString::fromStdString(parsed.error()))};
            options.size = QSizeF(parsed->width, parsed->height);
        }
    }
    const double factor = scale ? number(QStringLiteral("scale"), *scale) : 1.0;
    if (!(factor >= ui::kMinScale && factor <= ui::kMaxScale))
        throw BadInput{tr("--scale must be a number from %1 to %2, not %3.")
                           .arg(ui::kMinScale)
                           .arg(ui::kMaxScale)
                           .arg(ui::quoted(*scale))};
    options.scale = factor * presetScale;
    if (theme) {
        if (*theme == QLatin1String("light"))
            options.theme = ui::Theme::Light;
        else if (*theme == QLatin1String("dark"))
            options.theme = ui::Theme::Dark;
        else
            throw BadInput{tr("--theme must be light or dark, not %1.").arg(ui::quoted(*theme))};
    }
    if (auto error = ui::validateFigureOptions(options)) throw BadInput{*error};
}

}  // namespace ax::app
