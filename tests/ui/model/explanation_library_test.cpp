#include "ui/model/explanation_library.h"
#include "core/activation.h"
#include "core/catalog.h"
#include "core/depth/gaussian_expectation.h"
#include "core/framework_conventions.h"

#include <QRegularExpression>
#include <QStringList>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
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
        {"formula", e->formulaHtml},   {"derivative", e->derivativeHtml},
        {"introduced", e->introduced}, {"problem", e->problem},
        {"solution", e->solution},     {"maths", e->maths},
        {"practice", e->practice},     {"origin", e->origin}};
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

// A sentence: a capital, a digit or a formula first ("f′ is 1 …"), a full stop last, at least
// three words.
bool isSentence(const QString& text)
{
    const QString plain = ax::ui::plainTextOf(text).trimmed();
    const QStringList words = plain.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (plain.size() < 12 || words.size() < 3 || !plain.endsWith(QLatin1Char('.'))) return false;
    const QString first = words.constFirst();
    const bool formula = std::any_of(first.begin(), first.end(), [](QChar c) { return c.unicode() > 0x7f; });
    return first.front().isUpper() || first.front().isDigit() || formula;
}

TEST_P(EveryExplanation, EveryArticleColumnIsAtLeastOneSentence)
{
    const Explanation* e = library().find(QString::fromStdString(GetParam()));
    ASSERT_NE(e, nullptr);
    for (const auto& [name, text] : {std::pair{"introduced", e->introduced}, std::pair{"problem", e->problem},
                                     std::pair{"solution", e->solution}, std::pair{"maths", e->maths}})
        EXPECT_TRUE(isSentence(text)) << name << ": " << text.toStdString();
    EXPECT_GE(e->strengths.size(), 2);
    EXPECT_LE(e->strengths.size(), 4);
    EXPECT_GE(e->weaknesses.size(), 1);
    EXPECT_LE(e->weaknesses.size(), 4);
    for (const QString& bullet : e->strengths + e->weaknesses) {
        EXPECT_TRUE(isSentence(bullet)) << bullet.toStdString();
        EXPECT_LE(ax::ui::plainTextOf(bullet).size(), 160)
            << "a bullet should be short: " << bullet.toStdString();
    }
}

TEST_P(EveryExplanation, NamesOnlyKnownSuccessorsAndNextOnlyLaterOnes)
{
    const Explanation* e = library().find(QString::fromStdString(GetParam()));
    const auto* a = ax::core::findActivation(GetParam());
    ASSERT_NE(e, nullptr);
    ASSERT_NE(a, nullptr);
    EXPECT_FALSE(e->successors.isEmpty()) << "the solution should point at the activation that followed";
    for (const ax::ui::Successor& successor : e->successors) {
        const auto* s = ax::core::findActivation(successor.id.toStdString());
        ASSERT_NE(s, nullptr) << successor.id.toStdString();
        EXPECT_NE(successor.id, e->id) << "an activation cannot succeed itself";
        if (successor.relation == ax::ui::Successor::Relation::Next) {
            EXPECT_GE(s->reference.year, a->reference.year)
                << successor.id.toStdString() << " is older than " << a->id << ": label it related";
        }
    }
}

TEST_P(EveryExplanation, HoldsNoEscapedMarkup)
{
    const Explanation* e = library().find(QString::fromStdString(GetParam()));
    ASSERT_NE(e, nullptr);
    const QRegularExpression escaped(QStringLiteral("&lt;/?(i|b|sub|sup|br)\\b"));
    for (const QString& text : QStringList{e->introduced, e->problem, e->solution, e->maths, e->practice,
                                           e->origin, e->formulaHtml, e->derivativeHtml} +
                                   e->strengths + e->weaknesses)
        EXPECT_FALSE(escaped.match(text).hasMatch()) << text.toStdString();
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

// The corrections a reader checked the text for, each against the core where it is a number.
TEST(ExplanationLibrary, StatesWhatTheSourcesAndTheCoreSupport)
{
    const auto text = [](const char* id) {
        const Explanation* e = library().find(QString::fromLatin1(id));
        return e ? e->searchText() : QString();
    };
    // SELU guarantees the activations' statistics, not the gradient: E[f′²] = 1.0716 > 1 compounds.
    const auto* selu = ax::core::findActivation("selu");
    ASSERT_NE(selu, nullptr);
    const double chi = ax::core::gaussianMoments(*selu, selu->defaults(), 0.0, 1.0).d1sq;
    EXPECT_NEAR(chi, 1.0716, 5e-5);
    EXPECT_NEAR(std::pow(chi, 30), 8.0, 0.05) << "about 8× in squared norm over 30 layers";
    EXPECT_NEAR(std::pow(chi, 15), 2.8, 0.05) << "about 2.8× in norm";
    EXPECT_TRUE(text("selu").contains(QStringLiteral("about 8× over 30 layers (about 2.8× in norm)")));
    EXPECT_FALSE(text("selu").contains(QStringLiteral("neither vanishing nor exploding")));
    // CELU(z; α) = α · CELU(z/α; 1), stated exactly and true at every point.
    const auto* celu = ax::core::findActivation("celu");
    ASSERT_NE(celu, nullptr);
    EXPECT_TRUE(text("celu").contains(QStringLiteral("CELU(z; α) = α · CELU(z/α; 1)")));
    for (const double alpha : {0.3, 1.0, 2.0, 2.9})
        for (const double z : {-7.0, -2.0, -0.5, 0.0, 0.4, 3.0})
            EXPECT_NEAR(celu->evaluate(z, {alpha}).f, alpha * celu->evaluate(z / alpha, {1.0}).f, 1e-14)
                << "alpha " << alpha << ", z " << z;
    // Keras 3: leaky_relu the function 0.2, the LeakyReLU layer 0.3; PyTorch 0.01.
    const QString leaky = text("leaky_relu");
    EXPECT_TRUE(
        leaky.contains(QStringLiteral("Keras 3's leaky_relu function 0.2 and its LeakyReLU layer 0.3")));
    const auto keras3 = ax::core::conventionVariant(ax::core::Framework::Keras3, "leaky_relu");
    ASSERT_TRUE(keras3);
    EXPECT_EQ(keras3->activation.defaults().front(), 0.2);
    EXPECT_NE(keras3->citation.find("keras.layers.LeakyReLU keeps negative_slope=0.3"), std::string::npos);
    // The slope of tanh falls below 0.1 past 1.818, not 1.8.
    const auto* tanh = ax::core::findActivation("tanh");
    ASSERT_NE(tanh, nullptr);
    EXPECT_GT(tanh->evaluate(1.81, {}).d1, 0.1);
    EXPECT_LT(tanh->evaluate(1.82, {}).d1, 0.1);
    EXPECT_TRUE(text("tanh").contains(QStringLiteral("|z| > 1.818")));
    EXPECT_FALSE(text("tanh").contains(QStringLiteral("very deep networks trainable without")));
    EXPECT_TRUE(text("tanh").contains(QStringLiteral("three hidden layers")));
    // RBF units see a distance, and ReLU saturates on the left, so the Gaussian text does not call it
    // non-saturating.
    EXPECT_TRUE(text("gaussian").contains(QStringLiteral("distance ‖x − c‖")));
    EXPECT_FALSE(text("gaussian").contains(QStringLiteral("non-saturating")));
    // ReLU6's cap and its reason come from MobileNetV2; hard tanh gives the same reason.
    EXPECT_TRUE(text("relu6").contains(QStringLiteral("MobileNetV2 (2018)")));
    EXPECT_FALSE(text("relu6").contains(QStringLiteral("MobileNets (2017) made ReLU6")));
    EXPECT_TRUE(text("hard_tanh").contains(QStringLiteral("low-precision")));
    EXPECT_TRUE(text("relu6").contains(QStringLiteral("low-precision")));
    // A dead ReLU unit can be revived by changes upstream.
    EXPECT_FALSE(text("relu").contains(QStringLiteral("dead for good")));
    EXPECT_TRUE(text("relu").contains(QStringLiteral("can revive it")));
    // Snake's practice advice did not match the paper; it is left out.
    EXPECT_FALSE(text("snake").contains(QStringLiteral("dominant frequency")));
    // Softsign is Bergstra et al.'s, 2009.
    EXPECT_EQ(library().find(QStringLiteral("softsign"))->year, 2009);
}

TEST(ExplanationParse, RejectsAFileWithAnEmptyField)
{
    const QByteArray json = R"({"id":"relu","formula_html":"<i>z</i>","derivative_html":"1","introduced":"i",
        "strengths":["a","b"],"weaknesses":["w"],"problem":"","solution":"s","successors":[],"maths":"m",
        "practice":"p","origin":"o","declared":{"monotonic":true},
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

    const QByteArray unknownClaim = R"({"id":"relu","formula_html":"f","derivative_html":"d","introduced":"i",
        "strengths":["a","b"],"weaknesses":["w"],"problem":"p","solution":"s","successors":[],"maths":"m","practice":"p",
        "origin":"o","declared":{"monotonic":true},
        "claims":[{"what":"beauty","value":1,"text":"t"}]})";
    EXPECT_FALSE(ExplanationLibrary::parse(unknownClaim, QStringLiteral("relu"), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("beauty")));

    const QByteArray pointless = R"({"id":"relu","formula_html":"f","derivative_html":"d","introduced":"i",
        "strengths":["a","b"],"weaknesses":["w"],"problem":"p","solution":"s","successors":[],"maths":"m","practice":"p",
        "origin":"o","declared":{"monotonic":true},
        "claims":[{"what":"derivative","value":1,"text":"t"}]})";
    EXPECT_FALSE(ExplanationLibrary::parse(pointless, QStringLiteral("relu"), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("at")));
}

TEST(ExplanationParse, AcceptsACompleteFile)
{
    const QByteArray json = R"({"id":"relu","formula_html":"<i>f</i>","derivative_html":"d","introduced":"i",
        "strengths":["s1","s2"],"weaknesses":["w1"],"problem":"p","solution":"s",
        "successors":[{"id":"elu","relation":"next"},{"id":"sigmoid","relation":"related"}],"maths":"m",
        "practice":"p","origin":"o","reference":{"year":2010},"declared":{"monotonic":true},
        "claims":[{"what":"value","value":0,"at":-1,"parameters":{"alpha":0.5},"text":"t"}]})";
    QString error;
    const auto e = ExplanationLibrary::parse(json, QStringLiteral("relu"), &error);
    ASSERT_TRUE(e) << error.toStdString();
    EXPECT_EQ(e->year, 2010);
    EXPECT_EQ(e->strengths, (QStringList{QStringLiteral("s1"), QStringLiteral("s2")}));
    EXPECT_EQ(e->weaknesses, QStringList{QStringLiteral("w1")});
    using ax::ui::Successor;
    EXPECT_EQ(e->successors, (QList<Successor>{{QStringLiteral("elu"), Successor::Relation::Next},
                                               {QStringLiteral("sigmoid"), Successor::Relation::Related}}));
    ASSERT_EQ(e->claims.size(), 1);
    EXPECT_EQ(e->claims.front().at, -1.0);
    EXPECT_EQ(e->claims.front().parameters.value(QStringLiteral("alpha")), 0.5);
}

// Schema 2 is read strictly: what a file of the old schema, a typo or bad markup would silently lose
// is refused with the field named.
TEST(ExplanationParse, RefusesTheOldSchemaUnknownFieldsBadListsAndEscapedMarkup)
{
    const QByteArray valid = R"({"id":"relu","formula_html":"f","derivative_html":"d","introduced":"i",
        "strengths":["s1","s2"],"weaknesses":["w1"],"problem":"p","solution":"s",
        "successors":[{"id":"elu","relation":"next"}],"maths":"m","practice":"p","origin":"o",
        "declared":{"monotonic":true},"claims":[{"what":"value","value":0,"at":-1,"text":"t"}]})";
    QString error;
    ASSERT_TRUE(ExplanationLibrary::parse(valid, QStringLiteral("relu"), &error)) << error.toStdString();
    const auto refused = [&](QByteArray json, const char* expected) {
        QString message;
        if (ExplanationLibrary::parse(json, QStringLiteral("relu"), &message))
            return ::testing::AssertionFailure() << "accepted: " << json.toStdString();
        if (!message.contains(QString::fromUtf8(expected)))
            return ::testing::AssertionFailure()
                   << "message \"" << message.toStdString() << "\" lacks " << expected;
        return ::testing::AssertionSuccess();
    };
    const auto edited = [&](const char* from, const char* to) { return QByteArray(valid).replace(from, to); };
    EXPECT_TRUE(refused(edited(R"("problem":"p")", R"("problem":"p","weakness":"w")"), "weakness"));
    EXPECT_TRUE(refused(edited(R"("maths":"m")", R"("maths":"m","mathematics":"m")"), "mathematics"));
    EXPECT_TRUE(refused(edited(R"(["s1","s2"])", R"(["s1"])"), "strengths"));
    EXPECT_TRUE(refused(edited(R"(["s1","s2"])", R"(["s1","s2","s3","s4","s5"])"), "strengths"));
    EXPECT_TRUE(refused(edited(R"(["w1"])", R"([])"), "weaknesses"));
    EXPECT_TRUE(refused(edited(R"(["w1"])", R"("w1")"), "weaknesses"));
    EXPECT_TRUE(refused(edited(R"("relation":"next")", R"("relation":"later")"), "later"));
    EXPECT_TRUE(refused(edited(R"({"id":"elu","relation":"next"})", R"("elu")"), "successor"));
    EXPECT_TRUE(refused(edited(R"("introduced":"i")", R"("introduced":"")"), "introduced"));
    EXPECT_TRUE(refused(edited(R"(["w1"])", R"(["falls like 4&lt;i&gt;e&lt;/i&gt;"])"), "escaped markup"));
    EXPECT_TRUE(refused(edited(R"("maths":"m")", R"("maths":"&lt;sup&gt;2&lt;/sup&gt;")"), "escaped markup"));
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
