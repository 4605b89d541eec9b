#include "core/formula/compiled_formula.h"

#include "core/special_functions.h"

#include <cmath>
#include <limits>

namespace ax::core::formula {

namespace {

double muSigmoid(double x)
{
    return logistic(x).s;
}
double muSoftplus(double x)
{
    return log1pexp(x);
}
double muErf(double x)
{
    return std::erf(x);
}
double muErfc(double x)
{
    return std::erfc(x);
}
double muLog1p(double x)
{
    return std::log1p(x);
}
double muExpm1(double x)
{
    return std::expm1(x);
}
double muSquare(double x)
{
    return x * x;
}
double muCube(double x)
{
    return x * x * x;
}
double muRight(double d, double dd)
{
    if (std::isnan(d)) return kNaN;
    return d > 0.0 || (d == 0.0 && dd >= 0.0) ? 1.0 : 0.0;
}
double muLeft(double d, double dd)
{
    if (std::isnan(d)) return kNaN;
    return 1.0 - muRight(d, dd);
}
double muSign(double d, double dd)
{
    if (std::isnan(d)) return kNaN;
    return 2.0 * muRight(d, dd) - 1.0;
}
// 1 − tanh²x as 4e/(1 + e)² with e = e^(−2|x|): no cancellation where tanh is near ±1.
double muSech2(double x)
{
    const double e = std::exp(-2.0 * std::fabs(x));
    const double q = 1.0 + e;
    return (4.0 * e / q) / q;
}
double muHalfStep(double x)
{
    if (std::isnan(x)) return kNaN;
    return x > 0.0 ? 1.0 : (x < 0.0 ? 0.0 : 0.5);
}

}  // namespace

CompiledFormula::CompiledFormula(std::size_t parameterCount) : m_parameterCount(parameterCount)
{
    m_z.assign(1, 0.0);
    for (auto& buffer : m_p)
        buffer.assign(1, 0.0);
}

CompiledFormula::~CompiledFormula() = default;

std::size_t CompiledFormula::add(const std::string& text)
{
    auto parser = std::make_unique<mu::Parser>();
    parser->DefineFun("sigm", &muSigmoid);
    parser->DefineFun("splus", &muSoftplus);
    parser->DefineFun("erf", &muErf);
    parser->DefineFun("erfc", &muErfc);
    parser->DefineFun("log1p", &muLog1p);
    parser->DefineFun("expm1", &muExpm1);
    parser->DefineFun("sq", &muSquare);
    parser->DefineFun("cube", &muCube);
    parser->DefineFun("right", &muRight);
    parser->DefineFun("left", &muLeft);
    parser->DefineFun("sgn2", &muSign);
    parser->DefineFun("sech2", &muSech2);
    parser->DefineFun("halfstep", &muHalfStep);
    parser->DefineVar("z", m_z.data());
    for (std::size_t i = 0; i < m_parameterCount; ++i)
        parser->DefineVar("p" + std::to_string(i), m_p[i].data());
    parser->SetExpr(text);
    parser->Eval();  // compiles now, so errors surface at build time
    m_programs.push_back(std::move(parser));
    return m_programs.size() - 1;
}

Derivatives CompiledFormula::evaluate(double z, const ParameterValues& p) noexcept
{
    const std::lock_guard lock(m_mutex);
    setPoint(z, p);
    const double f = run(0);
    // Where f itself is undefined its derivatives mean nothing (log z has f′ = 1/z for z < 0).
    if (!std::isfinite(f)) return {f, kNaN, kNaN};
    return {f, run(1), run(2)};
}

void CompiledFormula::evaluateMany(std::span<const double> z, const ParameterValues& p, std::span<double> f,
                                   std::span<double> d1, std::span<double> d2) noexcept
{
    const std::lock_guard lock(m_mutex);
    for (std::size_t i = 0; i < m_parameterCount; ++i)
        m_p[i][0] = p[i];
    for (std::size_t i = 0; i < z.size(); ++i) {
        m_z[0] = z[i];
        f[i] = run(0);
        d1[i] = std::isfinite(f[i]) ? run(1) : kNaN;
        d2[i] = std::isfinite(f[i]) ? run(2) : kNaN;
    }
}

std::vector<double> CompiledFormula::cornerCandidates(const ParameterValues& p) noexcept
{
    const std::lock_guard lock(m_mutex);
    std::vector<double> result;
    for (const CornerProgram& corner : m_corners) {
        if (corner.linear) {
            setPoint(0.0, p);
            const double slope = run(corner.slope);
            const double offset = run(corner.offset);
            if (slope != 0.0 && std::isfinite(slope) && std::isfinite(offset))
                result.push_back(-offset / slope);
        } else {
            scanZeros(corner.argument, p, result);
        }
    }
    return result;
}

void CompiledFormula::setPoint(double z, const ParameterValues& p) noexcept
{
    m_z[0] = z;
    for (std::size_t i = 0; i < m_parameterCount; ++i)
        m_p[i][0] = p[i];
}

double CompiledFormula::run(std::size_t program) noexcept
{
    try {
        return m_programs[program]->Eval();
    } catch (const mu::Parser::exception_type&) {
        return kNaN;
    }
}

void CompiledFormula::scanZeros(std::size_t program, const ParameterValues& p,
                                std::vector<double>& out) noexcept
{
    constexpr int kHalf = 2000;
    const double uMax = std::asinh(1e4);
    auto d = [&](double z) {
        setPoint(z, p);
        return run(program);
    };
    double previousZ = std::sinh(-uMax);
    double previous = d(previousZ);
    for (int i = -kHalf + 1; i <= kHalf; ++i) {
        const double z = i == 0 ? 0.0 : std::sinh(uMax * i / kHalf);
        const double value = d(z);
        if (value == 0.0) {
            if (previous != 0.0) out.push_back(z);
        } else if (std::isfinite(value) && std::isfinite(previous) && previous != 0.0 &&
                   (value > 0.0) != (previous > 0.0)) {
            double lo = previousZ;
            double hi = z;
            const bool loPositive = previous > 0.0;
            for (int k = 0; k < 200; ++k) {
                const double mid = 0.5 * lo + 0.5 * hi;
                if (mid <= lo || mid >= hi) break;
                const double m = d(mid);
                if (m == 0.0) {
                    lo = hi = mid;
                    break;
                }
                if ((m > 0.0) == loPositive)
                    lo = mid;
                else
                    hi = mid;
            }
            out.push_back(lo == hi ? lo : hi);
        }
        previousZ = z;
        previous = value;
    }
}

}  // namespace ax::core::formula
