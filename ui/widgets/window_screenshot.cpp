#include "ui/widgets/window_screenshot.h"

#include "ui/model/atomic_file.h"
#include "ui/widgets/main_window.h"

#include <QApplication>
#include <QBuffer>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPixmap>

#include <algorithm>

namespace ax::ui {

namespace {

constexpr int kMaxSide = 8192;
// Long enough for coalesced chart updates (timer-driven) to land before the grab.
constexpr int kSettleMs = 150;

// This unit's strings, in one translation context of their own.
struct WindowScreenshotText {
    Q_DECLARE_TR_FUNCTIONS(ax::ui::WindowScreenshot)
};

void settle()
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < kSettleMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
}

}  // namespace

std::optional<QString> checkScreenshotSize(QSize size)
{
    if (size.width() < 320 || size.height() < 240 || size.width() > kMaxSide || size.height() > kMaxSide)
        return WindowScreenshotText::tr("The screenshot size %1×%2 is not between 320×240 and 8192×8192.")
            .arg(size.width())
            .arg(size.height());
    return std::nullopt;
}

std::optional<QString> renderWindowScreenshot(const QString& path, QSize size, Theme theme, bool* sizeRefused)
{
    if (sizeRefused != nullptr) *sizeRefused = false;
    if (!qobject_cast<QApplication*>(QCoreApplication::instance()))
        return WindowScreenshotText::tr("A screenshot needs the application's window system.");
    if (auto error = checkScreenshotSize(size)) {
        if (sizeRefused != nullptr) *sizeRefused = true;
        return error;
    }

    MainWindow window(Persistence::None);
    window.state().setTheme(theme);
    window.setAttribute(Qt::WA_DontShowOnScreen);
    window.resize(size);
    window.show();
    settle();
    // The first show can still adjust the size to the platform's minimum; apply the request again.
    if (window.size() != size) {
        window.resize(size);
        settle();
    }
    // Below its minimum the window keeps a larger size: a picture of another size than asked is wrong.
    if (window.size() != size) {
        const QSize taken = window.size();
        window.close();
        if (sizeRefused != nullptr) *sizeRefused = true;
        return WindowScreenshotText::tr("The window cannot be laid out at %1×%2; it needs at least %3×%4.")
            .arg(size.width())
            .arg(size.height())
            .arg(std::max(taken.width(), size.width()))
            .arg(std::max(taken.height(), size.height()));
    }
    const QImage image = window.grab().toImage();
    window.close();
    if (image.isNull()) return WindowScreenshotText::tr("The window could not be rendered.");

    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG"))
        return WindowScreenshotText::tr("The image could not be encoded as PNG.");

    return writeFileAtomically(path, bytes);
}

}  // namespace ax::ui
