#pragma once
// A file that appears whole or not at all, with the system's reason when it cannot be written.

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QSaveFile>
#include <QString>

#include <optional>

namespace ax::ui {

// Every file the program writes goes through this. QSaveFile is opened unbuffered so that a failed
// write (a full disk, a file-size limit) is seen at once with its errno reason; Qt 6.4's commit()
// reports success when its own final buffered flush fails, which left empty files behind.
class AtomicFile {
    Q_DECLARE_TR_FUNCTIONS(AtomicFile)

public:
    explicit AtomicFile(const QString& path);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    // Each returns the message on failure; after one, the others fail with the same message and
    // the file at path is left as it was.
    [[nodiscard]] std::optional<QString> open();
    [[nodiscard]] std::optional<QString> write(QByteArrayView bytes);
    // Replaces the file at path with what was written.
    [[nodiscard]] std::optional<QString> commit();
    // Discards what was written; the file at path stays as it was.
    void cancel();

    [[nodiscard]] QString path() const { return m_file.fileName(); }
    // The message of the first failure, if any.
    [[nodiscard]] const std::optional<QString>& error() const noexcept { return m_error; }

private:
    std::optional<QString> fail(const QString& reason);

    QSaveFile m_file;
    std::optional<QString> m_error;
};

// Writes bytes to path through AtomicFile; returns the message on failure (any old file stays intact).
[[nodiscard]] std::optional<QString> writeFileAtomically(const QString& path, const QByteArray& bytes);

}  // namespace ax::ui
