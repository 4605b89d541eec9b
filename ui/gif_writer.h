#pragma once
// Encodes an animation frame by frame into a looping GIF, written atomically through QSaveFile.

#include <QImage>
#include <QSaveFile>
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

    // Each returns an error message; after an error the writer discards everything.
    std::optional<QString> addFrame(const QImage& frame);
    // Writes the trailer and commits the file; nothing appears at path unless this succeeds.
    std::optional<QString> finish();

    [[nodiscard]] int frameCount() const noexcept { return m_frames; }

private:
    std::optional<QString> start();
    std::optional<QString> fail(const QString& message);

    QSaveFile m_file;
    QSize m_size;
    int m_delayCentiseconds = 4;
    GifFileType* m_gif = nullptr;
    int m_frames = 0;
    std::optional<QString> m_error;
    QByteArray m_comment;
};

}  // namespace ax::ui
