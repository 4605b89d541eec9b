#pragma once
// The one colour-blind-safe palette: an activation keeps its colour everywhere (charts, legend,
// table swatch, exports), assigned by catalog order. The article's activations hold the colours
// farthest apart; the rest stay distinct and take a dash on screen where colours run out.

#include <QColor>
#include <QList>
#include <QPen>
#include <QString>
#include <QStringList>

namespace ax::ui {

struct Session;

// How far apart two colours look: ΔE*ab (CIE 1976) in CIELAB under D65.
[[nodiscard]] double colourDifference(const QColor& a, const QColor& b);

// Below this ΔE*ab two curves are told apart by their dash, not their colour alone.
inline constexpr double kDistinctColourDifference = 20.0;

// The activations whose curves a lesson on the article puts side by side: the story and tanh.
// They hold the palette's most distinguishable colours.
[[nodiscard]] const QStringList& articleActivationIds();

// Colour of the catalog activation at catalogIndex. An index past the catalog (a custom
// activation without a session to look at) cycles through the palette without the identity's grey.
[[nodiscard]] QColor activationColour(int catalogIndex);

// Colour of id as session shows it: a catalog activation's own colour; a custom one takes the
// palette colour farthest from every colour shown beside it (the shown catalog activations' and
// the custom ones before it), so it never repeats a colour on the chart.
[[nodiscard]] QColor activationColour(const Session& session, const QString& id);

// Line style on screen: solid, but for a catalog activation whose colour is closer than
// kDistinctColourDifference to an article activation's or an earlier one's, a dash none of those has.
[[nodiscard]] Qt::PenStyle activationScreenDash(int catalogIndex);

// The print style's dash pattern (in pen widths, as QPen::setDashPattern takes it) of the curve at
// position shownIndex among the shown ones; empty means a solid line. The first 43 all differ, so
// a greyscale print tells every shown curve apart.
[[nodiscard]] QList<qreal> printDashPattern(int shownIndex);
// The longest period of those patterns, in pen widths: a legend's sample line shows one whole.
inline constexpr double kMaxPrintDashPeriod = 34.0;

}  // namespace ax::ui
