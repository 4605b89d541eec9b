#include "ui/model/session_file.h"

#include "ui/model/atomic_file.h"
#include "ui/model/explorer_state.h"
#include "ui/model/json_reader.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

namespace ax::ui {

namespace {

// This unit's strings, in one translation context of their own.
struct SessionFileText {
    Q_DECLARE_TR_FUNCTIONS(ax::ui::SessionFile)
};

}  // namespace

std::optional<QString> saveSession(const ExplorerState& state, const QString& path)
{
    return writeFileAtomically(path, QJsonDocument(state.toJson()).toJson(QJsonDocument::Indented));
}

std::optional<QString> sessionFormatProblem(const QJsonObject& json)
{
    if (json.value(QStringLiteral("format")).toString() != QLatin1String("activation-explorer-session"))
        return SessionFileText::tr(
            "The file is not an Activation Explorer session (its \"format\" is missing or different).");
    return std::nullopt;
}

std::optional<QString> applySessionBytes(ExplorerState& state, const QByteArray& bytes)
{
    if (bytes.size() > kMaxSessionFileBytes)
        return SessionFileText::tr(
                   "The file is too large to be a session (%1 bytes; sessions are at most 1 MiB).")
            .arg(bytes.size());
    const JsonReadResult read = JsonReader::read(bytes);
    if (const auto* error = std::get_if<QString>(&read))
        return SessionFileText::tr("The file is not valid JSON (%1).").arg(*error);
    const QJsonDocument& document = std::get<QJsonDocument>(read);
    if (!document.isObject())
        return SessionFileText::tr("The file does not hold a session (expected a JSON object).");
    const QJsonObject json = document.object();
    if (auto problem = sessionFormatProblem(json)) return problem;
    return state.fromJson(json);
}

std::optional<QString> openSession(ExplorerState& state, const QString& path)
{
    QFile file(path);
    const QString name = QFileInfo(path).fileName();
    if (!file.open(QIODevice::ReadOnly))
        return SessionFileText::tr("Cannot open %1: %2").arg(name, file.errorString());
    if (file.size() > kMaxSessionFileBytes)
        return SessionFileText::tr("%1 is too large to be a session (%2 bytes; sessions are at most 1 MiB).")
            .arg(name)
            .arg(file.size());
    const QByteArray bytes = file.read(kMaxSessionFileBytes + 1);
    if (auto error = applySessionBytes(state, bytes)) return SessionFileText::tr("%1: %2").arg(name, *error);
    return std::nullopt;
}

}  // namespace ax::ui
