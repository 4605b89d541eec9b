#include "app/commands/platform.h"

#include <QByteArray>
#include <QString>
#include <QtGlobal>

namespace ax::app {

namespace {

QtMessageHandler previousMessageHandler = nullptr;

void criticalOnlyMessageHandler(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if ((type == QtCriticalMsg || type == QtFatalMsg) && previousMessageHandler)
        previousMessageHandler(type, context, message);
}

}  // namespace

bool hasDisplay() noexcept
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

void useOffscreenPlatformWithoutDisplay()
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && !hasDisplay())
        qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("offscreen"));
}

void keepOnlyCriticalQtMessages()
{
    previousMessageHandler = qInstallMessageHandler(criticalOnlyMessageHandler);
}

}  // namespace ax::app
