#pragma once
// Bounds on the symbolic work, known before it is done: how large a derivative will grow, so a
// formula whose derivatives would explode is refused at once instead of exhausting time and memory.

#include <ginac/ginac.h>

#include <string>

namespace ax::core::formula {

// Thrown when the symbolic work would exceed its budget; caught at the build's boundary.
struct TooComplex {
    std::string message;
};

// An upper bound on the size of e's derivative in z; throws TooComplex past kMaxDerivativeSize.
double derivativeSize(const GiNaC::ex& e);

}  // namespace ax::core::formula
