#pragma once
// A small tmpfs filled to the last byte, for checking what every writer does on a full disk.
// Mounting needs root; without it the test is skipped with the reason.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/mount.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>
#include <string>

namespace ax::test {

class FullFilesystem {
public:
    // Mounts the tmpfs; mounted() says whether that worked and reason() why not.
    FullFilesystem()
    {
        m_path = m_parent.filePath(QStringLiteral("full"));
        QDir().mkpath(m_path);
        if (::mount("tmpfs", QFile::encodeName(m_path).constData(), "tmpfs", 0, "size=1m") != 0) {
            m_reason = std::string("cannot mount a tmpfs (needs root): ") + std::strerror(errno);
            return;
        }
        m_mounted = true;
    }
    ~FullFilesystem()
    {
        if (m_mounted) ::umount2(QFile::encodeName(m_path).constData(), MNT_DETACH);
    }
    FullFilesystem(const FullFilesystem&) = delete;
    FullFilesystem& operator=(const FullFilesystem&) = delete;

    [[nodiscard]] bool mounted() const { return m_mounted; }
    [[nodiscard]] const std::string& reason() const { return m_reason; }
    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] QString filePath(const QString& name) const { return QDir(m_path).filePath(name); }

    // Writes a filler file until the filesystem refuses another byte.
    void fill() const
    {
        const int fd = ::open(QFile::encodeName(filePath(QStringLiteral("filler"))).constData(),
                              O_WRONLY | O_CREAT | O_TRUNC, 0644);
        ASSERT_GE(fd, 0) << std::strerror(errno);
        const QByteArray block(4096, '\0');
        while (::write(fd, block.constData(), static_cast<std::size_t>(block.size())) > 0) {
        }
        // The last partial block, byte by byte.
        while (::write(fd, block.constData(), 1) > 0) {
        }
        ::close(fd);
    }

private:
    QTemporaryDir m_parent;
    QString m_path;
    bool m_mounted = false;
    std::string m_reason;
};

}  // namespace ax::test
