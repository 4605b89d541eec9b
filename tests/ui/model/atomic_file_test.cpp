// Writing a file: it appears whole or not at all, an older file survives any failure, and the
// message gives the system's reason (a full disk, a size limit), never a made-up one.

#include "ui/model/atomic_file.h"

#include "tests/full_filesystem.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <sys/resource.h>
#include <csignal>

namespace {

using ax::ui::AtomicFile;
using ax::ui::writeFileAtomically;

QByteArray contents(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

QStringList namesIn(const QString& directory)
{
    return QDir(directory).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

// A lower file-size limit for the test's own process, with SIGXFSZ ignored so that a write past the
// limit fails with EFBIG instead of killing the process.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        m_previousHandler = std::signal(SIGXFSZ, SIG_IGN);
        getrlimit(RLIMIT_FSIZE, &m_previous);
        rlimit limit = m_previous;
        limit.rlim_cur = bytes;
        m_active = setrlimit(RLIMIT_FSIZE, &limit) == 0;
    }
    ~FileSizeLimit()
    {
        setrlimit(RLIMIT_FSIZE, &m_previous);
        std::signal(SIGXFSZ, m_previousHandler);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;
    [[nodiscard]] bool active() const { return m_active; }

private:
    rlimit m_previous{};
    void (*m_previousHandler)(int) = SIG_DFL;
    bool m_active = false;
};

TEST(AtomicFile, WritesAndReplacesAFile)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("table.csv"));
    ASSERT_FALSE(writeFileAtomically(path, "first"));
    ASSERT_FALSE(writeFileAtomically(path, "second"));
    EXPECT_EQ(contents(path), "second");
    EXPECT_EQ(namesIn(dir.path()), QStringList{QStringLiteral("table.csv")});
}

TEST(AtomicFile, AFullDiskIsReportedWithItsReasonAndKeepsTheOldFile)
{
    ax::test::FullFilesystem disk;
    if (!disk.mounted()) GTEST_SKIP() << disk.reason();
    const QString path = disk.filePath(QStringLiteral("function.png"));
    ASSERT_FALSE(writeFileAtomically(path, "the good earlier figure"));
    disk.fill();

    // Small files too: those fitted in Qt's buffer and were lost without a word.
    for (const qsizetype size : {qsizetype(1), qsizetype(700), qsizetype(20000), qsizetype(200000)}) {
        const auto error = writeFileAtomically(path, QByteArray(size, 'x'));
        ASSERT_TRUE(error) << "a write of " << size << " bytes on a full disk passed";
        EXPECT_TRUE(error->contains(QLatin1String("No space left on device"))) << error->toStdString();
        EXPECT_FALSE(error->contains(QLatin1Char('\n')));
        EXPECT_EQ(contents(path), "the good earlier figure");
        EXPECT_EQ(namesIn(disk.path()),
                  (QStringList{QStringLiteral("filler"), QStringLiteral("function.png")}));
    }
    // A new file is not created either.
    EXPECT_TRUE(writeFileAtomically(disk.filePath(QStringLiteral("new.svg")), "<svg/>"));
    EXPECT_FALSE(QFile::exists(disk.filePath(QStringLiteral("new.svg"))));
}

TEST(AtomicFile, AnInjectedWriteFailureIsReportedWithItsReasonAndKeepsTheOldFile)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("session.actx.json"));
    ASSERT_FALSE(writeFileAtomically(path, "{\"old\": true}"));
    std::optional<QString> error;
    {
        const FileSizeLimit limit(1000);
        ASSERT_TRUE(limit.active());
        error = writeFileAtomically(path, QByteArray(5000, 'x'));
    }
    ASSERT_TRUE(error);
    EXPECT_TRUE(error->contains(QLatin1String("File too large"))) << error->toStdString();
    EXPECT_TRUE(error->contains(QLatin1String("session.actx.json"))) << error->toStdString();
    EXPECT_EQ(contents(path), "{\"old\": true}");
    EXPECT_EQ(namesIn(dir.path()), QStringList{QStringLiteral("session.actx.json")});
}

TEST(AtomicFile, WritingInPiecesFailsAtTheFirstBadPieceAndKeepsThatReason)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sweep.gif"));
    AtomicFile file(path);
    std::optional<QString> first;
    std::optional<QString> later;
    {
        const FileSizeLimit limit(1000);
        ASSERT_TRUE(limit.active());
        ASSERT_FALSE(file.open());
        ASSERT_FALSE(file.write(QByteArray(600, 'a')));
        first = file.write(QByteArray(600, 'b'));
        later = file.write(QByteArray(1, 'c'));
    }
    ASSERT_TRUE(first);
    EXPECT_TRUE(first->contains(QLatin1String("File too large"))) << first->toStdString();
    EXPECT_EQ(later, first);
    EXPECT_EQ(file.commit(), first);
    EXPECT_FALSE(QFile::exists(path));
    EXPECT_TRUE(namesIn(dir.path()).isEmpty());
}

}  // namespace
