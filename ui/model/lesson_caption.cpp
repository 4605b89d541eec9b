#include "ui/model/lesson_caption.h"

#include "ui/model/quoted_text.h"

#include <QList>

#include <utility>

namespace ax::ui {

namespace {

const QStringList& tagNames()
{
    static const QStringList names{QStringLiteral("b"),      QStringLiteral("i"),   QStringLiteral("em"),
                                   QStringLiteral("strong"), QStringLiteral("sub"), QStringLiteral("sup"),
                                   QStringLiteral("code"),   QStringLiteral("p"),   QStringLiteral("br"),
                                   QStringLiteral("ul"),     QStringLiteral("ol"),  QStringLiteral("li")};
    return names;
}

// The named entities of the subset and what they stand for.
const QList<std::pair<QString, QChar>>& namedEntities()
{
    static const QList<std::pair<QString, QChar>> entities{
        {QStringLiteral("amp"), QLatin1Char('&')},   {QStringLiteral("lt"), QLatin1Char('<')},
        {QStringLiteral("gt"), QLatin1Char('>')},    {QStringLiteral("quot"), QLatin1Char('"')},
        {QStringLiteral("apos"), QLatin1Char('\'')}, {QStringLiteral("nbsp"), QChar(0x00A0)}};
    return entities;
}

// One tag or entity read from the markup, or the fault found there.
struct Token {
    qsizetype end = 0;  // index just past it
    QString fault;      // empty when it is fine
    QString tag;        // the tag's name, for tags
    bool closing = false;
    char32_t character = 0;  // what an entity stands for
};

Token readTag(const QString& markup, qsizetype at)
{
    Token token;
    const qsizetype close = markup.indexOf(QLatin1Char('>'), at);
    if (close < 0) {
        token.fault = LessonCaption::tr("a \"<\" that opens no tag at character %1 (write &lt;)").arg(at + 1);
        return token;
    }
    token.end = close + 1;
    QString inside = markup.mid(at + 1, close - at - 1);
    if (inside.startsWith(QLatin1Char('/'))) {
        token.closing = true;
        inside.remove(0, 1);
    }
    bool selfClosing = false;
    if (!token.closing && inside.endsWith(QLatin1Char('/'))) {
        selfClosing = true;
        inside.chop(1);
        inside = inside.trimmed();
    }
    const QString name = inside.toLower();
    const QString written = markup.mid(at, close - at + 1);
    if (name.contains(QLatin1Char(' ')) || name.contains(QLatin1Char('='))) {
        token.fault =
            LessonCaption::tr("%1 at character %2: tags take no attributes").arg(quoted(written)).arg(at + 1);
        return token;
    }
    if (!tagNames().contains(name)) {
        token.fault = LessonCaption::tr("the tag %1 at character %2 is not allowed (allowed: %3)")
                          .arg(quoted(written))
                          .arg(at + 1)
                          .arg(tagNames().join(QStringLiteral(", ")));
        return token;
    }
    if (selfClosing && name != QLatin1String("br")) {
        token.fault =
            LessonCaption::tr("%1 at character %2: only br closes itself").arg(quoted(written)).arg(at + 1);
        return token;
    }
    token.tag = name;
    return token;
}

Token readEntity(const QString& markup, qsizetype at)
{
    Token token;
    const qsizetype semicolon = markup.indexOf(QLatin1Char(';'), at);
    // Entities are short: a far semicolon means a bare "&".
    if (semicolon < 0 || semicolon - at > 10) {
        token.fault =
            LessonCaption::tr("a \"&\" that starts no entity at character %1 (write &amp;)").arg(at + 1);
        return token;
    }
    token.end = semicolon + 1;
    const QString name = markup.mid(at + 1, semicolon - at - 1);
    for (const auto& [entity, character] : namedEntities()) {
        if (entity == name) {
            token.character = character.unicode();
            return token;
        }
    }
    bool ok = false;
    uint code = 0;
    if (name.startsWith(QLatin1String("#x")) || name.startsWith(QLatin1String("#X")))
        code = name.mid(2).toUInt(&ok, 16);
    else if (name.startsWith(QLatin1Char('#')))
        code = name.mid(1).toUInt(&ok, 10);
    const bool control = code < 0x20 && code != '\n' && code != '\t';
    const bool surrogate = code >= 0xD800 && code <= 0xDFFF;
    if (!ok || control || surrogate || code == 0x7F || code > 0x10FFFF) {
        token.fault = LessonCaption::tr("the entity %1 at character %2 is not allowed")
                          .arg(quoted(markup.mid(at, semicolon - at + 1)))
                          .arg(at + 1);
        return token;
    }
    token.character = code;
    return token;
}

// Walks the markup; calls text(character) for each character a reader sees. Returns the first fault.
template <typename Text>
std::optional<QString> walk(const QString& markup, Text text)
{
    QStringList open;
    qsizetype at = 0;
    while (at < markup.size()) {
        const QChar c = markup[at];
        if ((c.unicode() < 0x20 && c != QLatin1Char('\n') && c != QLatin1Char('\t')) || c.unicode() == 0x7F)
            return LessonCaption::tr("a control character at character %1").arg(at + 1);
        if (c == QLatin1Char('<') || c == QLatin1Char('&')) {
            const Token token = c == QLatin1Char('<') ? readTag(markup, at) : readEntity(markup, at);
            if (!token.fault.isEmpty()) return token.fault;
            if (c == QLatin1Char('&')) {
                text(token.character);
            } else if (token.tag == QLatin1String("br")) {
                if (token.closing)
                    return LessonCaption::tr("</br> at character %1 closes nothing").arg(at + 1);
                text(U'\n');
            } else if (token.closing) {
                if (open.isEmpty() || open.constLast() != token.tag)
                    return LessonCaption::tr("</%1> at character %2 closes %3")
                        .arg(token.tag)
                        .arg(at + 1)
                        .arg(open.isEmpty() ? LessonCaption::tr("nothing")
                                            : QStringLiteral("<%1>").arg(open.constLast()));
                open.removeLast();
                if (token.tag == QLatin1String("p") || token.tag == QLatin1String("li")) text(U'\n');
            } else {
                open << token.tag;
            }
            at = token.end;
            continue;
        }
        text(c.unicode());
        ++at;
    }
    if (!open.isEmpty()) return LessonCaption::tr("<%1> is never closed").arg(open.constLast());
    return std::nullopt;
}

}  // namespace

QStringList LessonCaption::allowedTags()
{
    return tagNames();
}

std::optional<QString> LessonCaption::validate(const QString& markup)
{
    return walk(markup, [](char32_t) {});
}

QString LessonCaption::plainText(const QString& markup)
{
    QString plain;
    // UTF-16 units pass through one by one; only entities give whole code points.
    (void)walk(markup, [&plain](char32_t c) {
        if (c > 0xFFFF)
            plain += QString::fromUcs4(&c, 1);
        else
            plain += QChar(static_cast<char16_t>(c));
    });
    return plain.trimmed();
}

}  // namespace ax::ui
