#pragma once
// What the commands that write one named file share: the checks before writing, and the path
// printed after.

#include <QCoreApplication>
#include <QString>

#include <cstdio>

namespace ax::app {

// The refusal of one bad input, carried to the command's single exit point.
struct BadInput {
    QString message;
};

class NamedFile {
    Q_DECLARE_TR_FUNCTIONS(NamedFile)

public:
    // The file can be created or replaced: its folder exists and it is not itself a folder; throws
    // BadInput naming option otherwise.
    static void checkWritablePath(const QString& option, const QString& path);
    // Prints the written path on output as the bytes it was given in; 1 when that fails.
    [[nodiscard]] static int printPath(std::FILE* output, const QString& path);
};

}  // namespace ax::app
