#include "app/commands/named_file.h"

#include "app/commands/command_line.h"
#include "app/commands/local_path.h"
#include "ui/model/quoted_text.h"

#include <QDir>
#include <QFileInfo>

#include <cstdlib>

namespace ax::app {

void NamedFile::checkWritablePath(const QString& option, const QString& path)
{
    if (path.isEmpty()) throw BadInput{tr("--%1 needs a file name.").arg(option)};
    const QFileInfo info(path);
    if (info.isDir()) throw BadInput{tr("--%1: %2 is a directory.").arg(option, ui::quoted(path))};
    const QFileInfo folder(info.absolutePath());
    if (!folder.isDir())
        throw BadInput{
            tr("--%1: cannot write %2 because %3 is not an existing directory.")
                .arg(option, ui::quoted(path), ui::quoted(QDir::toNativeSeparators(folder.filePath())))};
    if (!folder.isWritable())
        throw BadInput{
            tr("--%1: cannot write %2 because %3 is not writable.")
                .arg(option, ui::quoted(path), ui::quoted(QDir::toNativeSeparators(folder.filePath())))};
    if (info.exists() && !info.isWritable())
        throw BadInput{tr("--%1: %2 exists and is not writable.").arg(option, ui::quoted(path))};
}

int NamedFile::printPath(std::FILE* output, const QString& path)
{
    if (auto error = writeOutput(output, localBytes(path) + '\n')) {
        reportError(tr("%1 was written, but its path was not: %2").arg(path, *error));
        return EXIT_FAILURE;
    }
    return EXIT_SUCCESS;
}

}  // namespace ax::app
