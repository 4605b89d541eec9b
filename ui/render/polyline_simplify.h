#pragma once
// Fewer points for the same line: vector exports keep only the vertices a reader could see.

#include <QPolygonF>

namespace ax::ui {

// Douglas–Peucker: removes every vertex whose removal moves the line by at most tolerance (in the
// polyline's own units); the ends and every sharper corner stay exactly where they were.
void simplifyPolyline(QPolygonF& polyline, double tolerance);

}  // namespace ax::ui
