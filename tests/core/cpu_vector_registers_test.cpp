// Numerical work must not run in the slow mode an x86-64 processor falls into while the upper
// halves of its AVX registers are in use: some libraries the window draws with return in that state,
// and the depth lab's theory ran sixteen times slower after a repaint. Each heavy entry point of the
// core clears it before it starts.

#include "core/cpu_vector_registers.h"
#include "core/activation.h"
#include "core/catalog.h"
#include "core/depth/depth_theory.h"
#include "core/depth/gaussian_expectation.h"
#include "core/sampling.h"
#include "core/saturation.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <utility>
#include <vector>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <cpuid.h>
#define AX_CAN_SEE_VECTOR_STATE 1
#endif

namespace ax::core {
namespace {

#ifdef AX_CAN_SEE_VECTOR_STATE
// Whether the processor reports which register states are in use (XGETBV with ECX = 1).
bool canReadStateInUse()
{
    unsigned a = 0, b = 0, c = 0, d = 0;
    if (!__builtin_cpu_supports("avx") || __get_cpuid_max(0, nullptr) < 0xd) return false;
    __cpuid_count(0xd, 1, a, b, c, d);
    return (a & 4u) != 0;
}

// Bit 2 of XINUSE: the upper halves of the YMM registers hold data.
bool upperStateInUse()
{
    unsigned lo = 0, hi = 0;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(1));
    return (lo & 4u) != 0;
}

// Fills ymm1 with ones, as a vectorised library routine may leave it.
void dirtyUpperState()
{
    __asm__ volatile("vxorps %%ymm1, %%ymm1, %%ymm1\n\tvcmpps $15, %%ymm1, %%ymm1, %%ymm1" ::: "xmm1");
}
#endif

TEST(CpuVectorRegisters, EveryHeavyEntryPointStartsInTheFastMode)
{
#ifndef AX_CAN_SEE_VECTOR_STATE
    GTEST_SKIP() << "only x86-64 has this state";
#else
    if (!canReadStateInUse()) GTEST_SKIP() << "this processor does not report which state is in use";
    const Activation& elu = *findActivation("elu");
    const ParameterValues p = elu.defaults();
    const std::vector<double> z{-1.0, 0.0, 1.0};
    std::vector<double> f(3), d1(3), d2(3);
    std::vector<TheoryLayer> layers = depthProfile(elu, p, {.depth = 3, .batch = 0});
    SampleSet samples;
    const std::vector<std::pair<std::string, std::function<void()> > > entryPoints = {
        {"clearUpperVectorRegisters", [] { clearUpperVectorRegisters(); }},
        {"evaluateAll", [&] { evaluateAll(elu, p, z, f, d1, d2); }},
        {"sampleUniform", [&] { sampleUniform(elu, p, -4.0, 4.0, 100, samples); }},
        {"saturationIntervals", [&] { (void)saturationIntervals(elu, p, -4.0, 4.0, 0.05); }},
        {"gaussianMoments", [&] { (void)gaussianMoments(elu, p, 0.0, 1.0); }},
        {"depthProfile", [&] { (void)depthProfile(elu, p, {.depth = 3, .batch = 0}); }},
        {"addBatchStatistics", [&] { addBatchStatistics(elu, p, {.depth = 3, .batch = 8}, layers); }},
    };
    for (const auto& [name, run] : entryPoints) {
        dirtyUpperState();
        ASSERT_TRUE(upperStateInUse()) << "the premise: the state is in use before " << name;
        run();
        EXPECT_FALSE(upperStateInUse()) << name << " leaves the slow mode on";
    }
#endif
}

}  // namespace
}  // namespace ax::core
