#include "ui/model/explanation_library.h"
#include "core/activation.h"
#include "core/catalog.h"

#include <QRegularExpression>
#include <QStringList>

#include <gtest/gtest.h>

#include <string_view>

namespace {

using ax::ui::Explanation;
using ax::ui::ExplanationLibrary;

QStringList catalogIds()
{
    QStringList ids;
    for (const auto& a : ax::core::catalog())
        ids << QString::fromStdString(a.id);
    return ids;
}

const ExplanationLibrary& library()
{
    static const ExplanationLibrary loaded = ExplanationLibrary::load(catalogIds());
    return loaded;
}

class EveryExplanation : public ::testing::TestWithParam<std::string> {};

TEST(ExplanationLibrary, LoadsEveryCatalogActivationWithoutErrors)
{
    EXPECT_EQ(library().errors(), QStringList{}) << library().errors().join('\n').toStdString();
    EXPECT_EQ(library().ids().size(), 43);
}

TEST_P(EveryExplanation, HasCompleteTextInEveryField)
{
    const Explanation* e = library().find(QString::fromStdString(GetParam()));
    ASSERT_NE(e, nullptr);
    const QList<std::pair<const char*, QString>> fields{
        {"formula", e->formulaHtml}, {"derivative", e->derivativeHtml},
        {"problem", e->problem},     {"weakness", e->weakness},
        {"solution", e->solution},   {"maths", e->maths},
        {"practice", e->practice},   {"origin", e->origin}};
    const QRegularExpression placeholder(
        QStringLiteral("\\b(TODO|TBD|FIXME|lorem|placeholder|xxx)\\b|\\.\\.\\.|…$"),
        QRegularExpression::CaseInsensitiveOption);
    for (const auto& [name, text] : fields) {
        const QString plain = ax::ui::plainTextOf(text);
        const bool prose = std::string_view(name) != "formula" && std::string_view(name) != "derivative";
        EXPECT_GE(plain.size(), prose ? 60 : 5) << name << " is too short to explain anything";
        EXPECT_FALSE(placeholder.match(plain).hasMatch())
            << name << " reads like a placeholder: " << plain.toStdString();
    }
    EXPECT_TRUE(e->formulaHtml.contains(QStringLiteral("<i>z</i>")))
        << "the formula should typeset z in italics";
    EXPECT_FALSE(e->formulaHtml.contains(QStringLiteral("-"))) << "use a proper minus sign (U+2212)";
    EXPECT_FALSE(e->derivativeHtml.contains(QStringLiteral(" - "))) << "use a proper minus sign (U+2212)";
    EXPECT_FALSE(e->claims.isEmpty());
}

TEST_P(EveryExplanation, NamesOnlyKnownSuccessors)
{
    const Explanation* e = library().find(QString::fromStdString(GetParam()));
    ASSERT_NE(e, nullptr);
    EXPECT_FALSE(e->successors.isEmpty()) << "the solution should point at the activation that followed";
    for (const QString& successor : e->successors) {
        EXPECT_NE(ax::core::findActivation(successor.toStdString()), nullptr) << successor.toStdString();
        EXPECT_NE(successor, e->id) << "an activation cannot succeed itself";
    }
}

TEST_P(EveryExplanation, ReferenceAgreesWithTheCore)
{
    const auto* a = ax::core::findActivation(GetParam());
    const Explanation* e = library().find(QString::fromStdString(GetParam()));
    ASSERT_NE(a, nullptr);
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->year, a->reference.year);
    EXPECT_EQ(e->arxiv.toStdString(), a->reference.arxiv);
    EXPECT_EQ(e->doi.toStdString(), a->reference.doi);
    if (a->reference.year > 0) {
        EXPECT_TRUE(e->origin.contains(QString::number(a->reference.year)))
            << "the origin text should give the year of the paper";
    }
}

INSTANTIATE_TEST_SUITE_P(Catalog, EveryExplanation, ::testing::ValuesIn([] {
                             std::vector<std::string> ids;
                             for (const auto& a : ax::core::catalog())
                                 ids.push_back(a.id);
                             return ids;
                         }()),
                         [](const auto& info) { return info.param; });

// The points of the history the explanations are built on: each must be told, not just hinted at.
TEST(ExplanationLibrary, TellsTheStoryOfEachStep)
{
    const auto says = [](const char* id, std::initializer_list<const char*> words) {
        const Explanation* e = library().find(QString::fromLatin1(id));
        if (!e) return ::testing::AssertionFailure() << id << " has no explanation";
        const QString text = e->searchText();
        for (const char* word : words)
            if (!text.contains(QString::fromUtf8(word), Qt::CaseInsensitive))
                return ::testing::AssertionFailure() << id << " never mentions \"" << word << "\"";
        return ::testing::AssertionSuccess();
    };
    EXPECT_TRUE(says("sigmoid", {"σ(1 − σ)", "zero-centred", "vanishing", "ReLU", "4−L"}));
    EXPECT_TRUE(says("relu", {"dying", "dead", "Leaky", "no gradient"}));
    EXPECT_TRUE(says("leaky_relu", {"hyperparameter", "PReLU", "never fully vanishes", "max(αz, z)"}));
    EXPECT_TRUE(says("prelu", {"overfit", "small datasets", "He initialisation", "ELU"}));
    EXPECT_TRUE(says("elu", {"bias shift", "−α", "α = 1", "SELU"}));
    EXPECT_TRUE(
        says("selu", {"LeCun", "standardised", "alpha-dropout", "fixed point", "1.0507", "1.6733", "GELU"}));
    EXPECT_TRUE(says("gelu", {"Φ", "non-monotonic", "−0.170", "tanh approximation", "Swish"}));
    EXPECT_TRUE(says("swish", {"β = 0", "linear", "ReLU", "search", "non-monotonic", "Mish"}));
    EXPECT_TRUE(says("mish", {"softplus", "self-regularising", "−0.3088", "smooth"}));
    EXPECT_TRUE(says("step", {"perceptron", "zero", "gradient"}));
    EXPECT_TRUE(says("softplus", {"sigmoid", "smooth"}));
    EXPECT_TRUE(says("hard_swish", {"MobileNetV3"}));
    EXPECT_TRUE(says("snake", {"periodic", "extrapolat"}));
}

TEST(ExplanationParse, RejectsAFileWithAnEmptyField)
{
    const QByteArray json = R"({"id":"relu","formula_html":"<i>z</i>","derivative_html":"1","problem":"",
        "weakness":"w","solution":"s","maths":"m","practice":"p","origin":"o","declared":{"monotonic":true},
        "claims":[{"what":"value","value":0,"at":-1,"text":"t"}]})";
    QString error;
    EXPECT_FALSE(ExplanationLibrary::parse(json, QStringLiteral("relu"), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("problem"))) << error.toStdString();
}

TEST(ExplanationParse, RejectsAMismatchedIdBrokenJsonAndUnknownClaims)
{
    QString error;
    EXPECT_FALSE(ExplanationLibrary::parse(R"({"id":"elu"})", QStringLiteral("relu"), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("elu")));
    EXPECT_FALSE(ExplanationLibrary::parse("{\"id\": ", QStringLiteral("relu"), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("JSON")));

    const QByteArray unknownClaim = R"({"id":"relu","formula_html":"f","derivative_html":"d","problem":"p",
        "weakness":"w","solution":"s","maths":"m","practice":"p","origin":"o","declared":{"monotonic":true},
        "claims":[{"what":"beauty","value":1,"text":"t"}]})";
    EXPECT_FALSE(ExplanationLibrary::parse(unknownClaim, QStringLiteral("relu"), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("beauty")));

    const QByteArray pointless = R"({"id":"relu","formula_html":"f","derivative_html":"d","problem":"p",
        "weakness":"w","solution":"s","maths":"m","practice":"p","origin":"o","declared":{"monotonic":true},
        "claims":[{"what":"derivative","value":1,"text":"t"}]})";
    EXPECT_FALSE(ExplanationLibrary::parse(pointless, QStringLiteral("relu"), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("at")));
}

TEST(ExplanationParse, AcceptsACompleteFile)
{
    const QByteArray json = R"({"id":"relu","formula_html":"<i>f</i>","derivative_html":"d","problem":"p",
        "weakness":"w","solution":"s","successors":["elu"],"maths":"m","practice":"p","origin":"o",
        "reference":{"year":2010},"declared":{"monotonic":true},
        "claims":[{"what":"value","value":0,"at":-1,"parameters":{"alpha":0.5},"text":"t"}]})";
    QString error;
    const auto e = ExplanationLibrary::parse(json, QStringLiteral("relu"), &error);
    ASSERT_TRUE(e) << error.toStdString();
    EXPECT_EQ(e->year, 2010);
    EXPECT_EQ(e->successors, QStringList{QStringLiteral("elu")});
    ASSERT_EQ(e->claims.size(), 1);
    EXPECT_EQ(e->claims.front().at, -1.0);
    EXPECT_EQ(e->claims.front().parameters.value(QStringLiteral("alpha")), 0.5);
}

}  // namespace

namespace {

TEST(PlainText, DropsTagsAndDecodesEntities)
{
    EXPECT_EQ(
        ax::ui::plainTextOf(QStringLiteral("4<sup>−<i>L</i></sup> for <i>z</i> &lt; 0&nbsp;&amp; more")),
        QStringLiteral("4−L for z < 0 & more"));
    EXPECT_EQ(ax::ui::plainTextOf(QStringLiteral("no markup")), QStringLiteral("no markup"));
}

}  // namespace
