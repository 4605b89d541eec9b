#include "app/commands/print_commands.h"

#include "app/commands/catalog_json.h"
#include "core/infinite_limits.h"

#include "core/command_line_syntax.h"
#include "core/saturation.h"
#include "ui/model/explorer_state.h"

#include <QByteArray>

#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>
#include <string_view>

namespace ax::app {

namespace {

QString fromCoreText(const std::string& message)
{
    return QString::fromStdString(message);
}

// All of the stream, so that --eval can refuse bad input before printing anything.
bool readAll(std::FILE* input, std::string& text)
{
    char buffer[1 << 16];
    std::size_t count = 0;
    while ((count = std::fread(buffer, 1, sizeof buffer, input)) > 0)
        text.append(buffer, count);
    return !std::ferror(input);
}

int writeAll(std::FILE* output, std::string_view text)
{
    if (auto error = writeOutput(output, QByteArrayView(text.data(), static_cast<qsizetype>(text.size())))) {
        reportError(*error);
        return EXIT_FAILURE;
    }
    return EXIT_SUCCESS;
}

core::Derivatives derivativesAt(const core::Activation& activation, const core::ParameterValues& parameters,
                                double z)
{
    if (std::isnan(z)) {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        return {nan, nan, nan};
    }
    if (std::isinf(z)) return core::limitAtInfinity(activation, parameters, z);
    return activation.evaluate(z, parameters);
}

}  // namespace

int PrintCommands::run(const Invocation& invocation, std::FILE* input, std::FILE* output)
{
    switch (invocation.command) {
        case Command::Eval:
            return eval(invocation.activationSpec, input, output);
        case Command::List:
            return list(output);
        case Command::Saturation:
            return saturation(invocation, output);
        case Command::Window:
        case Command::Help:
        case Command::Version:
        case Command::Export:
        case Command::Screenshot:
        case Command::ExportTable:
        case Command::Train:
        case Command::ExportLesson:
            break;
    }
    reportError(tr("This command does not print to the terminal."));
    return kBadInputExitCode;
}

int PrintCommands::eval(const QString& spec, std::FILE* input, std::FILE* output)
{
    const auto parsed = core::parseActivationSpec(spec.toStdString());
    if (!parsed) {
        reportError(fromCoreText(parsed.error()));
        return kBadInputExitCode;
    }
    std::string text;
    if (!readAll(input, text)) {
        reportError(tr("Cannot read standard input."));
        return EXIT_FAILURE;
    }
    const auto values = core::parseInputLines(text);
    if (!values) {
        reportError(tr("standard input, %1").arg(fromCoreText(values.error())));
        return kBadInputExitCode;
    }

    std::string out;
    out.reserve(values->size() * 96);
    for (const double z : *values) {
        const core::Derivatives d = derivativesAt(*parsed->activation, parsed->values, z);
        out += core::formatNumber(z);
        out += '\t';
        out += core::formatNumber(d.f);
        out += '\t';
        out += core::formatNumber(d.d1);
        out += '\t';
        out += core::formatNumber(d.d2);
        out += '\n';
    }
    return writeAll(output, out);
}

int PrintCommands::list(std::FILE* output)
{
    const QByteArray json = catalogJson().toJson(QJsonDocument::Indented);
    return writeAll(output, std::string_view(json.constData(), static_cast<std::size_t>(json.size())));
}

int PrintCommands::saturation(const Invocation& invocation, std::FILE* output)
{
    const auto parsed = core::parseActivationSpec(invocation.activationSpec.toStdString());
    if (!parsed) {
        reportError(fromCoreText(parsed.error()));
        return kBadInputExitCode;
    }
    core::Range range{ui::ExplorerState::kDefaultZMin, ui::ExplorerState::kDefaultZMax};
    if (invocation.range) {
        const auto parsedRange = core::parseRange(invocation.range->toStdString());
        if (!parsedRange) {
            reportError(fromCoreText(parsedRange.error()));
            return kBadInputExitCode;
        }
        range = *parsedRange;
    }
    double epsilon = ui::ExplorerState::kDefaultEpsilon;
    if (invocation.epsilon) {
        const auto parsedEpsilon = core::parseEpsilon(invocation.epsilon->toStdString());
        if (!parsedEpsilon) {
            reportError(fromCoreText(parsedEpsilon.error()));
            return kBadInputExitCode;
        }
        epsilon = *parsedEpsilon;
    }

    std::string out;
    for (const core::SaturationInterval& interval :
         core::saturationIntervals(*parsed->activation, parsed->values, range.lo, range.hi, epsilon)) {
        out += interval.kind == core::SaturationKind::Dead ? "dead" : "saturated";
        out += '\t';
        out += core::formatNumber(interval.lo);
        out += '\t';
        out += core::formatNumber(interval.hi);
        out += '\n';
    }
    return writeAll(output, out);
}

}  // namespace ax::app
