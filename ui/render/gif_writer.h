#pragma once
// Encodes an animation frame by frame into a looping GIF, written atomically through AtomicFile.

#include "ui/model/atomic_file.h"

#include <QHash>
#include <QImage>
#include <QList>
#include <QSize>
#include <QString>

#include <memory>
#include <optional>

struct GifFileType;

namespace ax::ui {

class GifWriter {
public:
    // fps is the playback rate; GIF stores delays in hundredths of a second.
    GifWriter(const QString& path, QSize frameSize, double fps);
    ~GifWriter();
    GifWriter(const GifWriter&) = delete;
    GifWriter& operator=(const GifWriter&) = delete;

    // Text stored in a GIF comment block before the first frame (at most 255 bytes of UTF-8);
    // takes effect only when called before addFrame.
    void setComment(const QString& comment);

    // The colours of every frame (at most 256), e.g. from gifPalette(); takes effect only when called
    // before addFrame. Each pixel is then drawn in its nearest palette colour, so colours in the
    // palette come out exact and stay the same from frame to frame. Without it each frame is
    // quantised on its own.
    void setPalette(const QList<QRgb>& palette);

    // Each returns an error message; after an error the writer discards everything.
    std::optional<QString> addFrame(const QImage& frame);
    // Writes the trailer and commits the file; nothing appears at path unless this succeeds.
    std::optional<QString> finish();

    [[nodiscard]] int frameCount() const noexcept { return m_frames; }

private:
    std::optional<QString> start();
    std::optional<QString> fail(const QString& message);

    AtomicFile m_file;
    QSize m_size;
    int m_delayCentiseconds = 4;
    GifFileType* m_gif = nullptr;
    int m_frames = 0;
    std::optional<QString> m_error;
    QByteArray m_comment;
    QList<QRgb> m_palette;
    QHash<QRgb, quint8> m_nearest;  // palette index of every colour met so far
};

// Up to 256 colours for frames whose colours were counted in histogram: every colour when there
// are no more than 256, otherwise the most frequent ones exactly (the background, hatching, axes
// and curves of a figure) and the rest quantised.
[[nodiscard]] QList<QRgb> gifPalette(const QHash<QRgb, qint64>& histogram);

// Counts the colours of image into histogram, ignoring alpha (GIF frames are opaque).
void countColours(const QImage& image, QHash<QRgb, qint64>& histogram);

}  // namespace ax::ui
