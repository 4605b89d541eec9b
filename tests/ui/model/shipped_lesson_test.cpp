// The shipped lesson "From sigmoid to Mish": every step is a valid view that shows what it brings in,
// and every number a caption states is the core's.

#include "core/depth/depth_theory.h"
#include "core/saturation.h"
#include "core/training/training_race.h"
#include "ui/model/lesson_caption.h"
#include "ui/model/lesson_file.h"

#include <QRegularExpression>
#include <QSet>

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <map>
#include <numbers>

namespace ax::ui {
namespace {

Lesson shippedLesson()
{
    auto read = LessonFile::shipped();
    if (auto* error = std::get_if<QString>(&read)) ADD_FAILURE() << error->toStdString();
    return std::holds_alternative<Lesson>(read) ? std::get<Lesson>(read) : Lesson{};
}

const LessonStep& stepTitled(const Lesson& lesson, const char* title)
{
    for (const LessonStep& step : lesson.steps)
        if (step.title == QString::fromUtf8(title)) return step;
    ADD_FAILURE() << "no step " << title;
    return lesson.steps.constFirst();
}

core::Derivatives at(const LessonStep& step, const char* id, double z)
{
    const core::Activation* a = step.session.activation(QString::fromLatin1(id));
    return a->evaluate(z, step.session.parameters(QString::fromLatin1(id)));
}

// The lowest value of f on [-3, 0] (where every gated unit of the lesson has its one dip) and where.
std::pair<double, double> minimumOf(const LessonStep& step, const char* id)
{
    double lo = -3.0;
    double hi = 0.0;
    for (int i = 0; i < 200; ++i) {
        const double a = lo + (hi - lo) / 3.0;
        const double b = hi - (hi - lo) / 3.0;
        if (at(step, id, a).f < at(step, id, b).f)
            hi = b;
        else
            lo = a;
    }
    const double z = 0.5 * (lo + hi);
    return {z, at(step, id, z).f};
}

double rounded(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

core::RaceSnapshot race(const LessonStep& step, int steps, int measureEvery)
{
    core::RaceSettings settings = step.session.trainingLab;
    settings.measureEvery = measureEvery;
    std::vector<core::Contestant> contestants;
    for (const QString& id : step.session.enabledIds())
        contestants.push_back({*step.session.activation(id), step.session.parameters(id)});
    core::TrainingRace training(settings, contestants);
    training.advance(steps);
    return training.snapshot();
}

const core::ContestantHistory& historyOf(const core::RaceSnapshot& snapshot, const char* id)
{
    for (const core::ContestantHistory& h : snapshot.contestants)
        if (h.id == id) return h;
    ADD_FAILURE() << "no contestant " << id;
    return snapshot.contestants.front();
}

double deadShare(const core::Measurement& m)
{
    double sum = 0.0;
    for (const core::LayerReading& layer : m.layers)
        sum += layer.deadShare;
    return sum / static_cast<double>(m.layers.size());
}

// Every number written in the caption's text (ln 2 counts as one).
QSet<QString> numbersIn(const QString& caption)
{
    static const QRegularExpression number(QStringLiteral("ln 2|[−-]?\\d+(?:[./]\\d+)?"));
    QSet<QString> found;
    const QString text = LessonCaption::plainText(caption);
    for (auto it = number.globalMatch(text); it.hasNext();)
        found.insert(it.next().captured());
    return found;
}

TEST(ShippedLesson, EveryStepIsAValidViewShowingWhatItBringsIn)
{
    const Lesson lesson = shippedLesson();
    ASSERT_EQ(lesson.title, QStringLiteral("From sigmoid to Mish"));
    ASSERT_GE(lesson.steps.size(), 10);
    QStringList introduced;
    for (const LessonStep& step : lesson.steps) {
        EXPECT_EQ(LessonCaption::validate(step.caption), std::nullopt) << step.title.toStdString();
        EXPECT_LE(step.caption.size(), Lesson::kMaxCaptionLength);
        if (!step.introduces.isEmpty()) {
            EXPECT_TRUE(step.session.enabledIds().contains(step.introduces)) << step.title.toStdString();
            if (!introduced.contains(step.introduces)) introduced << step.introduces;
        }
        // A chart step shows what came before it too, for the presenter to fade back.
        if (step.view == LessonView::Charts) {
            for (const QString& earlier : introduced) {
                EXPECT_TRUE(step.session.enabledIds().contains(earlier))
                    << step.title.toStdString() << " lacks " << earlier.toStdString();
            }
        }
    }
    EXPECT_EQ(introduced, (QStringList{"sigmoid", "relu", "leaky_relu", "prelu", "elu", "selu", "gelu",
                                       "swish", "mish"}));
    // Read as a session file is, a step's session opens again as the same value.
    const QByteArray bytes = LessonFile::toBytes(lesson);
    auto again = LessonFile::fromBytes(bytes);
    ASSERT_TRUE(std::holds_alternative<Lesson>(again));
    EXPECT_EQ(std::get<Lesson>(again), lesson);
}

TEST(ShippedLesson, TheChartsShowEachProblem)
{
    const Lesson lesson = shippedLesson();
    // Sigmoid: hatched saturation lanes on both sides of the range.
    const LessonStep& sigmoid = stepTitled(lesson, "Sigmoid saturates");
    const auto lanes =
        core::saturationIntervals(*sigmoid.session.activation(QStringLiteral("sigmoid")), {},
                                  sigmoid.session.zMin, sigmoid.session.zMax, sigmoid.session.epsilon);
    ASSERT_EQ(lanes.size(), 2U);
    EXPECT_EQ(lanes.front().lo, sigmoid.session.zMin);
    EXPECT_EQ(lanes.back().hi, sigmoid.session.zMax);
    // ReLU: the dead lane is the whole negative half of the range.
    const LessonStep& relu = stepTitled(lesson, "ReLU and the dead lane");
    const auto dead = core::saturationIntervals(*relu.session.activation(QStringLiteral("relu")), {},
                                                relu.session.zMin, relu.session.zMax, relu.session.epsilon);
    ASSERT_FALSE(dead.empty());
    EXPECT_EQ(dead.front().kind, core::SaturationKind::Dead);
    EXPECT_EQ(dead.front().lo, relu.session.zMin);
    EXPECT_NEAR(dead.front().hi, 0.0, 1e-9);
    // GELU, Swish, Mish: the dip lies inside the range and inside the fixed y limits.
    for (const auto& [title, id] :
         {std::pair{"GELU dips below zero", "gelu"}, std::pair{"Swish: the sigmoid as a gate", "swish"},
          std::pair{"Mish: a deeper dip", "mish"}}) {
        const LessonStep& step = stepTitled(lesson, title);
        const auto [z, f] = minimumOf(step, id);
        EXPECT_LT(step.session.zMin, z) << id;
        EXPECT_GT(step.session.zMax, 0.0) << id;
        EXPECT_EQ(step.session.yAxisMode, YAxisMode::Fixed) << id;
        EXPECT_LT(step.session.functionLimits.lo, f) << id;
    }
}

TEST(ShippedLesson, EveryNumberInACaptionIsTheCores)
{
    const Lesson lesson = shippedLesson();
    using Checks = std::map<QString, std::function<void(const LessonStep&)>>;
    const std::map<QString, Checks> checks = {
        {"Sigmoid saturates",
         {{"0", [](const LessonStep& s) { EXPECT_NEAR(at(s, "sigmoid", -40.0).f, 0.0, 1e-15); }},
          {"1", [](const LessonStep& s) { EXPECT_NEAR(at(s, "sigmoid", 40.0).f, 1.0, 1e-15); }},
          {"1/4",
           [](const LessonStep& s) {
               EXPECT_DOUBLE_EQ(at(s, "sigmoid", 0.0).d1, 0.25);
               for (double z = -8.0; z <= 8.0; z += 0.01)
                   EXPECT_LE(at(s, "sigmoid", z).d1, 0.25);
           }}}},
        {"A deep sigmoid network learns nothing",
         {{"ln 2",
           [](const LessonStep& s) {
               EXPECT_EQ(s.session.trainingLab.network.depth, 8);  // "eight"
               const core::RaceSnapshot snapshot = race(s, 300, 300);
               const auto& sigmoid = historyOf(snapshot, "sigmoid");
               const auto& relu = historyOf(snapshot, "relu");
               EXPECT_LE(100.0 * sigmoid.measurements.front().layers.front().gradientNorm,
                         relu.measurements.front().layers.front().gradientNorm);
               EXPECT_NEAR(sigmoid.measurements.back().trainLoss, std::numbers::ln2, 0.03);
               EXPECT_GE(relu.measurements.back().trainAccuracy, 0.95);
               EXPECT_GE(historyOf(snapshot, "tanh").measurements.back().trainAccuracy, 0.95);
           }}}},
        {"ReLU and the dead lane",
         {{"1", [](const LessonStep& s) { EXPECT_EQ(at(s, "relu", 3.0).d1, 1.0); }},
          {"0",
           [](const LessonStep& s) {
               EXPECT_EQ(at(s, "relu", -2.0).f, 0.0);
               EXPECT_EQ(at(s, "relu", -2.0).d1, 0.0);
           }}}},
        {"Leaky ReLU keeps a gradient",
         {{"0", [](const LessonStep& s) { EXPECT_EQ(at(s, "relu", -2.0).d1, 0.0); }},
          {"0.1", [](const LessonStep& s) { EXPECT_DOUBLE_EQ(at(s, "leaky_relu", -3.0).d1, 0.1); }},
          {"0.01",
           [](const LessonStep& s) {
               const core::Activation* a = s.session.activation(QStringLiteral("leaky_relu"));
               EXPECT_EQ(a->parameters[0].defaultValue, 0.01);
               EXPECT_DOUBLE_EQ(s.session.parameters(QStringLiteral("leaky_relu"))[0] / 0.01, 10.0);
           }}}},
        {"Dying ReLU in training",
         {{"0.2",
           [](const LessonStep& s) {
               EXPECT_EQ(s.session.trainingLab.optimiser.learningRate, 0.2);
               EXPECT_EQ(s.session.trainingLab.optimiser.kind, core::OptimiserKind::Adam);
           }},
          {"0",
           [](const LessonStep& s) {
               const core::RaceSnapshot snapshot = race(s, 300, 300);
               EXPECT_GT(deadShare(historyOf(snapshot, "relu").measurements.back()), 0.5);
               for (const char* id : {"leaky_relu", "elu"}) {
                   EXPECT_FALSE(historyOf(snapshot, id).diverged) << id;
                   EXPECT_LT(deadShare(historyOf(snapshot, id).measurements.back()), 0.05) << id;
                   for (double z = -20.0; z < 0.0; z += 0.1)
                       EXPECT_GT(at(s, id, z).d1, 0.0) << id;
               }
           }}}},
        {"PReLU learns its slope",
         {{"0.25", [](const LessonStep& s) { EXPECT_DOUBLE_EQ(at(s, "prelu", -2.0).d1, 0.25); }},
          {"0",
           [](const LessonStep& s) {
               EXPECT_NE(at(s, "prelu", -1e-12).d1, at(s, "prelu", 1e-12).d1);
               // The mean output for a standard-normal input stays positive.
               double mean = 0.0;
               for (double z = -10.0; z <= 10.0; z += 1e-3)
                   mean += at(s, "prelu", z).f * std::exp(-0.5 * z * z) * 1e-3 /
                           std::sqrt(2.0 * std::numbers::pi);
               EXPECT_GT(mean, 0.25);
           }}}},
        {"ELU: a smooth negative side, but only for α = 1",
         {{"2",
           [](const LessonStep& s) {
               EXPECT_NEAR(at(s, "elu", -1e-12).d1, 2.0, 1e-9);
               EXPECT_NEAR(at(s, "elu", -40.0).f, -2.0, 1e-12);  // levels off at −α
           }},
          {"1",
           [](const LessonStep& s) {
               EXPECT_EQ(at(s, "elu", 1e-12).d1, 1.0);
               EXPECT_NEAR(at(s, "elu", -1.0).f, 2.0 * (std::exp(-1.0) - 1.0), 1e-15);  // α(e^z − 1)
           }},
          {"0", [](const LessonStep& s) { EXPECT_EQ(at(s, "elu", 0.0).f, 0.0); }}}},
        {"ELU with α = 1",
         {{"1",
           [](const LessonStep& s) {
               EXPECT_NEAR(at(s, "elu", -1e-12).d1, 1.0, 1e-9);
               EXPECT_EQ(at(s, "elu", 1e-12).d1, 1.0);
               // Only at this α: any other leaves a jump.
               const core::Activation* elu = s.session.activation(QStringLiteral("elu"));
               for (const double alpha : {0.5, 0.99, 1.01, 2.0})
                   EXPECT_GT(std::fabs(elu->evaluate(-1e-12, {alpha}).d1 - 1.0), 0.005) << alpha;
           }},
          {"0", [](const LessonStep& s) { EXPECT_EQ(at(s, "elu", 0.0).f, 0.0); }},
          {"−1", [](const LessonStep& s) { EXPECT_NEAR(at(s, "elu", -40.0).f, -1.0, 1e-12); }}}},
        {"SELU: a fixed point at mean 0, variance 1",
         {{"1.0507",
           [](const LessonStep& s) {
               EXPECT_EQ(rounded(s.session.parameters(QStringLiteral("selu"))[0], 4), 1.0507);
           }},
          {"1.6733",
           [](const LessonStep& s) {
               EXPECT_EQ(rounded(s.session.parameters(QStringLiteral("selu"))[1], 4), 1.6733);
           }},
          {"0",
           [](const LessonStep& s) {
               const auto point =
                   core::meanVarianceFixedPoint(*s.session.activation(QStringLiteral("selu")),
                                                s.session.parameters(QStringLiteral("selu")), {0.3, 1.5});
               ASSERT_TRUE(point.has_value());
               EXPECT_NEAR(point->point.mean, 0.0, 1e-6);
               EXPECT_NEAR(point->point.variance, 1.0, 1e-6);
               EXPECT_EQ(point->stability, core::Stability::Stable);
           }},
          {"1",
           [](const LessonStep& s) {
               EXPECT_EQ(s.session.depthLab.init, WeightInit::LeCun);
               EXPECT_EQ(s.session.depthLab.weightVariance(), 1.0);
               const double w = s.session.depthLab.weightVariance();
               EXPECT_NEAR(core::varianceMap(*s.session.activation(QStringLiteral("selu")),
                                             s.session.parameters(QStringLiteral("selu")), 1.0, w, 0.0),
                           1.0, 1e-6);
               // ReLU's variance halves at every layer.
               EXPECT_NEAR(core::varianceMap(*s.session.activation(QStringLiteral("relu")), {}, 1.0, w, 0.0),
                           0.5, 1e-9);
           }},
          {"30", [](const LessonStep& s) { EXPECT_EQ(s.session.depthLab.depth, 30); }}}},
        {"SELU normalises while it trains",
         {{"0",
           [](const LessonStep& s) {
               EXPECT_EQ(s.session.trainingLab.network.depth, 8);  // "eight"
               EXPECT_EQ(s.session.trainingLab.network.initialisation, core::Initialisation::LeCun);
               const core::RaceSnapshot snapshot = race(s, 100, 20);
               for (const core::Measurement& m : historyOf(snapshot, "selu").measurements)
                   for (const core::LayerReading& layer : m.layers) {
                       EXPECT_LE(std::fabs(layer.activationMean), 0.15);
                       EXPECT_GE(layer.activationVariance, 0.6);
                       EXPECT_LE(layer.activationVariance, 1.6);
                   }
               for (const char* id : {"relu", "tanh"})
                   for (const core::Measurement& m : historyOf(snapshot, id).measurements) {
                       double lowest = INFINITY;
                       for (const core::LayerReading& layer : m.layers)
                           lowest = std::min(lowest, layer.activationVariance);
                       EXPECT_LT(lowest, 0.3) << id;
                   }
           }},
          {"1", [](const LessonStep&) {}}}},  // checked with "0": the same layers' variances
        {"GELU dips below zero",
         {{"−0.170", [](const LessonStep& s) { EXPECT_EQ(rounded(minimumOf(s, "gelu").second, 3), -0.170); }},
          {"−0.752", [](const LessonStep& s) { EXPECT_EQ(rounded(minimumOf(s, "gelu").first, 3), -0.752); }},
          {"0", [](const LessonStep& s) { EXPECT_EQ(at(s, "gelu", 0.0).f, 0.0); }}}},
        {"Swish: the sigmoid as a gate",
         {{"1",
           [](const LessonStep& s) { EXPECT_EQ(s.session.parameters(QStringLiteral("swish"))[0], 1.0); }},
          {"−0.2785",
           [](const LessonStep& s) { EXPECT_EQ(rounded(minimumOf(s, "swish").second, 4), -0.2785); }},
          {"−1.2785",
           [](const LessonStep& s) { EXPECT_EQ(rounded(minimumOf(s, "swish").first, 4), -1.2785); }}}},
        {"Mish: a deeper dip",
         {{"−0.309",
           [](const LessonStep& s) {
               EXPECT_EQ(rounded(minimumOf(s, "mish").second, 3), -0.309);
               EXPECT_LT(minimumOf(s, "mish").second, minimumOf(s, "swish").second);  // deeper still
           }},
          {"−1.192", [](const LessonStep& s) { EXPECT_EQ(rounded(minimumOf(s, "mish").first, 3), -1.192); }},
          {"0.6", [](const LessonStep& s) { EXPECT_NEAR(at(s, "mish", 0.0).d1, 0.6, 1e-15); }},
          {"0", [](const LessonStep& s) { EXPECT_EQ(at(s, "mish", 0.0).f, 0.0); }}}},
        {"The chain in the table", {}},
    };
    ASSERT_EQ(static_cast<std::size_t>(lesson.steps.size()), checks.size());
    for (const LessonStep& step : lesson.steps) {
        SCOPED_TRACE(step.title.toStdString());
        const auto found = checks.find(step.title);
        ASSERT_NE(found, checks.end());
        QSet<QString> expected;
        for (const auto& [number, check] : found->second) {
            expected.insert(number);
            SCOPED_TRACE(number.toStdString());
            check(step);
        }
        EXPECT_EQ(numbersIn(step.caption), expected);
    }
}

}  // namespace
}  // namespace ax::ui
