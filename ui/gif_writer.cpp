#include "gif_writer.h"

#include <QCoreApplication>

#include <gif_lib.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace ax::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ax::ui::GifWriter", text);
}

int writeToSaveFile(GifFileType* gif, const GifByteType* bytes, int length)
{
    auto* file = static_cast<QSaveFile*>(gif->UserData);
    return static_cast<int>(file->write(reinterpret_cast<const char*>(bytes), length));
}

QString gifError(int code)
{
    const char* text = GifErrorString(code);
    return text ? QString::fromLatin1(text) : tr("unknown GIF encoder error");
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
    m_file.cancelWriting();
}

std::optional<QString> GifWriter::fail(const QString& message)
{
    m_error = message;
    if (m_gif) {
        int error = 0;
        EGifCloseFile(m_gif, &error);
        m_gif = nullptr;
    }
    m_file.cancelWriting();
    return message;
}

std::optional<QString> GifWriter::start()
{
    if (m_size.width() < 1 || m_size.height() < 1 || m_size.width() > 65535 || m_size.height() > 65535)
        return fail(tr("A GIF frame must be between 1×1 and 65535×65535 pixels."));
    if (!m_file.open(QIODevice::WriteOnly))
        return fail(tr("Cannot write %1: %2").arg(m_file.fileName(), m_file.errorString()));
    int error = 0;
    m_gif = EGifOpen(&m_file, &writeToSaveFile, &error);
    if (!m_gif) return fail(tr("Cannot start the GIF: %1").arg(gifError(error)));
    EGifSetGifVersion(m_gif, true);
    if (EGifPutScreenDesc(m_gif, m_size.width(), m_size.height(), 8, 0, nullptr) == GIF_ERROR)
        return fail(tr("Cannot write the GIF header: %1").arg(gifError(m_gif->Error)));
    // The NETSCAPE2.0 application block makes viewers loop the animation forever.
    const GifByteType application[] = {'N', 'E', 'T', 'S', 'C', 'A', 'P', 'E', '2', '.', '0'};
    const GifByteType loop[] = {1, 0, 0};
    if (EGifPutExtensionLeader(m_gif, APPLICATION_EXT_FUNC_CODE) == GIF_ERROR ||
        EGifPutExtensionBlock(m_gif, sizeof application, application) == GIF_ERROR ||
        EGifPutExtensionBlock(m_gif, sizeof loop, loop) == GIF_ERROR || EGifPutExtensionTrailer(m_gif) == GIF_ERROR)
        return fail(tr("Cannot write the GIF loop block: %1").arg(gifError(m_gif->Error)));
    if (!m_comment.isEmpty() && EGifPutComment(m_gif, m_comment.constData()) == GIF_ERROR)
        return fail(tr("Cannot write the GIF comment: %1").arg(gifError(m_gif->Error)));
    return std::nullopt;
}

void GifWriter::setComment(const QString& comment)
{
    m_comment = comment.toUtf8().left(255);
}

std::optional<QString> GifWriter::addFrame(const QImage& frame)
{
    if (m_error) return m_error;
    if (frame.size() != m_size)
        return fail(tr("Every frame of a GIF must have the same size (%1×%2 expected, %3×%4 given).")
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
        for (int x = 0; x < rgb.width(); ++x, ++i) {
            red[i] = line[3 * x];
            green[i] = line[3 * x + 1];
            blue[i] = line[3 * x + 2];
        }
    }
    int colours = 256;
    std::vector<GifColorType> palette(256);
    if (GifQuantizeBuffer(static_cast<unsigned>(m_size.width()), static_cast<unsigned>(m_size.height()), &colours,
                          red.data(), green.data(), blue.data(), indices.data(), palette.data()) == GIF_ERROR)
        return fail(tr("Cannot reduce the frame to 256 colours."));
    ColorMapObject* map = GifMakeMapObject(256, palette.data());
    if (!map) return fail(tr("Out of memory while encoding the GIF."));

    GraphicsControlBlock control{};
    control.DisposalMode = DISPOSE_DO_NOT;
    control.UserInputFlag = false;
    control.DelayTime = m_delayCentiseconds;
    control.TransparentColor = NO_TRANSPARENT_COLOR;
    GifByteType controlBytes[4];
    const auto controlLength = EGifGCBToExtension(&control, controlBytes);
    const bool ok = EGifPutExtension(m_gif, GRAPHICS_EXT_FUNC_CODE, static_cast<int>(controlLength), controlBytes) !=
                        GIF_ERROR &&
                    EGifPutImageDesc(m_gif, 0, 0, m_size.width(), m_size.height(), false, map) != GIF_ERROR;
    GifFreeMapObject(map);
    if (!ok) return fail(tr("Cannot write frame %1: %2").arg(m_frames + 1).arg(gifError(m_gif->Error)));
    for (int y = 0; y < m_size.height(); ++y) {
        GifByteType* row = indices.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(m_size.width());
        if (EGifPutLine(m_gif, row, m_size.width()) == GIF_ERROR)
            return fail(tr("Cannot write frame %1: %2").arg(m_frames + 1).arg(gifError(m_gif->Error)));
    }
    ++m_frames;
    return std::nullopt;
}

std::optional<QString> GifWriter::finish()
{
    if (m_error) return m_error;
    if (m_frames == 0) return fail(tr("An animation needs at least one frame."));
    int error = 0;
    const int closed = EGifCloseFile(m_gif, &error);
    m_gif = nullptr;
    if (closed == GIF_ERROR) return fail(tr("Cannot finish the GIF: %1").arg(gifError(error)));
    if (!m_file.commit()) return fail(tr("Cannot save %1: %2").arg(m_file.fileName(), m_file.errorString()));
    return std::nullopt;
}

}  // namespace ax::ui
