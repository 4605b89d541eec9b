#pragma once
// The option values every headless command reads alike: numbers, whole numbers within limits, and a
// figure's --size, --scale and --theme. Each refusal is a BadInput naming the option.

#include "app/commands/named_file.h"
#include "ui/render/figure_export.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSizeF>
#include <QString>

#include <optional>

namespace ax::app {

class OptionValues {
    Q_DECLARE_TR_FUNCTIONS(OptionValues)

public:
    // The option's value when it was given.
    [[nodiscard]] static std::optional<QString> valueIfSet(const QCommandLineParser& parser,
                                                           const QCommandLineOption& option);
    // A finite number, in any of the forms the program reads numbers in.
    [[nodiscard]] static double number(const QString& option, const QString& text);
    // A whole number from least to most; the message names the limits, whatever is wrong.
    [[nodiscard]] static int wholeNumber(const QString& option, const QString& text, int least, int most);
    // Sets the size (defaultSize, WxH or a4 at print density), the scale and the theme of options
    // from what was given, then checks the whole.
    static void readFigureOptions(const std::optional<QString>& size, const std::optional<QString>& scale,
                                  const std::optional<QString>& theme, QSizeF defaultSize,
                                  ui::FigureOptions& options);
};

}  // namespace ax::app
