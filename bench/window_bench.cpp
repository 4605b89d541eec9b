// How fast the window redraws while a user drags: opens the explorer at 1600×900 with every
// activation shown (2,000 samples; f, f′ and saturation charts), then times 100 steps of an ELU α
// drag and 100 steps of a range drag, each with the event loop's pending work and a full synchronous
// repaint, and the first frame
// from process start; then the same α drag on the Depth lab tab (the theory of every activation
// through 30 layers, the slices of dead-unit theory the event loop runs, the four charts repainted;
// the readings in words wait for a pause, as they do under a hand). Options: --size WxH, --theme light|dark, --screenshot FILE.png (saved after
// the first frame, to look at the result).

#include "ui/chart_area.h"
#include "ui/depth_lab_view.h"
#include "ui/explorer_state.h"
#include "ui/main_window.h"

#include <QApplication>
#include <QBuffer>
#include <QElapsedTimer>
#include <QImageWriter>
#include <QPixmap>
#include <QSaveFile>
#include <QStringList>
#include <QTabWidget>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

namespace {

// Milliseconds since the process started, from the kernel's start time of this process
// (clock ticks since boot, /proc/self/stat field 22) and the boot-time clock.
double msSinceProcessStart()
{
    std::ifstream stat("/proc/self/stat");
    std::string line;
    std::getline(stat, line);
    // The command name may hold spaces; fields resume after its closing parenthesis.
    const auto close = line.rfind(')');
    if (close == std::string::npos) return -1.0;
    std::istringstream fields(line.substr(close + 2));
    std::string field;
    // After the name come field 3 (state) … field 22 (starttime): 20 fields.
    for (int i = 3; i <= 22 && fields >> field; ++i) {
    }
    const double ticks = std::stod(field);
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const double nowMs = static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
    return nowMs - ticks * 1e3 / static_cast<double>(sysconf(_SC_CLK_TCK));
}

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const double rank = p * static_cast<double>(values.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(rank));
    const auto hi = std::min(values.size() - 1, lo + 1);
    return values[lo] + (values[hi] - values[lo]) * (rank - static_cast<double>(lo));
}

// Marks the first completed paint of the charts.
class FirstPaint : public QObject {
public:
    bool painted = false;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint) painted = true;
        return QObject::eventFilter(watched, event);
    }
};

bool saveScreenshot(const QPixmap& pixmap, const QString& path)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!QImageWriter(&buffer, "png").write(pixmap.toImage())) return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) return false;
    return file.commit();
}

}  // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    QSize size(1600, 900);
    QString screenshot;
    ax::ui::Theme theme = ax::ui::Theme::Light;
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--size")) {
            const QStringList parts = args[i + 1].split(QLatin1Char('x'));
            if (parts.size() == 2) size = QSize(parts[0].toInt(), parts[1].toInt());
        } else if (args[i] == QLatin1String("--screenshot")) {
            screenshot = args[i + 1];
        } else if (args[i] == QLatin1String("--theme")) {
            theme = args[i + 1] == QLatin1String("dark") ? ax::ui::Theme::Dark : ax::ui::Theme::Light;
        }
    }

    ax::ui::MainWindow window(ax::ui::Persistence::None);
    ax::ui::ExplorerState& state = window.state();
    state.setTheme(theme);
    state.setEnabledIds(state.activationIds());
    state.setSamples(2000);
    state.setShowSecondDerivative(false);
    FirstPaint firstPaint;
    window.chartArea()->installEventFilter(&firstPaint);
    window.resize(size);
    window.show();
    while (!firstPaint.painted) QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    const double firstFrameMs = msSinceProcessStart();
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 300) QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    if (!screenshot.isEmpty() && !saveScreenshot(window.grab(), screenshot))
        std::fprintf(stderr, "window_bench: could not write %s\n", qPrintable(screenshot));

    constexpr int kSteps = 100;
    QElapsedTimer timer;
    // ELU's α dragged up and back down, as a hand drags a slider. What the event loop does between
    // two mouse moves (deferred updates, the table, the depth lab's refresh) is part of each step.
    const auto eluDrag = [&] {
        std::vector<double> ms;
        for (int i = 0; i < kSteps; ++i) {
            const double t = i < kSteps / 2 ? i / (kSteps / 2.0) : (kSteps - i) / (kSteps / 2.0);
            timer.start();
            (void)state.setParameter(QStringLiteral("elu"), QStringLiteral("alpha"), 0.2 + 2.6 * t);
            QCoreApplication::processEvents();
            window.repaint();
            ms.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        }
        return ms;
    };
    const std::vector<double> paramMs = eluDrag();
    std::vector<double> rangeMs;
    for (int i = 0; i < kSteps; ++i) {
        const double shift = 0.04 * (i + 1);
        timer.start();
        (void)state.setRange(ax::ui::ExplorerState::kDefaultZMin + shift, ax::ui::ExplorerState::kDefaultZMax + shift);
        QCoreApplication::processEvents();
        window.repaint();
        rangeMs.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }

    auto* tabs = window.findChild<QTabWidget*>();
    tabs->setCurrentWidget(tabs->widget(1));
    window.depthLab()->completeTheory();
    window.repaint();
    // The α drag on the Depth lab tab, at the default 30 layers and at the deepest network, 200.
    const auto depthDrag = [&](int layers) {
        ax::ui::DepthLabSettings lab = state.depthLab();
        lab.depth = layers;
        (void)state.setDepthLab(lab);
        window.depthLab()->completeTheory();
        window.repaint();
        return eluDrag();
    };
    const std::vector<double> depthMs = depthDrag(ax::ui::DepthLabSettings{}.depth);
    const std::vector<double> deepMs = depthDrag(ax::ui::DepthLabSettings::kMaxDepth);

    std::printf("window_bench: param_drag_median_ms=%.2f param_drag_p95_ms=%.2f range_drag_median_ms=%.2f "
                "range_drag_p95_ms=%.2f first_frame_ms=%.0f depth_lab_drag_median_ms=%.2f "
                "depth_lab_drag_p95_ms=%.2f depth_lab_200_layers_drag_median_ms=%.2f "
                "depth_lab_200_layers_drag_p95_ms=%.2f\n",
                percentile(paramMs, 0.5), percentile(paramMs, 0.95), percentile(rangeMs, 0.5),
                percentile(rangeMs, 0.95), firstFrameMs, percentile(depthMs, 0.5), percentile(depthMs, 0.95),
                percentile(deepMs, 0.5), percentile(deepMs, 0.95));
    return 0;
}
