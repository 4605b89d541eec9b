#include "ui/model/activation_palette.h"

#include "core/catalog.h"
#include "ui/model/session.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numeric>

namespace ax::ui {

namespace {

constexpr std::size_t kCatalogSize = 43;

// By catalog index. The article's ten (sigmoid, tanh, ReLU, Leaky ReLU, PReLU, ELU, SELU, GELU,
// Swish, Mish) come from Okabe–Ito, Tableau and ColorBrewer tones chosen to keep every pair at
// least 34 apart in CIELAB, and the pairs a lesson compares (ReLU and Leaky ReLU, ELU and SELU,
// GELU, Swish and Mish) at least 30 apart also as deuteranopes and protanopes see them. The
// others keep earlier tones where those stay 13 from everything before them, or take the tone
// farthest from all colours so far. Every colour reads on white (contrast ≥ 2.2) and on the dark
// theme's base (≥ 3).
constexpr std::array<QRgb, kCatalogSize> kPalette{
    0x7f7f7f,  // grey for the identity
    0x4e79a7, 0xe69f00, 0xfb8072, 0x009e73, 0x9449df, 0x7764c4, 0x0077bb, 0x20b620, 0x17becf,
    0xe41a1c, 0x228833, 0xb946ad, 0xe7298a, 0xf28e2b, 0x9c755f, 0x98661b, 0xb07aa1, 0x499894,
    0x999933, 0xb94669, 0xd926d9, 0x7570b3, 0xd9264a, 0x33a02c, 0x89b620, 0x637939, 0x56b4e9,
    0xc49e64, 0xd95c26, 0xb96946, 0x9e9ac8, 0xdfa349, 0x648f24, 0xc464a7, 0x20b66b, 0x24798f,
    0x266ed9, 0xd926b5, 0xc46464, 0x817131, 0x20b6a7, 0xdf8549,
};

struct Lab {
    double l = 0.0;
    double a = 0.0;
    double b = 0.0;
};

Lab toLab(const QColor& colour)
{
    const auto linear = [](double c) {
        return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    const double r = linear(colour.redF());
    const double g = linear(colour.greenF());
    const double b = linear(colour.blueF());
    // sRGB to XYZ, relative to the D65 white.
    const double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
    const double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
    const double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;
    const auto f = [](double t) {
        constexpr double kEpsilon = 216.0 / 24389.0;
        constexpr double kKappa = 24389.0 / 27.0;
        return t > kEpsilon ? std::cbrt(t) : (kKappa * t + 16.0) / 116.0;
    };
    const double fx = f(x);
    const double fy = f(y);
    const double fz = f(z);
    return {116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)};
}

double distance(const Lab& p, const Lab& q)
{
    return std::hypot(p.l - q.l, p.a - q.a, p.b - q.b);
}

const std::array<Lab, kCatalogSize>& paletteLab()
{
    static const std::array<Lab, kCatalogSize> lab = [] {
        std::array<Lab, kCatalogSize> out{};
        for (std::size_t i = 0; i < kCatalogSize; ++i)
            out[i] = toLab(QColor::fromRgb(kPalette[i]));
        return out;
    }();
    return lab;
}

int catalogIndexOf(const QString& id)
{
    const auto all = core::catalog();
    for (std::size_t i = 0; i < all.size(); ++i)
        if (QLatin1String(all[i].id.c_str()) == id) return static_cast<int>(i);
    return -1;
}

// The screen line style of every catalog activation, decided once from the palette: solid, or
// for one whose colour is close to an article activation's or an earlier one's, the first dash
// that none of those close ones has.
const std::array<Qt::PenStyle, kCatalogSize>& screenStyles()
{
    static const std::array<Qt::PenStyle, kCatalogSize> styles = [] {
        std::array<Qt::PenStyle, kCatalogSize> out{};
        out.fill(Qt::SolidLine);
        std::array<bool, kCatalogSize> article{};
        for (const QString& id : articleActivationIds())
            if (const int index = catalogIndexOf(id); index >= 0)
                article[static_cast<std::size_t>(index)] = true;
        const auto& lab = paletteLab();
        constexpr std::array<Qt::PenStyle, 5> kChoices{Qt::SolidLine, Qt::DashLine, Qt::DotLine,
                                                       Qt::DashDotLine, Qt::DashDotDotLine};
        for (std::size_t i = 1; i < kCatalogSize; ++i) {
            if (article[i]) continue;
            std::array<bool, kChoices.size()> taken{};
            for (std::size_t j = 0; j < kCatalogSize; ++j) {
                if (j == i || !(article[j] || j < i)) continue;
                if (distance(lab[i], lab[j]) >= kDistinctColourDifference) continue;
                for (std::size_t c = 0; c < kChoices.size(); ++c)
                    taken[c] = taken[c] || kChoices[c] == out[j];
            }
            for (std::size_t c = 0; c < kChoices.size(); ++c)
                if (!taken[c]) {
                    out[i] = kChoices[c];
                    break;
                }
        }
        return out;
    }();
    return styles;
}

}  // namespace

double colourDifference(const QColor& a, const QColor& b)
{
    return distance(toLab(a), toLab(b));
}

const QStringList& articleActivationIds()
{
    static const QStringList ids = [] {
        QStringList out = Session::storyIds();
        out.insert(1, QStringLiteral("tanh"));
        return out;
    }();
    return ids;
}

QColor activationColour(int catalogIndex)
{
    const auto n = static_cast<int>(kPalette.size());
    if (catalogIndex >= 0 && catalogIndex < n)
        return QColor::fromRgb(kPalette[static_cast<std::size_t>(catalogIndex)]);
    // Custom activations cycle through the colours after the identity's grey, so none of them
    // looks like the neutral reference line.
    const int cycle = n - 1;
    const int offset = catalogIndex < 0 ? 0 : (catalogIndex - n) % cycle;
    return QColor::fromRgb(kPalette[1 + static_cast<std::size_t>(offset)]);
}

QColor activationColour(const Session& session, const QString& id)
{
    if (const int index = catalogIndexOf(id); index >= 0) return activationColour(index);
    const qsizetype customIndex = session.customOrder.indexOf(id);
    if (customIndex < 0) return activationColour(-1);

    // The colours already on the chart: every shown catalog activation's, then the custom ones
    // before this one, each given its colour by the same rule.
    const auto& lab = paletteLab();
    std::vector<Lab> taken;
    std::array<bool, kCatalogSize> used{};
    used[0] = true;  // the identity's grey stays the neutral reference line
    for (const QString& shown : session.enabled) {
        const int index = catalogIndexOf(shown);
        if (index < 0) continue;
        used[static_cast<std::size_t>(index)] = true;
        taken.push_back(lab[static_cast<std::size_t>(index)]);
    }
    QColor chosen = activationColour(static_cast<int>(kCatalogSize) + static_cast<int>(customIndex));
    for (qsizetype k = 0; k <= customIndex; ++k) {
        const QString& custom = session.customOrder[k];
        if (k < customIndex && !session.enabled.contains(custom)) continue;
        // Farthest from everything taken; with nothing taken, the first free colour.
        std::size_t best = 0;
        double bestDistance = -1.0;
        for (std::size_t i = 1; i < kCatalogSize; ++i) {
            if (used[i]) continue;
            double nearest = std::numeric_limits<double>::infinity();
            for (const Lab& other : taken)
                nearest = std::min(nearest, distance(lab[i], other));
            if (nearest > bestDistance) {
                bestDistance = nearest;
                best = i;
            }
        }
        if (best == 0) break;  // every colour is on the chart: keep the cycling one
        used[best] = true;
        taken.push_back(lab[best]);
        chosen = QColor::fromRgb(kPalette[best]);
    }
    return chosen;
}

Qt::PenStyle activationScreenDash(int catalogIndex)
{
    if (catalogIndex < 0 || catalogIndex >= static_cast<int>(kCatalogSize)) return Qt::SolidLine;
    return screenStyles()[static_cast<std::size_t>(catalogIndex)];
}

QList<qreal> printDashPattern(int shownIndex)
{
    // The plainest first: solid, dashes, dots, then dashes with one, two or three dots, at four
    // dash lengths; the dash patterns a figure legend commonly uses come before the rarer ones.
    static const std::vector<QList<qreal>> patterns = [] {
        std::vector<QList<qreal>> out{{},
                                      {6, 3},
                                      {1.5, 2.5},
                                      {6, 2.5, 1.5, 2.5},
                                      {12, 3},
                                      {3, 3},
                                      {12, 3, 1.5, 3},
                                      {6, 2.5, 1.5, 2.5, 1.5, 2.5},
                                      {12, 3, 6, 3},
                                      {1.5, 6}};
        for (const qreal dash : {9.0, 4.5, 12.0, 16.0}) {
            for (const qreal gap : {3.0, 5.0}) {
                out.push_back({dash, gap});
                for (int dots = 1; dots <= 3; ++dots) {
                    QList<qreal> pattern{dash, gap};
                    for (int d = 0; d < dots; ++d)
                        pattern << 1.5 << gap;
                    out.push_back(pattern);
                }
                out.push_back({dash, gap, dash / 2.0, gap});
            }
        }
        // The generated ones may repeat a hand-picked one: keep the first of each. A period longer
        // than kMaxPrintDashPeriod would not show whole in the legend's sample line.
        std::vector<QList<qreal>> unique;
        for (const auto& pattern : out) {
            const qreal period = std::accumulate(pattern.begin(), pattern.end(), 0.0);
            if (period <= kMaxPrintDashPeriod &&
                std::find(unique.begin(), unique.end(), pattern) == unique.end())
                unique.push_back(pattern);
        }
        return unique;
    }();
    if (shownIndex < 0) return {};
    return patterns[static_cast<std::size_t>(shownIndex) % patterns.size()];
}

}  // namespace ax::ui
