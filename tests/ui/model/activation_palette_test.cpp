// The palette: the article's curves must be told apart at a glance, in colour and as deuteranopes
// see them, every activation keeps one colour, custom ones never repeat a shown colour, and a
// greyscale print gives every shown curve its own dash.

#include "ui/model/activation_palette.h"

#include "core/catalog.h"
#include "ui/model/session.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <set>

namespace {

using ax::ui::activationColour;
using ax::ui::colourDifference;
using ax::ui::kDistinctColourDifference;

int indexOf(const QString& id)
{
    const auto all = ax::core::catalog();
    for (std::size_t i = 0; i < all.size(); ++i)
        if (QString::fromStdString(all[i].id) == id) return static_cast<int>(i);
    return -1;
}

double relativeLuminance(const QColor& colour)
{
    const auto linear = [](double c) {
        return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) +
           0.0722 * linear(colour.blueF());
}

double contrast(const QColor& a, const QColor& b)
{
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

TEST(ActivationPalette, ColourDifferenceIsCie76InLab)
{
    // sRGB red is L*a*b* (53.24, 80.09, 67.20) and blue (32.30, 79.19, −107.86) under D65.
    EXPECT_NEAR(colourDifference(QColor(255, 0, 0), QColor(0, 0, 255)), 176.3, 0.2);
    EXPECT_NEAR(colourDifference(QColor(0, 0, 0), QColor(255, 255, 255)), 100.0, 0.01);
    EXPECT_DOUBLE_EQ(colourDifference(QColor(12, 34, 56), QColor(12, 34, 56)), 0.0);
}

TEST(ActivationPalette, TheArticlesCurvesAreFarApart)
{
    const QStringList& ids = ax::ui::articleActivationIds();
    ASSERT_EQ(ids.size(), 10);
    for (const char* id :
         {"sigmoid", "tanh", "relu", "leaky_relu", "prelu", "elu", "selu", "gelu", "swish", "mish"})
        EXPECT_TRUE(ids.contains(QLatin1String(id))) << id;
    for (qsizetype i = 0; i < ids.size(); ++i)
        for (qsizetype j = i + 1; j < ids.size(); ++j) {
            const double difference =
                colourDifference(activationColour(indexOf(ids[i])), activationColour(indexOf(ids[j])));
            EXPECT_GE(difference, kDistinctColourDifference)
                << ids[i].toStdString() << " and " << ids[j].toStdString() << " are only " << difference
                << " apart";
        }
}

TEST(ActivationPalette, EveryColourReadsOnLightAndDark)
{
    // The light theme's base is white, the dark one's a near-black grey (#232629).
    for (int i = 0; i < static_cast<int>(ax::core::catalog().size()); ++i) {
        const QColor colour = activationColour(i);
        EXPECT_GE(contrast(colour, QColor(Qt::white)), 2.2) << ax::core::catalog()[std::size_t(i)].id;
        EXPECT_GE(contrast(colour, QColor(0x23, 0x26, 0x29)), 3.0) << ax::core::catalog()[std::size_t(i)].id;
    }
}

TEST(ActivationPalette, EveryActivationHasItsOwnColourAndLookalikesADash)
{
    const int n = static_cast<int>(ax::core::catalog().size());
    std::set<QRgb> seen;
    for (int i = 0; i < n; ++i)
        EXPECT_TRUE(seen.insert(activationColour(i).rgb()).second) << "colour " << i << " repeats";

    // Wherever a colour comes close to an article curve's or an earlier one's, the dash differs.
    const QStringList& article = ax::ui::articleActivationIds();
    for (int i = 1; i < n; ++i) {
        const bool inArticle =
            article.contains(QString::fromStdString(ax::core::catalog()[std::size_t(i)].id));
        if (inArticle) {
            EXPECT_EQ(ax::ui::activationScreenDash(i), Qt::SolidLine);
            continue;
        }
        for (int j = 0; j < n; ++j) {
            const bool earlier =
                j < i || article.contains(QString::fromStdString(ax::core::catalog()[std::size_t(j)].id));
            if (j == i || !earlier) continue;
            if (colourDifference(activationColour(i), activationColour(j)) < kDistinctColourDifference) {
                EXPECT_NE(ax::ui::activationScreenDash(i), ax::ui::activationScreenDash(j))
                    << ax::core::catalog()[std::size_t(i)].id << " looks like "
                    << ax::core::catalog()[std::size_t(j)].id;
            }
        }
    }
}

TEST(ActivationPalette, CustomActivationsNeverRepeatAShownColour)
{
    ax::ui::Session session;  // the story is shown
    session.customOrder = {QStringLiteral("custom_1"), QStringLiteral("custom_2"),
                           QStringLiteral("custom_3")};
    session.enabled << session.customOrder;
    std::vector<QColor> shown;
    for (const QString& id : session.enabled)
        if (indexOf(id) >= 0) shown.push_back(activationColour(indexOf(id)));
    std::vector<QColor> customs;
    for (const QString& id : session.customOrder) {
        const QColor colour = activationColour(session, id);
        for (const QColor& other : shown)
            EXPECT_GE(colourDifference(colour, other), kDistinctColourDifference) << id.toStdString();
        for (const QColor& other : customs)
            EXPECT_NE(colour, other) << id.toStdString();
        customs.push_back(colour);
        // The same session gives the same colour every time it is asked.
        EXPECT_EQ(activationColour(session, id), colour);
    }

    // With every catalog activation shown a custom one still takes none of their colours, as long
    // as the palette has one left; here all are taken but for those the customs themselves hold.
    ax::ui::Session crowded;
    crowded.enabled.clear();
    for (const auto& activation : ax::core::catalog())
        crowded.enabled << QString::fromStdString(activation.id);
    crowded.enabled.removeAll(QStringLiteral("snake"));
    crowded.customOrder = {QStringLiteral("custom_1")};
    crowded.enabled << QStringLiteral("custom_1");
    EXPECT_EQ(activationColour(crowded, QStringLiteral("custom_1")),
              activationColour(indexOf(QStringLiteral("snake"))));

    // A catalog activation's colour never depends on what else is shown.
    EXPECT_EQ(activationColour(crowded, QStringLiteral("relu")),
              activationColour(indexOf(QStringLiteral("relu"))));
}

TEST(ActivationPalette, PrintPatternsDifferForEveryShownCurve)
{
    const int n = static_cast<int>(ax::core::catalog().size());
    EXPECT_TRUE(ax::ui::printDashPattern(0).isEmpty()) << "the first curve is solid";
    for (int i = 0; i < n; ++i) {
        const QList<qreal> pattern = ax::ui::printDashPattern(i);
        EXPECT_EQ(pattern.size() % 2, 0) << "dash and gap come in pairs";
        qreal period = 0.0;
        for (const qreal length : pattern) {
            EXPECT_GT(length, 0.0);
            period += length;
        }
        EXPECT_LE(period, ax::ui::kMaxPrintDashPeriod);
        for (int j = 0; j < i; ++j)
            EXPECT_NE(pattern, ax::ui::printDashPattern(j)) << i << " repeats " << j;
    }
}

}  // namespace
