#pragma once
// The catalog: the constant table of the 43 activations every view starts from. A new activation
// is one more entry in catalog.cpp, with its equivalent formula in formula/custom_activation.cpp
// and its explanation in resources/explanations/.

#include "core/activation.h"

#include <span>
#include <string_view>

namespace ax::core {

// The constant catalog of the 43 activations, in the order of the project's catalog.
[[nodiscard]] std::span<const Activation> catalog() noexcept;
// The catalog's activation with this id; nullptr for any other id.
[[nodiscard]] const Activation* findActivation(std::string_view id) noexcept;

}  // namespace ax::core
