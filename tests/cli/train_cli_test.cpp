// The headless --train command as a script would run it: the measurements as CSV, the four training
// charts beside them, the race's speed last, and for every bad input one line, exit code 2 and
// nothing written.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include "tests/cli/program_run.h"

#include <gtest/gtest.h>

namespace {

using namespace ax::test;

class TrainCli : public ::testing::Test {
protected:
    QString path(const QString& name) const { return m_dir.filePath(name); }

    // Refused with exit code 2, one line naming what is wrong, and the directory left as it was.
    void expectRefused(const QStringList& arguments, const char* part) const
    {
        expectRefusedLeavingFolderAlone(arguments, m_dir.path(), part);
    }

    QTemporaryDir m_dir;
};

TEST_F(TrainCli, WritesTheMeasurementsAndTheFourChartsAndEndsWithTheSpeed)
{
    const RunResult result =
        run({QStringLiteral("--train"), QStringLiteral("race"), QStringLiteral("--steps"),
             QStringLiteral("40"), QStringLiteral("--activations"), QStringLiteral("relu,sigmoid,tanh"),
             QStringLiteral("--depth"), QStringLiteral("3"), QStringLiteral("--width"), QStringLiteral("8"),
             QStringLiteral("--size"), QStringLiteral("640x360")},
            m_dir.path());
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_TRUE(result.err.isEmpty()) << result.err.toStdString();
    const QStringList lines = QString::fromUtf8(result.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 6);
    EXPECT_EQ(
        lines.mid(0, 5),
        (QStringList{QStringLiteral("race/training.csv"), QStringLiteral("race/training-loss.png"),
                     QStringLiteral("race/training-accuracy.png"), QStringLiteral("race/training-dead.png"),
                     QStringLiteral("race/training-gradient.png")}));
    EXPECT_TRUE(lines.last().startsWith(QStringLiteral("Trained 3 activations for 40 steps in ")))
        << lines.last().toStdString();
    EXPECT_TRUE(lines.last().endsWith(QStringLiteral(" race steps per second")))
        << lines.last().toStdString();

    const QStringList rows = QString::fromUtf8(readAll(path(QStringLiteral("race/training.csv"))))
                                 .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_FALSE(rows.isEmpty());
    EXPECT_EQ(rows.front(),
              QStringLiteral("step,activation,train_loss,test_loss,train_accuracy,test_accuracy,"
                             "dead_layer_1,dead_layer_2,dead_layer_3,"
                             "gradient_layer_1,gradient_layer_2,gradient_layer_3"));
    // Measured at steps 0, 10, 20, 30 and 40, for each of the three activations.
    ASSERT_EQ(rows.size(), 1 + 5 * 3);
    EXPECT_TRUE(rows[1].startsWith(QStringLiteral("0,relu,")));
    EXPECT_TRUE(rows[3].startsWith(QStringLiteral("0,tanh,")));
    EXPECT_TRUE(rows.last().startsWith(QStringLiteral("40,tanh,")));
    for (const QString& row : rows)
        EXPECT_EQ(row.count(QLatin1Char(',')), 11) << row.toStdString();

    for (const QString& chart : {QStringLiteral("training-loss"), QStringLiteral("training-accuracy"),
                                 QStringLiteral("training-dead"), QStringLiteral("training-gradient")})
        EXPECT_EQ(pngSize(readAll(path(QStringLiteral("race/") + chart + QStringLiteral(".png")))),
                  QSize(640, 360))
            << chart.toStdString();
}

TEST_F(TrainCli, ASessionSetsTheRaceAndTheFlagsGivenOverrideIt)
{
    const auto writeSession = [this](const QString& name, const QByteArray& parameters) {
        QFile file(path(name));
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(R"({"format": "activation-explorer-session", "version": 1, "enabled": ["elu", "tanh"],
                      "parameters": )" +
                   parameters + R"(, "trainingLab": {"dataset": "moons", "depth": 3, "width": 8}})");
    };
    writeSession(QStringLiteral("plain.actx.json"), "{}");
    writeSession(QStringLiteral("alpha.actx.json"), R"({"elu": {"alpha": 0.5}})");
    const auto csvOf = [this](const QStringList& arguments) {
        const RunResult result =
            run(arguments + QStringList{QStringLiteral("--steps"), QStringLiteral("20"),
                                        QStringLiteral("--size"), QStringLiteral("320x200")},
                m_dir.path());
        EXPECT_EQ(result.exitCode, 0) << result.err.toStdString();
        return QString::fromUtf8(readAll(path(arguments.value(1) + QStringLiteral("/training.csv"))));
    };
    const QString fromSession =
        csvOf({QStringLiteral("--train"), QStringLiteral("a"), QStringLiteral("--session"),
               QStringLiteral("plain.actx.json"), QStringLiteral("--width"), QStringLiteral("6")});
    const QStringList rows = fromSession.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_GT(rows.size(), 2);
    // The session's depth and its two shown activations, nothing else.
    EXPECT_TRUE(rows.front().contains(QStringLiteral("dead_layer_3")));
    EXPECT_FALSE(rows.front().contains(QStringLiteral("dead_layer_4")));
    QStringList raced;
    for (const QString& row : rows.mid(1))
        if (!raced.contains(row.section(QLatin1Char(','), 1, 1)))
            raced << row.section(QLatin1Char(','), 1, 1);
    EXPECT_EQ(raced.size(), 2);
    EXPECT_TRUE(raced.contains(QStringLiteral("elu")) && raced.contains(QStringLiteral("tanh")));

    // The same race from flags alone, with the width the flag gave: the very same measurements.
    const QString fromFlags = csvOf(
        {QStringLiteral("--train"), QStringLiteral("b"), QStringLiteral("--dataset"), QStringLiteral("moons"),
         QStringLiteral("--depth"), QStringLiteral("3"), QStringLiteral("--width"), QStringLiteral("6"),
         QStringLiteral("--activations"), raced.join(QLatin1Char(','))});
    EXPECT_EQ(fromSession, fromFlags);

    // The session's parameter values race too.
    const QString withAlpha =
        csvOf({QStringLiteral("--train"), QStringLiteral("c"), QStringLiteral("--session"),
               QStringLiteral("alpha.actx.json"), QStringLiteral("--width"), QStringLiteral("6")});
    EXPECT_NE(withAlpha, fromSession);

    expectRefused({QStringLiteral("--train"), QStringLiteral("d"), QStringLiteral("--session"),
                   QStringLiteral("missing.actx.json")},
                  "--session");
}

TEST_F(TrainCli, WritesTheChartsInEveryFormatAskedFor)
{
    const RunResult result =
        run({QStringLiteral("--train"), QStringLiteral("out"), QStringLiteral("--steps"),
             QStringLiteral("10"), QStringLiteral("--activations"), QStringLiteral("relu"),
             QStringLiteral("--dataset"), QStringLiteral("sin"), QStringLiteral("--format"),
             QStringLiteral("svg,pdf"), QStringLiteral("--theme"), QStringLiteral("dark")},
            m_dir.path());
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_TRUE(result.out.contains("\nTrained 1 activation for 10 steps in ")) << result.out.toStdString();
    EXPECT_TRUE(readAll(path(QStringLiteral("out/training-loss.svg"))).contains("<svg"));
    EXPECT_TRUE(readAll(path(QStringLiteral("out/training-gradient.pdf"))).startsWith("%PDF"));
    EXPECT_FALSE(QFileInfo::exists(path(QStringLiteral("out/training-loss.png"))));
    // A regression target has no classes: its accuracy is not a number.
    const QStringList rows = QString::fromUtf8(readAll(path(QStringLiteral("out/training.csv"))))
                                 .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(rows.size(), 1 + 2);
    EXPECT_TRUE(rows[1].split(QLatin1Char(','))[4] == QStringLiteral("nan")) << rows[1].toStdString();
}

TEST_F(TrainCli, RefusesEveryBadValueWithItsOwnMessage)
{
    const QString train = QStringLiteral("--train");
    const QString out = QStringLiteral("out");
    const auto with = [&](const char* option, const char* value) {
        return QStringList{train, out, QString::fromLatin1(option), QString::fromLatin1(value)};
    };
    expectRefused(with("--dataset", "spiral"), "--dataset must be spirals, moons");
    expectRefused(with("--depth", "0"), "--depth must be a whole number from 1 to 16, not \"0\"");
    expectRefused(with("--depth", "2.5"), "--depth must be a whole number");
    expectRefused(with("--width", "1000"), "--width must be a whole number from 2 to 128");
    expectRefused(with("--steps", "ten"), "--steps must be a whole number");
    expectRefused(with("--seed", "-1"), "--seed must be a whole number");
    expectRefused(with("--optimiser", "rmsprop"), "--optimiser must be adam or sgd, not \"rmsprop\"");
    expectRefused(with("--learning-rate", "fast"), "--learning-rate:");
    expectRefused(with("--learning-rate", "20"), "--learning-rate: learning rate must be in (0, 10]");
    expectRefused(with("--batch", "0"), "--batch must be a whole number from 1 to 1024");
    expectRefused(with("--l2", "2"), "--l2: L2 must be in [0, 1]");
    expectRefused(with("--init", "xavier"),
                  "--init must be lecun, he, glorot or recommended, not \"xavier\"");
    expectRefused(with("--activations", "relu,nosuch"), "unknown activation \"nosuch\"");
    expectRefused(with("--activations", "relu,relu"), "\"relu\" is listed twice");
    expectRefused(with("--format", "gif"), "--format: unknown name \"gif\"");
    expectRefused(with("--size", "big"), "--size:");
    expectRefused(with("--theme", "blue"), "--theme must be light or dark");
    expectRefused({QStringLiteral("--depth"), QStringLiteral("4")}, "--depth is used only with --train");
    expectRefused({train, out, QStringLiteral("--steps"), QStringLiteral("5"), QStringLiteral("--steps"),
                   QStringLiteral("6")},
                  "--steps is given more than once");
    expectRefused({train, out, QStringLiteral("--export"), QStringLiteral("x")}, "cannot be used together");
    expectRefused({train, out, QStringLiteral("--charts"), QStringLiteral("function")},
                  "--charts is used only with --export");
}

TEST_F(TrainCli, RefusesADirectoryItCannotWrite)
{
    QFile file(path(QStringLiteral("plain")));
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.close();
    expectRefused({QStringLiteral("--train"), QStringLiteral("plain")}, "exists and is not a directory");
    expectRefused({QStringLiteral("--train"), QStringLiteral("plain/out")}, "is not an existing directory");
    expectRefused({QStringLiteral("--train"), QStringLiteral("missing/out")}, "is not an existing directory");
    expectRefused({QStringLiteral("--train"), QString()}, "--train needs a directory");
}

TEST_F(TrainCli, AFailedWriteLeavesNothingBehind)
{
    // A file-size limit lets the small CSV through and stops the first chart with EFBIG; the CSV
    // already written and the directory the run created are removed again.
    const QString limited = QStringLiteral("trap '' XFSZ; ulimit -f 1; ");
    const QStringList arguments{QStringLiteral("--train"),       QStringLiteral("out"),
                                QStringLiteral("--steps"),       QStringLiteral("10"),
                                QStringLiteral("--depth"),       QStringLiteral("1"),
                                QStringLiteral("--activations"), QStringLiteral("relu")};
    const RunResult result =
        runShell(limited + programCommand(arguments) + QStringLiteral(" >.stdout"), m_dir.path());
    EXPECT_EQ(result.exitCode, 1) << result.err.toStdString();
    EXPECT_TRUE(result.err.contains("File too large")) << result.err.toStdString();
    EXPECT_EQ(result.err.count('\n'), 1) << result.err.toStdString();
    EXPECT_TRUE(result.out.isEmpty()) << result.out.toStdString();
    EXPECT_FALSE(QFileInfo::exists(path(QStringLiteral("out"))));
}

TEST_F(TrainCli, HelpDescribesTheTrainingCommand)
{
    const RunResult result = run({QStringLiteral("--help")}, m_dir.path());
    ASSERT_EQ(result.exitCode, 0);
    for (const char* option :
         {"--train <dir>", "--dataset <name>", "--depth <n>", "--width <n>", "--steps <n>", "--seed <n>",
          "--optimiser <name>", "--learning-rate <x>", "--batch <n>", "--l2 <x>", "--init <name>"})
        EXPECT_TRUE(result.out.contains(option)) << option;
}

}  // namespace
