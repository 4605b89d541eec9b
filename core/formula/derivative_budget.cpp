#include "core/formula/derivative_budget.h"

#include "core/formula/custom_activation.h"

#include <vector>

namespace ax::core::formula {

namespace {

// Upper bounds, computed before GiNaC differentiates, on the size of an expression's tree (one per
// node as op() presents it, so also what printing walks) and on the tree its derivative in z will
// have, which also bounds the work diff() does. Each rule follows how GiNaC builds the derivative
// (sum rule, n-ary product rule, the power rule in its two forms, a function's partial derivative
// times its argument's derivative), with the partial derivatives of this file's own functions.
// The walk itself stops once the tree is past the budget, so estimating is bounded too.
struct TreeSize {
    double tree = 0.0;
    double derivative = 0.0;
};

class DerivativeEstimate {
public:
    explicit DerivativeEstimate(double budget) : m_budget(budget) {}

    TreeSize of(const GiNaC::ex& e)
    {
        if (++m_visited > 4.0 * m_budget) throw TooComplex{};
        if (GiNaC::is_exactly_a<GiNaC::numeric>(e) || GiNaC::is_a<GiNaC::symbol>(e) ||
            GiNaC::is_exactly_a<GiNaC::constant>(e))
            return {1.0, 1.0};
        std::vector<TreeSize> parts;
        parts.reserve(e.nops());
        double total = 1.0;
        for (std::size_t i = 0; i < e.nops(); ++i) {
            parts.push_back(of(e.op(i)));
            total += parts.back().tree;
        }
        if (GiNaC::is_exactly_a<GiNaC::add>(e)) {
            // A term's derivative may be a sum that a number in front is then distributed over,
            // giving each of its terms a coefficient: two more symbols per term at most.
            double d = 1.0;
            for (const TreeSize& p : parts)
                d += p.derivative + 3.0;
            return {total, d};
        }
        if (GiNaC::is_exactly_a<GiNaC::mul>(e)) {
            // D(a·b·c) = D(a)·b·c + a·D(b)·c + a·b·D(c); a factor xⁿ is differentiated in place as
            // n·xⁿ⁻¹·D(x), which its own estimate (a power) already covers.
            double d = 1.0;
            for (const TreeSize& p : parts)
                d += (total - p.tree) + p.derivative + 3.0;
            return {total, d};
        }
        if (GiNaC::is_exactly_a<GiNaC::power>(e)) {
            const TreeSize& b = parts[0];
            const TreeSize& x = parts[1];
            if (GiNaC::is_exactly_a<GiNaC::numeric>(e.op(1))) return {total, b.tree + b.derivative + 6.0};
            // D(bˣ) = bˣ·(D(x)·ln b + x·D(b)·b⁻¹)
            return {total, total + x.derivative + b.tree + x.tree + b.derivative + b.tree + 10.0};
        }
        if (GiNaC::is_a<GiNaC::function>(e)) return {total, total + functionDerivative(e, parts)};
        // Nothing else is built by the parser; should it appear, every part is assumed copied twice.
        double d = 2.0 * total;
        for (const TreeSize& p : parts)
            d += p.derivative;
        return {total, d};
    }

private:
    // Σ over arguments of (partial derivative + D(argument) + the product joining them). The slack
    // covers GiNaC's own rewrites of a partial derivative (cos(atan x) becomes (1 + x²)^(−1/2)).
    static double functionDerivative(const GiNaC::ex& e, const std::vector<TreeSize>& args)
    {
        const std::string name = GiNaC::ex_to<GiNaC::function>(e).get_name();
        double arguments = 0.0;
        double argumentDerivatives = 0.0;
        for (const TreeSize& a : args) {
            arguments += a.tree;
            argumentDerivatives += a.derivative;
        }
        double copies = 1.0;     // how often the partial derivative repeats the arguments
        double derivatives = 0;  // ... and their derivatives (the selector's tie-break)
        if (name == "ax_sigmoid" || name == "ax_sech2")
            copies = 2.0;
        else if (name == "ax_abs" || name == "ax_max" || name == "ax_min")
            derivatives = 1.0;
        else if (name == "ax_right" || name == "ax_left" || name == "ax_sign")
            copies = 0.0;
        const double partials = static_cast<double>(args.size()) *
                                (copies * arguments + derivatives * argumentDerivatives + 10.0);
        return partials + argumentDerivatives + 3.0 * static_cast<double>(args.size());
    }

    double m_budget;
    double m_visited = 0.0;
};

}  // namespace

double derivativeSize(const GiNaC::ex& e)
{
    DerivativeEstimate estimate(kMaxDerivativeSize);
    const double size = estimate.of(e).derivative;
    if (!(size <= kMaxDerivativeSize)) throw TooComplex{};
    return size;
}

}  // namespace ax::core::formula
