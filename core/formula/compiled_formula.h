#pragma once
// Compiled evaluation: f, f′, f″ and the corner arguments of a formula as muParser programs,
// compiled once so that evaluation never touches the symbolic form again.

#include "core/activation.h"

#include <muParser.h>

#include <array>
#include <cstddef>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <vector>

namespace ax::core::formula {

// Where a corner of a piecewise part may sit: the zero of d, linear in z (found in closed form)
// or not (found by a scan).
struct CornerProgram {
    bool linear = true;
    std::size_t slope = 0;  // program indices
    std::size_t offset = 0;
    std::size_t argument = 0;
};

// f, f′, f″ and the corner arguments compiled into muParser programs sharing one set of variable
// buffers. muParser programs are stateful, so every use holds the mutex.
class CompiledFormula {
public:
    explicit CompiledFormula(std::size_t parameterCount);
    ~CompiledFormula();

    CompiledFormula(const CompiledFormula&) = delete;
    CompiledFormula& operator=(const CompiledFormula&) = delete;

    // Adds a program in muParser's syntax (z, p0, p1, …); throws mu::ParserError if the text does
    // not compile.
    std::size_t add(const std::string& text);

    void addCorner(CornerProgram corner) { m_corners.push_back(corner); }

    [[nodiscard]] Derivatives evaluate(double z, const ParameterValues& p) noexcept;

    // One lock for the whole batch, then muParser's single-point path per point: its bulk mode
    // spreads the work over OpenMP threads, which on a busy two-core machine cost far more than
    // it saved (measured: tens of milliseconds instead of under one).
    void evaluateMany(std::span<const double> z, const ParameterValues& p, std::span<double> f,
                      std::span<double> d1, std::span<double> d2) noexcept;

    // Candidate corners: zeros of each corner argument.
    [[nodiscard]] std::vector<double> cornerCandidates(const ParameterValues& p) noexcept;

private:
    void setPoint(double z, const ParameterValues& p) noexcept;
    [[nodiscard]] double run(std::size_t program) noexcept;
    // Sign changes of d on a grid uniform in asinh(z) over [−10⁴, 10⁴] (fine near 0, coarse far
    // out), each refined by bisection; exact zeros on the grid count too.
    void scanZeros(std::size_t program, const ParameterValues& p, std::vector<double>& out) noexcept;

    std::size_t m_parameterCount;
    std::vector<double> m_z;
    std::array<std::vector<double>, kMaxParameters> m_p;
    std::vector<std::unique_ptr<mu::Parser>> m_programs;  // f, f′, f″, then corner arguments
    std::vector<CornerProgram> m_corners;
    std::mutex m_mutex;
};

}  // namespace ax::core::formula
