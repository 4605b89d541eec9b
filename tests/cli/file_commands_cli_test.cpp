// The commands that write one named file (--screenshot, --export-table), the depth lab's charts in
// --export, and a session named on the command line, run as a user or a script would run them.

#include "core/activation.h"
#include "core/catalog.h"

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

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cstdlib>
#include <string>
#include <utility>

namespace {

using namespace ax::test;

QStringList lines(const QByteArray& out)
{
    return QString::fromUtf8(out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

// RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks.
std::vector<QStringList> csvRecords(const QString& text)
{
    std::vector<QStringList> records;
    QStringList record;
    QString field;
    bool quotedField = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quotedField) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quotedField = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quotedField = true;
        } else if (c == QLatin1Char(',')) {
            record << field;
            field.clear();
        } else if (c == QLatin1Char('\n')) {
            record << field;
            field.clear();
            records.push_back(record);
            record.clear();
        } else if (c != QLatin1Char('\r')) {
            field += c;
        }
    }
    if (!field.isEmpty() || !record.isEmpty()) records.push_back(record << field);
    return records;
}

class FileCommandsCli : public ::testing::Test {
protected:
    QString path(const QString& name) const { return m_dir.filePath(name); }

    void writeFile(const QString& name, const QByteArray& bytes) const
    {
        QFile file(path(name));
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }

    // Runs arguments and expects the refusal: exit code 2, one error line naming part, nothing written.
    void expectRefused(const QStringList& arguments, const QByteArray& part) const
    {
        const auto before = snapshot(m_dir.path());
        const RunResult result = run(arguments, m_dir.path());
        const std::string shown = arguments.join(QLatin1Char(' ')).toStdString();
        EXPECT_EQ(result.exitCode, kBadInput) << shown;
        EXPECT_TRUE(result.out.isEmpty()) << shown << ": " << result.out.toStdString();
        EXPECT_TRUE(result.err.startsWith(kErrorPrefix)) << shown << ": " << result.err.toStdString();
        EXPECT_EQ(result.err.count('\n'), 1) << shown << ": " << result.err.toStdString();
        EXPECT_TRUE(result.err.contains(part))
            << "expected \"" << part.toStdString() << "\" in: " << result.err.toStdString();
        EXPECT_EQ(snapshot(m_dir.path()), before) << "nothing may be written for: " << shown;
    }

    QTemporaryDir m_dir;
};

TEST_F(FileCommandsCli, ScreenshotWritesAPngOfTheRequestedSizeAndPrintsItsPath)
{
    const RunResult result =
        run({QStringLiteral("--screenshot"), QStringLiteral("shot.png"), QStringLiteral("--size"),
             QStringLiteral("1366x768"), QStringLiteral("--theme"), QStringLiteral("dark")},
            m_dir.path());
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_TRUE(result.err.isEmpty()) << result.err.toStdString();
    EXPECT_EQ(lines(result.out), QStringList{QStringLiteral("shot.png")});
    EXPECT_EQ(pngSize(readAll(path(QStringLiteral("shot.png")))), QSize(1366, 768));
}

TEST_F(FileCommandsCli, ScreenshotIs1600By900ByDefault)
{
    const RunResult result =
        run({QStringLiteral("--screenshot"), QStringLiteral("window.png")}, m_dir.path());
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_EQ(pngSize(readAll(path(QStringLiteral("window.png")))), QSize(1600, 900));
}

TEST_F(FileCommandsCli, ScreenshotRefusesBadSizesThemesAndPaths)
{
    ASSERT_TRUE(QDir(m_dir.path()).mkdir(QStringLiteral("folder.png")));
    const QString shot = QStringLiteral("--screenshot");
    const QString size = QStringLiteral("--size");
    expectRefused({shot, QStringLiteral("a.png"), size, QStringLiteral("big")}, "--size");
    expectRefused({shot, QStringLiteral("a.png"), size, QStringLiteral("0x600")}, "--size");
    expectRefused({shot, QStringLiteral("a.png"), size, QStringLiteral("200x100")}, "320×240");
    expectRefused({shot, QStringLiteral("a.png"), size, QStringLiteral("9000x900")}, "8192");
    expectRefused({shot, QStringLiteral("a.png"), QStringLiteral("--theme"), QStringLiteral("blue")},
                  "--theme");
    expectRefused({shot, QStringLiteral("missing/a.png")}, "not an existing directory");
    expectRefused({shot, QStringLiteral("folder.png")}, "is a directory");
    expectRefused({shot, QStringLiteral("a.jpg")}, ".png");
    expectRefused({shot, QStringLiteral("a.png"), QStringLiteral("--export"), QStringLiteral("out")},
                  "cannot be used together");
    expectRefused({shot, QStringLiteral("a.png"), QStringLiteral("--charts"), QStringLiteral("function")},
                  "only with --export");
    expectRefused({size, QStringLiteral("800x600")}, "only with --export");

    // Below the window's own minimum the picture would not have the size asked for: bad input too.
    expectRefused({shot, QStringLiteral("small.png"), size, QStringLiteral("640x480")}, "needs at least");
    EXPECT_FALSE(QFileInfo::exists(path(QStringLiteral("small.png"))));
}

class TableFormats : public FileCommandsCli, public ::testing::WithParamInterface<const char*> {};

TEST_P(TableFormats, HoldEveryActivationInCatalogOrder)
{
    const QString name = QStringLiteral("table.") + QLatin1String(GetParam());
    const RunResult result = run({QStringLiteral("--export-table"), name}, m_dir.path());
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_TRUE(result.err.isEmpty()) << result.err.toStdString();
    EXPECT_EQ(lines(result.out), QStringList{name});
    const QString text = QString::fromUtf8(readAll(path(name)));
    qsizetype at = 0;
    for (const ax::core::Activation& a : ax::core::catalog()) {
        const qsizetype found = text.indexOf(QString::fromStdString(a.name), at);
        ASSERT_GE(found, 0) << a.id << " is missing or out of catalog order in " << name.toStdString();
        at = found;
    }
}

INSTANTIATE_TEST_SUITE_P(EachExtension, TableFormats, ::testing::Values("csv", "md", "tex", "html"));

TEST_F(FileCommandsCli, TableAsCsvHasAHeaderAndOneEqualLengthRecordPerActivation)
{
    ASSERT_EQ(run({QStringLiteral("--export-table"), QStringLiteral("t.csv")}, m_dir.path()).exitCode, 0);
    const std::vector<QStringList> records =
        csvRecords(QString::fromUtf8(readAll(path(QStringLiteral("t.csv")))));
    ASSERT_EQ(records.size(), ax::core::catalog().size() + 1);
    for (std::size_t row = 0; row < records.size(); ++row)
        EXPECT_EQ(records[row].size(), records.front().size()) << "record " << row;
    for (std::size_t row = 1; row < records.size(); ++row)
        EXPECT_EQ(records[row]
                      .join(QLatin1Char(' '))
                      .contains(QString::fromStdString(ax::core::catalog()[row - 1].name)),
                  true)
            << "record " << row;
}

TEST_F(FileCommandsCli, TableRefusesUnknownExtensionsAndUnwritablePaths)
{
    ASSERT_TRUE(QDir(m_dir.path()).mkdir(QStringLiteral("folder.csv")));
    const QString table = QStringLiteral("--export-table");
    expectRefused({table, QStringLiteral("table.xlsx")}, ".csv, .md, .tex or .html");
    expectRefused({table, QStringLiteral("table")}, ".csv, .md, .tex or .html");
    expectRefused({table, QStringLiteral("missing/table.csv")}, "not an existing directory");
    expectRefused({table, QStringLiteral("folder.csv")}, "is a directory");
    expectRefused({table, QStringLiteral("t.csv"), QStringLiteral("--theme"), QStringLiteral("dark")},
                  "only with --export");
    expectRefused({table, QStringLiteral("t.csv"), table, QStringLiteral("u.csv")}, "more than once");
}

TEST_F(FileCommandsCli, TableTakesTheColumnsAskedForAndRefusesUnknownOnes)
{
    const QString table = QStringLiteral("--export-table");
    const QString columns = QStringLiteral("--columns");
    ASSERT_EQ(
        run({table, QStringLiteral("t.csv"), columns, QStringLiteral("name,strengths,weaknesses,problem")},
            m_dir.path())
            .exitCode,
        0);
    const std::vector<QStringList> records =
        csvRecords(QString::fromUtf8(readAll(path(QStringLiteral("t.csv")))));
    ASSERT_EQ(records.size(), ax::core::catalog().size() + 1);
    EXPECT_EQ(records.front(), (QStringList{QStringLiteral("Activation"), QStringLiteral("Strengths"),
                                            QStringLiteral("Weaknesses"), QStringLiteral("Problem")}));
    expectRefused({table, QStringLiteral("u.csv"), columns, QStringLiteral("name,genus")}, "genus");
    EXPECT_FALSE(QFileInfo::exists(path(QStringLiteral("u.csv"))));
    expectRefused({table, QStringLiteral("u.csv"), columns, QStringLiteral(",")}, "empty");
    expectRefused({columns, QStringLiteral("name")}, "only with --export-table");
}

TEST_F(FileCommandsCli, EachDepthChartExportsInEachFormat)
{
    const QStringList charts{QStringLiteral("depth-variance"), QStringLiteral("depth-gradient"),
                             QStringLiteral("depth-dead"), QStringLiteral("selu-phase")};
    const QStringList arguments{QStringLiteral("--export"), QStringLiteral("depth"),
                                QStringLiteral("--charts"), charts.join(QLatin1Char(',')),
                                QStringLiteral("--format"), QStringLiteral("png,svg,pdf"),
                                QStringLiteral("--size"),   QStringLiteral("800x600")};
    const RunResult result = run(arguments, m_dir.path());
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    QStringList expected;
    for (const QString& chart : charts)
        for (const char* format : {"png", "svg", "pdf"})
            expected << QStringLiteral("depth/%1.%2").arg(chart, QLatin1String(format));
    EXPECT_EQ(lines(result.out), expected);
    const QMap<QString, QString> titles{
        {QStringLiteral("depth-variance"), QStringLiteral("Variance of pre-activations")},
        {QStringLiteral("depth-gradient"), QStringLiteral("Gradient norm")},
        {QStringLiteral("depth-dead"), QStringLiteral("dead")},
        {QStringLiteral("selu-phase"), QStringLiteral("SELU")}};
    for (const QString& chart : charts) {
        const QByteArray png = readAll(path(QStringLiteral("depth/%1.png").arg(chart)));
        EXPECT_EQ(pngSize(png), QSize(800, 600)) << chart.toStdString();
        EXPECT_TRUE(png.contains("Activation Explorer")) << chart.toStdString() << ": no export marker";
        const QString svg = QString::fromUtf8(readAll(path(QStringLiteral("depth/%1.svg").arg(chart))));
        EXPECT_TRUE(svg.contains(QLatin1String("<svg"))) << chart.toStdString();
        EXPECT_TRUE(svg.contains(titles.value(chart), Qt::CaseInsensitive)) << chart.toStdString();
        EXPECT_GT(svg.count(QLatin1String("<path")) + svg.count(QLatin1String("<polyline")), 5)
            << chart.toStdString() << ": the chart has no curves";
        const QByteArray pdf = readAll(path(QStringLiteral("depth/%1.pdf").arg(chart)));
        EXPECT_TRUE(pdf.startsWith("%PDF-")) << chart.toStdString();
        EXPECT_TRUE(pdf.trimmed().endsWith("%%EOF")) << chart.toStdString();
    }

    const RunResult again = run(arguments, m_dir.path());
    EXPECT_EQ(again.exitCode, 0) << "an export must replace its own depth charts: "
                                 << again.err.toStdString();
}

TEST_F(FileCommandsCli, DepthChartsAreNotPartOfTheDefaultExportNorOfASweep)
{
    const RunResult result = run({QStringLiteral("--export"), QStringLiteral("all")}, m_dir.path());
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_EQ(lines(result.out).size(), 5);
    EXPECT_FALSE(result.out.contains("depth"));
    expectRefused(
        {QStringLiteral("--export"), QStringLiteral("anim"), QStringLiteral("--sweep"),
         QStringLiteral("elu.alpha=0.1:2"), QStringLiteral("--charts"), QStringLiteral("depth-dead")},
        "depth-dead");
    expectRefused({QStringLiteral("--export"), QStringLiteral("x"), QStringLiteral("--charts"),
                   QStringLiteral("depth-width")},
                  "selu-phase");
}

TEST_F(FileCommandsCli, HelpDescribesTheFileCommandsAndTheDepthCharts)
{
    const RunResult result = run({QStringLiteral("--help")}, m_dir.path());
    EXPECT_EQ(result.exitCode, 0);
    for (const char* part : {"--screenshot <file>", "--export-table <file>", "--size <size>",
                             "--theme <theme>", ".csv, .md, .tex", "depth-variance", "selu-phase"})
        EXPECT_TRUE(result.out.contains(part)) << part;
}

// Starts the window on the offscreen platform with its settings in configHome, waits until the file
// `until` (below configHome or the working directory) contains text, then closes it.
RunResult runWindowUntil(const QString& workingDirectory, const QString& configHome, const QString& session,
                         const QString& until, const QString& text)
{
    const QString out = QDir(workingDirectory).filePath(QStringLiteral(".stdout"));
    const QString err = QDir(workingDirectory).filePath(QStringLiteral(".stderr"));
    const QString command =
        QStringLiteral(
            "cd %1 && (%2 >%3 2>%4 & pid=$!; "
            "for i in $(seq 300); do grep -rqsF %5 %6 && break; sleep 0.1; done; "
            "kill $pid; wait $pid; true)")
            .arg(quoted(workingDirectory),
                 programCommand({session}, {QStringLiteral("XDG_CONFIG_HOME=") + configHome,
                                            QStringLiteral("QT_QPA_PLATFORM=offscreen")}),
                 quoted(out), quoted(err), quoted(text), quoted(until));
    const int status = std::system(command.toLocal8Bit().constData());
    RunResult result;
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.out = readAll(out);
    result.err = readAll(err);
    return result;
}

TEST_F(FileCommandsCli, ASessionOpenedFromTheCommandLineJoinsTheRecentFiles)
{
    writeFile(QStringLiteral("lesson.actx.json"),
              R"({"format": "activation-explorer-session", "version": 1, "enabled": ["elu"],
                  "parameters": {"elu": {"alpha": 0.5}}, "range": [-3, 2]})");
    const QString config = path(QStringLiteral("config"));
    ASSERT_TRUE(QDir().mkpath(config));
    runWindowUntil(m_dir.path(), config, QStringLiteral("lesson.actx.json"), config,
                   QStringLiteral("lesson.actx.json"));
    QString settings;
    QDirIterator it(config, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        settings += QString::fromUtf8(readAll(it.next()));
    EXPECT_TRUE(settings.contains(QStringLiteral("lesson.actx.json")))
        << "the recent files do not list the session: " << settings.toStdString();
}

TEST_F(FileCommandsCli, ASessionThatCannotBeOpenedIsReportedAndNotRemembered)
{
    writeFile(QStringLiteral("broken.actx.json"), "{ not json");
    const QString config = path(QStringLiteral("config"));
    ASSERT_TRUE(QDir().mkpath(config));
    const RunResult result = runWindowUntil(m_dir.path(), config, QStringLiteral("broken.actx.json"),
                                            QStringLiteral(".stderr"), QStringLiteral("error"));
    EXPECT_TRUE(result.err.contains(kErrorPrefix)) << result.err.toStdString();
    EXPECT_TRUE(result.err.contains("broken.actx.json")) << result.err.toStdString();
    QString settings;
    QDirIterator it(config, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        settings += QString::fromUtf8(readAll(it.next()));
    EXPECT_FALSE(settings.contains(QStringLiteral("broken.actx.json")));
}

}  // namespace

namespace {

using namespace ax::test;

TEST(FileCommandsCliPaths, AFolderWhoseNameIsNotUtf8IsUsedAsItsBytes)
{
    QTemporaryDir dir;
    const QByteArray folder = QFile::encodeName(dir.path()) + "/f\xff";
    ASSERT_EQ(::mkdir(folder.constData(), 0777), 0);
    const RunResult table = runShell(programCommand({QStringLiteral("--export-table")}) +
                                         QStringLiteral(" \"$(printf 'f\\377/t.md')\" >.stdout"),
                                     dir.path());
    ASSERT_EQ(table.exitCode, 0) << table.err.toStdString();
    EXPECT_EQ(table.out, "f\xff/t.md\n");
    struct stat info {};
    EXPECT_EQ(::stat((folder + "/t.md").constData(), &info), 0);
    EXPECT_GT(info.st_size, 1000);

    const RunResult screenshot =
        runShell(programCommand({QStringLiteral("--screenshot")}) +
                     QStringLiteral(" \"$(printf 'f\\377/w.png')\" --size 1366x768 >.stdout"),
                 dir.path());
    ASSERT_EQ(screenshot.exitCode, 0) << screenshot.err.toStdString();
    EXPECT_EQ(screenshot.out, "f\xff/w.png\n");
    EXPECT_EQ(::stat((folder + "/w.png").constData(), &info), 0);

    // A file name that is not UTF-8 itself cannot be made by Qt: refused, and nothing written.
    const RunResult refused = runShell(programCommand({QStringLiteral("--export-table")}) +
                                           QStringLiteral(" \"$(printf 't\\377.md')\" >.stdout"),
                                       dir.path());
    EXPECT_EQ(refused.exitCode, kBadInput);
    EXPECT_TRUE(refused.err.contains("not valid UTF-8")) << refused.err.toStdString();
    EXPECT_EQ(refused.err.count('\n'), 1);
    EXPECT_NE(::stat((QFile::encodeName(dir.path()) + "/t\xff.md").constData(), &info), 0);
}

}  // namespace
