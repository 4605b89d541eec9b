#include "core/cpu_vector_registers.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define AX_HAS_VZEROUPPER 1
#endif

namespace ax::core {

#ifdef AX_HAS_VZEROUPPER
namespace {

__attribute__((target("avx"))) void zeroUpper() noexcept
{
    _mm256_zeroupper();
}

bool hasAvx() noexcept
{
    static const bool avx = [] {
        __builtin_cpu_init();  // the detection may run before the runtime's own constructors
        return __builtin_cpu_supports("avx") != 0;
    }();
    return avx;
}

}  // namespace

void clearUpperVectorRegisters() noexcept
{
    if (hasAvx()) zeroUpper();
}
#else
void clearUpperVectorRegisters() noexcept {}
#endif

}  // namespace ax::core
