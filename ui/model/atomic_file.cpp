#include "ui/model/atomic_file.h"

#include <QDir>

namespace ax::ui {

AtomicFile::AtomicFile(const QString& path) : m_file(path) {}

AtomicFile::~AtomicFile()
{
    cancel();
}

std::optional<QString> AtomicFile::fail(const QString& reason)
{
    m_file.cancelWriting();
    // Read the reason before anything else touches the file: QSaveFile replaces it with "Writing
    // canceled by application" once the writing is given up.
    m_error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(m_file.fileName()), reason);
    if (m_file.isOpen()) m_file.commit();  // only closes: the writing was cancelled above
    return m_error;
}

std::optional<QString> AtomicFile::open()
{
    if (m_error) return m_error;
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) return fail(m_file.errorString());
    return std::nullopt;
}

std::optional<QString> AtomicFile::write(QByteArrayView bytes)
{
    if (m_error) return m_error;
    if (!m_file.isOpen()) return fail(tr("the file is not open"));
    qint64 done = 0;
    while (done < bytes.size()) {
        const qint64 count = m_file.write(bytes.data() + done, bytes.size() - done);
        if (count <= 0) return fail(m_file.errorString());
        done += count;
    }
    return std::nullopt;
}

std::optional<QString> AtomicFile::commit()
{
    if (m_error) return m_error;
    if (!m_file.isOpen()) return fail(tr("the file is not open"));
    // Nothing should be buffered, but a failed flush must not pass unseen.
    if (!m_file.flush() || m_file.error() != QFileDevice::NoError) return fail(m_file.errorString());
    if (!m_file.commit()) {
        m_error =
            tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(m_file.fileName()), m_file.errorString());
        return m_error;
    }
    return std::nullopt;
}

void AtomicFile::cancel()
{
    if (!m_file.isOpen()) return;
    m_file.cancelWriting();
    m_file.commit();
}

std::optional<QString> writeFileAtomically(const QString& path, const QByteArray& bytes)
{
    AtomicFile file(path);
    if (auto error = file.open()) return error;
    if (auto error = file.write(bytes)) return error;
    return file.commit();
}

}  // namespace ax::ui
