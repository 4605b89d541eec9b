// Input a script or a careless user may feed the program that the other command-line tests do not:
// binary bytes and huge lines on standard input, control characters in a spec, the sample-count
// and range limits of the window's state, and parameters at the far ends of their domains.

#include <QByteArray>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include "program_run.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <sys/wait.h>

namespace {

using namespace ax::test;

class BadInputCli : public ::testing::Test {
protected:
    RunResult run(const QStringList& arguments, const QByteArray& input = {})
    {
        return ax::test::run(arguments, m_dir.path(), input);
    }

    // Every file below the folder, for "nothing was written".
    [[nodiscard]] QStringList files() const
    {
        QStringList found;
        QDirIterator it(m_dir.path(), QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext()) found << QDir(m_dir.path()).relativeFilePath(it.next());
        found.sort();
        return found;
    }

    static void expectRefused(const RunResult& result, const QByteArray& messagePart)
    {
        EXPECT_EQ(result.exitCode, kBadInput);
        EXPECT_TRUE(result.out.isEmpty()) << "stdout: " << result.out.left(200).toStdString();
        EXPECT_TRUE(result.err.startsWith(kErrorPrefix)) << result.err.left(300).toStdString();
        EXPECT_EQ(result.err.count('\n'), 1) << "one line: " << result.err.left(300).toStdString();
        EXPECT_LT(result.err.size(), 400) << "a readable message, not the input echoed back";
        EXPECT_TRUE(result.err.contains(messagePart))
            << "expected \"" << messagePart.toStdString() << "\" in: " << result.err.left(300).toStdString();
    }

    QTemporaryDir m_dir;
};

TEST_F(BadInputCli, BinaryBytesOnStandardInputAreRefusedWithTheLineNumberAndEscaped)
{
    static constexpr char kInput[] = "1\n2\x00\x01\xff\xfe\n3\n";
    const RunResult result =
        run({QStringLiteral("--eval"), QStringLiteral("relu")}, QByteArray(kInput, sizeof kInput - 1));
    expectRefused(result, "line 2");
    EXPECT_TRUE(result.err.contains("\\x00")) << "control bytes are shown escaped: " << result.err.toStdString();
}

TEST_F(BadInputCli, AHugeLineOnStandardInputIsRefusedWithAShortMessage)
{
    const RunResult tooLarge =
        run({QStringLiteral("--eval"), QStringLiteral("tanh")}, "1" + QByteArray(1 << 20, '0') + "\n");
    expectRefused(tooLarge, "out of the range of double precision");
    const RunResult notANumber =
        run({QStringLiteral("--eval"), QStringLiteral("tanh")}, "0\n" + QByteArray(1 << 20, 'x') + "\n");
    expectRefused(notANumber, "line 2");
}

TEST_F(BadInputCli, ControlCharactersInASpecStayOnOneLine)
{
    expectRefused(run({QStringLiteral("--eval"), QStringLiteral("relu\nelu")}, "1\n"), "unknown activation");
    expectRefused(run({QStringLiteral("--saturation"), QStringLiteral("elu:alpha=1\t2")}), "alpha");
}

TEST_F(BadInputCli, ExportRefusesMoreThanAMillionSamplesAndRangesTheWindowCannotShow)
{
    ASSERT_TRUE(QDir(m_dir.path()).mkdir(QStringLiteral("out")));
    const auto exportWith = [this](const QString& option, const QString& value) {
        return run({QStringLiteral("--export"), QStringLiteral("out"), option, value});
    };
    expectRefused(exportWith(QStringLiteral("--samples"), QStringLiteral("1000001")), "1000000");
    expectRefused(exportWith(QStringLiteral("--samples"), QStringLiteral("1e300")), "--samples");
    expectRefused(exportWith(QStringLiteral("--range"), QStringLiteral("0,1e-13")), "--range");
    expectRefused(exportWith(QStringLiteral("--range"), QStringLiteral("-1e301,0")), "--range");
    expectRefused(exportWith(QStringLiteral("--epsilon"), QStringLiteral("0.9")), "--epsilon");
    EXPECT_TRUE(files().isEmpty()) << "nothing may be written: " << files().join(QLatin1Char(' ')).toStdString();
}

TEST_F(BadInputCli, ExportDrawsTheExtremesItAccepts)
{
    // The most samples, the widest range and parameters at the far ends of their domains.
    const RunResult result = run({QStringLiteral("--export"), QStringLiteral("."), QStringLiteral("--charts"),
                                  QStringLiteral("function"), QStringLiteral("--size"), QStringLiteral("320x240"),
                                  QStringLiteral("--activations"), QStringLiteral("snake,selu,softplus"),
                                  QStringLiteral("--param"), QStringLiteral("snake.a=1e308"), QStringLiteral("--param"),
                                  QStringLiteral("selu.lambda=1.7e308"), QStringLiteral("--param"),
                                  QStringLiteral("softplus.beta=5e-324"), QStringLiteral("--range"),
                                  QStringLiteral("-1e300,1e300"), QStringLiteral("--samples"),
                                  QStringLiteral("1000000")});
    EXPECT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_TRUE(result.err.isEmpty()) << result.err.toStdString();
    EXPECT_EQ(files(), QStringList{QStringLiteral("function.png")});
}

}  // namespace

namespace {

// A session whose one custom activation has this formula.
QByteArray sessionWithFormula(const QByteArray& formula)
{
    return R"({"format":"activation-explorer-session","version":1,"customActivations":[{"id":"c1","formula":")" +
           formula + R"("}]})";
}

// Formulas that crashed the program (a stack overflow in the parser) or kept it busy for minutes
// (derivatives doubling at every level) are refused at once, with exit code 2 and one line.
TEST_F(BadInputCli, HostileCustomFormulasInASessionAreRefusedAtOnce)
{
    const std::pair<QByteArray, QByteArray> cases[] = {
        {QByteArray(50000, '(') + "z" + QByteArray(50000, ')'), "at most 2000 are allowed"},
        {QByteArray(900, '(') + "z" + QByteArray(900, ')'), "levels deep at character 65"},
        {QByteArray("abs(").repeated(22) + "z-1" + QByteArray(")").repeated(22), "too complex"},
        {QByteArray("abs(").repeated(30) + "z-1" + QByteArray(")").repeated(30), "too complex"},
        {QByteArray("max(z, ").repeated(40) + "0" + QByteArray(")").repeated(40), "too complex"},
    };
    for (const auto& [formula, reason] : cases) {
        QSaveFile session(m_dir.filePath(QStringLiteral("hostile.actx.json")));
        ASSERT_TRUE(session.open(QIODevice::WriteOnly));
        session.write(sessionWithFormula(formula));
        ASSERT_TRUE(session.commit());
        const RunResult result = run({QStringLiteral("--export"), QStringLiteral("out"),
                                      QStringLiteral("--session"), QStringLiteral("hostile.actx.json")});
        EXPECT_EQ(result.exitCode, kBadInput) << reason.toStdString();
        EXPECT_TRUE(result.err.startsWith(kErrorPrefix)) << result.err.left(300).toStdString();
        EXPECT_EQ(result.err.count('\n'), 1) << result.err.left(300).toStdString();
        EXPECT_TRUE(result.err.contains(reason)) << result.err.right(300).toStdString();
        EXPECT_FALSE(QFileInfo::exists(m_dir.filePath(QStringLiteral("out"))));
    }
}

}  // namespace
