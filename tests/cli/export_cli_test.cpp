// The headless --export command as a script on a server would run it: predictable file names,
// the sizes asked for, and for every bad input a one-line message, exit code 2 and nothing written.

#include <QByteArray>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include "tests/cli/program_run.h"

#include <gtest/gtest.h>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

using namespace ax::test;

class ExportCli : public ::testing::Test {
protected:
    QString path(const QString& name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

TEST_F(ExportCli, DefaultRunWritesEveryChartAsPngAndPrintsThePaths)
{
    const RunResult result = run({QStringLiteral("--export"), QStringLiteral("figures")}, m_dir.path());
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_TRUE(result.err.isEmpty()) << result.err.toStdString();
    const QStringList expected{QStringLiteral("figures/function.png"),
                               QStringLiteral("figures/derivative.png"), QStringLiteral("figures/second.png"),
                               QStringLiteral("figures/saturation.png"),
                               QStringLiteral("figures/combined.png")};
    EXPECT_EQ(QString::fromUtf8(result.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts), expected);
    for (const QString& file : expected)
        EXPECT_EQ(pngSize(readAll(path(file))), QSize(1920, 1080)) << file.toStdString();
    EXPECT_EQ(QDir(path(QStringLiteral("figures"))).entryList(QDir::Files).size(), 5);
}

TEST_F(ExportCli, ChartsFormatsSizeAndScaleAreHonoured)
{
    const RunResult result =
        run({QStringLiteral("--export"), QStringLiteral("out"), QStringLiteral("--charts"),
             QStringLiteral("function,combined"), QStringLiteral("--format"), QStringLiteral("png,svg,pdf"),
             QStringLiteral("--size"), QStringLiteral("800x600"), QStringLiteral("--scale"),
             QStringLiteral("2"), QStringLiteral("--style"), QStringLiteral("print"),
             QStringLiteral("--theme"), QStringLiteral("dark")},
            m_dir.path());
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_EQ(QString::fromUtf8(result.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts),
              (QStringList{QStringLiteral("out/function.png"), QStringLiteral("out/function.svg"),
                           QStringLiteral("out/function.pdf"), QStringLiteral("out/combined.png"),
                           QStringLiteral("out/combined.svg"), QStringLiteral("out/combined.pdf")}));
    EXPECT_EQ(pngSize(readAll(path(QStringLiteral("out/combined.png")))), QSize(1600, 1200));
    EXPECT_TRUE(readAll(path(QStringLiteral("out/combined.svg"))).contains("<svg"));
    EXPECT_TRUE(readAll(path(QStringLiteral("out/combined.pdf"))).startsWith("%PDF-"));

    const RunResult a4 = run({QStringLiteral("--export"), QStringLiteral("a4"), QStringLiteral("--charts"),
                              QStringLiteral("combined"), QStringLiteral("--size"), QStringLiteral("a4")},
                             m_dir.path());
    ASSERT_EQ(a4.exitCode, 0) << a4.err.toStdString();
    EXPECT_EQ(pngSize(readAll(path(QStringLiteral("a4/combined.png")))), QSize(3508, 2480));
}

TEST_F(ExportCli, ParametersAndSessionsChangeTheFigure)
{
    const QStringList base{QStringLiteral("--export"),      QStringLiteral("x"),
                           QStringLiteral("--charts"),      QStringLiteral("function"),
                           QStringLiteral("--format"),      QStringLiteral("svg"),
                           QStringLiteral("--activations"), QStringLiteral("elu")};
    ASSERT_EQ(run(base, m_dir.path()).exitCode, 0);
    const QByteArray defaults = readAll(path(QStringLiteral("x/function.svg")));
    EXPECT_TRUE(defaults.contains(QStringLiteral("ELU (α = 1)").toUtf8()));

    ASSERT_EQ(run(base + QStringList{QStringLiteral("--param"), QStringLiteral("elu.alpha=0.5"),
                                     QStringLiteral("--range"), QStringLiteral("-3,2")},
                  m_dir.path())
                  .exitCode,
              0);
    const QByteArray changed = readAll(path(QStringLiteral("x/function.svg")));
    EXPECT_TRUE(changed.contains(QStringLiteral("ELU (α = 0.5)").toUtf8()));
    EXPECT_TRUE(changed.contains(QStringLiteral("z from −3 to 2").toUtf8()));
    EXPECT_NE(changed, defaults);

    QFile session(path(QStringLiteral("lesson.actx.json")));
    ASSERT_TRUE(session.open(QIODevice::WriteOnly));
    session.write(R"({"format": "activation-explorer-session", "version": 1, "enabled": ["elu"],
                      "parameters": {"elu": {"alpha": 0.5}}, "range": [-3, 2]})");
    session.close();
    ASSERT_EQ(run({QStringLiteral("--export"), QStringLiteral("y"), QStringLiteral("--session"),
                   QStringLiteral("lesson.actx.json"), QStringLiteral("--charts"), QStringLiteral("function"),
                   QStringLiteral("--format"), QStringLiteral("svg")},
                  m_dir.path())
                  .exitCode,
              0);
    EXPECT_EQ(readAll(path(QStringLiteral("y/function.svg"))), changed)
        << "a session and the same options must export the same figure";
}

TEST_F(ExportCli, SweepWritesAGifAndNumberedFrames)
{
    const RunResult result =
        run({QStringLiteral("--export"), QStringLiteral("anim"), QStringLiteral("--sweep"),
             QStringLiteral("elu.alpha=0.1:2"), QStringLiteral("--frames"), QStringLiteral("4"),
             QStringLiteral("--fps"), QStringLiteral("8"), QStringLiteral("--format"),
             QStringLiteral("gif,png"), QStringLiteral("--size"), QStringLiteral("320x200")},
            m_dir.path());
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    const QStringList expected{
        QStringLiteral("anim/sweep-elu-alpha.gif"), QStringLiteral("anim/sweep-elu-alpha-0001.png"),
        QStringLiteral("anim/sweep-elu-alpha-0002.png"), QStringLiteral("anim/sweep-elu-alpha-0003.png"),
        QStringLiteral("anim/sweep-elu-alpha-0004.png")};
    EXPECT_EQ(QString::fromUtf8(result.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts), expected);
    const QByteArray gif = readAll(path(expected.first()));
    ASSERT_TRUE(gif.startsWith("GIF89a"));
    EXPECT_EQ(static_cast<unsigned char>(gif[6]) | (static_cast<unsigned char>(gif[7]) << 8), 320);
    EXPECT_EQ(static_cast<unsigned char>(gif[8]) | (static_cast<unsigned char>(gif[9]) << 8), 200);
    EXPECT_EQ(pngSize(readAll(path(expected.last()))), QSize(320, 200));
}

TEST_F(ExportCli, ItsOwnFilesAreReplacedButForeignOnesAreLeftAlone)
{
    const QStringList arguments{QStringLiteral("--export"), QStringLiteral("out"),
                                QStringLiteral("--charts"), QStringLiteral("function,combined"),
                                QStringLiteral("--format"), QStringLiteral("png,svg,pdf")};
    ASSERT_EQ(run(arguments, m_dir.path()).exitCode, 0);
    const RunResult again = run(arguments, m_dir.path());
    EXPECT_EQ(again.exitCode, 0) << again.err.toStdString();

    QFile foreign(path(QStringLiteral("out/combined.pdf")));
    ASSERT_TRUE(foreign.open(QIODevice::WriteOnly));
    foreign.write("%PDF-1.4 a paper the teacher wrote\n");
    foreign.close();
    const auto before = snapshot(m_dir.path());
    const RunResult refused = run(arguments, m_dir.path());
    EXPECT_EQ(refused.exitCode, kBadInput);
    EXPECT_TRUE(refused.err.startsWith(kErrorPrefix)) << refused.err.toStdString();
    EXPECT_TRUE(refused.err.contains("combined.pdf"));
    EXPECT_TRUE(refused.out.isEmpty());
    EXPECT_EQ(snapshot(m_dir.path()), before) << "a refused export must not write anything";
}

// One bad invocation per case: each must be refused before anything is written.
class ExportCliRefuses : public ExportCli,
                         public ::testing::WithParamInterface<std::pair<std::string, std::string>> {};

TEST_P(ExportCliRefuses, WithOneLineExitCodeTwoAndNothingWritten)
{
    // An existing output directory with a file of an earlier export, and a file that is not a directory.
    ASSERT_TRUE(QDir(m_dir.path()).mkdir(QStringLiteral("out")));
    QFile plain(path(QStringLiteral("plain.txt")));
    ASSERT_TRUE(plain.open(QIODevice::WriteOnly));
    plain.write("notes");
    plain.close();
    const auto before = snapshot(m_dir.path());

    const QStringList arguments =
        QString::fromStdString(GetParam().first).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const RunResult result = run(arguments, m_dir.path());
    EXPECT_EQ(result.exitCode, kBadInput) << GetParam().first;
    EXPECT_TRUE(result.out.isEmpty()) << result.out.toStdString();
    EXPECT_TRUE(result.err.startsWith(kErrorPrefix)) << result.err.toStdString();
    EXPECT_EQ(result.err.count('\n'), 1) << "one line: " << result.err.toStdString();
    EXPECT_TRUE(result.err.contains(QByteArray::fromStdString(GetParam().second)))
        << "expected \"" << GetParam().second << "\" in: " << result.err.toStdString();
    EXPECT_EQ(snapshot(m_dir.path()), before) << "nothing may be written for: " << GetParam().first;
}

INSTANTIATE_TEST_SUITE_P(
    BadInput, ExportCliRefuses,
    ::testing::Values(
        std::pair<std::string, std::string>{"--export out --charts function,histogram", "histogram"},
        std::pair<std::string, std::string>{"--export out --format png,jpeg", "jpeg"},
        std::pair<std::string, std::string>{"--export out --format png,png", "twice"},
        std::pair<std::string, std::string>{"--export out --size 0x100", "--size"},
        std::pair<std::string, std::string>{"--export out --size big", "--size"},
        std::pair<std::string, std::string>{"--export out --size 100x50", "160×120"},
        std::pair<std::string, std::string>{"--export out --scale 0", "--scale"},
        std::pair<std::string, std::string>{"--export out --scale two", "--scale"},
        std::pair<std::string, std::string>{"--export out --size 9000x9000 --scale 2", "at most 16384"},
        std::pair<std::string, std::string>{"--export out --param elu.alpha=-1", "--param"},
        std::pair<std::string, std::string>{"--export out --param elu.gamma=1", "--param"},
        std::pair<std::string, std::string>{"--export out --range 3,1", "--range"},
        std::pair<std::string, std::string>{"--export out --epsilon -0.1", "--epsilon"},
        std::pair<std::string, std::string>{"--export out --samples 1", "--samples"},
        std::pair<std::string, std::string>{"--export out --samples 2.5", "--samples"},
        std::pair<std::string, std::string>{"--export out --activations relu,softmax", "softmax"},
        std::pair<std::string, std::string>{"--export out --session missing.actx.json", "--session"},
        std::pair<std::string, std::string>{"--export out --session plain.txt", "--session"},
        std::pair<std::string, std::string>{"--export out --style poster", "--style"},
        std::pair<std::string, std::string>{"--export out --theme blue", "--theme"},
        std::pair<std::string, std::string>{"--export plain.txt", "not a directory"},
        std::pair<std::string, std::string>{"--export missing/deeper", "not an existing directory"},
        std::pair<std::string, std::string>{"--export out --sweep elu.alpha=1:1", "--sweep"},
        std::pair<std::string, std::string>{"--export out --sweep relu.alpha=0:1", "--sweep"},
        std::pair<std::string, std::string>{"--export out --sweep elu.alpha=0.1:2 --frames 1",
                                            "--frames must be a whole number from 2 to 1000"},
        std::pair<std::string, std::string>{"--export out --sweep elu.alpha=0.1:2 --fps 0", "frame rate"},
        std::pair<std::string, std::string>{"--export out --sweep elu.alpha=0.1:2 --format svg", "svg"},
        std::pair<std::string, std::string>{"--export out --frames 10", "only with --sweep"},
        std::pair<std::string, std::string>{"--charts function", "only with --export"},
        std::pair<std::string, std::string>{"--export out --export other", "more than once"}));

}  // namespace

namespace {

using namespace ax::test;

// The names of the entries of a directory given by its bytes, as bytes.
QList<QByteArray> entryBytes(const QByteArray& directory)
{
    QList<QByteArray> names;
    if (DIR* dir = ::opendir(directory.constData())) {
        while (const dirent* entry = ::readdir(dir)) {
            const QByteArray name(entry->d_name);
            if (name != "." && name != "..") names << name;
        }
        ::closedir(dir);
    }
    std::sort(names.begin(), names.end());
    return names;
}

TEST(ExportCliPaths, NamesThatAreNotUtf8AreUsedAsTheirBytes)
{
    QTemporaryDir dir;
    const QByteArray root = QFile::encodeName(dir.path());
    ASSERT_EQ(::mkdir((root + "/w").constData(), 0777), 0);
    // A new folder, an existing one and one below an existing one, each named with bytes that are
    // not UTF-8 (Latin-1 "é" and a lone 0xff).
    for (const char* target : {"w/d\\377", "w/caf\\351", "w/caf\\351/sub\\377x"}) {
        SCOPED_TRACE(target);
        if (std::string_view(target) == "w/caf\\351") {
            ASSERT_EQ(::mkdir((root + "/w/caf\xe9").constData(), 0777), 0);
        }
        const RunResult result =
            runShell(programCommand({QStringLiteral("--export")}) +
                         QStringLiteral(" \"$(printf '%1')\" --charts function --size 160x120 >.stdout")
                             .arg(QLatin1String(target)),
                     dir.path());
        ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
        QByteArray bytes = QByteArray(target).replace("\\377", "\xff").replace("\\351", "\xe9");
        EXPECT_EQ(result.out, bytes + "/function.png\n");
        EXPECT_EQ(entryBytes(root + '/' + bytes).value(0), QByteArray("function.png"));
        EXPECT_FALSE(entryBytes(root + "/w").contains(QByteArray("d\xef\xbf\xbd"))) << "no U+FFFD stand-in";
    }
    EXPECT_EQ(entryBytes(root + "/w"), (QList<QByteArray>{"caf\xe9", "d\xff"}));

    // A session whose name is not UTF-8 opens.
    const QByteArray session = root + "/s\xff.actx.json";
    const int fd = ::open(session.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ASSERT_GE(fd, 0);
    const QByteArray json = R"({"format": "activation-explorer-session", "version": 1, "enabled": ["elu"]})";
    ASSERT_EQ(::write(fd, json.constData(), static_cast<std::size_t>(json.size())), json.size());
    ::close(fd);
    const RunResult opened = runShell(
        programCommand({QStringLiteral("--export"), QStringLiteral("out"), QStringLiteral("--charts"),
                        QStringLiteral("function"), QStringLiteral("--size"), QStringLiteral("160x120")}) +
            QStringLiteral(" --session \"$(printf 's\\377.actx.json')\" >.stdout"),
        dir.path());
    EXPECT_EQ(opened.exitCode, 0) << opened.err.toStdString();
    EXPECT_EQ(opened.out, "out/function.png\n");
    // A missing one is reported, not mistaken for another name.
    const RunResult missing =
        runShell(programCommand({QStringLiteral("--export"), QStringLiteral("out2")}) +
                     QStringLiteral(" --session \"$(printf 'm\\377.actx.json')\" >.stdout"),
                 dir.path());
    EXPECT_EQ(missing.exitCode, kBadInput);
    EXPECT_TRUE(missing.err.contains("No such file or directory")) << missing.err.toStdString();
}

}  // namespace
