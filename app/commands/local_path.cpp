#include "app/commands/local_path.h"

#include "ui/model/quoted_text.h"

#include <fcntl.h>
#include <unistd.h>

namespace ax::app {

namespace {

constexpr char16_t kEscapeBase = 0xDC00;

// The length of the valid UTF-8 sequence at text[at], or 0 when there is none.
qsizetype validSequenceLength(const QByteArray& text, qsizetype at)
{
    const auto byte = [&](qsizetype i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    if (lead < 0x80) return 1;
    qsizetype length = 0;
    char32_t least = 0;
    if ((lead & 0xE0) == 0xC0) {
        length = 2;
        least = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3;
        least = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4;
        least = 0x10000;
    } else {
        return 0;
    }
    if (at + length > text.size()) return 0;
    char32_t code = lead & (0x7F >> length);
    for (qsizetype i = 1; i < length; ++i) {
        if ((byte(at + i) & 0xC0) != 0x80) return 0;
        code = (code << 6) | (byte(at + i) & 0x3F);
    }
    // Overlong forms, surrogates and code points past Unicode's end are not valid UTF-8 either.
    if (code < least || (code >= 0xD800 && code < 0xE000) || code > 0x10FFFF) return 0;
    return length;
}

}  // namespace

QString argumentFromLocal8Bit(const char* bytes)
{
    const QByteArray text(bytes);
    QString out;
    qsizetype at = 0;
    while (at < text.size()) {
        qsizetype end = at;
        while (end < text.size()) {
            const qsizetype length = validSequenceLength(text, end);
            if (length == 0) break;
            end += length;
        }
        out += QString::fromUtf8(text.constData() + at, end - at);
        if (end < text.size()) {
            out += QChar(static_cast<char16_t>(kEscapeBase + static_cast<unsigned char>(text[end])));
            ++end;
        }
        at = end;
    }
    return out;
}

QByteArray localBytes(const QString& argument)
{
    QByteArray out;
    qsizetype run = 0;
    for (qsizetype i = 0; i < argument.size(); ++i) {
        const char16_t c = argument[i].unicode();
        if (c < kEscapeBase + 0x80 || c > kEscapeBase + 0xFF) continue;
        out += argument.mid(run, i - run).toUtf8();
        out += static_cast<char>(c - kEscapeBase);
        run = i + 1;
    }
    out += argument.mid(run).toUtf8();
    return out;
}

bool hasUndecodableBytes(const QString& argument)
{
    for (const QChar c : argument)
        if (c.unicode() >= kEscapeBase + 0x80 && c.unicode() <= kEscapeBase + 0xFF) return true;
    return false;
}

LocalDirectory::LocalDirectory(const QByteArray& bytes)
    : m_fd(::open(bytes.constData(), O_PATH | O_DIRECTORY | O_CLOEXEC))
{
}

LocalDirectory::~LocalDirectory()
{
    if (m_fd >= 0) ::close(m_fd);
}

QString LocalDirectory::qtPath() const
{
    return QStringLiteral("/proc/self/fd/%1").arg(m_fd);
}

LocalFile::LocalFile(const QString& argument) : m_qtPath(argument)
{
    if (!hasUndecodableBytes(argument)) return;
    const QByteArray bytes = localBytes(argument);
    const qsizetype slash = bytes.lastIndexOf('/');
    const QString name = argumentFromLocal8Bit(bytes.mid(slash + 1).constData());
    if (hasUndecodableBytes(name)) {
        m_problem = tr("the file name %1 is not valid UTF-8 (only the names of its folders may be)")
                        .arg(ui::quoted(argument));
        return;
    }
    const QByteArray folder = slash < 0 ? QByteArray(".") : slash == 0 ? QByteArray("/") : bytes.left(slash);
    m_folder = std::make_unique<LocalDirectory>(folder);
    if (!m_folder->isOpen()) {
        m_problem = tr("the folder of %1 cannot be opened").arg(ui::quoted(argument));
        return;
    }
    m_qtPath = m_folder->qtPath() + QLatin1Char('/') + name;
}

}  // namespace ax::app
