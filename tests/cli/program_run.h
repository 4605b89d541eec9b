#pragma once
// Running the built program as a user or a script would: through the shell, with no display and
// no platform chosen, capturing its exit code and output. Shared by the command-line tests.

#include <QByteArray>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QSaveFile>
#include <QSize>
#include <QString>
#include <QStringList>

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <cstdlib>

namespace ax::test {

inline constexpr int kBadInput = 2;
inline const QByteArray kErrorPrefix = "activation-explorer: error: ";

struct RunResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

inline QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// One shell word, whatever the text holds.
inline QString quoted(const QString& text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

// The program with its arguments; environment holds extra NAME=value settings, applied after the
// display and platform are unset.
inline QString programCommand(const QStringList& arguments, const QStringList& environment = {})
{
    QString command = QStringLiteral("env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM");
    for (const QString& setting : environment)
        command += QLatin1Char(' ') + quoted(setting);
    command += QLatin1Char(' ') + quoted(QStringLiteral(AX_APP_PATH));
    for (const QString& argument : arguments)
        command += QLatin1Char(' ') + quoted(argument);
    return command;
}

// Runs the program in workingDirectory with input on its standard input. A shell run keeps the test
// process free of a second application object.
inline RunResult run(const QStringList& arguments, const QString& workingDirectory,
                     const QByteArray& input = {})
{
    const QDir dir(workingDirectory);
    const QString in = dir.filePath(QStringLiteral(".stdin"));
    const QString out = dir.filePath(QStringLiteral(".stdout"));
    const QString err = dir.filePath(QStringLiteral(".stderr"));
    QSaveFile inputFile(in);
    if (inputFile.open(QIODevice::WriteOnly)) {
        inputFile.write(input);
        inputFile.commit();
    }
    const QString command =
        QStringLiteral("cd %1 && %2 <%3 >%4 2>%5")
            .arg(quoted(workingDirectory), programCommand(arguments), quoted(in), quoted(out), quoted(err));
    const int status = std::system(command.toLocal8Bit().constData());
    RunResult result;
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.out = readAll(out);
    result.err = readAll(err);
    for (const QString& scratch : {in, out, err})
        QFile::remove(scratch);
    return result;
}

// Runs a shell command line in directory, for what arguments cannot say (redirections, limits, raw
// bytes); the command writes its standard output to .stdout there itself, its errors are captured.
inline RunResult runShell(const QString& commandLine, const QString& directory)
{
    const QDir dir(directory);
    const QString out = dir.filePath(QStringLiteral(".stdout"));
    const QString err = dir.filePath(QStringLiteral(".stderr"));
    const QString command =
        QStringLiteral("cd %1 && { %2; } 2>%3").arg(quoted(directory), commandLine, quoted(err));
    const int status = std::system(command.toLocal8Bit().constData());
    RunResult result;
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.out = readAll(out);
    result.err = readAll(err);
    QFile::remove(out);
    QFile::remove(err);
    return result;
}

// Every file and folder below root with its bytes, for "nothing changed".
inline QMap<QString, QByteArray> snapshot(const QString& root)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(root, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        files.insert(QDir(root).relativeFilePath(path),
                     QFileInfo(path).isDir() ? QByteArray("<dir>") : readAll(path));
    }
    return files;
}

// Width and height from a PNG's IHDR chunk.
inline QSize pngSize(const QByteArray& png)
{
    if (!png.startsWith("\x89PNG\r\n\x1a\n") || png.size() < 24) return {};
    const auto be32 = [&png](int at) {
        return (static_cast<unsigned char>(png[at]) << 24) | (static_cast<unsigned char>(png[at + 1]) << 16) |
               (static_cast<unsigned char>(png[at + 2]) << 8) | static_cast<unsigned char>(png[at + 3]);
    };
    return QSize(static_cast<int>(be32(16)), static_cast<int>(be32(20)));
}

// Refused with exit code 2, one line naming what is wrong (it holds part), nothing on standard
// output, and the directory it ran in left exactly as it was.
inline void expectRefusedLeavingFolderAlone(const QStringList& arguments, const QString& directory,
                                            const char* part)
{
    const auto before = snapshot(directory);
    const RunResult result = run(arguments, directory);
    EXPECT_EQ(result.exitCode, kBadInput) << arguments.join(QLatin1Char(' ')).toStdString();
    EXPECT_TRUE(result.err.startsWith(kErrorPrefix)) << result.err.toStdString();
    EXPECT_TRUE(result.err.contains(part)) << result.err.toStdString();
    EXPECT_EQ(result.err.count('\n'), 1) << result.err.toStdString();
    EXPECT_TRUE(result.out.isEmpty()) << result.out.toStdString();
    EXPECT_EQ(snapshot(directory), before) << arguments.join(QLatin1Char(' ')).toStdString();
}

}  // namespace ax::test
