#include "core/training/dense_products.h"

#include <cstring>

// One clone per vector width, chosen when the program loads. This file is compiled with
// -ffp-contract=off (see core/CMakeLists.txt): without fused multiply-adds the clones' arithmetic
// is the same operation for operation.
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define AX_SANITIZED 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define AX_SANITIZED 1
#endif
// Sanitized builds keep one plain version (their run-time libraries and load-time resolvers do not
// mix well) and leave these loops uninstrumented: checked, they ran thirty times slower and made
// the training tests the slowest of the sanitized run. Their indexing is checked instead by the
// products test, which compares every element with a plain sum for uneven shapes.
#if defined(AX_SANITIZED)
#define AX_VECTOR_CLONES __attribute__((no_sanitize("address", "undefined")))
#define AX_UNCHECKED __attribute__((no_sanitize("address", "undefined")))
#elif defined(__x86_64__) && defined(__ELF__) && (defined(__GNUC__) || defined(__clang__))
#define AX_VECTOR_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#define AX_UNCHECKED
#else
#define AX_VECTOR_CLONES
#define AX_UNCHECKED
#endif

namespace ax::core {

namespace {

// Blocks of 8 rows × 4 columns of C are summed in registers: four independent sums per row keep
// the adder busy instead of waiting on one chain, and C is loaded and stored once per block.
constexpr std::size_t kRows = 8;
constexpr std::size_t kColumns = 4;

// Eight doubles as one value: one register where the processor has 512-bit vectors, two or four
// elsewhere, always the same eight multiplications and additions.
using Lanes = double __attribute__((vector_size(kRows * sizeof(double))));

template <std::size_t Columns>
AX_UNCHECKED __attribute__((always_inline)) inline void addBlock(std::size_t rows, std::size_t inner,
                                                                 const double* a, const double* b,
                                                                 std::size_t bRowStride,
                                                                 std::size_t bColumnStride, double* c,
                                                                 std::size_t i0, std::size_t j0) noexcept
{
    Lanes sum[Columns];
    for (std::size_t t = 0; t < Columns; ++t)
        std::memcpy(&sum[t], c + (j0 + t) * rows + i0, sizeof(Lanes));
    for (std::size_t q = 0; q < inner; ++q) {
        Lanes column;
        std::memcpy(&column, a + q * rows + i0, sizeof column);
        for (std::size_t t = 0; t < Columns; ++t)
            sum[t] = sum[t] + column * b[q * bRowStride + (j0 + t) * bColumnStride];
    }
    for (std::size_t t = 0; t < Columns; ++t)
        std::memcpy(c + (j0 + t) * rows + i0, &sum[t], sizeof(Lanes));
}

// The rows below the last full block of 8, one element at a time, in the same order of q.
AX_UNCHECKED __attribute__((always_inline)) inline void addTail(std::size_t rows, std::size_t inner,
                                                                const double* a, const double* b,
                                                                std::size_t bRowStride,
                                                                std::size_t bColumnStride, double* c,
                                                                std::size_t i0, std::size_t j) noexcept
{
    for (std::size_t i = i0; i < rows; ++i) {
        double sum = c[j * rows + i];
        for (std::size_t q = 0; q < inner; ++q)
            sum = sum + a[q * rows + i] * b[q * bRowStride + j * bColumnStride];
        c[j * rows + i] = sum;
    }
}

}  // namespace

AX_VECTOR_CLONES
void addProducts(std::size_t rows, std::size_t inner, std::size_t columns, const double* a, const double* b,
                 std::size_t bRowStride, std::size_t bColumnStride, double* c) noexcept
{
    const std::size_t fullRows = rows - rows % kRows;
    std::size_t j = 0;
    for (; j + kColumns <= columns; j += kColumns) {
        for (std::size_t i = 0; i < fullRows; i += kRows)
            addBlock<kColumns>(rows, inner, a, b, bRowStride, bColumnStride, c, i, j);
        for (std::size_t t = 0; t < kColumns; ++t)
            addTail(rows, inner, a, b, bRowStride, bColumnStride, c, fullRows, j + t);
    }
    for (; j < columns; ++j) {
        for (std::size_t i = 0; i < fullRows; i += kRows)
            addBlock<1>(rows, inner, a, b, bRowStride, bColumnStride, c, i, j);
        addTail(rows, inner, a, b, bRowStride, bColumnStride, c, fullRows, j);
    }
}

}  // namespace ax::core
