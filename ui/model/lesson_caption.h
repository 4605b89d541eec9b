#pragma once
// The rich text a lesson's caption may hold: a few inline and block tags without attributes, and
// character entities. Anything else (scripts, images, links, styles) is refused, because a lesson
// file can come from anyone and its captions are rendered as rich text.

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace ax::ui {

class LessonCaption {
    Q_DECLARE_TR_FUNCTIONS(LessonCaption)

public:
    // b, i, em, strong, sub, sup, code, p, br, ul, ol, li.
    [[nodiscard]] static QStringList allowedTags();
    // The message naming the first fault (with its position, counted from character 1); nullopt when the
    // markup is in the subset and every tag is closed in order.
    [[nodiscard]] static std::optional<QString> validate(const QString& markup);
    // The text a reader sees, without tags and with entities resolved; markup must be valid.
    [[nodiscard]] static QString plainText(const QString& markup);
};

}  // namespace ax::ui
