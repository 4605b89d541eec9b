#include "ui/model/json_reader.h"

#include "ui/model/quoted_text.h"

#include "core/command_line_syntax.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QSet>
#include <QStringDecoder>

#include <string_view>

namespace ax::ui {

namespace {

struct Failure {
    QString message;
    qsizetype offset = 0;
};

class Parser {
public:
    explicit Parser(const QByteArray& bytes)
        : m_text(bytes.constData(), static_cast<std::size_t>(bytes.size()))
    {
    }

    QJsonValue document()
    {
        skipSpace();
        QJsonValue value = this->value(0);
        skipSpace();
        if (m_at != m_text.size()) fail(JsonReader::tr("unexpected text after the JSON value"));
        return value;
    }

private:
    [[noreturn]] void fail(const QString& message) const
    {
        throw Failure{message, static_cast<qsizetype>(m_at)};
    }

    void skipSpace()
    {
        while (m_at < m_text.size() &&
               (m_text[m_at] == ' ' || m_text[m_at] == '\t' || m_text[m_at] == '\n' || m_text[m_at] == '\r'))
            ++m_at;
    }

    [[nodiscard]] char peek() const { return m_at < m_text.size() ? m_text[m_at] : '\0'; }

    void expect(std::string_view word)
    {
        if (m_text.substr(m_at, word.size()) != word) fail(JsonReader::tr("expected a JSON value"));
        m_at += word.size();
    }

    QJsonValue value(int depth)
    {
        if (depth > JsonReader::kMaxDepth)
            fail(JsonReader::tr("nested deeper than %1 levels").arg(JsonReader::kMaxDepth));
        switch (peek()) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                return string();
            case 't':
                expect("true");
                return true;
            case 'f':
                expect("false");
                return false;
            case 'n':
                expect("null");
                return QJsonValue(QJsonValue::Null);
            default:
                return number();
        }
    }

    QJsonObject object(int depth)
    {
        ++m_at;  // '{'
        QJsonObject object;
        QSet<QString> keys;
        skipSpace();
        if (peek() == '}') {
            ++m_at;
            return object;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') fail(JsonReader::tr("expected a key in double quotes"));
            const std::size_t keyAt = m_at;
            const QString key = string();
            if (keys.contains(key)) {
                m_at = keyAt;
                fail(JsonReader::tr("the key %1 is given twice in one object").arg(quoted(key)));
            }
            keys.insert(key);
            skipSpace();
            if (peek() != ':') fail(JsonReader::tr("expected \":\" after a key"));
            ++m_at;
            skipSpace();
            object.insert(key, value(depth));
            skipSpace();
            if (peek() == ',') {
                ++m_at;
                continue;
            }
            if (peek() == '}') {
                ++m_at;
                return object;
            }
            fail(JsonReader::tr("expected \",\" or \"}\" in an object"));
        }
    }

    QJsonArray array(int depth)
    {
        ++m_at;  // '['
        QJsonArray array;
        skipSpace();
        if (peek() == ']') {
            ++m_at;
            return array;
        }
        while (true) {
            skipSpace();
            array.append(value(depth));
            skipSpace();
            if (peek() == ',') {
                ++m_at;
                continue;
            }
            if (peek() == ']') {
                ++m_at;
                return array;
            }
            fail(JsonReader::tr("expected \",\" or \"]\" in a list"));
        }
    }

    unsigned hexDigits()
    {
        if (m_at + 4 > m_text.size()) fail(JsonReader::tr("a \\u escape needs four hexadecimal digits"));
        unsigned code = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = m_text[m_at++];
            code <<= 4;
            if (c >= '0' && c <= '9')
                code |= static_cast<unsigned>(c - '0');
            else if (c >= 'a' && c <= 'f')
                code |= static_cast<unsigned>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                code |= static_cast<unsigned>(c - 'A' + 10);
            else
                fail(JsonReader::tr("a \\u escape needs four hexadecimal digits"));
        }
        return code;
    }

    QString string()
    {
        ++m_at;  // '"'
        QString out;
        std::size_t run = m_at;  // start of the bytes not yet decoded
        const auto flush = [&] {
            QStringDecoder utf8(QStringDecoder::Utf8, QStringConverter::Flag::Stateless);
            const QString part =
                utf8(QByteArrayView(m_text.data() + run, static_cast<qsizetype>(m_at - run)));
            if (utf8.hasError()) fail(JsonReader::tr("a string is not valid UTF-8"));
            out += part;
        };
        while (true) {
            if (m_at >= m_text.size()) fail(JsonReader::tr("a string is not closed"));
            const auto c = static_cast<unsigned char>(m_text[m_at]);
            if (c == '"') {
                flush();
                ++m_at;
                return out;
            }
            if (c < 0x20) fail(JsonReader::tr("a control character inside a string"));
            if (c != '\\') {
                ++m_at;
                continue;
            }
            flush();
            ++m_at;
            const char escape = peek();
            ++m_at;
            switch (escape) {
                case '"':
                    out += QLatin1Char('"');
                    break;
                case '\\':
                    out += QLatin1Char('\\');
                    break;
                case '/':
                    out += QLatin1Char('/');
                    break;
                case 'b':
                    out += QLatin1Char('\b');
                    break;
                case 'f':
                    out += QLatin1Char('\f');
                    break;
                case 'n':
                    out += QLatin1Char('\n');
                    break;
                case 'r':
                    out += QLatin1Char('\r');
                    break;
                case 't':
                    out += QLatin1Char('\t');
                    break;
                case 'u': {
                    const unsigned code = hexDigits();
                    if (code >= 0xD800 && code < 0xDC00) {
                        if (m_text.substr(m_at, 2) != "\\u")
                            fail(JsonReader::tr("a lone surrogate in a \\u escape"));
                        m_at += 2;
                        const unsigned low = hexDigits();
                        if (low < 0xDC00 || low >= 0xE000)
                            fail(JsonReader::tr("a lone surrogate in a \\u escape"));
                        out += QChar(static_cast<char16_t>(code));
                        out += QChar(static_cast<char16_t>(low));
                    } else if (code >= 0xDC00 && code < 0xE000) {
                        fail(JsonReader::tr("a lone surrogate in a \\u escape"));
                    } else {
                        out += QChar(static_cast<char16_t>(code));
                    }
                    break;
                }
                default:
                    m_at -= 2;
                    fail(JsonReader::tr("an unknown escape in a string"));
            }
            run = m_at;
        }
    }

    QJsonValue number()
    {
        // JSON's grammar: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
        const std::size_t start = m_at;
        const auto digits = [this] {
            const std::size_t from = m_at;
            while (m_at < m_text.size() && m_text[m_at] >= '0' && m_text[m_at] <= '9')
                ++m_at;
            return m_at - from;
        };
        if (peek() == '-') ++m_at;
        const std::size_t wholeAt = m_at;
        const std::size_t whole = digits();
        if (whole == 0 || (whole > 1 && m_text[wholeAt] == '0')) {
            m_at = start;
            fail(JsonReader::tr("expected a JSON value"));
        }
        if (peek() == '.') {
            ++m_at;
            if (digits() == 0) fail(JsonReader::tr("a number needs digits after its decimal point"));
        }
        if (peek() == 'e' || peek() == 'E') {
            ++m_at;
            if (peek() == '+' || peek() == '-') ++m_at;
            if (digits() == 0) fail(JsonReader::tr("a number needs digits in its exponent"));
        }
        const auto parsed = core::parseNumber(m_text.substr(start, m_at - start));
        if (!parsed) {
            m_at = start;
            fail(QString::fromStdString(parsed.error()));
        }
        return *parsed;
    }

    std::string_view m_text;
    std::size_t m_at = 0;
};

}  // namespace

JsonReadResult JsonReader::read(const QByteArray& bytes)
{
    try {
        Parser parser(bytes);
        const QJsonValue value = parser.document();
        if (value.isObject()) return QJsonDocument(value.toObject());
        if (value.isArray()) return QJsonDocument(value.toArray());
        // A bare value is JSON too, but no file of this program is one.
        return QJsonDocument();
    } catch (const Failure& failure) {
        return tr("%1 at byte %2").arg(failure.message).arg(failure.offset);
    }
}

}  // namespace ax::ui
