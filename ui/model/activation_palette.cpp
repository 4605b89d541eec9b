#include "ui/model/activation_palette.h"

#include <array>

namespace ax::ui {

namespace {

// Okabe–Ito (without black) followed by Tableau 10 and the darker Tableau 20 tones, ordered so
// that neighbours in the catalog (often compared side by side) differ in hue and lightness; then,
// for the later twenty, tones from ColorBrewer and Tableau 20b chosen at least 60 (summed over
// red, green and blue) from every earlier colour and dark enough to read on white.
constexpr std::array<QRgb, 43> kPalette{
    0x7f7f7f,  // grey for the identity
    0x4e79a7, 0xe69f00, 0x56b4e9, 0x009e73, 0xd4b000, 0x0072b2, 0xd55e00, 0xcc79a7, 0xe15759,
    0x59a14f, 0xb07aa1, 0x9c755f, 0x76b7b2, 0xf28e2b, 0x8c6bb1, 0xff9da7, 0xb6992d, 0x499894,
    0xd37295, 0x86bcb6, 0xa0522d, 0x7570b3, 0xe7298a, 0x33a02c, 0x6a3d9a, 0xfb8072, 0xe41a1c,
    0x17becf, 0x393b79, 0x637939, 0x74c476, 0x9e9ac8, 0x006d2c, 0xa63603, 0x66a61e, 0x843c39,
    0x7b4173, 0xa55194, 0x3182bd, 0x08519c, 0x800000, 0x808000,
};

}  // namespace

QColor activationColour(int catalogIndex)
{
    const auto n = static_cast<int>(kPalette.size());
    if (catalogIndex >= 0 && catalogIndex < n)
        return QColor::fromRgb(kPalette[static_cast<std::size_t>(catalogIndex)]);
    // Custom activations cycle through the colours after the identity's grey, so none of them
    // looks like the neutral reference line.
    const int cycle = n - 1;
    const int offset = catalogIndex < 0 ? 0 : (catalogIndex - n) % cycle;
    return QColor::fromRgb(kPalette[1 + static_cast<std::size_t>(offset)]);
}

Qt::PenStyle activationDash(int catalogIndex)
{
    constexpr std::array<Qt::PenStyle, 5> kStyles{Qt::SolidLine, Qt::DashLine, Qt::DotLine, Qt::DashDotLine,
                                                  Qt::DashDotDotLine};
    const int index = ((catalogIndex % 5) + 5) % 5;
    return kStyles[static_cast<std::size_t>(index)];
}

}  // namespace ax::ui
