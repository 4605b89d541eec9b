#include "ui/render/gif_writer.h"

#include <QCoreApplication>

#include <gif_lib.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>
#include <vector>

namespace ax::ui {

namespace {

// This unit's strings, in one translation context of their own.
struct GifWriterText {
    Q_DECLARE_TR_FUNCTIONS(ax::ui::GifWriter)
};

int writeToFile(GifFileType* gif, const GifByteType* bytes, int length)
{
    auto* file = static_cast<AtomicFile*>(gif->UserData);
    // On failure the file keeps the system's reason, which finish() and addFrame() report.
    return file->write(QByteArrayView(reinterpret_cast<const char*>(bytes), length)) ? -1 : length;
}

quint8 nearestIndex(const QList<QRgb>& palette, QRgb colour)
{
    int best = 0;
    int bestDistance = std::numeric_limits<int>::max();
    for (int i = 0; i < static_cast<int>(palette.size()); ++i) {
        const int dr = qRed(palette[i]) - qRed(colour);
        const int dg = qGreen(palette[i]) - qGreen(colour);
        const int db = qBlue(palette[i]) - qBlue(colour);
        const int distance = dr * dr + dg * dg + db * db;
        if (distance < bestDistance) {
            best = i;
            bestDistance = distance;
            if (distance == 0) break;
        }
    }
    return static_cast<quint8>(best);
}

QString gifError(int code)
{
    const char* text = GifErrorString(code);
    return text ? QString::fromLatin1(text) : GifWriterText::tr("unknown GIF encoder error");
}

}  // namespace

GifWriter::GifWriter(const QString& path, QSize frameSize, double fps) : m_file(path), m_size(frameSize)
{
    const double delay = fps > 0 && std::isfinite(fps) ? 100.0 / fps : 4.0;
    m_delayCentiseconds = std::clamp(static_cast<int>(std::lround(delay)), 2, 65535);
}

GifWriter::~GifWriter()
{
    if (m_gif) {
        int error = 0;
        EGifCloseFile(m_gif, &error);
    }
    m_file.cancel();
}

std::optional<QString> GifWriter::fail(const QString& message)
{
    // When the encoder failed because the file could not be written, the file knows the real reason.
    m_error = m_file.error().value_or(message);
    if (m_gif) {
        int error = 0;
        EGifCloseFile(m_gif, &error);
        m_gif = nullptr;
    }
    m_file.cancel();
    return m_error;
}

std::optional<QString> GifWriter::start()
{
    if (m_size.width() < 1 || m_size.height() < 1 || m_size.width() > 65535 || m_size.height() > 65535)
        return fail(GifWriterText::tr("A GIF frame must be between 1×1 and 65535×65535 pixels."));
    if (auto error = m_file.open()) return fail(*error);
    int error = 0;
    m_gif = EGifOpen(&m_file, &writeToFile, &error);
    if (!m_gif) return fail(GifWriterText::tr("Cannot start the GIF: %1").arg(gifError(error)));
    EGifSetGifVersion(m_gif, true);
    if (EGifPutScreenDesc(m_gif, m_size.width(), m_size.height(), 8, 0, nullptr) == GIF_ERROR)
        return fail(GifWriterText::tr("Cannot write the GIF header: %1").arg(gifError(m_gif->Error)));
    // The NETSCAPE2.0 application block makes viewers loop the animation forever.
    const GifByteType application[] = {'N', 'E', 'T', 'S', 'C', 'A', 'P', 'E', '2', '.', '0'};
    const GifByteType loop[] = {1, 0, 0};
    if (EGifPutExtensionLeader(m_gif, APPLICATION_EXT_FUNC_CODE) == GIF_ERROR ||
        EGifPutExtensionBlock(m_gif, sizeof application, application) == GIF_ERROR ||
        EGifPutExtensionBlock(m_gif, sizeof loop, loop) == GIF_ERROR ||
        EGifPutExtensionTrailer(m_gif) == GIF_ERROR)
        return fail(GifWriterText::tr("Cannot write the GIF loop block: %1").arg(gifError(m_gif->Error)));
    if (!m_comment.isEmpty() && EGifPutComment(m_gif, m_comment.constData()) == GIF_ERROR)
        return fail(GifWriterText::tr("Cannot write the GIF comment: %1").arg(gifError(m_gif->Error)));
    return std::nullopt;
}

void GifWriter::setPalette(const QList<QRgb>& palette)
{
    if (m_frames == 0 && palette.size() <= 256) m_palette = palette;
    m_nearest.clear();
}

void countColours(const QImage& image, QHash<QRgb, qint64>& histogram)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    QRgb last = 0;
    qint64 run = 0;
    // Runs of one colour are common (background, fills): count them in one step.
    for (int y = 0; y < rgb.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x) {
            const QRgb colour = line[x] | 0xff000000u;
            if (run > 0 && colour == last) {
                ++run;
                continue;
            }
            if (run > 0) histogram[last] += run;
            last = colour;
            run = 1;
        }
    }
    if (run > 0) histogram[last] += run;
}

QList<QRgb> gifPalette(const QHash<QRgb, qint64>& histogram)
{
    QList<std::pair<qint64, QRgb>> byCount;
    byCount.reserve(histogram.size());
    for (auto it = histogram.constBegin(); it != histogram.constEnd(); ++it)
        byCount.append({it.value(), it.key()});
    // Most frequent first; ties by colour, so the palette does not depend on the hash's order.
    std::sort(byCount.begin(), byCount.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    QList<QRgb> palette;
    if (byCount.size() <= 256) {
        for (const auto& entry : byCount)
            palette.append(entry.second);
        return palette;
    }
    // Half exact: a figure's large areas and lines are a few colours used by most pixels.
    constexpr int kExact = 128;
    for (int i = 0; i < kExact; ++i)
        palette.append(byCount[i].second);
    // The other half from the rest (antialiased edges, text), one sample per colour and at most
    // 2^16 of them, the most frequent first.
    const qsizetype rest = std::min<qsizetype>(byCount.size() - kExact, 1 << 16);
    std::vector<GifByteType> red(static_cast<std::size_t>(rest)), green(red.size()), blue(red.size()),
        indices(red.size());
    for (qsizetype i = 0; i < rest; ++i) {
        const QRgb colour = byCount[kExact + i].second;
        red[static_cast<std::size_t>(i)] = static_cast<GifByteType>(qRed(colour));
        green[static_cast<std::size_t>(i)] = static_cast<GifByteType>(qGreen(colour));
        blue[static_cast<std::size_t>(i)] = static_cast<GifByteType>(qBlue(colour));
    }
    int colours = 256 - kExact;
    std::vector<GifColorType> quantised(static_cast<std::size_t>(colours));
    if (GifQuantizeBuffer(static_cast<unsigned>(rest), 1, &colours, red.data(), green.data(), blue.data(),
                          indices.data(), quantised.data()) != GIF_ERROR) {
        for (int i = 0; i < colours; ++i)
            palette.append(qRgb(quantised[static_cast<std::size_t>(i)].Red,
                                quantised[static_cast<std::size_t>(i)].Green,
                                quantised[static_cast<std::size_t>(i)].Blue));
    }
    return palette;
}

void GifWriter::setComment(const QString& comment)
{
    m_comment = comment.toUtf8().left(255);
}

std::optional<QString> GifWriter::addFrame(const QImage& frame)
{
    if (m_error) return m_error;
    if (frame.size() != m_size)
        return fail(
            GifWriterText::tr("Every frame of a GIF must have the same size (%1×%2 expected, %3×%4 given).")
                .arg(m_size.width())
                .arg(m_size.height())
                .arg(frame.width())
                .arg(frame.height()));
    if (!m_gif)
        if (auto error = start()) return error;

    const QImage rgb = frame.convertToFormat(QImage::Format_RGB888);
    const auto pixels = static_cast<std::size_t>(m_size.width()) * static_cast<std::size_t>(m_size.height());
    std::vector<GifByteType> red(pixels), green(pixels), blue(pixels), indices(pixels);
    std::size_t i = 0;
    for (int y = 0; y < rgb.height(); ++y) {
        const uchar* line = rgb.constScanLine(y);
        for (int x = 0; x < rgb.width(); ++x, ++i, line += 3) {
            red[i] = line[0];
            green[i] = line[1];
            blue[i] = line[2];
        }
    }
    std::vector<GifColorType> palette(256);
    if (m_palette.isEmpty()) {
        int colours = 256;
        if (GifQuantizeBuffer(static_cast<unsigned>(m_size.width()), static_cast<unsigned>(m_size.height()),
                              &colours, red.data(), green.data(), blue.data(), indices.data(),
                              palette.data()) == GIF_ERROR)
            return fail(GifWriterText::tr("Cannot reduce the frame to 256 colours."));
    } else {
        for (qsizetype c = 0; c < m_palette.size(); ++c)
            palette[static_cast<std::size_t>(c)] = {static_cast<GifByteType>(qRed(m_palette[c])),
                                                    static_cast<GifByteType>(qGreen(m_palette[c])),
                                                    static_cast<GifByteType>(qBlue(m_palette[c]))};
        for (std::size_t p = 0; p < pixels; ++p) {
            const QRgb colour = qRgb(red[p], green[p], blue[p]);
            auto found = m_nearest.constFind(colour);
            if (found == m_nearest.constEnd())
                found = m_nearest.insert(colour, nearestIndex(m_palette, colour));
            indices[p] = *found;
        }
    }
    ColorMapObject* map = GifMakeMapObject(256, palette.data());
    if (!map) return fail(GifWriterText::tr("Out of memory while encoding the GIF."));

    GraphicsControlBlock control{};
    control.DisposalMode = DISPOSE_DO_NOT;
    control.UserInputFlag = false;
    control.DelayTime = m_delayCentiseconds;
    control.TransparentColor = NO_TRANSPARENT_COLOR;
    GifByteType controlBytes[4];
    const auto controlLength = EGifGCBToExtension(&control, controlBytes);
    const bool ok = EGifPutExtension(m_gif, GRAPHICS_EXT_FUNC_CODE, static_cast<int>(controlLength),
                                     controlBytes) != GIF_ERROR &&
                    EGifPutImageDesc(m_gif, 0, 0, m_size.width(), m_size.height(), false, map) != GIF_ERROR;
    GifFreeMapObject(map);
    if (!ok)
        return fail(
            GifWriterText::tr("Cannot write frame %1: %2").arg(m_frames + 1).arg(gifError(m_gif->Error)));
    for (int y = 0; y < m_size.height(); ++y) {
        GifByteType* row =
            indices.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(m_size.width());
        if (EGifPutLine(m_gif, row, m_size.width()) == GIF_ERROR)
            return fail(
                GifWriterText::tr("Cannot write frame %1: %2").arg(m_frames + 1).arg(gifError(m_gif->Error)));
    }
    ++m_frames;
    return std::nullopt;
}

std::optional<QString> GifWriter::finish()
{
    if (m_error) return m_error;
    if (m_frames == 0) return fail(GifWriterText::tr("An animation needs at least one frame."));
    int error = 0;
    const int closed = EGifCloseFile(m_gif, &error);
    m_gif = nullptr;
    if (closed == GIF_ERROR) return fail(GifWriterText::tr("Cannot finish the GIF: %1").arg(gifError(error)));
    if (auto error = m_file.commit()) return fail(*error);
    return std::nullopt;
}

}  // namespace ax::ui
