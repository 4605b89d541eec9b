#pragma once
// How the declared properties of an activation read in the table, the details pane and exports.

#include "core/activation.h"

#include <QString>

namespace ax::ui {

// A number with a proper minus sign and ∞, e.g. "−1.6733".
[[nodiscard]] QString mathNumber(double value);
// Interval notation with open and closed ends, e.g. "(−1, ∞)" or "[0, 1]".
[[nodiscard]] QString rangeText(const core::OutputRange& range);
[[nodiscard]] QString smoothnessText(core::Smoothness smoothness);
// The differentiability order, so C⁰ < C¹ < C² < C^∞ sort in that order; −1 when discontinuous.
[[nodiscard]] int smoothnessOrder(core::Smoothness smoothness) noexcept;
// "both", "below", "above" or "no".
[[nodiscard]] QString boundedText(const core::Properties& properties);
// 0 unbounded, 1 below only, 2 above only, 3 both.
[[nodiscard]] int boundedKey(const core::Properties& properties) noexcept;
[[nodiscard]] QString saturationText(core::Saturation saturation);
[[nodiscard]] QString yesNo(bool value);

}  // namespace ax::ui
