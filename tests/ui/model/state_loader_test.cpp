// Sessions and saved settings with custom activations are read and built off the GUI thread: the
// event loop keeps running meanwhile, the state changes only once everything is built, a refused
// formula changes nothing, and a later load supersedes an earlier one.

#include "ui/model/state_loader.h"
#include "core/formula/custom_activation.h"
#include "ui/model/explorer_state.h"
#include "ui/model/session_file.h"
#include "ui/model/settings_store.h"
#include "ui/widgets/file_menu_actions.h"
#include "ui/widgets/main_window.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <gtest/gtest.h>

#include <cmath>
#include <optional>

namespace ax::ui {
namespace {

// A session listing count custom activations, the i-th with formula(i).
template <typename Formula>
QByteArray sessionWith(int count, Formula formula)
{
    QJsonArray customs;
    for (int i = 0; i < count; ++i)
        customs.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("c%1").arg(i)},
                                   {QStringLiteral("name"), QStringLiteral("Custom %1").arg(i)},
                                   {QStringLiteral("formula"), formula(i)}});
    const QJsonObject json{{QStringLiteral("format"), QStringLiteral("activation-explorer-session")},
                           {QStringLiteral("version"), 1},
                           {QStringLiteral("customActivations"), customs}};
    return QJsonDocument(json).toJson();
}

// Formulas near the size the derivatives may have: each takes a real symbolic build.
QString heavy(int i)
{
    return QStringLiteral("sigmoid(").repeated(9) + QStringLiteral("%1*z").arg(i + 1) +
           QStringLiteral(")").repeated(9);
}

bool write(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit();
}

// Runs the event loop until the loader is done, counting how often a 1 ms timer got through.
int waitCountingTicks(const StateLoader& loader)
{
    int ticks = 0;
    QTimer timer;
    timer.setInterval(1);
    QObject::connect(&timer, &QTimer::timeout, [&ticks] { ++ticks; });
    timer.start();
    for (int i = 0; i < 6000 && loader.isLoading(); ++i)
        QTest::qWait(5);
    return ticks;
}

TEST(StateLoader, BuildsASessionsCustomActivationsOffTheGuiThreadThenAppliesThem)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("many.actx.json"));
    ASSERT_TRUE(write(path, sessionWith(ExplorerState::kMaxCustomActivations, heavy)));

    ExplorerState state;
    StateLoader loader(state);
    std::optional<std::optional<QString>> outcome;
    loader.load([path](ExplorerState& scratch) { return openSession(scratch, path); },
                [&outcome](const std::optional<QString>& error) { outcome = error; });
    // Nothing is applied, or waited for, on this thread until everything is built.
    EXPECT_TRUE(loader.isLoading());
    EXPECT_TRUE(state.customIds().isEmpty());
    const int ticks = waitCountingTicks(loader);
    ASSERT_FALSE(loader.isLoading());
    ASSERT_TRUE(outcome.has_value());
    ASSERT_FALSE(outcome->has_value()) << outcome->value().toStdString();
    EXPECT_GT(ticks, 0) << "the event loop ran while the formulas were built";

    ASSERT_EQ(state.customIds().size(), ExplorerState::kMaxCustomActivations);
    const core::Activation* last = state.activation(QStringLiteral("c31"));
    ASSERT_NE(last, nullptr);
    EXPECT_EQ(last->name, "Custom 31");
    double f = 0.25 * 32.0;
    for (int i = 0; i < 9; ++i)
        f = 1.0 / (1.0 + std::exp(-f));
    EXPECT_NEAR(last->evaluate(0.25, {}).f, f, 1e-15);
}

TEST(StateLoader, ARefusedFormulaChangesNothingAndSaysWhy)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("hostile.actx.json"));
    ASSERT_TRUE(write(path, sessionWith(2, [](int i) {
                          return i == 0 ? QStringLiteral("z^2")
                                        : QStringLiteral("abs(").repeated(30) + QStringLiteral("z-1") +
                                              QStringLiteral(")").repeated(30);
                      })));
    ExplorerState state;
    ASSERT_FALSE(state.addCustomActivation({"mine", "Mine", "z^3", {}}).has_value());
    const QJsonObject before = state.toJson();
    StateLoader loader(state);
    std::optional<QString> error;
    loader.load([path](ExplorerState& scratch) { return openSession(scratch, path); },
                [&error](const std::optional<QString>& e) { error = e; });
    waitCountingTicks(loader);
    ASSERT_TRUE(error.has_value());
    EXPECT_TRUE(error->contains(QStringLiteral("too complex"))) << error->toStdString();
    EXPECT_EQ(state.toJson(), before);
}

TEST(StateLoader, ALaterLoadSupersedesAnEarlierOne)
{
    QTemporaryDir dir;
    const QString first = dir.filePath(QStringLiteral("first.actx.json"));
    const QString second = dir.filePath(QStringLiteral("second.actx.json"));
    ASSERT_TRUE(write(first, sessionWith(8, heavy)));
    ASSERT_TRUE(write(second, sessionWith(1, [](int) { return QStringLiteral("z*tanh(softplus(z))"); })));
    ExplorerState state;
    StateLoader loader(state);
    int firstDone = 0;
    int secondDone = 0;
    loader.load([first](ExplorerState& scratch) { return openSession(scratch, first); },
                [&firstDone](const std::optional<QString>&) { ++firstDone; });
    loader.load([second](ExplorerState& scratch) { return openSession(scratch, second); },
                [&secondDone](const std::optional<QString>&) { ++secondDone; });
    waitCountingTicks(loader);
    QTest::qWait(100);  // the first load's end, had it been kept, would have landed by now
    EXPECT_EQ(firstDone, 0);
    EXPECT_EQ(secondDone, 1);
    ASSERT_EQ(state.customIds(), QStringList{QStringLiteral("c0")});
    EXPECT_EQ(state.activation(QStringLiteral("c0"))->formula, "z*tanh(softplus(z))");
}

// The saved settings at start-up go the same way, through a store reading the same file.
TEST(StateLoader, SavedSettingsWithCustomActivationsAreBuiltOffTheGuiThread)
{
    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("settings.ini"));
    {
        ExplorerState saved;
        for (int i = 0; i < 6; ++i)
            ASSERT_FALSE(saved
                             .addCustomActivation(
                                 {QStringLiteral("s%1").arg(i).toStdString(), "", heavy(i).toStdString(), {}})
                             .has_value());
        SettingsStore store(ini);
        ASSERT_FALSE(store.saveState(saved).has_value());
    }
    ExplorerState state;
    StateLoader loader(state);
    std::optional<QString> error = QStringLiteral("not called");
    loader.load([ini](ExplorerState& scratch) { return SettingsStore(ini).loadState(scratch); },
                [&error](const std::optional<QString>& e) { error = e; });
    EXPECT_TRUE(state.customIds().isEmpty());
    waitCountingTicks(loader);
    EXPECT_FALSE(error.has_value()) << error->toStdString();
    EXPECT_EQ(state.customIds().size(), 6);
}

// File ▸ Open in the window: the session arrives through the loader and becomes the window's file.
TEST(StateLoader, TheWindowOpensASessionInTheBackground)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lesson.actx.json"));
    ASSERT_TRUE(write(path, sessionWith(4, heavy)));
    MainWindow window(Persistence::None);
    std::optional<std::optional<QString>> outcome;
    window.fileActions()->openSessionFileInBackground(
        path, [&outcome](const std::optional<QString>& error) { outcome = error; });
    EXPECT_TRUE(window.stateLoader()->isLoading());
    waitCountingTicks(*window.stateLoader());
    ASSERT_TRUE(outcome.has_value());
    EXPECT_FALSE(outcome->has_value());
    EXPECT_EQ(window.state().customIds().size(), 4);
    EXPECT_EQ(window.fileActions()->currentSession(), path);
}

TEST(StateLoader, ASessionWithTooManyCustomActivationsIsRefused)
{
    ExplorerState state;
    const auto error = applySessionBytes(state, sessionWith(ExplorerState::kMaxCustomActivations + 1,
                                                            [](int) { return QStringLiteral("z"); }));
    ASSERT_TRUE(error.has_value());
    EXPECT_TRUE(error->contains(QStringLiteral("at most 32"))) << error->toStdString();
    EXPECT_TRUE(state.customIds().isEmpty());
}

}  // namespace
}  // namespace ax::ui
