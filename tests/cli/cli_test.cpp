// Runs the built executable the way a user or a script would, on an environment with no display.

#include "core/activation.h"
#include "core/catalog.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr int kBadInput = 2;
const QByteArray kErrorPrefix = "activation-explorer: error: ";

struct RunResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// The environment of a server: no X, no Wayland, no platform chosen.
QProcessEnvironment headlessEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    return environment;
}

RunResult run(const QStringList& arguments, const QByteArray& input = {})
{
    // QProcess needs an application object for its event handling.
    static int argc = 1;
    static char name[] = "cli_tests";
    static char* argv[] = {name, nullptr};
    static const QCoreApplication app(argc, argv);

    QProcess process;
    process.setProcessEnvironment(headlessEnvironment());
    process.start(QStringLiteral(AX_APP_PATH), arguments);
    EXPECT_TRUE(process.waitForStarted(30000)) << process.errorString().toStdString();
    process.write(input);
    process.closeWriteChannel();
    EXPECT_TRUE(process.waitForFinished(60000)) << "the program did not finish";
    EXPECT_EQ(process.exitStatus(), QProcess::NormalExit) << "the program crashed";
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

double number(const QString& text)
{
    const std::string bytes = text.toStdString();
    double value = 0.0;
    const auto [end, error] = std::from_chars(bytes.data(), bytes.data() + bytes.size(), value);
    EXPECT_TRUE(error == std::errc() && end == bytes.data() + bytes.size()) << "not a number: " << bytes;
    return value;
}

// The output of --eval as rows of four numbers; checks the four tab-separated columns.
std::vector<std::vector<double>> rows(const QByteArray& out)
{
    std::vector<std::vector<double>> result;
    const QString text = QString::fromUtf8(out);
    EXPECT_TRUE(text.isEmpty() || text.endsWith(QLatin1Char('\n'))) << "the last line has no newline";
    for (const QString& line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QStringList fields = line.split(QLatin1Char('\t'));
        EXPECT_EQ(fields.size(), 4) << line.toStdString();
        std::vector<double> values;
        for (const QString& field : fields)
            values.push_back(number(field));
        result.push_back(values);
    }
    return result;
}

// What a refused input must look like: one line on stderr, exit code 2, nothing on stdout.
void expectRefused(const RunResult& result, const std::string& messagePart)
{
    EXPECT_EQ(result.exitCode, kBadInput);
    EXPECT_TRUE(result.out.isEmpty()) << "stdout: " << result.out.toStdString();
    EXPECT_TRUE(result.err.startsWith(kErrorPrefix)) << result.err.toStdString();
    EXPECT_TRUE(result.err.endsWith('\n')) << result.err.toStdString();
    EXPECT_EQ(result.err.count('\n'), 1) << "more than one line: " << result.err.toStdString();
    EXPECT_TRUE(result.err.contains(QByteArray::fromStdString(messagePart)))
        << "expected \"" << messagePart << "\" in: " << result.err.toStdString();
}

double sigmoid(double z)
{
    return 1.0 / (1.0 + std::exp(-z));
}

// ---- --eval ----

TEST(CliEval, PrintsFourTabSeparatedColumnsWithSeventeenSignificantDigits)
{
    const RunResult result = run({QStringLiteral("--eval"), QStringLiteral("sigmoid")}, "0.1\n-2\n");
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_TRUE(result.err.isEmpty());
    const QList<QByteArray> lines = result.out.split('\n');
    ASSERT_EQ(lines.size(), 3);  // two lines and the empty text after the final newline
    const QList<QByteArray> fields = lines[0].split('\t');
    ASSERT_EQ(fields.size(), 4);
    EXPECT_EQ(fields[0], "0.10000000000000001");
    for (const QByteArray& field : fields) {
        const double value = number(QString::fromLatin1(field));
        char expected[40];
        const auto end =
            std::to_chars(expected, expected + sizeof expected, value, std::chars_format::general, 17);
        EXPECT_EQ(field.toStdString(), std::string(expected, end.ptr)) << "not printed with %.17g";
    }
    const auto values = rows(result.out);
    ASSERT_EQ(values.size(), 2U);
    const double s = sigmoid(-2.0);
    EXPECT_NEAR(values[1][1], s, 1e-16);
    EXPECT_NEAR(values[1][2], s * (1.0 - s), 1e-16);
    EXPECT_NEAR(values[1][3], s * (1.0 - s) * (1.0 - 2.0 * s), 1e-16);
}

TEST(CliEval, MishIsFiniteAndCorrectAtZeroAndAtHugeInputs)
{
    const RunResult result = run({QStringLiteral("--eval"), QStringLiteral("mish")}, "0\n1e300\n-1e300\n");
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    const auto values = rows(result.out);
    ASSERT_EQ(values.size(), 3U);
    for (const auto& row : values)
        for (const double v : row)
            EXPECT_TRUE(std::isfinite(v));
    // mish(0) = 0, mish'(0) = tanh(ln 2) = 0.6, mish''(0) = 0.64.
    EXPECT_EQ(values[0][1], 0.0);
    EXPECT_NEAR(values[0][2], 0.6, 1e-15);
    EXPECT_NEAR(values[0][3], 0.64, 1e-15);
    EXPECT_EQ(values[1][1], 1e300);
    EXPECT_EQ(values[1][2], 1.0);
    EXPECT_EQ(values[1][3], 0.0);
    EXPECT_EQ(values[2][1], 0.0);
    EXPECT_EQ(values[2][2], 0.0);
    EXPECT_EQ(values[2][3], 0.0);
}

TEST(CliEval, AppliesTheParametersOfTheSpec)
{
    const RunResult result = run({QStringLiteral("--eval"), QStringLiteral("elu:alpha=0.5")}, "-1\n2\n");
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    const auto values = rows(result.out);
    ASSERT_EQ(values.size(), 2U);
    EXPECT_NEAR(values[0][1], 0.5 * std::expm1(-1.0), 1e-16);
    EXPECT_NEAR(values[0][2], 0.5 * std::exp(-1.0), 1e-16);
    EXPECT_EQ(values[1][1], 2.0);
}

TEST(CliEval, IgnoresSurroundingWhitespaceAndWindowsLineEnds)
{
    const RunResult result = run({QStringLiteral("--eval"), QStringLiteral("relu")}, "  3 \r\n\t-1\t\n2");
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    const auto values = rows(result.out);
    ASSERT_EQ(values.size(), 3U);
    EXPECT_EQ(values[0][1], 3.0);
    EXPECT_EQ(values[1][1], 0.0);
    EXPECT_EQ(values[2][1], 2.0);
}

TEST(CliEval, NanInGivesNanOut)
{
    const RunResult result = run({QStringLiteral("--eval"), QStringLiteral("tanh")}, "nan\n");
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_EQ(result.out, "nan\tnan\tnan\tnan\n");
}

TEST(CliEval, InfinitiesGiveTheLimits)
{
    const auto limits = [](const char* spec) {
        const RunResult result = run({QStringLiteral("--eval"), QString::fromLatin1(spec)}, "inf\n-inf\n");
        EXPECT_EQ(result.exitCode, 0) << result.err.toStdString();
        return result.out;
    };
    EXPECT_EQ(limits("sigmoid"), "inf\t1\t0\t0\n-inf\t0\t0\t0\n");
    EXPECT_EQ(limits("relu"), "inf\tinf\t1\t0\n-inf\t0\t0\t0\n");
    EXPECT_EQ(limits("identity"), "inf\tinf\t1\t0\n-inf\t-inf\t1\t0\n");
    EXPECT_EQ(limits("relu6"), "inf\t6\t0\t0\n-inf\t0\t0\t0\n");
    EXPECT_EQ(limits("elu:alpha=0.5"), "inf\tinf\t1\t0\n-inf\t-0.5\t0\t0\n");
    EXPECT_EQ(limits("leaky_relu:alpha=0"), "inf\tinf\t1\t0\n-inf\t0\t0\t0\n");
    EXPECT_EQ(limits("swish:beta=0"), "inf\tinf\t0.5\t0\n-inf\t-inf\t0.5\t0\n");
    EXPECT_EQ(limits("gaussian"), "inf\t0\t0\t0\n-inf\t0\t0\t0\n");
    // Snake grows without bound but its slope keeps oscillating: f′ and f″ have no limit.
    EXPECT_EQ(limits("snake"), "inf\tinf\tnan\tnan\n-inf\t-inf\tnan\tnan\n");
}

TEST(CliEval, EmptyInputPrintsNothing)
{
    const RunResult result = run({QStringLiteral("--eval"), QStringLiteral("gelu")}, "");
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_TRUE(result.out.isEmpty());
    EXPECT_TRUE(result.err.isEmpty());
}

TEST(CliEval, ManyLinesAreAllAnswered)
{
    QByteArray input;
    for (int i = -5000; i <= 5000; ++i)
        input += QByteArray::number(i * 1e-3) + '\n';
    const RunResult result = run({QStringLiteral("--eval"), QStringLiteral("softplus")}, input);
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    const auto values = rows(result.out);
    ASSERT_EQ(values.size(), 10001U);
    EXPECT_NEAR(values[5000][1], std::log(2.0), 1e-16);
}

// Every id: the limits at ±inf agree with what the catalog declares about boundedness and range.
class CliEvalLimits : public ::testing::TestWithParam<std::string> {};

TEST_P(CliEvalLimits, AgreeWithTheDeclaredRange)
{
    const ax::core::Activation* activation = ax::core::findActivation(GetParam());
    ASSERT_NE(activation, nullptr);
    const ax::core::Properties properties = activation->properties(activation->defaults());
    const RunResult result =
        run({QStringLiteral("--eval"), QString::fromStdString(GetParam())}, "inf\n-inf\n");
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    const auto values = rows(result.out);
    ASSERT_EQ(values.size(), 2U);
    const double atPlus = values[0][1];
    const double atMinus = values[1][1];
    EXPECT_EQ(atPlus == kInf, !properties.boundedAbove) << "f(+inf) = " << atPlus;
    EXPECT_EQ(atMinus == -kInf, !properties.boundedBelow) << "f(-inf) = " << atMinus;
    if (properties.monotonic) {
        const auto expectEnd = [](double limit, double end, const char* what) {
            if (std::isinf(end))
                EXPECT_EQ(limit, end) << what;
            else
                EXPECT_NEAR(limit, end, 1e-15 * std::fabs(end)) << what;
        };
        expectEnd(atPlus, properties.range.hi, "f(+inf) against the range's upper end");
        expectEnd(atMinus, properties.range.lo, "f(-inf) against the range's lower end");
    }
    // Where f levels off, its slope and curvature vanish.
    if (std::isfinite(atPlus)) {
        EXPECT_EQ(values[0][2], 0.0);
        EXPECT_EQ(values[0][3], 0.0);
    }
    if (std::isfinite(atMinus)) {
        EXPECT_EQ(values[1][2], 0.0);
        EXPECT_EQ(values[1][3], 0.0);
    }
}

std::vector<std::string> catalogIds()
{
    std::vector<std::string> ids;
    for (const ax::core::Activation& activation : ax::core::catalog())
        ids.push_back(activation.id);
    return ids;
}

INSTANTIATE_TEST_SUITE_P(EveryActivation, CliEvalLimits, ::testing::ValuesIn(catalogIds()),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

TEST(CliEvalErrors, UnknownIdListsTheValidIds)
{
    const RunResult result = run({QStringLiteral("--eval"), QStringLiteral("relu7")}, "1\n");
    expectRefused(result, "unknown activation \"relu7\"; valid ids: identity, step, sigmoid");
    for (const std::string& id : catalogIds())
        EXPECT_TRUE(result.err.contains(QByteArray::fromStdString(id))) << id;
}

TEST(CliEvalErrors, UnknownParameterListsTheValidNames)
{
    expectRefused(run({QStringLiteral("--eval"), QStringLiteral("selu:beta=2")}, "1\n"),
                  "unknown parameter \"beta\" for selu; valid names: lambda, alpha");
}

TEST(CliEvalErrors, ValueOutsideTheDomainStatesTheDomain)
{
    expectRefused(run({QStringLiteral("--eval"), QStringLiteral("celu:alpha=0")}, "1\n"),
                  "alpha of celu must be in (0, inf); 0 is not");
    expectRefused(run({QStringLiteral("--eval"), QStringLiteral("leaky_relu:alpha=2")}, "1\n"),
                  "alpha of leaky_relu must be in [0, 1]; 2 is not");
}

TEST(CliEvalErrors, MalformedNumberInTheSpecIsQuoted)
{
    expectRefused(run({QStringLiteral("--eval"), QStringLiteral("elu:alpha=1e")}, "1\n"),
                  "bad value for alpha of elu: \"1e\" is not a number");
}

TEST(CliEvalErrors, MalformedLineNamesItsNumberAndTextAndPrintsNothing)
{
    expectRefused(run({QStringLiteral("--eval"), QStringLiteral("relu")}, "1\n2\n0x10\n4\n"),
                  "standard input, line 3: \"0x10\" is not a number");
    expectRefused(run({QStringLiteral("--eval"), QStringLiteral("relu")}, "1,5\n"),
                  "standard input, line 1: \"1,5\" is not a number");
    expectRefused(run({QStringLiteral("--eval"), QStringLiteral("relu")}, "1\n\n2\n"),
                  "standard input, line 2 is empty");
}

// ---- --list ----

QJsonObject listed()
{
    const RunResult result = run({QStringLiteral("--list")});
    EXPECT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_TRUE(result.err.isEmpty());
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(result.out, &error);
    EXPECT_EQ(error.error, QJsonParseError::NoError) << error.errorString().toStdString();
    return document.object();
}

QJsonObject listedActivation(const QJsonObject& catalog, const QString& id)
{
    for (const QJsonValue& value : catalog.value(QStringLiteral("activations")).toArray())
        if (value.toObject().value(QStringLiteral("id")).toString() == id) return value.toObject();
    ADD_FAILURE() << "no activation " << id.toStdString() << " in --list";
    return {};
}

TEST(CliList, PrintsTheFortyThreeIdsInCatalogOrder)
{
    const QStringList expected = {
        QStringLiteral("identity"), QStringLiteral("step"), QStringLiteral("sigmoid"), QStringLiteral("tanh"),
        QStringLiteral("hard_sigmoid"), QStringLiteral("hard_tanh"), QStringLiteral("softsign"),
        QStringLiteral("relu"), QStringLiteral("relu6"), QStringLiteral("leaky_relu"),
        QStringLiteral("prelu"), QStringLiteral("elu"), QStringLiteral("celu"), QStringLiteral("selu"),
        QStringLiteral("softplus"), QStringLiteral("gelu"), QStringLiteral("gelu_tanh"),
        QStringLiteral("swish"), QStringLiteral("hard_swish"), QStringLiteral("mish"),
        QStringLiteral("squareplus"), QStringLiteral("gaussian"), QStringLiteral("snake"),
        // The framework built-ins and recent models' activations follow.
        QStringLiteral("hard_shrink"), QStringLiteral("soft_shrink"), QStringLiteral("tanh_shrink"),
        QStringLiteral("log_sigmoid"), QStringLiteral("rrelu"), QStringLiteral("threshold"),
        QStringLiteral("exponential"), QStringLiteral("sparse_plus"), QStringLiteral("sparse_sigmoid"),
        QStringLiteral("relu_squared"), QStringLiteral("star_relu"), QStringLiteral("quick_gelu"),
        QStringLiteral("sine"), QStringLiteral("arctan"), QStringLiteral("isru"), QStringLiteral("isrlu"),
        QStringLiteral("bent_identity"), QStringLiteral("lisht"), QStringLiteral("tanhexp"),
        QStringLiteral("penalized_tanh")};
    QStringList ids;
    for (const QJsonValue& value : listed().value(QStringLiteral("activations")).toArray())
        ids << value.toObject().value(QStringLiteral("id")).toString();
    EXPECT_EQ(ids, expected);
}

// Each entry names its family, both as a stable id and as the words the window shows.
TEST(CliList, GivesEveryActivationItsFamily)
{
    const QJsonObject catalog = listed();
    for (const QJsonValue& value : catalog.value(QStringLiteral("activations")).toArray()) {
        const QJsonObject family = value.toObject().value(QStringLiteral("family")).toObject();
        EXPECT_FALSE(family.value(QStringLiteral("id")).toString().isEmpty())
            << value.toObject().value(QStringLiteral("id")).toString().toStdString();
    }
    const auto familyOf = [&](const char* id) {
        return listedActivation(catalog, QString::fromLatin1(id)).value(QStringLiteral("family")).toObject();
    };
    EXPECT_EQ(familyOf("elu").value(QStringLiteral("id")).toString(), QStringLiteral("smooth_rectifier"));
    EXPECT_EQ(familyOf("elu").value(QStringLiteral("name")).toString(), QStringLiteral("smooth rectifier"));
    EXPECT_EQ(familyOf("soft_shrink").value(QStringLiteral("id")).toString(), QStringLiteral("shrinkage"));
    EXPECT_EQ(familyOf("sine").value(QStringLiteral("id")).toString(), QStringLiteral("periodic"));
    EXPECT_EQ(familyOf("identity").value(QStringLiteral("id")).toString(), QStringLiteral("linear"));
    EXPECT_EQ(familyOf("exponential").value(QStringLiteral("id")).toString(), QStringLiteral("other"));
}

// RReLU's lower may not exceed its upper: refused with both values, exit 2, nothing printed.
TEST(CliEvalErrors, RreluLowerAboveUpperIsRefused)
{
    expectRefused(run({QStringLiteral("--eval"), QStringLiteral("rrelu:lower=0.5,upper=0.25")}, "-1\n"),
                  "lower of rrelu must not exceed its upper; lower = 0.5 is above upper = 0.25");
    // The default upper is 1/3: a lower of 0.4 alone breaks the rule too.
    expectRefused(run({QStringLiteral("--saturation"), QStringLiteral("rrelu:lower=0.4")}),
                  "lower = 0.4 is above upper = 0.3333333333333333");
    // Equal ends are allowed, and the curve is then that slope.
    const RunResult equal =
        run({QStringLiteral("--eval"), QStringLiteral("rrelu:lower=0.25,upper=0.25")}, "-2\n");
    EXPECT_EQ(equal.exitCode, 0) << equal.err.toStdString();
    EXPECT_TRUE(equal.out.startsWith("-2\t-0.5\t0.25\t0")) << equal.out.toStdString();
}

TEST(CliList, GivesParameterNamesDefaultsDomainsAndSliders)
{
    const QJsonObject catalog = listed();
    const struct {
        const char* id;
        const char* name;
        double defaultValue;
    } expected[] = {{"leaky_relu", "alpha", 0.01}, {"prelu", "alpha", 0.25},  {"elu", "alpha", 1.0},
                    {"celu", "alpha", 1.0},        {"softplus", "beta", 1.0}, {"swish", "beta", 1.0},
                    {"squareplus", "b", 4.0},      {"snake", "a", 1.0}};
    for (const auto& e : expected) {
        const QJsonArray parameters = listedActivation(catalog, QString::fromLatin1(e.id))
                                          .value(QStringLiteral("parameters"))
                                          .toArray();
        ASSERT_EQ(parameters.size(), 1) << e.id;
        const QJsonObject parameter = parameters[0].toObject();
        EXPECT_EQ(parameter.value(QStringLiteral("name")).toString().toStdString(), e.name) << e.id;
        EXPECT_EQ(parameter.value(QStringLiteral("default")).toDouble(), e.defaultValue) << e.id;
        EXPECT_FALSE(parameter.value(QStringLiteral("meaning")).toString().isEmpty()) << e.id;
        const QJsonObject slider = parameter.value(QStringLiteral("slider")).toObject();
        EXPECT_LT(slider.value(QStringLiteral("min")).toDouble(),
                  slider.value(QStringLiteral("max")).toDouble());
    }

    const QJsonArray selu =
        listedActivation(catalog, QStringLiteral("selu")).value(QStringLiteral("parameters")).toArray();
    ASSERT_EQ(selu.size(), 2);
    EXPECT_EQ(selu[0].toObject().value(QStringLiteral("name")).toString(), QStringLiteral("lambda"));
    EXPECT_EQ(selu[0].toObject().value(QStringLiteral("default")).toDouble(),
              1.0507009873554804934193349852946);
    EXPECT_EQ(selu[1].toObject().value(QStringLiteral("name")).toString(), QStringLiteral("alpha"));
    EXPECT_EQ(selu[1].toObject().value(QStringLiteral("default")).toDouble(),
              1.6732632423543772848170429916717);

    const QJsonObject eluDomain = listedActivation(catalog, QStringLiteral("elu"))
                                      .value(QStringLiteral("parameters"))
                                      .toArray()[0]
                                      .toObject()
                                      .value(QStringLiteral("domain"))
                                      .toObject();
    EXPECT_EQ(eluDomain.value(QStringLiteral("min")).toDouble(), 0.0);
    EXPECT_EQ(eluDomain.value(QStringLiteral("max")).toString(), QStringLiteral("inf"));
    EXPECT_EQ(eluDomain.value(QStringLiteral("text")).toString(), QStringLiteral("[0, inf)"));

    EXPECT_TRUE(listedActivation(catalog, QStringLiteral("relu"))
                    .value(QStringLiteral("parameters"))
                    .toArray()
                    .isEmpty());
}

TEST(CliList, GivesKinksPropertiesAndReferences)
{
    const QJsonObject catalog = listed();
    const QJsonArray reluKinks =
        listedActivation(catalog, QStringLiteral("relu")).value(QStringLiteral("kinks")).toArray();
    ASSERT_EQ(reluKinks.size(), 1);
    EXPECT_EQ(reluKinks[0].toObject().value(QStringLiteral("z")).toDouble(), 0.0);
    EXPECT_EQ(reluKinks[0].toObject().value(QStringLiteral("order")).toInt(), 1);
    EXPECT_TRUE(
        listedActivation(catalog, QStringLiteral("tanh")).value(QStringLiteral("kinks")).toArray().isEmpty());

    const QJsonObject sigmoid = listedActivation(catalog, QStringLiteral("sigmoid"));
    const QJsonObject properties = sigmoid.value(QStringLiteral("properties")).toObject();
    const QJsonObject range = properties.value(QStringLiteral("range")).toObject();
    EXPECT_EQ(range.value(QStringLiteral("lo")).toDouble(), 0.0);
    EXPECT_EQ(range.value(QStringLiteral("hi")).toDouble(), 1.0);
    EXPECT_TRUE(properties.value(QStringLiteral("monotonic")).toBool());
    EXPECT_TRUE(properties.value(QStringLiteral("boundedAbove")).toBool());
    EXPECT_EQ(properties.value(QStringLiteral("saturates")).toString(), QStringLiteral("both"));
    EXPECT_FALSE(sigmoid.value(QStringLiteral("formula")).toString().isEmpty());
    EXPECT_FALSE(sigmoid.value(QStringLiteral("name")).toString().isEmpty());

    const QJsonObject relu = listedActivation(catalog, QStringLiteral("relu"));
    EXPECT_EQ(relu.value(QStringLiteral("properties"))
                  .toObject()
                  .value(QStringLiteral("range"))
                  .toObject()
                  .value(QStringLiteral("hi")),
              QJsonValue(QStringLiteral("inf")));
    EXPECT_TRUE(
        relu.value(QStringLiteral("properties")).toObject().value(QStringLiteral("deadRegion")).toBool());

    // Zero-centred follows the mean output for z ~ N(0, 1), as in the table: tanh's mean is 0, while
    // Leaky ReLU's 0.395 and GELU's 0.282 sit far from it though both take either sign.
    const auto listedProperties = [&catalog](const char* id) {
        return listedActivation(catalog, QString::fromLatin1(id))
            .value(QStringLiteral("properties"))
            .toObject();
    };
    EXPECT_TRUE(listedProperties("tanh").value(QStringLiteral("zeroCentred")).toBool());
    EXPECT_NEAR(listedProperties("tanh").value(QStringLiteral("meanForStandardNormalInput")).toDouble(), 0.0,
                1e-12);
    for (const char* id : {"relu", "leaky_relu", "gelu", "swish", "mish", "sigmoid"})
        EXPECT_FALSE(listedProperties(id).value(QStringLiteral("zeroCentred")).toBool()) << id;
    EXPECT_NEAR(listedProperties("gelu").value(QStringLiteral("meanForStandardNormalInput")).toDouble(),
                0.282095, 1e-5);
    EXPECT_NEAR(listedProperties("relu").value(QStringLiteral("varianceForStandardNormalInput")).toDouble(),
                0.340845, 1e-5);

    const QJsonObject elu =
        listedActivation(catalog, QStringLiteral("elu")).value(QStringLiteral("reference")).toObject();
    EXPECT_EQ(elu.value(QStringLiteral("year")).toInt(), 2015);
    EXPECT_TRUE(elu.value(QStringLiteral("authors")).toString().contains(QStringLiteral("Clevert")));
    EXPECT_EQ(elu.value(QStringLiteral("arxiv")).toString(), QStringLiteral("1511.07289"));
}

// ---- --saturation ----

// Where sigmoid′ = σ(1 − σ) equals ε: z = ±ln(σ / (1 − σ)) with σ = (1 − √(1 − 4ε)) / 2.
double sigmoidSaturationEdge(double epsilon)
{
    const double s = (1.0 - std::sqrt(1.0 - 4.0 * epsilon)) / 2.0;
    return -std::log(s / (1.0 - s));
}

TEST(CliSaturation, SigmoidMatchesTheClosedFormWithTheDefaults)
{
    const RunResult result = run({QStringLiteral("--saturation"), QStringLiteral("sigmoid")});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    const QStringList lines = QString::fromUtf8(result.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 2) << result.out.toStdString();
    const double edge = sigmoidSaturationEdge(0.05);
    const QStringList left = lines[0].split(QLatin1Char('\t'));
    const QStringList right = lines[1].split(QLatin1Char('\t'));
    ASSERT_EQ(left.size(), 3);
    ASSERT_EQ(right.size(), 3);
    EXPECT_EQ(left[0], QStringLiteral("saturated"));
    EXPECT_EQ(number(left[1]), -6.0);
    EXPECT_NEAR(number(left[2]), -edge, 1e-9 * edge);
    EXPECT_EQ(right[0], QStringLiteral("saturated"));
    EXPECT_NEAR(number(right[1]), edge, 1e-9 * edge);
    EXPECT_EQ(number(right[2]), 6.0);
}

TEST(CliSaturation, SigmoidMatchesTheClosedFormWithAGivenRangeAndEpsilon)
{
    const RunResult result =
        run({QStringLiteral("--saturation"), QStringLiteral("sigmoid"), QStringLiteral("--range"),
             QStringLiteral("-10,2"), QStringLiteral("--epsilon"), QStringLiteral("0.2")});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    const QStringList lines = QString::fromUtf8(result.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 2) << result.out.toStdString();
    const double edge = sigmoidSaturationEdge(0.2);
    const QStringList left = lines[0].split(QLatin1Char('\t'));
    ASSERT_EQ(left.size(), 3);
    EXPECT_EQ(number(left[1]), -10.0);
    EXPECT_NEAR(number(left[2]), -edge, 1e-9 * edge);
    const QStringList right = lines[1].split(QLatin1Char('\t'));
    ASSERT_EQ(right.size(), 3);
    EXPECT_NEAR(number(right[1]), edge, 1e-9 * edge);
    EXPECT_EQ(number(right[2]), 2.0);
}

TEST(CliSaturation, ReluIsDeadForNegativeInputs)
{
    const RunResult result =
        run({QStringLiteral("--saturation"), QStringLiteral("relu"), QStringLiteral("--range=-3,4")});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_EQ(result.out, "dead\t-3\t0\n");
}

TEST(CliSaturation, LeakyReluWithAZeroSlopeIsDeadAndWithASmallOneSaturated)
{
    EXPECT_EQ(run({QStringLiteral("--saturation"), QStringLiteral("leaky_relu:alpha=0")}).out,
              "dead\t-6\t0\n");
    EXPECT_EQ(run({QStringLiteral("--saturation"), QStringLiteral("leaky_relu")}).out, "saturated\t-6\t0\n");
}

TEST(CliSaturationErrors, RefusesBadRangesAndEpsilons)
{
    const auto saturation = [](const char* option, const char* value) {
        return run({QStringLiteral("--saturation"), QStringLiteral("tanh"), QString::fromLatin1(option),
                    QString::fromLatin1(value)});
    };
    expectRefused(saturation("--range", "3,-3"), "the range 3,-3 is inverted");
    expectRefused(saturation("--range", "2,2"), "the range 2,2 is empty");
    expectRefused(saturation("--range", "2"), "expected the range as MIN,MAX");
    expectRefused(saturation("--range", "-inf,0"), "the range ends must be finite numbers");
    expectRefused(saturation("--epsilon", "-0.1"),
                  "epsilon must be a finite number greater than 0; got -0.1");
    expectRefused(saturation("--epsilon", "0"), "epsilon must be a finite number greater than 0; got 0");
    expectRefused(saturation("--epsilon", "nan"), "epsilon must be a finite number greater than 0; got nan");
    expectRefused(saturation("--epsilon", "0,05"), "epsilon: \"0,05\" is not a number");
}

TEST(CliSaturationErrors, RefusesUnknownIdsAndParameters)
{
    expectRefused(run({QStringLiteral("--saturation"), QStringLiteral("sigmod")}),
                  "unknown activation \"sigmod\"");
    expectRefused(run({QStringLiteral("--saturation"), QStringLiteral("elu:alpha=-0.5")}),
                  "alpha of elu must be in [0, inf); -0.5 is not");
}

// ---- options ----

TEST(CliOptions, RefusesUnknownOptionsAndMissingValues)
{
    expectRefused(run({QStringLiteral("--evaluate"), QStringLiteral("relu")}), "Unknown option \"evaluate\"");
    expectRefused(run({QStringLiteral("--eval")}), "Missing value after '--eval'");
    expectRefused(run({QStringLiteral("--saturation"), QStringLiteral("relu"), QStringLiteral("--range")}),
                  "Missing value after '--range'");
}

TEST(CliOptions, RefusesCombinationsThatMeanNothing)
{
    expectRefused(run({QStringLiteral("--list"), QStringLiteral("--eval"), QStringLiteral("relu")}),
                  "cannot be used together");
    expectRefused(run({QStringLiteral("--eval"), QStringLiteral("relu"), QStringLiteral("--eval"),
                       QStringLiteral("elu")}),
                  "--eval is given more than once");
    expectRefused(run({QStringLiteral("--eval"), QStringLiteral("relu"), QStringLiteral("--epsilon"),
                       QStringLiteral("0.1")}),
                  "--epsilon is used only with --saturation");
    expectRefused(run({QStringLiteral("--list"), QStringLiteral("lesson.actx.json")}),
                  "A session file is opened only in the window");
    expectRefused(run({QStringLiteral("a.actx.json"), QStringLiteral("b.actx.json")}),
                  "Only one session file can be opened; 2 were given");
}

TEST(CliOptions, HelpNamesEveryCommandAndTheSessionArgument)
{
    const RunResult result = run({QStringLiteral("--help")});
    EXPECT_EQ(result.exitCode, 0);
    for (const char* part : {"--eval <spec>", "--list", "--saturation <spec>", "--range <min,max>",
                             "--epsilon <e>", "--version", "[session]"})
        EXPECT_TRUE(result.out.contains(part)) << part;
}

TEST(CliOptions, VersionIsTheApplicationsVersion)
{
    const RunResult result = run({QStringLiteral("--version")});
    EXPECT_EQ(result.exitCode, 0);
    const QString out = QString::fromUtf8(result.out);
    EXPECT_TRUE(QRegularExpression(QStringLiteral("^activation-explorer \\d+\\.\\d+\\.\\d+\\n$"))
                    .match(out)
                    .hasMatch())
        << out.toStdString();
    EXPECT_EQ(out.trimmed().section(QLatin1Char(' '), 1),
              listed().value(QStringLiteral("version")).toString());
}

TEST(CliOptions, WindowWithoutADisplaySaysSoInsteadOfCrashing)
{
    const RunResult result = run({});
    EXPECT_NE(result.exitCode, 0);
    EXPECT_TRUE(result.out.isEmpty());
    EXPECT_TRUE(result.err.startsWith(kErrorPrefix + "No display found")) << result.err.toStdString();
}

}  // namespace
