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

#include "tests/cli/program_run.h"

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <cstdlib>
#include <string>

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
        while (it.hasNext())
            found << QDir(m_dir.path()).relativeFilePath(it.next());
        found.sort();
        return found;
    }

    static void expectRefused(const RunResult& result, const QByteArray& messagePart)
    {
        EXPECT_EQ(result.exitCode, kBadInput);
        EXPECT_TRUE(result.out.isEmpty()) << "stdout: " << result.out.left(200).toStdString();
        EXPECT_TRUE(result.err.startsWith(kErrorPrefix)) << result.err.left(300).toStdString();
        EXPECT_EQ(result.err.count('\n'), 1) << "one line: " << result.err.left(300).toStdString();
        // The list of valid ids (43 of them) is the longest part a message may have.
        EXPECT_LT(result.err.size(), 600) << "a readable message, not the input echoed back";
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
    EXPECT_TRUE(result.err.contains("\\x00"))
        << "control bytes are shown escaped: " << result.err.toStdString();
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
    EXPECT_TRUE(files().isEmpty()) << "nothing may be written: "
                                   << files().join(QLatin1Char(' ')).toStdString();
}

TEST_F(BadInputCli, ExportDrawsTheExtremesItAccepts)
{
    // The most samples, the widest range and parameters at the far ends of their domains.
    const RunResult result = run(
        {QStringLiteral("--export"), QStringLiteral("."), QStringLiteral("--charts"),
         QStringLiteral("function"), QStringLiteral("--size"), QStringLiteral("320x240"),
         QStringLiteral("--activations"), QStringLiteral("snake,selu,softplus"), QStringLiteral("--param"),
         QStringLiteral("snake.a=1e308"), QStringLiteral("--param"), QStringLiteral("selu.lambda=1.7e308"),
         QStringLiteral("--param"), QStringLiteral("softplus.beta=5e-324"), QStringLiteral("--range"),
         QStringLiteral("-1e300,1e300"), QStringLiteral("--samples"), QStringLiteral("1000000")});
    EXPECT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_TRUE(result.err.isEmpty()) << result.err.toStdString();
    EXPECT_EQ(files(), QStringList{QStringLiteral("function.png")});
}

}  // namespace

namespace {

using namespace ax::test;

class MessageCli : public ::testing::Test {
protected:
    RunResult run(const QStringList& arguments, const QByteArray& input = {})
    {
        return ax::test::run(arguments, m_dir.path(), input);
    }

    // One line, no raw control byte, not the input echoed back, and the part that helps.
    static void expectOneSafeLine(const RunResult& result, const QByteArray& messagePart)
    {
        EXPECT_NE(result.exitCode, 0);
        EXPECT_TRUE(result.err.startsWith(kErrorPrefix)) << result.err.left(300).toStdString();
        EXPECT_EQ(result.err.count('\n'), 1) << result.err.left(300).toStdString();
        EXPECT_TRUE(result.err.endsWith('\n'));
        for (const char c : result.err.chopped(1))
            EXPECT_FALSE(static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
                << "raw control byte " << int(c) << " in: " << result.err.left(300).toStdString();
        EXPECT_LT(result.err.size(), 600) << "a readable message, not the input echoed back";
        EXPECT_TRUE(result.err.contains(messagePart))
            << "expected \"" << messagePart.toStdString() << "\" in: " << result.err.left(300).toStdString();
    }

    void writeFile(const QString& name, const QByteArray& bytes) const
    {
        QFile file(m_dir.filePath(name));
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }

    QTemporaryDir m_dir;
};

const QString kNasty = QStringLiteral("a\x1b[31m\nb\r\x07");

TEST_F(MessageCli, ControlCharactersInOptionsPathsAndUnknownOptionsStayOnOneLine)
{
    const QString out = QStringLiteral("w");
    const QList<std::pair<QStringList, QByteArray>> cases{
        {{QStringLiteral("--export"), out, QStringLiteral("--charts"), kNasty}, "\\x1b[31m\\x0ab"},
        {{QStringLiteral("--export"), out, QStringLiteral("--format"), kNasty}, "--format"},
        {{QStringLiteral("--export"), out, QStringLiteral("--activations"), kNasty}, "--activations"},
        {{QStringLiteral("--export"), out, QStringLiteral("--style"), kNasty}, "--style"},
        {{QStringLiteral("--export"), out, QStringLiteral("--theme"), kNasty}, "--theme"},
        {{QStringLiteral("--export"), out, QStringLiteral("--samples"), kNasty}, "--samples"},
        {{QStringLiteral("--export"), out, QStringLiteral("--scale"), kNasty}, "--scale"},
        {{QStringLiteral("--export"), out, QStringLiteral("--size"), kNasty}, "--size"},
        {{QStringLiteral("--export"), out, QStringLiteral("--param"), kNasty}, "--param"},
        {{QStringLiteral("--export"), out, QStringLiteral("--sweep"), kNasty}, "--sweep"},
        {{QStringLiteral("--export"), QStringLiteral("missing/") + kNasty}, "missing/a\\x1b"},
        {{QStringLiteral("--export"), out, QStringLiteral("--session"), kNasty}, "--session"},
        {{QStringLiteral("--export-table"), kNasty + QStringLiteral(".txt")}, "--export-table"},
        {{QStringLiteral("--screenshot"), kNasty + QStringLiteral(".jpg")}, "--screenshot"},
        {{QStringLiteral("--screenshot"), QStringLiteral("s.png"), QStringLiteral("--theme"), kNasty},
         "--theme"},
        {{QStringLiteral("--") + kNasty}, "Unknown option"},
        {{QStringLiteral("--export"), out, QStringLiteral("--") + QString(100000, QLatin1Char('x'))},
         "Unknown option"},
        {{QStringLiteral("--export"), out, QStringLiteral("--charts"), QString(100000, QLatin1Char('c'))},
         "--charts"},
        {{QStringLiteral("--list"), kNasty}, "session file"},
    };
    for (const auto& [arguments, part] : cases) {
        SCOPED_TRACE(arguments.join(QLatin1Char(' ')).left(200).toStdString());
        expectOneSafeLine(run(arguments), part);
    }
    EXPECT_FALSE(QFileInfo::exists(m_dir.filePath(out)));
}

TEST_F(MessageCli, ControlCharactersAndHugeTextInASessionStayOnOneShortLine)
{
    const QByteArray head = R"({"format": "activation-explorer-session", "version": 1, )";
    const QList<std::pair<QByteArray, QByteArray>> sessions{
        {head + R"("enabled": ["re\u001b[31m\nlu"]})", "Unknown activation"},
        {head + R"("parameters": {"el\nu": {"alpha": 1}}})", "Unknown activation"},
        {head + R"("parameters": {"elu": {"al\u001bpha": 1}}})", "no parameter"},
        {head + R"("customActivations": [{"id": "my\nid", "name": "x", "formula": "z"}]})", "activation id"},
        {head + R"("customActivations": [{"id": "mine", "name": "x", "formula": ")" +
             QByteArray("z+").repeated(50000) + ")\"}]}",
         "cannot be used"},
        {head + R"("customActivations": [{"id": "mine", "name": "x\u001b", "formula": "z\n+"}]})",
         "cannot be used"},
    };
    int n = 0;
    for (const auto& [bytes, part] : sessions) {
        const QString name = QStringLiteral("s%1.actx.json").arg(++n);
        writeFile(name, bytes);
        SCOPED_TRACE(name.toStdString());
        expectOneSafeLine(
            run({QStringLiteral("--export"), QStringLiteral("w"), QStringLiteral("--session"), name}), part);
    }
}

// RReLU's lower ≤ upper in every way the command line takes parameters: --param (checked once all
// are applied, so the order of the two does not matter), a sweep's ends and a session file.
TEST_F(MessageCli, RreluLowerAboveUpperIsRefusedEverywhereAndNothingIsWritten)
{
    const auto exportWith = [this](const QString& out, const QStringList& more) {
        return run(QStringList{QStringLiteral("--export"), out, QStringLiteral("--charts"),
                               QStringLiteral("function"), QStringLiteral("--size"),
                               QStringLiteral("320x240"), QStringLiteral("--activations"),
                               QStringLiteral("rrelu")} +
                   more);
    };
    const RunResult alone =
        exportWith(QStringLiteral("a"), {QStringLiteral("--param"), QStringLiteral("rrelu.lower=0.5")});
    expectOneSafeLine(alone,
                      "--param: Lower of rrelu must not exceed its upper; lower = 0.5 is above upper = "
                      "0.3333333333333333.");
    EXPECT_EQ(alone.exitCode, 2);
    EXPECT_FALSE(QFileInfo::exists(m_dir.filePath(QStringLiteral("a"))));

    const RunResult both =
        exportWith(QStringLiteral("b"), {QStringLiteral("--param"), QStringLiteral("rrelu.lower=0.5"),
                                         QStringLiteral("--param"), QStringLiteral("rrelu.upper=0.9")});
    EXPECT_EQ(both.exitCode, 0) << both.err.toStdString();

    const RunResult sweep =
        exportWith(QStringLiteral("c"), {QStringLiteral("--sweep"), QStringLiteral("rrelu.upper=0.9:0.05"),
                                         QStringLiteral("--frames"), QStringLiteral("3")});
    expectOneSafeLine(sweep, "At the sweep's end 0.05, lower of rrelu must not exceed its upper");
    EXPECT_EQ(sweep.exitCode, 2);
    EXPECT_FALSE(QFileInfo::exists(m_dir.filePath(QStringLiteral("c"))));

    writeFile(
        QStringLiteral("r.actx.json"),
        R"({"format": "activation-explorer-session", "version": 1, "parameters": {"rrelu": {"lower": 0.7, "upper": 0.2}}})");
    const RunResult session =
        exportWith(QStringLiteral("d"), {QStringLiteral("--session"), QStringLiteral("r.actx.json")});
    expectOneSafeLine(session,
                      "--session: r.actx.json: Lower of rrelu must not exceed its upper; lower = 0.7 is "
                      "above upper = 0.2.");
    EXPECT_EQ(session.exitCode, 2);
    EXPECT_FALSE(QFileInfo::exists(m_dir.filePath(QStringLiteral("d"))));
}

TEST_F(MessageCli, LimitsAreNamedInsteadOfAWrongReason)
{
    // A4 at 300 dpi times 4 is 14,032 pixels wide: inside the limit, so accepted.
    const RunResult a4 =
        run({QStringLiteral("--export"), QStringLiteral("a4"), QStringLiteral("--charts"),
             QStringLiteral("function"), QStringLiteral("--format"), QStringLiteral("svg"),
             QStringLiteral("--size"), QStringLiteral("a4"), QStringLiteral("--scale"), QStringLiteral("4")});
    EXPECT_EQ(a4.exitCode, 0) << a4.err.toStdString();
    // Times 5 it is 17,540: refused for the pixel size, not for the scale.
    const RunResult tooLarge =
        run({QStringLiteral("--export"), QStringLiteral("a4x5"), QStringLiteral("--size"),
             QStringLiteral("a4"), QStringLiteral("--scale"), QStringLiteral("5")});
    expectOneSafeLine(tooLarge, "16384");
    EXPECT_FALSE(tooLarge.err.contains("scale must")) << tooLarge.err.toStdString();
    // A scale outside its own limits is still the scale's fault.
    expectOneSafeLine(run({QStringLiteral("--export"), QStringLiteral("s"), QStringLiteral("--scale"),
                           QStringLiteral("9")}),
                      "--scale must be a number from 0.25 to 8");

    for (const char* samples : {"1e10", "1000001", "1", "2.5", "-3", "1e300", "nan"})
        expectOneSafeLine(run({QStringLiteral("--export"), QStringLiteral("n"), QStringLiteral("--samples"),
                               QLatin1String(samples)}),
                          "--samples must be a whole number from 2 to 1000000");
    for (const char* frames : {"1e10", "1001", "1", "2.5"})
        expectOneSafeLine(
            run({QStringLiteral("--export"), QStringLiteral("n"), QStringLiteral("--sweep"),
                 QStringLiteral("elu.alpha=0.1:2"), QStringLiteral("--frames"), QLatin1String(frames)}),
            "--frames must be a whole number from 2 to 1000");
    EXPECT_FALSE(QFileInfo::exists(m_dir.filePath(QStringLiteral("n"))));
}

TEST_F(MessageCli, SessionVersionsAreJudgedAsWritten)
{
    const QList<std::pair<QByteArray, QByteArray>> versions{
        {"1.5", "format version 1.5 is not valid"}, {"0", "format version 0 is not valid"},
        {"-2", "format version -2 is not valid"},   {"2147483648", "newer version (format 2147483648"},
        {"1e300", "newer version (format 1e+300"},  {"\"1\"", "must be a whole number"},
    };
    for (const auto& [version, part] : versions) {
        writeFile(QStringLiteral("v.actx.json"),
                  R"({"format": "activation-explorer-session", "version": )" + version + "}");
        SCOPED_TRACE(version.toStdString());
        const RunResult result = run({QStringLiteral("--export"), QStringLiteral("w"),
                                      QStringLiteral("--session"), QStringLiteral("v.actx.json")});
        expectOneSafeLine(result, part);
        if (version != "0") {
            EXPECT_FALSE(result.err.contains("version 0")) << result.err.toStdString();
        }
    }
}

TEST_F(MessageCli, KeysGivenTwiceAreRefusedAtEveryLevel)
{
    const QList<QByteArray> sessions{
        R"({"format": "activation-explorer-session", "version": 99, "version": 1})",
        R"({"format": "activation-explorer-session", "format": "activation-explorer-session", "version": 1})",
        R"({"format": "activation-explorer-session", "version": 1, "parameters": {"elu": {"alpha": 5, "alpha": 1}}})",
        R"({"format": "activation-explorer-session", "version": 1, "parameters": {"elu": {}, "elu": {}}})",
        R"({"format": "activation-explorer-session", "version": 1, "depthLab": {"depth": 5, "depth": 6}})",
        R"({"format": "activation-explorer-session", "version": 1, "customActivations": [{"id": "a", "id": "b"}]})",
        // The same key written with an escape is the same key.
        R"({"format": "activation-explorer-session", "version": 1, "vers\u0069on": 1})",
    };
    for (const QByteArray& bytes : sessions) {
        writeFile(QStringLiteral("d.actx.json"), bytes);
        SCOPED_TRACE(bytes.toStdString());
        expectOneSafeLine(run({QStringLiteral("--export"), QStringLiteral("w"), QStringLiteral("--session"),
                               QStringLiteral("d.actx.json")}),
                          "given twice");
    }
    EXPECT_FALSE(QFileInfo::exists(m_dir.filePath(QStringLiteral("w"))));
}

TEST_F(MessageCli, TinyMagnitudesRoundTowardsZeroWhereverNumbersAreRead)
{
    const RunResult eval = run({QStringLiteral("--eval"), QStringLiteral("relu")}, "1e-5000\n-1e-99999\n");
    ASSERT_EQ(eval.exitCode, 0) << eval.err.toStdString();
    EXPECT_EQ(eval.out, "0\t0\t1\t0\n-0\t-0\t1\t0\n");
    const RunResult spec =
        run({QStringLiteral("--eval"), QStringLiteral("leaky_relu:alpha=1e-5000")}, "-1\n");
    ASSERT_EQ(spec.exitCode, 0) << spec.err.toStdString();
    const RunResult saturation = run({QStringLiteral("--saturation"), QStringLiteral("relu"),
                                      QStringLiteral("--range"), QStringLiteral("-1e-5000,1")});
    ASSERT_EQ(saturation.exitCode, 0) << saturation.err.toStdString();
    const RunResult options =
        run({QStringLiteral("--export"), QStringLiteral("t"), QStringLiteral("--charts"),
             QStringLiteral("function"), QStringLiteral("--format"), QStringLiteral("svg"),
             QStringLiteral("--param"), QStringLiteral("leaky_relu.alpha=1e-5000"), QStringLiteral("--range"),
             QStringLiteral("-1,1e-9999")});
    EXPECT_EQ(options.exitCode, 0) << options.err.toStdString();
    writeFile(QStringLiteral("tiny.actx.json"),
              R"({"format": "activation-explorer-session", "version": 1, "enabled": ["leaky_relu"],
                  "parameters": {"leaky_relu": {"alpha": 1e-5000}}})");
    const RunResult session =
        run({QStringLiteral("--export"), QStringLiteral("s"), QStringLiteral("--charts"),
             QStringLiteral("function"), QStringLiteral("--format"), QStringLiteral("svg"),
             QStringLiteral("--session"), QStringLiteral("tiny.actx.json")});
    EXPECT_EQ(session.exitCode, 0) << session.err.toStdString();
    writeFile(
        QStringLiteral("huge.actx.json"),
        R"({"format": "activation-explorer-session", "version": 1, "parameters": {"elu": {"alpha": 1e5000}}})");
    expectOneSafeLine(run({QStringLiteral("--export"), QStringLiteral("h"), QStringLiteral("--session"),
                           QStringLiteral("huge.actx.json")}),
                      "out of the range of double precision");
}

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
