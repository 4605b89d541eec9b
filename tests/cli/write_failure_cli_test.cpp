// What the file-writing commands do when writing fails: a full disk, a file-size limit, standard
// output closed or full. Each run says why in one line and exits non-zero, an older file survives,
// and a later export cleans up what a killed one left.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include "tests/cli/program_run.h"
#include "tests/full_filesystem.h"

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <cstdlib>

namespace {

using namespace ax::test;

void expectFailedWithReason(const RunResult& result, const QByteArray& reason)
{
    EXPECT_NE(result.exitCode, 0);
    EXPECT_NE(result.exitCode, -1) << "the program was killed";
    EXPECT_TRUE(result.err.startsWith(kErrorPrefix)) << result.err.toStdString();
    EXPECT_EQ(result.err.count('\n'), 1) << result.err.toStdString();
    EXPECT_TRUE(result.err.contains(reason)) << result.err.toStdString();
    EXPECT_FALSE(result.err.contains("canceled")) << result.err.toStdString();
}

QStringList filesIn(const QString& directory)
{
    return QDir(directory).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

class WriteFailureCli : public ::testing::Test {
protected:
    QTemporaryDir m_dir;
};

TEST_F(WriteFailureCli, AFullDiskFailsEveryWriterWithItsReasonAndKeepsTheOldFiles)
{
    FullFilesystem disk;
    if (!disk.mounted()) GTEST_SKIP() << disk.reason();
    // A good earlier export and table, then the disk fills up.
    const QStringList small{QStringLiteral("--charts"),      QStringLiteral("function"),
                            QStringLiteral("--size"),        QStringLiteral("160x120"),
                            QStringLiteral("--activations"), QStringLiteral("relu")};
    ASSERT_EQ(run(QStringList{QStringLiteral("--export"), disk.path()} + small, m_dir.path()).exitCode, 0);
    ASSERT_EQ(run({QStringLiteral("--export-table"), disk.filePath(QStringLiteral("table.md"))}, m_dir.path())
                  .exitCode,
              0);
    const QByteArray figure = readAll(disk.filePath(QStringLiteral("function.png")));
    const QByteArray table = readAll(disk.filePath(QStringLiteral("table.md")));
    ASSERT_FALSE(figure.isEmpty());
    disk.fill();

    const QList<QStringList> runs{
        QStringList{QStringLiteral("--export"), disk.path()} + small,
        QStringList{QStringLiteral("--export"), disk.path(), QStringLiteral("--sweep"),
                    QStringLiteral("elu.alpha=0.1:3"), QStringLiteral("--frames"), QStringLiteral("2"),
                    QStringLiteral("--format"), QStringLiteral("png"), QStringLiteral("--size"),
                    QStringLiteral("160x120")},
        QStringList{QStringLiteral("--export"), disk.path(), QStringLiteral("--sweep"),
                    QStringLiteral("elu.alpha=0.1:3"), QStringLiteral("--frames"), QStringLiteral("2"),
                    QStringLiteral("--size"), QStringLiteral("160x120")},
        QStringList{QStringLiteral("--export-table"), disk.filePath(QStringLiteral("table.md"))},
        QStringList{QStringLiteral("--export-table"), disk.filePath(QStringLiteral("table.csv"))},
        QStringList{QStringLiteral("--screenshot"), disk.filePath(QStringLiteral("window.png")),
                    QStringLiteral("--size"), QStringLiteral("800x600")},
    };
    for (const QStringList& arguments : runs) {
        SCOPED_TRACE(arguments.join(QLatin1Char(' ')).toStdString());
        const RunResult result = run(arguments, m_dir.path());
        expectFailedWithReason(result, "No space left on device");
        EXPECT_TRUE(result.out.isEmpty()) << "no path is printed for a file that was not written";
        EXPECT_EQ(readAll(disk.filePath(QStringLiteral("function.png"))), figure);
        EXPECT_EQ(readAll(disk.filePath(QStringLiteral("table.md"))), table);
        EXPECT_EQ(filesIn(disk.path()), (QStringList{QStringLiteral("filler"), QStringLiteral("function.png"),
                                                     QStringLiteral("table.md")}));
    }
}

TEST_F(WriteFailureCli, AnInjectedWriteFailureIsReportedWithItsReason)
{
    // A file-size limit of 512 bytes makes every write past it fail with EFBIG, as a full disk
    // would with ENOSPC; SIGXFSZ is ignored so the program sees the error instead of being killed.
    const QString limited = QStringLiteral("trap '' XFSZ; ulimit -f 1; ");
    for (const QStringList& arguments :
         {QStringList{QStringLiteral("--export"), QStringLiteral("out"), QStringLiteral("--charts"),
                      QStringLiteral("function,derivative"), QStringLiteral("--format"),
                      QStringLiteral("png,svg,pdf")},
          QStringList{QStringLiteral("--export"), QStringLiteral("out"), QStringLiteral("--sweep"),
                      QStringLiteral("elu.alpha=0.1:3"), QStringLiteral("--frames"), QStringLiteral("3")},
          QStringList{QStringLiteral("--export-table"), QStringLiteral("table.html")}}) {
        SCOPED_TRACE(arguments.join(QLatin1Char(' ')).toStdString());
        const RunResult result =
            runShell(limited + programCommand(arguments) + QStringLiteral(" >.stdout"), m_dir.path());
        expectFailedWithReason(result, "File too large");
        EXPECT_TRUE(result.out.isEmpty());
        EXPECT_FALSE(QFile::exists(m_dir.filePath(QStringLiteral("table.html"))));
        EXPECT_TRUE(!QDir(m_dir.filePath(QStringLiteral("out"))).exists() ||
                    filesIn(m_dir.filePath(QStringLiteral("out"))).isEmpty());
    }
}

TEST_F(WriteFailureCli, StandardOutputClosedOrFullIsAFailure)
{
    const QStringList exportSmall{QStringLiteral("--export"), QStringLiteral("out"),
                                  QStringLiteral("--charts"), QStringLiteral("function"),
                                  QStringLiteral("--size"),   QStringLiteral("160x120")};
    const QList<QStringList> commands{exportSmall,
                                      {QStringLiteral("--export-table"), QStringLiteral("table.csv")},
                                      {QStringLiteral("--list")}};
    for (const QStringList& arguments : commands) {
        SCOPED_TRACE(arguments.join(QLatin1Char(' ')).toStdString());
        const RunResult closed = runShell(programCommand(arguments) + QStringLiteral(" >&-"), m_dir.path());
        expectFailedWithReason(closed, "standard output");
        EXPECT_TRUE(closed.err.contains("closed")) << closed.err.toStdString();
        const RunResult full =
            runShell(programCommand(arguments) + QStringLiteral(" >/dev/full"), m_dir.path());
        expectFailedWithReason(full, "No space left on device");
    }
    // The figure itself is whole: its list of paths did not end up inside it.
    const QByteArray png = readAll(m_dir.filePath(QStringLiteral("out/function.png")));
    EXPECT_TRUE(png.startsWith("\x89PNG"));
    EXPECT_FALSE(png.contains("out/function.png\n"));
}

TEST_F(WriteFailureCli, TheNextExportRemovesTheTemporaryFilesAKilledOneLeft)
{
    const QStringList arguments{QStringLiteral("--export"), QStringLiteral("out"),
                                QStringLiteral("--charts"), QStringLiteral("function,derivative"),
                                QStringLiteral("--format"), QStringLiteral("png,svg"),
                                QStringLiteral("--size"),   QStringLiteral("160x120")};
    ASSERT_EQ(run(arguments, m_dir.path()).exitCode, 0);
    const QDir out(m_dir.filePath(QStringLiteral("out")));
    // What a run killed between writing and renaming leaves: complete files under QSaveFile's names.
    for (const auto& [from, to] : {std::pair{"function.png", "function.png.anauiO"},
                                   std::pair{"derivative.svg", "derivative.svg.Xy12Zq"}})
        ASSERT_TRUE(QFile::copy(out.filePath(QLatin1String(from)), out.filePath(QLatin1String(to))));
    // Not ours: a file of the same shape that no export wrote, and one of another name.
    QFile foreign(out.filePath(QStringLiteral("function.png.notour")));
    ASSERT_TRUE(foreign.open(QIODevice::WriteOnly));
    foreign.write("someone else's");
    foreign.close();
    ASSERT_TRUE(QFile::copy(out.filePath(QStringLiteral("function.png")),
                            out.filePath(QStringLiteral("other.png.abcdef"))));

    const RunResult again = run(arguments, m_dir.path());
    ASSERT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_EQ(filesIn(out.path()),
              (QStringList{QStringLiteral("derivative.png"), QStringLiteral("derivative.svg"),
                           QStringLiteral("function.png"), QStringLiteral("function.png.notour"),
                           QStringLiteral("function.svg"), QStringLiteral("other.png.abcdef")}));
}

}  // namespace
