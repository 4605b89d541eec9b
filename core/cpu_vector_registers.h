#pragma once
// The processor's vector registers: clearing the upper halves the AVX registers leave in use.
//
// On x86-64, code compiled for plain SSE runs many times slower while the upper halves of the AVX
// registers hold data: each SSE instruction then waits on, or merges with, state it never uses.
// Some libraries' vectorised routines (Qt's AVX2 image fills among them) return with that state
// still set, so numerical work done between two paints of a window could run at a sixteenth of
// its speed. Heavy entry points of the core clear it first.

namespace ax::core {

// Marks the upper halves of the vector registers unused (vzeroupper where the processor has AVX;
// nothing elsewhere). Cheap enough to call at the start of any computation.
void clearUpperVectorRegisters() noexcept;

}  // namespace ax::core
