#include "app/commands/table_command.h"

#include "app/commands/local_path.h"
#include "app/commands/named_file.h"
#include "app/commands/platform.h"
#include "ui/model/explorer_state.h"
#include "ui/model/quoted_text.h"
#include "ui/render/table_export.h"

#include <QGuiApplication>

#include <cstdlib>

namespace ax::app {

int TableCommand::run(const Invocation& invocation, std::FILE* output)
{
    const LocalFile target(invocation.outputPath);
    std::optional<QStringList> columns;
    try {
        if (target.problem()) throw BadInput{tr("--export-table: %1.").arg(*target.problem())};
        NamedFile::checkWritablePath(QStringLiteral("export-table"), target.qtPath());
        if (!ui::tableFormatForPath(invocation.outputPath))
            throw BadInput{tr("--export-table takes the format from the file's extension, which must be "
                              ".csv, .md, .tex or .html; got %1.")
                               .arg(ui::quoted(invocation.outputPath))};
        if (invocation.columns) {
            columns = invocation.columns->split(QLatin1Char(','), Qt::SkipEmptyParts);
            for (QString& key : *columns)
                key = key.trimmed();
            if (auto error = ui::checkTableColumns(*columns)) throw BadInput{tr("--columns: %1").arg(*error)};
        }
    } catch (const BadInput& bad) {
        reportError(bad.message);
        return kBadInputExitCode;
    }
    ui::ExplorerState state;
    if (auto error = ui::exportComparisonTable(state, target.qtPath(), columns)) {
        reportError(*error);
        return EXIT_FAILURE;
    }
    return NamedFile::printPath(output, invocation.outputPath);
}

int runTableCommand(char** argv, const Invocation& invocation)
{
    useOffscreenPlatformWithoutDisplay();
    keepOnlyCriticalQtMessages();
    // Only the program name: the options were read already.
    int qtArgc = 1;
    // The table comes from the window's own state and model, which need no widgets.
    const QGuiApplication app(qtArgc, argv);
    return TableCommand::run(invocation, stdout);
}

}  // namespace ax::app
