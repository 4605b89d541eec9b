#include "core/command_line_syntax.h"
#include "core/catalog.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

namespace ax::core {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// The error message of a failed parse; fails the test when the parse succeeded.
template <typename T>
std::string errorOf(const ParseResult<T>& result)
{
    EXPECT_FALSE(result.ok()) << "the text was accepted";
    return result.ok() ? std::string() : result.error();
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

// ---- numbers ----

TEST(ParseNumber, ReadsDecimalAndScientificNotation)
{
    EXPECT_EQ(*parseNumber("0"), 0.0);
    EXPECT_EQ(*parseNumber("-2.5"), -2.5);
    EXPECT_EQ(*parseNumber("+1e3"), 1000.0);
    EXPECT_EQ(*parseNumber("1E-300"), 1e-300);
    EXPECT_EQ(*parseNumber(".5"), 0.5);
    EXPECT_EQ(*parseNumber("1."), 1.0);
    EXPECT_EQ(*parseNumber("0.1"), 0.1);
    EXPECT_EQ(*parseNumber("1.7976931348623157e308"), std::numeric_limits<double>::max());
}

TEST(ParseNumber, KeepsTheSignOfZero)
{
    EXPECT_TRUE(std::signbit(*parseNumber("-0")));
    EXPECT_FALSE(std::signbit(*parseNumber("0")));
}

TEST(ParseNumber, ReadsNanAndInfinitiesInAnyCase)
{
    EXPECT_TRUE(std::isnan(*parseNumber("nan")));
    EXPECT_TRUE(std::isnan(*parseNumber("NaN")));
    EXPECT_EQ(*parseNumber("inf"), kInf);
    EXPECT_EQ(*parseNumber("+inf"), kInf);
    EXPECT_EQ(*parseNumber("-inf"), -kInf);
    EXPECT_EQ(*parseNumber("Infinity"), kInf);
    EXPECT_EQ(*parseNumber("-INF"), -kInf);
}

TEST(ParseNumber, RoundsTinyMagnitudesTowardsZero)
{
    const auto subnormal = parseNumber("1e-310");
    ASSERT_TRUE(subnormal.ok());
    EXPECT_GT(*subnormal, 0.0);
    EXPECT_LT(*subnormal, std::numeric_limits<double>::min());
    const auto belowSubnormal = parseNumber("-1e-400");
    ASSERT_TRUE(belowSubnormal.ok());
    EXPECT_EQ(*belowSubnormal, 0.0);
    EXPECT_TRUE(std::signbit(*belowSubnormal));
}

TEST(ParseNumber, RefusesTextThatIsNotExactlyOneNumber)
{
    for (const char* text : {"1e", "1e+", "0x10", "1,5", "abc", "1.5x", "--1", "+-1", "++1", "+", "-", "1 2",
                             " 1", "1 ", "e5", "1..2", "½"}) {
        const auto result = parseNumber(text);
        EXPECT_FALSE(result.ok()) << text;
        if (!result.ok()) {
            EXPECT_TRUE(contains(result.error(), "is not a number")) << result.error();
        }
    }
}

TEST(ParseNumber, NamesEmptyText)
{
    EXPECT_EQ(errorOf(parseNumber("")), "expected a number, got nothing");
}

TEST(ParseNumber, RefusesMagnitudesBeyondDoublePrecision)
{
    const std::string error = errorOf(parseNumber("1e400"));
    EXPECT_TRUE(contains(error, "\"1e400\" is out of the range of double precision")) << error;
    EXPECT_FALSE(parseNumber("-2e308").ok());
}

TEST(ParseNumber, QuotesControlCharactersAndShortensLongText)
{
    EXPECT_EQ(errorOf(parseNumber("1\x01")), "\"1\\x01\" is not a number");
    const std::string error = errorOf(parseNumber(std::string(200, '7') + "z"));
    EXPECT_TRUE(contains(error, "...\" is not a number")) << error;
    EXPECT_LT(error.size(), 100U);
}

TEST(FormatNumber, PrintsSeventeenSignificantDigits)
{
    EXPECT_EQ(formatNumber(0.1), "0.10000000000000001");
    EXPECT_EQ(formatNumber(1.0), "1");
    EXPECT_EQ(formatNumber(-2.5), "-2.5");
    EXPECT_EQ(formatNumber(1e300), "1.0000000000000001e+300");
    EXPECT_EQ(formatNumber(-0.0), "-0");
}

TEST(FormatNumber, SpellsNonFiniteValuesOneWay)
{
    EXPECT_EQ(formatNumber(std::numeric_limits<double>::quiet_NaN()), "nan");
    EXPECT_EQ(formatNumber(-std::numeric_limits<double>::quiet_NaN()), "nan");
    EXPECT_EQ(formatNumber(kInf), "inf");
    EXPECT_EQ(formatNumber(-kInf), "-inf");
}

TEST(FormatNumber, RoundTripsThroughParseNumber)
{
    for (const double value :
         {0.1, 1.0 / 3.0, -1e-300, 5e-324, std::numeric_limits<double>::max(), 6.02214076e23, kInf, -kInf}) {
        const auto back = parseNumber(formatNumber(value));
        ASSERT_TRUE(back.ok()) << formatNumber(value);
        EXPECT_EQ(*back, value) << formatNumber(value);
    }
}

// ---- activation specs ----

TEST(ParseActivationSpec, BareIdGivesTheDefaults)
{
    const auto spec = parseActivationSpec("selu");
    ASSERT_TRUE(spec.ok()) << spec.error();
    EXPECT_EQ(spec->activation->id, "selu");
    EXPECT_EQ(spec->values, spec->activation->defaults());
}

TEST(ParseActivationSpec, SetsNamedParametersAndKeepsTheOthers)
{
    const auto spec = parseActivationSpec("selu:alpha=0.5");
    ASSERT_TRUE(spec.ok()) << spec.error();
    EXPECT_EQ(spec->values[0], spec->activation->defaults()[0]);
    EXPECT_EQ(spec->values[1], 0.5);

    const auto both = parseActivationSpec("selu:alpha=2,lambda=1.5");
    ASSERT_TRUE(both.ok()) << both.error();
    EXPECT_EQ(both->values[0], 1.5);
    EXPECT_EQ(both->values[1], 2.0);
}

TEST(ParseActivationSpec, AcceptsTheEndsOfAClosedDomain)
{
    EXPECT_EQ(parseActivationSpec("leaky_relu:alpha=0")->values[0], 0.0);
    EXPECT_EQ(parseActivationSpec("leaky_relu:alpha=1")->values[0], 1.0);
}

TEST(ParseActivationSpec, UnknownIdListsTheValidIds)
{
    const std::string error = errorOf(parseActivationSpec("relu7"));
    EXPECT_TRUE(contains(error, "unknown activation \"relu7\"")) << error;
    for (const Activation& activation : catalog())
        EXPECT_TRUE(contains(error, activation.id)) << activation.id;
}

TEST(ParseActivationSpec, MissingIdListsTheValidIds)
{
    const std::string error = errorOf(parseActivationSpec(":alpha=1"));
    EXPECT_TRUE(contains(error, "no activation id given; valid ids: identity, step, sigmoid")) << error;
}

TEST(ParseActivationSpec, UnknownParameterListsTheValidNames)
{
    EXPECT_EQ(errorOf(parseActivationSpec("selu:beta=1")),
              "unknown parameter \"beta\" for selu; valid names: lambda, alpha");
    EXPECT_EQ(errorOf(parseActivationSpec("relu:alpha=1")),
              "unknown parameter \"alpha\" for relu, which has no parameters");
}

TEST(ParseActivationSpec, ValueOutsideTheDomainStatesTheDomain)
{
    EXPECT_EQ(errorOf(parseActivationSpec("elu:alpha=-1")), "alpha of elu must be in [0, inf); -1 is not");
    EXPECT_EQ(errorOf(parseActivationSpec("celu:alpha=0")), "alpha of celu must be in (0, inf); 0 is not");
    EXPECT_EQ(errorOf(parseActivationSpec("leaky_relu:alpha=1.5")),
              "alpha of leaky_relu must be in [0, 1]; 1.5 is not");
    EXPECT_EQ(errorOf(parseActivationSpec("elu:alpha=nan")), "alpha of elu must be in [0, inf); nan is not");
    EXPECT_EQ(errorOf(parseActivationSpec("elu:alpha=inf")), "alpha of elu must be in [0, inf); inf is not");
}

TEST(ParseActivationSpec, MalformedValueIsQuoted)
{
    EXPECT_EQ(errorOf(parseActivationSpec("elu:alpha=0,5")), "expected name=value, got \"5\"");
    EXPECT_EQ(errorOf(parseActivationSpec("elu:alpha=1e")),
              "bad value for alpha of elu: \"1e\" is not a number");
    EXPECT_EQ(errorOf(parseActivationSpec("elu:alpha=")),
              "bad value for alpha of elu: expected a number, got nothing");
}

TEST(ParseActivationSpec, RefusesMalformedParameterLists)
{
    EXPECT_EQ(errorOf(parseActivationSpec("elu:")), "nothing after \":\" in \"elu:\"; expected name=value");
    EXPECT_EQ(errorOf(parseActivationSpec("elu:alpha")), "expected name=value, got \"alpha\"");
    EXPECT_EQ(errorOf(parseActivationSpec("elu:=1")), "expected name=value, got \"=1\"");
    EXPECT_EQ(errorOf(parseActivationSpec("elu:alpha=1,")), "expected name=value, got \"\"");
    EXPECT_EQ(errorOf(parseActivationSpec("elu:alpha=1,alpha=2")), "parameter alpha of elu is given twice");
}

// ---- ranges and epsilon ----

TEST(ParseRange, ReadsTwoOrderedNumbers)
{
    const auto range = parseRange("-6,6");
    ASSERT_TRUE(range.ok()) << range.error();
    EXPECT_EQ(range->lo, -6.0);
    EXPECT_EQ(range->hi, 6.0);
    EXPECT_EQ(parseRange("-1e300,1e300")->hi, 1e300);
}

TEST(ParseRange, RefusesEmptyAndInvertedRanges)
{
    EXPECT_EQ(errorOf(parseRange("1,1")), "the range 1,1 is empty: MIN must be less than MAX");
    EXPECT_EQ(errorOf(parseRange("5,-5")), "the range 5,-5 is inverted: MIN must be less than MAX");
}

TEST(ParseRange, RefusesNonFiniteAndHugeEnds)
{
    EXPECT_EQ(errorOf(parseRange("-inf,0")), "the range ends must be finite numbers; got -inf,0");
    EXPECT_EQ(errorOf(parseRange("0,nan")), "the range ends must be finite numbers; got 0,nan");
    EXPECT_EQ(errorOf(parseRange("0,1e301")), "the range ends must lie within [-1e300, 1e300]; got 0,1e+301");
}

TEST(ParseRange, RefusesMalformedText)
{
    EXPECT_EQ(errorOf(parseRange("5")), "expected the range as MIN,MAX (e.g. -6,6), got \"5\"");
    EXPECT_EQ(errorOf(parseRange("1,2,3")), "expected the range as MIN,MAX (e.g. -6,6), got \"1,2,3\"");
    EXPECT_EQ(errorOf(parseRange("a,2")), "range minimum: \"a\" is not a number");
    EXPECT_EQ(errorOf(parseRange("1,")), "range maximum: expected a number, got nothing");
}

TEST(ParseEpsilon, AcceptsPositiveNumbers)
{
    EXPECT_EQ(*parseEpsilon("0.05"), 0.05);
    EXPECT_EQ(*parseEpsilon("1e-9"), 1e-9);
}

TEST(ParseEpsilon, RefusesZeroNegativeNanAndInfinity)
{
    EXPECT_EQ(errorOf(parseEpsilon("0")), "epsilon must be a finite number greater than 0; got 0");
    EXPECT_EQ(errorOf(parseEpsilon("-0.1")), "epsilon must be a finite number greater than 0; got -0.1");
    EXPECT_EQ(errorOf(parseEpsilon("nan")), "epsilon must be a finite number greater than 0; got nan");
    EXPECT_EQ(errorOf(parseEpsilon("inf")), "epsilon must be a finite number greater than 0; got inf");
    EXPECT_EQ(errorOf(parseEpsilon("x")), "epsilon: \"x\" is not a number");
}

// ---- sizes ----

TEST(ParseSize, ReadsWidthAndHeight)
{
    const auto size = parseSize("1920x1080");
    ASSERT_TRUE(size.ok()) << size.error();
    EXPECT_EQ(size->width, 1920);
    EXPECT_EQ(size->height, 1080);
    EXPECT_EQ(parseSize("1X16384")->height, 16384);
}

TEST(ParseSize, RefusesBadSides)
{
    EXPECT_EQ(errorOf(parseSize("1920")),
              "expected the size as WxH in pixels (e.g. 1920x1080), got \"1920\"");
    EXPECT_EQ(errorOf(parseSize("0x100")),
              "the width must be a whole number of pixels from 1 to 16384; got \"0\"");
    EXPECT_EQ(errorOf(parseSize("100x16385")),
              "the height must be a whole number of pixels from 1 to 16384; got \"16385\"");
    EXPECT_EQ(errorOf(parseSize("-5x10")),
              "the width must be a whole number of pixels from 1 to 16384; got \"-5\"");
    EXPECT_EQ(errorOf(parseSize("10.5x10")),
              "the width must be a whole number of pixels from 1 to 16384; got \"10.5\"");
    EXPECT_EQ(errorOf(parseSize("10x")),
              "the height must be a whole number of pixels from 1 to 16384; got \"\"");
    EXPECT_EQ(errorOf(parseSize("99999999999x10")),
              "the width must be a whole number of pixels from 1 to 16384; got \"99999999999\"");
}

// ---- parameter assignments and sweeps ----

TEST(ParseParamAssignment, ReadsIdNameAndValue)
{
    const auto assignment = parseParamAssignment("selu.alpha=0.5");
    ASSERT_TRUE(assignment.ok()) << assignment.error();
    EXPECT_EQ(assignment->activation->id, "selu");
    EXPECT_EQ(assignment->index, 1);
    EXPECT_EQ(assignment->value, 0.5);
}

TEST(ParseParamAssignment, RefusesEveryKindOfMistake)
{
    EXPECT_EQ(errorOf(parseParamAssignment("elu.alpha")),
              "expected ID.NAME=VALUE (e.g. elu.alpha=0.5), got \"elu.alpha\"");
    EXPECT_EQ(errorOf(parseParamAssignment("elu=1")),
              "expected ID.NAME=VALUE (e.g. elu.alpha=0.5), got \"elu=1\"");
    EXPECT_EQ(errorOf(parseParamAssignment("elu.=1")),
              "expected ID.NAME=VALUE (e.g. elu.alpha=0.5), got \"elu.=1\"");
    EXPECT_TRUE(
        contains(errorOf(parseParamAssignment("elo.alpha=1")), "unknown activation \"elo\"; valid ids: "));
    EXPECT_EQ(errorOf(parseParamAssignment("elu.beta=1")),
              "unknown parameter \"beta\" for elu; valid names: alpha");
    EXPECT_EQ(errorOf(parseParamAssignment("elu.alpha=x")),
              "bad value for alpha of elu: \"x\" is not a number");
    EXPECT_EQ(errorOf(parseParamAssignment("elu.alpha=-2")), "alpha of elu must be in [0, inf); -2 is not");
}

TEST(ParseSweep, ReadsBothEndsInEitherDirection)
{
    const auto sweep = parseSweep("elu.alpha=0.1:2");
    ASSERT_TRUE(sweep.ok()) << sweep.error();
    EXPECT_EQ(sweep->activation->id, "elu");
    EXPECT_EQ(sweep->index, 0);
    EXPECT_EQ(sweep->from, 0.1);
    EXPECT_EQ(sweep->to, 2.0);
    const auto downwards = parseSweep("swish.beta=10:0");
    ASSERT_TRUE(downwards.ok()) << downwards.error();
    EXPECT_EQ(downwards->from, 10.0);
    EXPECT_EQ(downwards->to, 0.0);
}

TEST(ParseSweep, RefusesEveryKindOfMistake)
{
    EXPECT_EQ(errorOf(parseSweep("elu.alpha=1")),
              "expected ID.NAME=FROM:TO (e.g. elu.alpha=0.1:2), got \"elu.alpha=1\"");
    EXPECT_EQ(errorOf(parseSweep("elu.alpha=1:2:3")),
              "expected ID.NAME=FROM:TO (e.g. elu.alpha=0.1:2), got \"elu.alpha=1:2:3\"");
    EXPECT_EQ(errorOf(parseSweep("elu.alpha=-1:2")),
              "sweep start: alpha of elu must be in [0, inf); -1 is not");
    EXPECT_EQ(errorOf(parseSweep("elu.alpha=1:y")),
              "sweep end: bad value for alpha of elu: \"y\" is not a number");
    EXPECT_EQ(errorOf(parseSweep("elu.alpha=1:1")),
              "the sweep of alpha of elu starts and ends at 1; FROM and TO must differ");
    EXPECT_EQ(errorOf(parseSweep("relu.alpha=0:1")),
              "unknown parameter \"alpha\" for relu, which has no parameters");
}

// ---- standard input ----

TEST(ParseInputLines, ReadsOneNumberPerLineIgnoringSurroundingSpace)
{
    const auto values = parseInputLines("0\n  -1.5\t\n1e300\r\nnan\ninf\n-inf\n");
    ASSERT_TRUE(values.ok()) << values.error();
    ASSERT_EQ(values->size(), 6U);
    EXPECT_EQ((*values)[1], -1.5);
    EXPECT_EQ((*values)[2], 1e300);
    EXPECT_TRUE(std::isnan((*values)[3]));
    EXPECT_EQ((*values)[5], -kInf);
}

TEST(ParseInputLines, FinalNewlineIsOptional)
{
    EXPECT_EQ(parseInputLines("1\n2")->size(), 2U);
    EXPECT_EQ(parseInputLines("1\n2\n")->size(), 2U);
}

TEST(ParseInputLines, EmptyInputGivesNoValues)
{
    const auto values = parseInputLines("");
    ASSERT_TRUE(values.ok());
    EXPECT_TRUE(values->empty());
}

TEST(ParseInputLines, MalformedLineNamesItsNumberAndText)
{
    EXPECT_EQ(errorOf(parseInputLines("1\n2\nabc\n4\n")), "line 3: \"abc\" is not a number");
    EXPECT_EQ(errorOf(parseInputLines("1,5\n")), "line 1: \"1,5\" is not a number");
    EXPECT_EQ(
        errorOf(parseInputLines("0\n1e999\n")),
        "line 2: \"1e999\" is out of the range of double precision (magnitude up to 1.7976931348623157e308)");
}

TEST(ParseInputLines, EmptyLineIsAnError)
{
    EXPECT_EQ(errorOf(parseInputLines("1\n\n2\n")), "line 2 is empty; expected one number per line");
    EXPECT_EQ(errorOf(parseInputLines("1\n   \n")), "line 2 is empty; expected one number per line");
    EXPECT_EQ(errorOf(parseInputLines("1\n\n")), "line 2 is empty; expected one number per line");
    EXPECT_EQ(errorOf(parseInputLines("\n")), "line 1 is empty; expected one number per line");
}

}  // namespace
}  // namespace ax::core

namespace {

TEST(ParseNumber, RoundsMagnitudesBelowEvenLongDoubleTowardsZero)
{
    for (const char* text : {"1e-5000", "1e-4951", "0.0001e-4950", "123456e-5005",
                             "1e-99999999999999999999999", "+1e-5000", "0.000000000000000000001e-4940"}) {
        const auto value = ax::core::parseNumber(text);
        ASSERT_TRUE(value.ok()) << text << ": " << value.error();
        EXPECT_EQ(*value, 0.0) << text;
        EXPECT_FALSE(std::signbit(*value)) << text;
    }
    for (const char* text : {"-1e-5000", "-7.5e-100000"}) {
        const auto value = ax::core::parseNumber(text);
        ASSERT_TRUE(value.ok()) << text << ": " << value.error();
        EXPECT_EQ(*value, 0.0) << text;
        EXPECT_TRUE(std::signbit(*value)) << text;
    }
    // Huge magnitudes stay refused, however they are written.
    for (const char* text : {"1e5000", "-1e400", "0.001e5000", "1e99999999999999999999999", "10000e4950"}) {
        const auto value = ax::core::parseNumber(text);
        ASSERT_FALSE(value.ok()) << text;
        EXPECT_NE(value.error().find("out of the range"), std::string::npos) << value.error();
    }
}

TEST(QuoteText, EscapesControlBytesQuotesAndShortensLongText)
{
    EXPECT_EQ(ax::core::quoteText("a\x1b[31m\nb"), "\"a\\x1b[31m\\x0ab\"");
    EXPECT_EQ(ax::core::quoteText("say \"hi\"\\"), "\"say \\\"hi\\\"\\\\\"");
    const std::string quoted = ax::core::quoteText(std::string(100000, 'z'));
    EXPECT_LT(quoted.size(), 80u);
    EXPECT_NE(quoted.find("...\""), std::string::npos);
    EXPECT_EQ(ax::core::escapeControlBytes("one\ntwo\r\x7f"), "one\\x0atwo\\x0d\\x7f");
}

}  // namespace
