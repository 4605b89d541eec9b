#pragma once
// The matrix products of training small dense layers (32 × 32 weights against 64 examples).
//
// At these sizes a general matrix library spends much of its time packing blocks; a plain loop
// that adds scaled columns, compiled for the processor's widest vectors, is several times faster.
// Every output element is summed in the same order (inner index ascending, multiply then add, no
// fused multiply-add), so each processor variant gives the same bits and a race stays reproducible.

#include <cstddef>

namespace ax::core {

// C(:, j) += Σ_q A(:, q) · B(q, j) for j < columns, q < inner, with A column-major (rows × inner,
// leading dimension rows), C column-major (rows × columns), and B(q, j) = b[q·bRowStride +
// j·bColumnStride]: (1, inner) for B stored column-major, (columns, 1) for Bᵀ stored column-major.
void addProducts(std::size_t rows, std::size_t inner, std::size_t columns, const double* a, const double* b,
                 std::size_t bRowStride, std::size_t bColumnStride, double* c) noexcept;

}  // namespace ax::core
