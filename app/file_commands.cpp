#include "app/file_commands.h"

#include "app/local_path.h"
#include "app/platform.h"

#include "core/command_line_syntax.h"
#include "ui/model/explorer_state.h"
#include "ui/model/quoted_text.h"
#include "ui/render/table_export.h"
#include "ui/widgets/window_screenshot.h"

#include <QApplication>
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstdlib>

namespace ax::app {

namespace {

// The refusal of one bad input, carried to the command's single exit point.
struct BadInput {
    QString message;
};

// The file can be created or replaced: its folder exists and it is not itself a folder.
void checkWritablePath(const QString& option, const QString& path)
{
    if (path.isEmpty()) throw BadInput{FileCommands::tr("--%1 needs a file name.").arg(option)};
    const QFileInfo info(path);
    if (info.isDir()) throw BadInput{FileCommands::tr("--%1: %2 is a directory.").arg(option, ui::quoted(path))};
    const QFileInfo folder(info.absolutePath());
    if (!folder.isDir())
        throw BadInput{FileCommands::tr("--%1: cannot write %2 because %3 is not an existing directory.")
                           .arg(option, ui::quoted(path), ui::quoted(QDir::toNativeSeparators(folder.filePath())))};
    if (!folder.isWritable())
        throw BadInput{FileCommands::tr("--%1: cannot write %2 because %3 is not writable.")
                           .arg(option, ui::quoted(path), ui::quoted(QDir::toNativeSeparators(folder.filePath())))};
    if (info.exists() && !info.isWritable())
        throw BadInput{FileCommands::tr("--%1: %2 exists and is not writable.").arg(option, ui::quoted(path))};
}

QSize screenshotSize(const Invocation& invocation)
{
    if (!invocation.size) return ui::kDefaultScreenshotSize;
    const auto size = core::parseSize(invocation.size->toStdString());
    if (!size)
        throw BadInput{FileCommands::tr("--size: %1").arg(QString::fromStdString(size.error()))};
    const QSize result(size->width, size->height);
    if (auto error = ui::checkScreenshotSize(result))
        throw BadInput{FileCommands::tr("--size: %1").arg(*error)};
    return result;
}

ui::Theme screenshotTheme(const Invocation& invocation)
{
    if (!invocation.theme) return ui::Theme::System;
    if (*invocation.theme == QLatin1String("light")) return ui::Theme::Light;
    if (*invocation.theme == QLatin1String("dark")) return ui::Theme::Dark;
    throw BadInput{FileCommands::tr("--theme must be light or dark, not %1.").arg(ui::quoted(*invocation.theme))};
}

int printPath(std::FILE* output, const QString& path)
{
    if (auto error = writeOutput(output, localBytes(path) + '\n')) {
        reportError(FileCommands::tr("%1 was written, but its path was not: %2").arg(path, *error));
        return EXIT_FAILURE;
    }
    return EXIT_SUCCESS;
}

}  // namespace

int FileCommands::screenshot(const Invocation& invocation, std::FILE* output)
{
    QSize size;
    ui::Theme theme = ui::Theme::System;
    const LocalFile target(invocation.outputPath);
    try {
        if (target.problem()) throw BadInput{tr("--screenshot: %1.").arg(*target.problem())};
        checkWritablePath(QStringLiteral("screenshot"), target.qtPath());
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
    return printPath(output, invocation.outputPath);
}

int FileCommands::exportTable(const Invocation& invocation, std::FILE* output)
{
    const LocalFile target(invocation.outputPath);
    try {
        if (target.problem()) throw BadInput{tr("--export-table: %1.").arg(*target.problem())};
        checkWritablePath(QStringLiteral("export-table"), target.qtPath());
        if (!ui::tableFormatForPath(invocation.outputPath))
            throw BadInput{tr("--export-table takes the format from the file's extension, which must be "
                              ".csv, .md, .tex or .html; got %1.")
                               .arg(ui::quoted(invocation.outputPath))};
    } catch (const BadInput& bad) {
        reportError(bad.message);
        return kBadInputExitCode;
    }
    ui::ExplorerState state;
    if (auto error = ui::exportComparisonTable(state, target.qtPath())) {
        reportError(*error);
        return EXIT_FAILURE;
    }
    return printPath(output, invocation.outputPath);
}

int runFileCommand(char** argv, const Invocation& invocation)
{
    useOffscreenPlatformWithoutDisplay();
    keepOnlyCriticalQtMessages();
    // Only the program name: the options were read already, and Qt would take --style for itself.
    int qtArgc = 1;
    // A QApplication for both: the window needs widgets, and the table comes from the window's own
    // state and model, built as the window builds them.
    const QApplication app(qtArgc, argv);
    if (invocation.command == Command::Screenshot) return FileCommands::screenshot(invocation, stdout);
    return FileCommands::exportTable(invocation, stdout);
}

}  // namespace ax::app
