#pragma once
// Command-line arguments as the bytes they were: a path whose name is not valid UTF-8 still names
// its file. Qt 6 decodes every argument and file name as UTF-8 and turns other bytes into U+FFFD,
// so such a name would point at another file.

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <memory>
#include <optional>

namespace ax::app {

// argv[i] as a QString: valid UTF-8 as it is, every other byte kept as the lone surrogate
// U+DC80 + byte (Python's "surrogateescape"), so localBytes() gives the bytes back exactly.
[[nodiscard]] QString argumentFromLocal8Bit(const char* bytes);

// The bytes an argument was made of: the inverse of argumentFromLocal8Bit.
[[nodiscard]] QByteArray localBytes(const QString& argument);

// Whether the argument holds bytes that are not UTF-8 (Qt's file functions cannot name them).
[[nodiscard]] bool hasUndecodableBytes(const QString& argument);

// A directory given by its bytes, held open so that Qt's file functions can reach it and the files
// in it through /proc/self/fd whatever its name.
class LocalDirectory {
public:
    explicit LocalDirectory(const QByteArray& bytes);
    ~LocalDirectory();
    LocalDirectory(const LocalDirectory&) = delete;
    LocalDirectory& operator=(const LocalDirectory&) = delete;

    // False when the directory cannot be opened (missing, not a directory, no permission).
    [[nodiscard]] bool isOpen() const noexcept { return m_fd >= 0; }
    // A path naming the directory for Qt: "/proc/self/fd/N".
    [[nodiscard]] QString qtPath() const;

private:
    int m_fd = -1;
};

// A file named by its bytes, reachable by Qt's file functions while this lives: when the name is
// not UTF-8 its folder is held open as a LocalDirectory. The file's own name must be UTF-8, as Qt
// has to create it under that name.
class LocalFile {
    Q_DECLARE_TR_FUNCTIONS(LocalFile)

public:
    explicit LocalFile(const QString& argument);

    // The path to hand to Qt: the argument itself when it is UTF-8.
    [[nodiscard]] QString qtPath() const { return m_qtPath; }
    // Why the file cannot be reached, if it cannot.
    [[nodiscard]] const std::optional<QString>& problem() const noexcept { return m_problem; }

private:
    std::unique_ptr<LocalDirectory> m_folder;
    QString m_qtPath;
    std::optional<QString> m_problem;
};

}  // namespace ax::app
