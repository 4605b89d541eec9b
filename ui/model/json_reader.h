#pragma once
// Reads the JSON of session and settings files more strictly than QJsonDocument: a key given twice
// in one object is refused (QJsonDocument silently keeps the last), and numbers follow the command
// line's rules (magnitudes below double precision round towards zero instead of being refused).

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QString>

#include <variant>

namespace ax::ui {

// The document, or the message that says why the bytes are not JSON (with the byte offset).
using JsonReadResult = std::variant<QJsonDocument, QString>;

class JsonReader {
    Q_DECLARE_TR_FUNCTIONS(JsonReader)

public:
    // Nesting deeper than this is refused: no file of this program comes near it.
    static constexpr int kMaxDepth = 256;

    [[nodiscard]] static JsonReadResult read(const QByteArray& bytes);
};

}  // namespace ax::ui
