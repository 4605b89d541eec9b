#pragma once
// Saving and opening .actx.json session files: the whole ExplorerState as small, readable JSON.

#include <QJsonObject>
#include <QString>

#include <optional>

namespace ax::ui {

class ExplorerState;

inline constexpr qint64 kMaxSessionFileBytes = 1 << 20;  // sessions are a few KiB; refuse anything huge
inline const char* const kSessionSuffix = ".actx.json";

// Writes the state through QSaveFile; returns an error message (and leaves any old file intact).
[[nodiscard]] std::optional<QString> saveSession(const ExplorerState& state, const QString& path);

// Reads a session into state; on any error returns the message and changes nothing.
[[nodiscard]] std::optional<QString> openSession(ExplorerState& state, const QString& path);

// The message when json does not say it is a session ("format"); shared with lesson files, whose
// steps are sessions read exactly as a session file is.
[[nodiscard]] std::optional<QString> sessionFormatProblem(const QJsonObject& json);

// Parses session bytes (shared by openSession and the fuzzer); changes nothing on error.
[[nodiscard]] std::optional<QString> applySessionBytes(ExplorerState& state, const QByteArray& bytes);

}  // namespace ax::ui
