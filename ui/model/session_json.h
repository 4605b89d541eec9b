#pragma once
// A session's serialised form, shared by settings, session and lesson files.

#include "ui/model/session.h"

#include <QJsonObject>
#include <QString>

#include <variant>

namespace ax::ui {

[[nodiscard]] QJsonObject sessionToJson(const Session& session);
// Reads and validates a whole session, as the state's setters would (building every custom activation
// it lists); the first fault is the message.
[[nodiscard]] std::variant<Session, QString> sessionFromJson(const QJsonObject& json);

}  // namespace ax::ui
