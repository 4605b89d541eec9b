#include "app/screenshot_command.h"

#include "app/commands/local_path.h"
#include "app/commands/named_file.h"
#include "app/commands/platform.h"
#include "core/command_line_syntax.h"
#include "ui/model/explorer_state.h"
#include "ui/model/quoted_text.h"
#include "ui/widgets/window_screenshot.h"

#include <QApplication>
#include <QFileInfo>

#include <cstdlib>

namespace ax::app {

// The help text names the default the window is drawn at.
static_assert(kDefaultScreenshotSize == ui::kDefaultScreenshotSize);

namespace {

QSize screenshotSize(const Invocation& invocation)
{
    if (!invocation.size) return ui::kDefaultScreenshotSize;
    const auto size = core::parseSize(invocation.size->toStdString());
    if (!size) throw BadInput{ScreenshotCommand::tr("--size: %1").arg(QString::fromStdString(size.error()))};
    const QSize result(size->width, size->height);
    if (auto error = ui::checkScreenshotSize(result))
        throw BadInput{ScreenshotCommand::tr("--size: %1").arg(*error)};
    return result;
}

ui::Theme screenshotTheme(const Invocation& invocation)
{
    if (!invocation.theme) return ui::Theme::System;
    if (*invocation.theme == QLatin1String("light")) return ui::Theme::Light;
    if (*invocation.theme == QLatin1String("dark")) return ui::Theme::Dark;
    throw BadInput{
        ScreenshotCommand::tr("--theme must be light or dark, not %1.").arg(ui::quoted(*invocation.theme))};
}

}  // namespace

int ScreenshotCommand::run(const Invocation& invocation, std::FILE* output)
{
    QSize size;
    ui::Theme theme = ui::Theme::System;
    const LocalFile target(invocation.outputPath);
    try {
        if (target.problem()) throw BadInput{tr("--screenshot: %1.").arg(*target.problem())};
        NamedFile::checkWritablePath(QStringLiteral("screenshot"), target.qtPath());
        if (QFileInfo(invocation.outputPath).suffix().compare(QLatin1String("png"), Qt::CaseInsensitive) != 0)
            throw BadInput{tr("--screenshot writes a PNG image; the file name must end in .png, not %1.")
                               .arg(ui::quoted(invocation.outputPath))};
        size = screenshotSize(invocation);
        theme = screenshotTheme(invocation);
    } catch (const BadInput& bad) {
        reportError(bad.message);
        return kBadInputExitCode;
    }
    bool sizeRefused = false;
    if (auto error = ui::renderWindowScreenshot(target.qtPath(), size, theme, &sizeRefused)) {
        reportError(*error);
        return sizeRefused ? kBadInputExitCode : EXIT_FAILURE;
    }
    return NamedFile::printPath(output, invocation.outputPath);
}

int runScreenshotCommand(char** argv, const Invocation& invocation)
{
    useOffscreenPlatformWithoutDisplay();
    keepOnlyCriticalQtMessages();
    // Only the program name: the options were read already, and Qt would take --style for itself.
    int qtArgc = 1;
    // The window needs widgets.
    const QApplication app(qtArgc, argv);
    return ScreenshotCommand::run(invocation, stdout);
}

}  // namespace ax::app
