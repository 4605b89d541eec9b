#pragma once
// Saving and opening .actx-lesson.json lesson files, and the lesson the program ships.

#include "ui/model/lesson.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <variant>

namespace ax::ui {

inline const char* const kLessonSuffix = ".actx-lesson.json";

// Reads and writes lessons. Every step's session is read as a session file is, so a lesson holds
// nothing a session file could not; anything bad refuses the whole file with one line naming the
// step and the field.
class LessonFile {
    Q_DECLARE_TR_FUNCTIONS(LessonFile)

public:
    static constexpr int kFormatVersion = 1;
    // A step's session is a few KiB; 64 of them with their captions stay far below this.
    static constexpr qint64 kMaxBytes = 4 << 20;
    // The resource path of "From sigmoid to Mish".
    static constexpr const char* kShippedPath = ":/lessons/from-sigmoid-to-mish.actx-lesson.json";

    [[nodiscard]] static QJsonObject toJson(const Lesson& lesson);
    // The bytes a save writes: indented JSON, the same for the same lesson.
    [[nodiscard]] static QByteArray toBytes(const Lesson& lesson);
    [[nodiscard]] static std::variant<Lesson, QString> fromJson(const QJsonObject& json);
    [[nodiscard]] static std::variant<Lesson, QString> fromBytes(const QByteArray& bytes);

    // Writes atomically; returns the message on failure (any old file stays intact).
    [[nodiscard]] static std::optional<QString> save(const Lesson& lesson, const QString& path);
    // The lesson at path (a file or a resource), or the message, prefixed by the file's name.
    [[nodiscard]] static std::variant<Lesson, QString> open(const QString& path);
    // "From sigmoid to Mish", read from the program's resources.
    [[nodiscard]] static std::variant<Lesson, QString> shipped();
};

}  // namespace ax::ui
