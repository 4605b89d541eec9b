// How fast the window answers a hand on a slider: opens the explorer at 1600×900 with every
// activation shown (2,000 samples; f, f′ and saturation charts) and times 100 steps of an ELU α drag
// and 100 steps of a range drag, then the same α drag on the Depth lab tab (the theory of every
// activation through 30 layers, and through 200; the four charts; the slices of dead-unit theory),
// the same α drag on the Comparison tab, the Training lab's frames while its race of every activation
// plays (core_training_bench's race: two spirals, depth 4, width 32, batch 64, Adam), and the first
// frame from process start. Each step is what one mouse
// move sets off: the state change, the event loop's work that is due at once (timers of 0 ms, posted events)
// and the repaint of every widget that changed, as the window system would ask for it. A step whose chart was
// not repainted makes the benchmark fail, so a number never leaves out the drawing. The readings in words
// wait for a pause, as they do under a hand. Options: --size WxH, --first N (only the catalog's
// first N activations shown, to compare with a build whose catalog was that long),
// --theme light|dark, --screenshot FILE.png (saved after the first frame, to look at the result).
// --present measures the lecture hall instead: the shipped lesson presented full screen in the
// presentation style (run it on a 3840×2160 screen with QT_SCALE_FACTOR=2 for a 4K projector), every
// frame of each move from one chart step to the next, then on ELU's step with the story's curves
// shown, the α drag and the range drag.

#include "ui/model/comparison_model.h"
#include "ui/model/comparison_proxy.h"
#include "ui/model/explorer_state.h"
#include "ui/model/training_lab_model.h"
#include "ui/render/chart_painter.h"
#include "ui/widgets/chart_area.h"
#include "ui/widgets/comparison_panel.h"
#include "ui/widgets/depth_lab_chart.h"
#include "ui/widgets/depth_lab_view.h"
#include "ui/widgets/lesson_actions.h"
#include "ui/widgets/lesson_presenter.h"
#include "ui/widgets/main_window.h"
#include "ui/widgets/training_lab_view.h"

#include <QApplication>
#include <QBuffer>
#include <QElapsedTimer>
#include <QImageWriter>
#include <QPixmap>
#include <QSaveFile>
#include <QStringList>
#include <QTabWidget>
#include <QThread>

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

// Marks completed paints of the widgets it watches.
class PaintWatch : public QObject {
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
    ax::ui::ChartPainter::cacheLargeGlyphs();  // as the program does
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    QSize size(1600, 900);
    QString screenshot;
    ax::ui::Theme theme = ax::ui::Theme::Light;
    qsizetype first = -1;
    const bool present = args.contains(QLatin1String("--present"));
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--size")) {
            const QStringList parts = args[i + 1].split(QLatin1Char('x'));
            if (parts.size() == 2) size = QSize(parts[0].toInt(), parts[1].toInt());
        } else if (args[i] == QLatin1String("--screenshot")) {
            screenshot = args[i + 1];
        } else if (args[i] == QLatin1String("--first")) {
            first = args[i + 1].toInt();
        } else if (args[i] == QLatin1String("--theme")) {
            theme = args[i + 1] == QLatin1String("dark") ? ax::ui::Theme::Dark : ax::ui::Theme::Light;
        }
    }

    ax::ui::MainWindow window(ax::ui::Persistence::None);
    ax::ui::ExplorerState& state = window.state();
    state.setTheme(theme);
    state.setEnabledIds(first > 0 ? state.activationIds().mid(0, first) : state.activationIds());
    state.setSamples(2000);
    state.setShowSecondDerivative(false);
    PaintWatch firstPaint;
    window.chartArea()->installEventFilter(&firstPaint);
    window.resize(size);
    window.show();
    while (!firstPaint.painted)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    const double firstFrameMs = msSinceProcessStart();
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 300)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    if (!screenshot.isEmpty() && !saveScreenshot(window.grab(), screenshot))
        std::fprintf(stderr, "window_bench: could not write %s\n", qPrintable(screenshot));

    constexpr int kSteps = 100;
    QElapsedTimer timer;
    bool allPainted = true;
    // One mouse move: the change, then the event loop's rounds until the chart is drawn again (a
    // deferred refresh posts the repaint it asks for). Work deferred further, such as slices of
    // dead-unit theory, runs at the start of the next step unless that step's change drops it.
    const auto step = [&](const auto& change, QWidget* chart) {
        PaintWatch watch;
        chart->installEventFilter(&watch);
        timer.start();
        change();
        for (int round = 0; round < 10 && !watch.painted; ++round) {
            QCoreApplication::processEvents();
            QCoreApplication::sendPostedEvents();
        }
        const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        chart->removeEventFilter(&watch);
        allPainted = allPainted && watch.painted;
        return ms;
    };
    // ELU's α dragged up and back down, as a hand drags a slider.
    const auto eluDrag = [&](QWidget* chart) {
        std::vector<double> ms;
        for (int i = 0; i < kSteps; ++i) {
            const double t = i < kSteps / 2 ? i / (kSteps / 2.0) : (kSteps - i) / (kSteps / 2.0);
            ms.push_back(step(
                [&] {
                    (void)state.setParameter(QStringLiteral("elu"), QStringLiteral("alpha"), 0.2 + 2.6 * t);
                },
                chart));
        }
        return ms;
    };
    if (present) {
        ax::ui::LessonActions* lessons = window.lessonActions();
        lessons->shippedAction()->trigger();
        ax::ui::LessonPresenter* presenter = lessons->presenter();
        lessons->presentAction()->trigger();
        // Until a step has moved in and the window system's resize has been drawn.
        const auto settleDown = [&] {
            QElapsedTimer wait;
            wait.start();
            while (presenter->isMoving() || wait.elapsed() < 200)
                QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        };
        settleDown();
        const auto& steps = presenter->lesson().steps;
        std::vector<double> transitionMs;
        PaintWatch moving;
        window.chartArea()->installEventFilter(&moving);
        for (qsizetype i = 0; i + 1 < steps.size(); ++i) {
            if (steps[i].view != ax::ui::LessonView::Charts ||
                steps[i + 1].view != ax::ui::LessonView::Charts)
                continue;
            presenter->showStep(static_cast<int>(i));
            settleDown();
            presenter->nextStep();
            while (presenter->isMoving()) {
                moving.painted = false;
                timer.start();
                QCoreApplication::processEvents();
                QCoreApplication::sendPostedEvents();
                if (moving.painted)
                    transitionMs.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
                else
                    QThread::msleep(1);
            }
        }
        window.chartArea()->removeEventFilter(&moving);
        qsizetype eluStep = 0;
        for (qsizetype i = 0; i < steps.size(); ++i)
            if (steps[i].introduces == QLatin1String("elu")) eluStep = i;
        presenter->showStep(static_cast<int>(eluStep));
        settleDown();
        state.setEnabledIds(ax::ui::Session::storyIds());
        settleDown();
        const std::vector<double> presentParamMs = eluDrag(window.chartArea());
        const double zMin = state.zMin();
        const double zMax = state.zMax();
        std::vector<double> presentRangeMs;
        for (int i = 0; i < kSteps; ++i) {
            const double shift = 0.04 * (i + 1);
            presentRangeMs.push_back(
                step([&] { (void)state.setRange(zMin + shift, zMax + shift); }, window.chartArea()));
        }
        if (!screenshot.isEmpty() && !saveScreenshot(window.grab(), screenshot))
            std::fprintf(stderr, "window_bench: could not write %s\n", qPrintable(screenshot));
        if (transitionMs.empty()) {
            std::fprintf(stderr, "window_bench: no step moved into the next\n");
            return 1;
        }
        std::printf(
            "window_bench: present_screen=%dx%d present_device_pixel_ratio=%.1f "
            "present_transition_frame_median_ms=%.2f present_transition_frame_p95_ms=%.2f "
            "present_transition_frames=%zu present_param_drag_median_ms=%.2f "
            "present_param_drag_p95_ms=%.2f present_range_drag_median_ms=%.2f "
            "present_range_drag_p95_ms=%.2f\n",
            window.width(), window.height(), window.devicePixelRatioF(), percentile(transitionMs, 0.5),
            percentile(transitionMs, 0.95), transitionMs.size(), percentile(presentParamMs, 0.5),
            percentile(presentParamMs, 0.95), percentile(presentRangeMs, 0.5),
            percentile(presentRangeMs, 0.95));
        if (!allPainted) {
            std::fprintf(stderr, "window_bench: a step ended before its chart was repainted\n");
            return 1;
        }
        return 0;
    }

    const std::vector<double> paramMs = eluDrag(window.chartArea());
    std::vector<double> rangeMs;
    for (int i = 0; i < kSteps; ++i) {
        const double shift = 0.04 * (i + 1);
        rangeMs.push_back(step(
            [&] {
                (void)state.setRange(ax::ui::ExplorerState::kDefaultZMin + shift,
                                     ax::ui::ExplorerState::kDefaultZMax + shift);
            },
            window.chartArea()));
    }

    auto* tabs = window.findChild<QTabWidget*>();
    tabs->setCurrentWidget(tabs->widget(1));
    window.depthLab()->completeTheory();
    window.repaint();
    // The α drag on the Depth lab tab, at the default 30 layers and at the deepest network, 200.
    // The variance chart: every theory line is redrawn on it.
    QWidget* varianceChart = window.depthLab()->findChildren<ax::ui::DepthLabChart*>().value(0);
    if (varianceChart == nullptr) {
        std::fprintf(stderr, "window_bench: the depth lab has no charts\n");
        return 1;
    }
    const auto depthDrag = [&](int layers) {
        ax::ui::DepthLabNetwork lab = state.depthLab();
        lab.depth = layers;
        (void)state.setDepthLab(lab);
        window.depthLab()->completeTheory();
        window.repaint();
        return eluDrag(varianceChart);
    };
    const std::vector<double> depthMs = depthDrag(ax::ui::DepthLabNetwork{}.depth);
    const std::vector<double> deepMs = depthDrag(ax::ui::DepthLabNetwork::kMaxDepth);
    // The network's σ_w² dragged from LeCun's 1 past He's 2 and back, 200 layers deep: every
    // activation's theory is redone at each step.
    {
        ax::ui::DepthLabNetwork lab = state.depthLab();
        lab.init = ax::ui::WeightInit::Custom;
        lab.customWeightVariance = 1.0;
        (void)state.setDepthLab(lab);
        window.depthLab()->completeTheory();
        window.repaint();
    }
    std::vector<double> networkMs;
    for (int i = 1; i <= kSteps; ++i) {
        const double t = i < kSteps / 2 ? i / (kSteps / 2.0) : (kSteps - i) / (kSteps / 2.0);
        networkMs.push_back(step(
            [&] {
                ax::ui::DepthLabNetwork lab = state.depthLab();
                lab.customWeightVariance = 1.0 + 1.5 * t;
                (void)state.setDepthLab(lab);
            },
            varianceChart));
    }

    // The α drag with the Comparison tab in front: ELU's row (range, mean, variance, zero-centred,
    // saturation) is recomputed and repainted at each step, and no row's text is laid out again.
    tabs->setCurrentWidget(window.comparisonPanel());
    ax::ui::ComparisonPanel* panel = window.comparisonPanel();
    // The table lays out its rows when first seen; the row is found once they have their heights.
    panel->tableView()->updateRowHeights();
    QCoreApplication::processEvents();
    const QModelIndex eluRow =
        panel->proxy()->mapFromSource(panel->model()->index(panel->model()->rowOf(QStringLiteral("elu")), 0));
    panel->tableView()->scrollTo(eluRow, QAbstractItemView::PositionAtTop);
    QCoreApplication::processEvents();
    window.repaint();
    QWidget* table = window.comparisonPanel()->tableView()->viewport();
    const int layoutsBefore = window.comparisonPanel()->tableView()->rowLayouts();
    const std::vector<double> tableMs = eluDrag(table);
    const bool tableKeptItsLayout = window.comparisonPanel()->tableView()->rowLayouts() == layoutsBefore;

    // The Training lab tab while its race of every shown activation plays, for three seconds.
    // A frame is a round of the event loop that repainted the charts: the model's update, the four
    // charts and the thumbnails, on a machine whose every core also trains.
    // What the depth lab still had to do (slices of theory after the last drag) is done first, so
    // that it is not counted here.
    window.depthLab()->completeTheory();
    QCoreApplication::processEvents();
    // The race core_training_bench times: two spirals, depth 4, width 32, batch 64, Adam.
    ax::core::RaceSettings raceSettings = state.trainingLab();
    raceSettings.data.kind = ax::core::DatasetKind::Spirals;
    raceSettings.network.depth = 4;
    raceSettings.network.width = 32;
    raceSettings.optimiser.kind = ax::core::OptimiserKind::Adam;
    raceSettings.optimiser.batchSize = 64;
    if (const auto error = state.setTrainingLab(raceSettings)) {
        std::fprintf(stderr, "window_bench: %s\n", qPrintable(*error));
        return 1;
    }
    ax::ui::TrainingLabView* trainingLab = window.trainingLab();
    for (int i = 0; i < tabs->count(); ++i)
        if (tabs->widget(i)->isAncestorOf(trainingLab)) tabs->setCurrentIndex(i);
    QWidget* lossChart = trainingLab->findChildren<ax::ui::DepthLabChart*>().value(0);
    if (lossChart == nullptr) {
        std::fprintf(stderr, "window_bench: the training lab has no charts\n");
        return 1;
    }
    ax::ui::TrainingLabModel& race = trainingLab->model();
    while (!race.waitUntilIdle(std::chrono::milliseconds(10)) || race.contestantIds().isEmpty())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    std::vector<double> raceMs;
    PaintWatch racePaint;
    lossChart->installEventFilter(&racePaint);
    const int raceStart = race.step();
    QElapsedTimer raceClock;
    raceClock.start();
    race.play();
    while (raceClock.elapsed() < 3000) {
        racePaint.painted = false;
        timer.start();
        QCoreApplication::processEvents();
        QCoreApplication::sendPostedEvents();
        if (racePaint.painted)
            raceMs.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        else
            QThread::msleep(1);
    }
    race.pause();
    const double raceSeconds = static_cast<double>(raceClock.elapsed()) / 1e3;
    lossChart->removeEventFilter(&racePaint);
    (void)race.waitUntilIdle(std::chrono::seconds(10));
    const double raceStepsPerSecond = static_cast<double>(race.step() - raceStart) / raceSeconds;
    if (raceMs.empty()) {
        std::fprintf(stderr, "window_bench: the training lab was not repainted while its race played\n");
        return 1;
    }

    std::printf(
        "window_bench: param_drag_median_ms=%.2f param_drag_p95_ms=%.2f range_drag_median_ms=%.2f "
        "range_drag_p95_ms=%.2f first_frame_ms=%.0f depth_lab_drag_median_ms=%.2f "
        "depth_lab_drag_p95_ms=%.2f depth_lab_200_layers_drag_median_ms=%.2f "
        "depth_lab_200_layers_drag_p95_ms=%.2f depth_lab_200_layers_network_drag_median_ms=%.2f "
        "depth_lab_200_layers_network_drag_p95_ms=%.2f comparison_tab_drag_median_ms=%.2f "
        "comparison_tab_drag_p95_ms=%.2f training_lab_frame_median_ms=%.2f training_lab_frame_p95_ms=%.2f "
        "training_lab_frames=%zu training_race_steps_per_s=%.0f\n",
        percentile(paramMs, 0.5), percentile(paramMs, 0.95), percentile(rangeMs, 0.5),
        percentile(rangeMs, 0.95), firstFrameMs, percentile(depthMs, 0.5), percentile(depthMs, 0.95),
        percentile(deepMs, 0.5), percentile(deepMs, 0.95), percentile(networkMs, 0.5),
        percentile(networkMs, 0.95), percentile(tableMs, 0.5), percentile(tableMs, 0.95),
        percentile(raceMs, 0.5), percentile(raceMs, 0.95), raceMs.size(), raceStepsPerSecond);
    if (!tableKeptItsLayout) {
        std::fprintf(stderr, "window_bench: a parameter step laid out the comparison table's rows again\n");
        return 1;
    }
    if (!allPainted) {
        std::fprintf(stderr, "window_bench: a step ended before its chart was repainted\n");
        return 1;
    }
    return 0;
}
