// Drives the whole window with a long seeded sequence of random user actions (checkboxes, sliders
// pushed past their ends, garbage typed into every field, zooming and panning to absurd ranges,
// sorting, sessions) and checks as it goes that nothing drawn is NaN or infinite, the axes stay
// finite and ordered, the curves are exactly the core's and the table keeps every activation.
// AX_MONKEY_SEED and AX_MONKEY_STEPS replay or lengthen a run; a failure prints both.

#include "core/activation.h"
#include "core/catalog.h"
#include "core/sampling.h"
#include "core/saturation.h"
#include "ui/model/comparison_model.h"
#include "ui/model/comparison_proxy.h"
#include "ui/model/explorer_state.h"
#include "ui/model/session_file.h"
#include "ui/render/curve_path.h"
#include "ui/widgets/activation_list_panel.h"
#include "ui/widgets/chart_area.h"
#include "ui/widgets/comparison_panel.h"
#include "ui/widgets/file_menu_actions.h"
#include "ui/widgets/main_window.h"
#include "ui/widgets/parameter_editor.h"
#include "ui/widgets/parameter_panel.h"
#include "ui/widgets/range_panel.h"

#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QHeaderView>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QWheelEvent>

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <utility>

#include <unistd.h>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define AX_MONKEY_SANITIZED 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define AX_MONKEY_SANITIZED 1
#endif
#ifdef AX_MONKEY_SANITIZED
#include <sanitizer/common_interface_defs.h>
#endif

namespace ax::ui {
namespace {

constexpr std::uint64_t kDefaultSeed = 0x5EED'A11E;
constexpr int kDefaultSteps = 10'000;
// Painting the window and resampling every curve are the slow parts; both run every few steps.
constexpr int kCheckCurvesEvery = 5;
constexpr int kPaintEvery = 50;
// Samples the monkey may leave behind between steps: more only inside the action that sets it.
constexpr int kModestSamples = 4000;
constexpr int kRememberedActions = 12;

std::uint64_t environmentNumber(const char* name, std::uint64_t fallback)
{
    bool ok = false;
    const qulonglong value = qEnvironmentVariable(name).toULongLong(&ok, 0);
    return ok ? value : fallback;
}

// Where a crash happened, for the sanitizer's death report or a fatal signal.
volatile std::sig_atomic_t g_step = -1;
std::uint64_t g_seed = 0;

void writeWhere()
{
    char text[96];
    const int length = std::snprintf(text, sizeof text, "monkey: died at step %d of seed %llu\n",
                                     static_cast<int>(g_step), static_cast<unsigned long long>(g_seed));
    if (length > 0) (void)!::write(STDERR_FILENO, text, static_cast<std::size_t>(length));
}

void onFatalSignal(int signal)
{
    writeWhere();
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

bool sameBits(double a, double b) noexcept
{
    return (std::isnan(a) && std::isnan(b)) || (a == b && std::signbit(a) == std::signbit(b));
}

class Monkey {
public:
    Monkey(MainWindow& window, std::uint64_t seed, const QString& folder)
        : m_window(window), m_state(window.state()), m_random(seed), m_folder(folder)
    {
        m_files = m_window.findChild<FileMenuActions*>();
    }

    // One user action; returns what it did, for the failure report.
    std::string act()
    {
        using Action = std::string (Monkey::*)();
        static constexpr std::array<std::pair<Action, int>, 16> kActions{{
            {&Monkey::toggleActivation, 12},
            {&Monkey::pressPreset, 3},
            {&Monkey::dragSlider, 14},
            {&Monkey::typeIntoSpinBox, 10},
            {&Monkey::typeIntoFilter, 5},
            {&Monkey::typeRange, 8},
            {&Monkey::zoomWithWheel, 8},
            {&Monkey::panWithMouse, 5},
            {&Monkey::pressChartKey, 5},
            {&Monkey::zoomToExtreme, 4},
            {&Monkey::sortColumn, 6},
            {&Monkey::moveInTable, 3},
            {&Monkey::pushRangeControls, 6},
            {&Monkey::toggleChartOption, 4},
            {&Monkey::useSessionFile, 3},
            {&Monkey::toggleSweep, 2},
        }};
        int total = 0;
        for (const auto& [action, weight] : kActions)
            total += weight;
        int pick = uniform(0, total - 1);
        for (const auto& [action, weight] : kActions) {
            if (pick < weight) return (this->*action)();
            pick -= weight;
        }
        return {};
    }

    // Invariants that cost nothing; after every step.
    [[nodiscard]] std::optional<std::string> checkState() const
    {
        if (!(std::isfinite(m_state.zMin()) && std::isfinite(m_state.zMax()) &&
              m_state.zMin() < m_state.zMax()))
            return "the range is not finite and ordered: " + range();
        if (std::fabs(m_state.zMin()) > ExplorerState::kMaxAbsZ ||
            std::fabs(m_state.zMax()) > ExplorerState::kMaxAbsZ)
            return "the range left [-1e300, 1e300]: " + range();
        if (m_state.samples() < ExplorerState::kMinSamples || m_state.samples() > ExplorerState::kMaxSamples)
            return "the sample count left its limits: " + std::to_string(m_state.samples());
        if (!(m_state.epsilon() >= ExplorerState::kMinEpsilon &&
              m_state.epsilon() <= ExplorerState::kMaxEpsilon))
            return "epsilon left its limits: " + std::to_string(m_state.epsilon());
        const ComparisonPanel* table = m_window.comparisonPanel();
        const int rows = table->model()->rowCount();
        if (rows != static_cast<int>(core::catalog().size()))
            return "the table has " + std::to_string(rows) + " rows before filtering";
        if (table->proxy()->rowCount() > rows) return "the filtered table has more rows than the table";
        if (table->proxy()->filterText().isEmpty() && table->proxy()->rowCount() != rows)
            return "the unfiltered table hides rows";
        return std::nullopt;
    }

    // What the charts hold and would draw; resamples what changed, as painting would.
    [[nodiscard]] std::optional<std::string> checkCurves()
    {
        ChartArea* charts = m_window.chartArea();
        const CurveCache& curves = charts->curves();
        if (curves.ids() != m_state.enabledIds())
            return std::string("the charts do not show the enabled activations");
        for (const QString& id : curves.ids()) {
            const CurveEntry* entry = curves.entry(id);
            if (!entry) return "no curve for " + id.toStdString();
            const core::SampleSet& s = entry->samples;
            if (s.f.size() != s.size() || s.d1.size() != s.size() || s.d2.size() != s.size())
                return "the sample arrays of " + id.toStdString() + " differ in length";
            if (s.size() < static_cast<std::size_t>(m_state.samples()))
                return "fewer samples of " + id.toStdString() + " than asked for";
            // eᶻ and the squares of max(0, z) truly leave the doubles far out on the right: there,
            // and only there, +inf is the right value.
            const bool outgrowsDoubles = id == QLatin1String("exponential") ||
                                         id == QLatin1String("relu_squared") ||
                                         id == QLatin1String("star_relu");
            const auto acceptable = [&](double value, double z) {
                return std::isfinite(value) ||
                       (outgrowsDoubles && z > 700.0 && value == std::numeric_limits<double>::infinity());
            };
            for (std::size_t i = 0; i < s.size(); ++i) {
                if (!(std::isfinite(s.z[i]) && acceptable(s.f[i], s.z[i]) && acceptable(s.d1[i], s.z[i]) &&
                      acceptable(s.d2[i], s.z[i])))
                    return "a sample of " + id.toStdString() + " is not finite at z = " + number(s.z[i]);
                if (s.z[i] < m_state.zMin() || s.z[i] > m_state.zMax() || (i > 0 && s.z[i] < s.z[i - 1]))
                    return "the z samples of " + id.toStdString() + " leave the range or go backwards";
            }
            double previousEnd = -std::numeric_limits<double>::infinity();
            for (const core::SaturationInterval& interval : entry->saturation) {
                if (!(interval.lo <= interval.hi && interval.lo >= m_state.zMin() &&
                      interval.hi <= m_state.zMax() && interval.lo >= previousEnd))
                    return "a saturation interval of " + id.toStdString() + " is out of the range or order";
                previousEnd = interval.hi;
            }
        }

        const ChartLayout layout = charts->currentLayout();
        if (layout.zMin != m_state.zMin() || layout.zMax != m_state.zMax())
            return "the z axis shows a stale range";
        for (const ChartPanel& panel : layout.panels) {
            if (!(std::isfinite(panel.yMin) && std::isfinite(panel.yMax) && panel.yMin < panel.yMax))
                return "a y axis is not finite and ordered: " + number(panel.yMin) + ", " +
                       number(panel.yMax);
            if (!(panel.zMin < panel.zMax)) return std::string("a z axis is not ordered");
        }

        if (curves.ids().isEmpty()) return std::nullopt;
        const QString id = curves.ids().at(uniform(0, static_cast<int>(curves.ids().size()) - 1));
        const CurveEntry* entry = curves.entry(id);
        const core::Activation* activation = m_state.activation(id);
        const core::ParameterValues parameters = m_state.parameters(id);
        if (entry->parameters != parameters)
            return "the curve of " + id.toStdString() + " has stale parameters";
        core::sampleUniform(*activation, parameters, m_state.zMin(), m_state.zMax(),
                            static_cast<std::size_t>(m_state.samples()), m_reference);
        if (m_reference.size() != entry->samples.size())
            return "the curve of " + id.toStdString() + " has a different number of points than the core's";
        for (std::size_t i = 0; i < m_reference.size(); ++i) {
            if (!sameBits(m_reference.z[i], entry->samples.z[i]) ||
                !sameBits(m_reference.f[i], entry->samples.f[i]) ||
                !sameBits(m_reference.d1[i], entry->samples.d1[i]) ||
                !sameBits(m_reference.d2[i], entry->samples.d2[i]))
                return "the curve of " + id.toStdString() +
                       " differs from the core's at z = " + number(m_reference.z[i]);
        }
        for (const ChartPanel& panel : layout.panels) {
            const std::vector<double>* values = panel.kind == Chart::Function     ? &entry->samples.f
                                                : panel.kind == Chart::Derivative ? &entry->samples.d1
                                                : panel.kind == Chart::Second     ? &entry->samples.d2
                                                                                  : nullptr;
            if (!values) continue;
            m_polylines.clear();
            buildPolylines(entry->samples.z, *values, {}, panel.mapping(), 1.0, m_polylines);
            for (const QPolygonF& line : m_polylines)
                for (const QPointF& point : line)
                    if (!std::isfinite(point.x()) || !std::isfinite(point.y()))
                        return "a drawn point of " + id.toStdString() + " is not finite";
        }
        return std::nullopt;
    }

private:
    int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m_random); }
    bool chance(double p) { return std::bernoulli_distribution(p)(m_random); }
    template <typename T>
    const T& pickFrom(const std::vector<T>& items)
    {
        return items[static_cast<std::size_t>(uniform(0, static_cast<int>(items.size()) - 1))];
    }

    static std::string number(double value)
    {
        char text[40];
        std::snprintf(text, sizeof text, "%.17g", value);
        return text;
    }
    [[nodiscard]] std::string range() const
    {
        return "[" + number(m_state.zMin()) + ", " + number(m_state.zMax()) + "]";
    }

    // Text a careless or curious user might type into a number field.
    QString garbage()
    {
        static const std::vector<QString> kTexts{
            QStringLiteral("abc"),
            QStringLiteral("1e400"),
            QStringLiteral("-1e300"),
            QStringLiteral("1e300"),
            QStringLiteral("nan"),
            QStringLiteral("-inf"),
            QStringLiteral("--1"),
            QStringLiteral("1,5"),
            QStringLiteral("0x1F"),
            QStringLiteral("1e-400"),
            QStringLiteral("99999999999999999999"),
            QStringLiteral(""),
            QStringLiteral("   "),
            QStringLiteral("\u2212"
                           "3"),
            QStringLiteral("0"),
            QStringLiteral("-0"),
            QStringLiteral("1e-12"),
            QStringLiteral("2"),
            QStringLiteral("1000000"),
            QStringLiteral("1000001"),
            QStringLiteral("."),
            QStringLiteral("e"),
            QStringLiteral("\u0663"),
        };
        if (chance(0.8)) return pickFrom(kTexts);
        QString text;
        const int length = uniform(1, 12);
        static const QString kKeys = QStringLiteral("0123456789.-+eE ,x");
        for (int i = 0; i < length; ++i)
            text += kKeys.at(uniform(0, static_cast<int>(kKeys.size()) - 1));
        return text;
    }

    // Key presses for text; QTest's own typing knows only ASCII, so other characters (a Unicode
    // minus, an Arabic digit) go as key events that carry just their text.
    static void typeText(QWidget* field, const QString& text)
    {
        for (const QChar c : text) {
            if (c.unicode() < 0x80)
                QTest::keyClick(field, c.toLatin1());
            else
                QTest::sendKeyEvent(QTest::Click, field, Qt::Key_unknown, QString(c), Qt::NoModifier);
        }
    }

    // Replaces a field's text as typing does (so it counts as edited) and presses Return.
    static void typeInto(QWidget* field, const QString& text)
    {
        if (auto* edit = qobject_cast<QLineEdit*>(field)) edit->selectAll();
        if (auto* spin = qobject_cast<QAbstractSpinBox*>(field)) spin->selectAll();
        if (text.isEmpty())
            QTest::keyClick(field, Qt::Key_Delete);
        else
            typeText(field, text);
        QTest::keyClick(field, Qt::Key_Return);
    }

    std::vector<ParameterEditor*> visibleEditors() const
    {
        std::vector<ParameterEditor*> editors;
        for (ParameterEditor* editor : m_window.parameterPanel()->editors())
            if (editor->isVisibleTo(&m_window)) editors.push_back(editor);
        return editors;
    }

    void keepSamplesModest()
    {
        if (m_state.samples() > kModestSamples)
            m_window.rangePanel()->samplesBox()->setValue(uniform(2, kModestSamples));
    }

    std::string toggleActivation()
    {
        QListWidget* list = m_window.activationList()->list();
        if (list->count() == 0) return "toggle: empty list";
        QListWidgetItem* item = list->item(uniform(0, list->count() - 1));
        item->setCheckState(item->checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked);
        return "toggle " + item->text().toStdString();
    }

    std::string pressPreset()
    {
        ActivationListPanel* panel = m_window.activationList();
        QPushButton* button =
            std::array{panel->allButton(), panel->noneButton(), panel->storyButton()}[uniform(0, 2)];
        button->click();
        return "press " + button->text().toStdString();
    }

    std::string dragSlider()
    {
        const auto editors = visibleEditors();
        if (editors.empty()) return "drag: no visible slider";
        ParameterEditor* editor = pickFrom(editors);
        QSlider* slider = editor->slider();
        std::string how;
        switch (uniform(0, 4)) {
            case 0:
                slider->setSliderPosition(slider->minimum());
                how = "to its start";
                break;
            case 1:
                slider->setSliderPosition(slider->maximum());
                how = "to its end";
                break;
            case 2:
                slider->setSliderPosition(slider->maximum() + uniform(1, 100000));
                how = "past its end";
                break;
            case 3:
                slider->setSliderPosition(slider->minimum() - uniform(1, 100000));
                how = "past its start";
                break;
            default: {
                static constexpr std::array kKeys{Qt::Key_Left,     Qt::Key_Right, Qt::Key_PageUp,
                                                  Qt::Key_PageDown, Qt::Key_Home,  Qt::Key_End};
                QTest::keyClick(slider, kKeys[static_cast<std::size_t>(uniform(0, kKeys.size() - 1))]);
                how = "with a key";
            }
        }
        return "drag " + editor->activationId().toStdString() + "." +
               std::to_string(editor->parameterIndex()) + " " + how;
    }

    std::string typeIntoSpinBox()
    {
        std::vector<QAbstractSpinBox*> boxes;
        for (ParameterEditor* editor : visibleEditors())
            boxes.push_back(editor->spinBox());
        for (QAbstractSpinBox* box : m_window.rangePanel()->findChildren<QAbstractSpinBox*>())
            if (box->isVisibleTo(&m_window)) boxes.push_back(box);
        if (boxes.empty()) return "type: no spin box";
        QAbstractSpinBox* box = pickFrom(boxes);
        const QString text = garbage();
        typeInto(box, text);
        keepSamplesModest();
        return "type \"" + text.toStdString() + "\" into " + box->accessibleName().toStdString();
    }

    std::string typeIntoFilter()
    {
        QLineEdit* filter =
            chance(0.5) ? m_window.activationList()->filterEdit() : m_window.comparisonPanel()->filterEdit();
        static const std::vector<QString> kFilters{QString(),
                                                   QStringLiteral("relu"),
                                                   QStringLiteral("e"),
                                                   QStringLiteral("zzz"),
                                                   QStringLiteral("("),
                                                   QStringLiteral("[a-"),
                                                   QStringLiteral("*"),
                                                   QStringLiteral("\\"),
                                                   QStringLiteral("1958")};
        QString text = chance(0.7) ? pickFrom(kFilters) : garbage();
        filter->selectAll();
        if (text.isEmpty())
            QTest::keyClick(filter, Qt::Key_Backspace);
        else
            typeText(filter, text);
        return "filter \"" + text.toStdString() + "\" in " + filter->accessibleName().toStdString();
    }

    std::string typeRange()
    {
        static const std::vector<std::pair<QString, QString>> kRanges{
            {QStringLiteral("-1e300"), QStringLiteral("1e300")},
            {QStringLiteral("1"), QStringLiteral("1.000000000001")},
            {QStringLiteral("6"), QStringLiteral("-6")},
            {QStringLiteral("0"), QStringLiteral("0")},
            {QStringLiteral("-1e301"), QStringLiteral("0")},
            {QStringLiteral("-1e-300"), QStringLiteral("1e-300")},
            {QStringLiteral("1e299"), QStringLiteral("1e300")},
            {QStringLiteral("-1e300"), QStringLiteral("-1e300")},
            {QStringLiteral("-6"), QStringLiteral("6")},
            {QStringLiteral("-1e3"), QStringLiteral("1e3")},
        };
        RangePanel* panel = m_window.rangePanel();
        const auto [lo, hi] = chance(0.7) ? pickFrom(kRanges) : std::pair{garbage(), garbage()};
        const int which = uniform(0, 2);
        if (which != 1) typeInto(panel->zMinEdit(), lo);
        if (which != 0) typeInto(panel->zMaxEdit(), hi);
        return "type range \"" + lo.toStdString() + "\", \"" + hi.toStdString() + "\" (fields " +
               std::to_string(which) + ")";
    }

    QPoint randomPointIn(QWidget* widget)
    {
        return {uniform(0, std::max(0, widget->width() - 1)), uniform(0, std::max(0, widget->height() - 1))};
    }

    std::string zoomWithWheel()
    {
        ChartArea* charts = m_window.chartArea();
        const QPoint at = randomPointIn(charts);
        const int delta = chance(0.3) ? uniform(-120000, 120000) : 120 * uniform(-3, 3);
        QWheelEvent wheel(at, charts->mapToGlobal(at), QPoint(), QPoint(0, delta), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(charts, &wheel);
        return "wheel " + std::to_string(delta) + " at " + std::to_string(at.x()) + "," +
               std::to_string(at.y());
    }

    std::string panWithMouse()
    {
        ChartArea* charts = m_window.chartArea();
        const QPoint from = randomPointIn(charts);
        const QPoint to =
            chance(0.5) ? randomPointIn(charts) : from + QPoint(uniform(-5000, 5000), uniform(-50, 50));
        const Qt::MouseButton button = chance(0.8) ? Qt::LeftButton : Qt::RightButton;
        QTest::mousePress(charts, button, Qt::NoModifier, from);
        QTest::mouseMove(charts, (from + to) / 2);
        QTest::mouseMove(charts, to);
        QTest::mouseRelease(charts, button, Qt::NoModifier, to);
        return "drag the charts from " + std::to_string(from.x()) + " to " + std::to_string(to.x());
    }

    std::string pressChartKey()
    {
        static constexpr std::array kKeys{Qt::Key_Left, Qt::Key_Right, Qt::Key_Plus, Qt::Key_Minus,
                                          Qt::Key_Up,   Qt::Key_Down,  Qt::Key_Home, Qt::Key_Escape};
        const Qt::Key key = kKeys[static_cast<std::size_t>(uniform(0, kKeys.size() - 1))];
        const int presses = chance(0.2) ? uniform(10, 200) : 1;
        for (int i = 0; i < presses; ++i)
            QTest::keyClick(m_window.chartArea(), key);
        return "press key " + std::to_string(key) + " " + std::to_string(presses) + " times on the charts";
    }

    std::string zoomToExtreme()
    {
        const MainWindow::Actions& actions = m_window.actions();
        switch (uniform(0, 4)) {
            case 0: {
                const double factor = std::pow(10.0, uniform(-320, 320));
                m_window.zoomRange(factor);
                return "zoom by " + number(factor);
            }
            case 1:
                actions.zoomIn->trigger();
                return "zoom in";
            case 2:
                actions.zoomOut->trigger();
                return "zoom out";
            case 3:
                actions.resetView->trigger();
                return "reset view";
            default: {
                const int times = uniform(50, 400);
                QAction* action = chance(0.5) ? actions.zoomIn : actions.zoomOut;
                for (int i = 0; i < times; ++i)
                    action->trigger();
                return "zoom " + action->text().toStdString() + " " + std::to_string(times) + " times";
            }
        }
    }

    std::string sortColumn()
    {
        QTableView* view = m_window.comparisonPanel()->tableView();
        QHeaderView* header = view->horizontalHeader();
        const int column = uniform(0, header->count() - 1);
        const int x = header->sectionViewportPosition(column) + header->sectionSize(column) / 2;
        if (!header->isSectionHidden(column) && x >= 0 && x < header->viewport()->width()) {
            QTest::mouseClick(header->viewport(), Qt::LeftButton, Qt::NoModifier,
                              QPoint(x, header->height() / 2));
            return "click header " + std::to_string(column);
        }
        view->sortByColumn(column, chance(0.5) ? Qt::AscendingOrder : Qt::DescendingOrder);
        return "sort column " + std::to_string(column);
    }

    std::string moveInTable()
    {
        QTableView* view = m_window.comparisonPanel()->tableView();
        static constexpr std::array kKeys{Qt::Key_Down, Qt::Key_Up, Qt::Key_PageDown, Qt::Key_Home,
                                          Qt::Key_End};
        const Qt::Key key = kKeys[static_cast<std::size_t>(uniform(0, kKeys.size() - 1))];
        QTest::keyClick(view, key);
        return "press key " + std::to_string(key) + " in the table";
    }

    std::string pushRangeControls()
    {
        RangePanel* panel = m_window.rangePanel();
        switch (uniform(0, 4)) {
            case 0:
                panel->epsilonSlider()->setSliderPosition(chance(0.5) ? -100
                                                                      : RangePanel::kEpsilonSteps + 100);
                return "push epsilon's slider past an end";
            case 1:
                panel->epsilonBox()->setValue(chance(0.5) ? 0.0 : 1e9);
                return "set epsilon's box past an end";
            case 2:
                panel->samplesBox()->setValue(ExplorerState::kMinSamples);
                return "set the fewest samples";
            case 3: {
                // The most samples: checked while they are set, then back to a count that keeps the run fast.
                panel->samplesBox()->setValue(ExplorerState::kMaxSamples + 1);
                std::string what = "set the most samples";
                if (m_state.samples() != ExplorerState::kMaxSamples) return what + ": not applied";
                if (auto failure = checkCurves()) m_pendingFailure = "with the most samples: " + *failure;
                keepSamplesModest();
                return what;
            }
            default:
                panel->samplesBox()->setValue(uniform(ExplorerState::kMinSamples, kModestSamples));
                return "set " + std::to_string(panel->samplesBox()->value()) + " samples";
        }
    }

    std::string toggleChartOption()
    {
        RangePanel* panel = m_window.rangePanel();
        switch (uniform(0, 3)) {
            case 0:
                panel->secondDerivativeBox()->click();
                return "toggle f''";
            case 1: {
                QComboBox* mode = panel->yAxisModeBox();
                mode->setCurrentIndex(uniform(0, mode->count() - 1));
                return "y axis mode " + mode->currentText().toStdString();
            }
            case 2: {
                const auto& a = m_window.actions();
                QAction* theme = std::array{a.themeSystem, a.themeLight, a.themeDark}[uniform(0, 2)];
                theme->trigger();
                return "theme " + theme->text().toStdString();
            }
            default:
                m_window.actions().restoreDefaults->trigger();
                return "restore defaults";
        }
    }

    std::string useSessionFile()
    {
        const QString path = m_folder + QStringLiteral("/monkey-%1.actx.json").arg(uniform(0, 3));
        switch (uniform(0, 2)) {
            case 0: {
                const auto error = m_files ? m_files->saveSessionFile(path) : saveSession(m_state, path);
                if (error) m_pendingFailure = "saving a session failed: " + error->toStdString();
                return "save " + path.section(QLatin1Char('/'), -1).toStdString();
            }
            case 1: {
                if (!QFile::exists(path)) return "open: nothing saved yet";
                const auto error = m_files ? m_files->openSessionFile(path) : openSession(m_state, path);
                if (error) m_pendingFailure = "a saved session did not open: " + error->toStdString();
                return "open " + path.section(QLatin1Char('/'), -1).toStdString();
            }
            default: {
                // A damaged session: refused with a message and nothing changed.
                QSaveFile file(m_folder + QStringLiteral("/damaged.actx.json"));
                if (!file.open(QIODevice::WriteOnly)) return "could not write a damaged session";
                file.write(QByteArrayLiteral(
                    "{\"format\":\"activation-explorer-session\",\"version\":1,\"range\":[5,"));
                if (!file.commit()) return "could not write a damaged session";
                const QJsonObject before = m_state.toJson();
                const QString damaged = file.fileName();
                const auto error =
                    m_files ? m_files->openSessionFile(damaged) : openSession(m_state, damaged);
                if (!error)
                    m_pendingFailure = "a damaged session was accepted";
                else if (m_state.toJson() != before)
                    m_pendingFailure = "a damaged session changed the state";
                return "open a damaged session";
            }
        }
    }

    std::string toggleSweep()
    {
        const auto editors = visibleEditors();
        if (editors.empty()) return "sweep: no visible slider";
        ParameterEditor* editor = pickFrom(editors);
        editor->playButton()->click();
        return "play/pause " + editor->activationId().toStdString();
    }

public:
    // A failure noticed inside an action, reported by the next check.
    std::optional<std::string> takePendingFailure() { return std::exchange(m_pendingFailure, std::nullopt); }

private:
    MainWindow& m_window;
    ExplorerState& m_state;
    std::mt19937_64 m_random;
    QString m_folder;
    FileMenuActions* m_files = nullptr;
    core::SampleSet m_reference;
    std::vector<QPolygonF> m_polylines;
    std::optional<std::string> m_pendingFailure;
};

TEST(MonkeyTest, TenThousandRandomActionsKeepTheWindowDrawableAndTrue)
{
    const std::uint64_t seed = environmentNumber("AX_MONKEY_SEED", kDefaultSeed);
    const int steps = static_cast<int>(environmentNumber("AX_MONKEY_STEPS", kDefaultSteps));
    g_seed = seed;
    std::printf("monkey: seed %llu, %d steps (AX_MONKEY_SEED, AX_MONKEY_STEPS)\n",
                static_cast<unsigned long long>(seed), steps);
#ifdef AX_MONKEY_SANITIZED
    __sanitizer_set_death_callback(&writeWhere);
#endif
    const auto previousSegv = std::signal(SIGSEGV, &onFatalSignal);
    const auto previousAbort = std::signal(SIGABRT, &onFatalSignal);

    // Saving a session adds it to the recent files: keep that out of the user's own settings.
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir folder;
    ASSERT_TRUE(folder.isValid());
    MainWindow window(Persistence::None);
    window.resize(1400, 900);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));

    Monkey monkey(window, seed, folder.path());
    std::deque<std::string> recent;
    const auto fail = [&](int step, const std::string& why) {
        std::string history;
        for (const std::string& action : recent)
            history += "\n    " + action;
        return testing::Message() << "seed " << seed << ", step " << step << ": " << why
                                  << "\n  last actions (oldest first):" << history;
    };

    for (int step = 0; step < steps; ++step) {
        g_step = step;
        recent.push_back(monkey.act());
        if (recent.size() > kRememberedActions) recent.pop_front();
        if (auto failure = monkey.takePendingFailure()) FAIL() << fail(step, *failure);
        if (auto failure = monkey.checkState()) FAIL() << fail(step, *failure);
        if (step % kCheckCurvesEvery == 0)
            if (auto failure = monkey.checkCurves()) FAIL() << fail(step, *failure);
        if (step % kPaintEvery == 0) {
            // Timers (coalesced redraws, sweeps) run and the window paints what it shows.
            QApplication::processEvents();
            window.chartArea()->repaint();
        }
    }
    g_step = -1;
    // The last state is drawable too, not only the ones the checks happened to catch.
    if (auto failure = monkey.checkCurves()) FAIL() << fail(steps, *failure);
    window.parameterPanel()->pauseSweeps();
    // Closing with unsaved changes to a session the monkey saved asks first: the answer is Discard.
    QTimer::singleShot(0, [] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget()))
            box->button(QMessageBox::Discard)->click();
    });
    window.close();
    EXPECT_FALSE(window.isVisible());
    QStandardPaths::setTestModeEnabled(false);
    std::signal(SIGSEGV, previousSegv);
    std::signal(SIGABRT, previousAbort);
}

}  // namespace
}  // namespace ax::ui
