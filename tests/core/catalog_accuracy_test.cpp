// f, f′ and f″ of every activation against values computed at high precision, scored as the
// catalog specifies: error in units of the last place divided by (1 + condition number).

#include "core/activation.h"
#include "core/catalog.h"
#include "tests/core/reference_data.h"

#include <gtest/gtest.h>

#include <cfloat>
#include <cmath>
#include <sstream>
#include <string>

namespace ax::core {
namespace {

using testing::ReferenceValue;

// One unit in the last place at the magnitude of the exact value; below the smallest normal
// number the spacing of the subnormals, so an exact value that underflows is judged by how far
// the result lies from it in the finest steps doubles have.
double ulpAt(double magnitude)
{
    const double a = std::fabs(magnitude);
    if (!(a >= DBL_MIN)) return std::ldexp(1.0, -1074);
    if (std::isinf(a)) return std::ldexp(1.0, 971);
    return std::ldexp(1.0, std::ilogb(a) - 52);
}

// Score of a computed value; infinity for a NaN or an infinity where the exact value is finite.
// An exact value beyond the largest double (eᶻ past z = 709.78) must come out as that infinity.
double score(double computed, const ReferenceValue& exact)
{
    if (std::isinf(exact.hi)) return computed == exact.hi ? 0.0 : std::numeric_limits<double>::infinity();
    if (!std::isfinite(computed)) return std::numeric_limits<double>::infinity();
    if (std::isinf(exact.cond)) return 0.0;
    const double error = std::fabs((computed - exact.hi) - exact.lo);
    return error / ulpAt(exact.hi) / (1.0 + exact.cond);
}

std::string describe(const ParameterValues& p, std::size_t count)
{
    std::ostringstream text;
    text.precision(17);
    text << "(";
    for (std::size_t i = 0; i < count; ++i)
        text << (i ? ", " : "") << p[i];
    text << ")";
    return text.str();
}

class CatalogAccuracy : public ::testing::TestWithParam<std::string> {};

TEST_P(CatalogAccuracy, MatchesHighPrecisionReference)
{
    const Activation* activation = findActivation(GetParam());
    ASSERT_NE(activation, nullptr);
    const auto sets = testing::loadReference(activation->id);
    ASSERT_FALSE(sets.empty()) << "no reference data in " << testing::referencePath(activation->id);

    const double limits[3] = {8.0, 8.0, 16.0};
    const char* names[3] = {"f", "f'", "f''"};
    for (const auto& set : sets) {
        ASSERT_EQ(set.parameterCount, activation->parameters.size());
        ASSERT_GE(set.points.size(), 200u);
        for (int q = 0; q < 3; ++q) {
            double worst = 0.0;
            double worstZ = 0.0;
            double worstValue = 0.0;
            double worstExact = 0.0;
            for (const auto& point : set.points) {
                const Derivatives d = activation->evaluate(point.z, set.parameters);
                const double computed = q == 0 ? d.f : (q == 1 ? d.d1 : d.d2);
                const double s = score(computed, point.value[q]);
                if (!(s <= worst)) {
                    worst = s;
                    worstZ = point.z;
                    worstValue = computed;
                    worstExact = point.value[q].hi;
                }
            }
            EXPECT_LE(worst, limits[q])
                << names[q] << " of " << activation->id << " at parameters "
                << describe(set.parameters, set.parameterCount) << ": worst at z = " << worstZ
                << ", computed " << worstValue << ", exact " << worstExact;
        }
    }
}

// The reference covers the defaults and moves every parameter away from its default at least once.
TEST_P(CatalogAccuracy, ReferenceCoversDefaultsAndEveryParameter)
{
    const Activation* activation = findActivation(GetParam());
    ASSERT_NE(activation, nullptr);
    const auto sets = testing::loadReference(activation->id);
    ASSERT_FALSE(sets.empty());
    const ParameterValues defaults = activation->defaults();
    bool hasDefaults = false;
    std::vector<bool> varied(activation->parameters.size(), false);
    for (const auto& set : sets) {
        bool allDefault = true;
        for (std::size_t i = 0; i < activation->parameters.size(); ++i) {
            if (set.parameters[i] != defaults[i]) {
                allDefault = false;
                varied[i] = true;
            }
        }
        hasDefaults = hasDefaults || allDefault;
    }
    EXPECT_TRUE(hasDefaults);
    for (std::size_t i = 0; i < varied.size(); ++i)
        EXPECT_TRUE(varied[i]) << "parameter " << activation->parameters[i].name
                               << " is only tested at its default";
}

std::vector<std::string> allIds()
{
    std::vector<std::string> ids;
    for (const Activation& a : catalog())
        ids.push_back(a.id);
    return ids;
}

INSTANTIATE_TEST_SUITE_P(EveryActivation, CatalogAccuracy, ::testing::ValuesIn(allIds()),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

}  // namespace
}  // namespace ax::core
