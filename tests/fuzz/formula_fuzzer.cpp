// Feeds arbitrary text to the custom-activation formula parser: the live syntax check while typing
// and the full build (parse, two symbolic derivatives, compilation). Neither may throw or crash; a
// refusal points inside the formula with a one-line message, and a built activation evaluates.

#include "tests/fuzz/fuzz_check.h"

#include "core/formula/custom_activation.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

using ax::fuzz::isOneLine;
using ax::fuzz::require;

void checkError(const ax::core::FormulaError& error, std::string_view formula)
{
    require(isOneLine(error.message), "a refused formula has a one-line message");
    require(error.position <= formula.size(), "the error position lies within the formula");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string formula(reinterpret_cast<const char*>(data), size);

    const ax::core::FormulaCheck check = ax::core::checkFormula(formula);
    if (check.error) checkError(*check.error, formula);

    ax::core::CustomActivationSpec spec;
    spec.id = "custom_fuzz";
    spec.name = "Fuzzed";
    spec.formula = formula;
    const ax::core::CustomBuildResult built = ax::core::buildCustomActivation(spec);
    require(built.ok() != built.error.has_value(), "a build gives an activation or an error, not both");
    if (!built.ok()) {
        checkError(*built.error, formula);
        return 0;
    }
    require(!check.error.has_value(), "a formula that builds passes the syntax check");
    const ax::core::Activation& activation = built.custom->activation;
    require(activation.parameters.size() == check.parameterNames.size(),
            "the build and the check agree on the parameters");
    const ax::core::ParameterValues values = activation.defaults();
    for (const double z : {-1e300, -3.0, -0.0, 0.5, 7.0, 1e300})
        (void)activation.evaluate(z, values);
    return 0;
}
