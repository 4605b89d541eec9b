#pragma once
// Reads the committed high-precision reference values (tests/data/reference_<id>.tsv).

#include "core/activation.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace ax::core::testing {

// One quantity (f, f′ or f″) at one point: hi + lo is the exact value to well beyond double
// precision, cond its condition number |z g′/g|.
struct ReferenceValue {
    double hi = 0.0;
    double lo = 0.0;
    double cond = 0.0;
};

struct ReferencePoint {
    double z = 0.0;
    ReferenceValue value[3];
};

struct ReferenceSet {
    ParameterValues parameters{};
    std::size_t parameterCount = 0;
    std::vector<ReferencePoint> points;
};

[[nodiscard]] inline std::string referencePath(const std::string& id)
{
    return std::string(AX_TEST_DATA_DIR) + "/reference_" + id + ".tsv";
}

// Empty when the file is missing or malformed (the caller reports it).
[[nodiscard]] inline std::vector<ReferenceSet> loadReference(const std::string& id)
{
    std::vector<ReferenceSet> sets;
    std::ifstream in(referencePath(id));
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        std::string first;
        std::getline(fields, first, '\t');
        if (first == "params") {
            ReferenceSet set;
            std::string value;
            while (std::getline(fields, value, '\t') && set.parameterCount < kMaxParameters)
                set.parameters[set.parameterCount++] = std::strtod(value.c_str(), nullptr);
            sets.push_back(set);
            continue;
        }
        if (sets.empty()) return {};
        ReferencePoint point;
        point.z = std::strtod(first.c_str(), nullptr);
        for (ReferenceValue& v : point.value) {
            std::string hi, lo, cond;
            if (!std::getline(fields, hi, '\t') || !std::getline(fields, lo, '\t') ||
                !std::getline(fields, cond, '\t'))
                return {};
            v.hi = std::strtod(hi.c_str(), nullptr);
            v.lo = std::strtod(lo.c_str(), nullptr);
            v.cond = std::strtod(cond.c_str(), nullptr);
        }
        sets.back().points.push_back(point);
    }
    return sets;
}

}  // namespace ax::core::testing
