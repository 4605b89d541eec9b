// Persistence across restarts: the state and window layout come back exactly, and a damaged
// settings store never stops the window from starting.

#include "ui/model/settings_store.h"
#include "ui/model/explorer_state.h"
#include "ui/model/state_loader.h"
#include "ui/widgets/main_window.h"

#include "tests/full_filesystem.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

namespace ax::ui {
namespace {

class SettingsStoreTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(directory.isValid());
        iniFile = directory.filePath(QStringLiteral("settings.ini"));
    }

    void writeRaw(const QByteArray& bytes) const
    {
        QFile file(iniFile);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }

    void writeStateValue(const QVariant& value) const
    {
        QSettings settings(iniFile, QSettings::IniFormat);
        settings.setValue(QStringLiteral("explorer/state"), value);
    }

    QTemporaryDir directory;
    QString iniFile;
};

ExplorerState& customise(ExplorerState& state)
{
    state.setEnabledIds({QStringLiteral("celu"), QStringLiteral("snake"), QStringLiteral("relu")});
    EXPECT_FALSE(state.setParameter(QStringLiteral("celu"), 0, 0.1 + 0.2).has_value());
    EXPECT_FALSE(state.setParameter(QStringLiteral("snake"), 0, 7.123456789012345).has_value());
    EXPECT_FALSE(state.setRange(-1e-3, 9.5e299).has_value());
    EXPECT_FALSE(state.setSamples(12345).has_value());
    EXPECT_FALSE(state.setEpsilon(0.000123).has_value());
    state.setShowSecondDerivative(true);
    state.setTheme(Theme::Dark);
    return state;
}

TEST_F(SettingsStoreTest, StateRoundTripsExactly)
{
    ExplorerState saved;
    customise(saved);
    {
        SettingsStore store(iniFile);
        EXPECT_FALSE(store.saveState(saved).has_value());
    }
    ExplorerState loaded;
    SettingsStore store(iniFile);
    EXPECT_FALSE(store.loadState(loaded).has_value());
    EXPECT_EQ(loaded.toJson(), saved.toJson());
    EXPECT_EQ(loaded.parameters(QStringLiteral("celu"))[0], 0.1 + 0.2);
    EXPECT_EQ(loaded.epsilon(), 0.000123);
    EXPECT_EQ(loaded.zMax(), 9.5e299);
}

TEST_F(SettingsStoreTest, NothingStoredLeavesTheDefaultsWithoutComplaint)
{
    ExplorerState state;
    SettingsStore store(iniFile);
    EXPECT_FALSE(store.loadState(state).has_value());
    EXPECT_EQ(state.toJson(), ExplorerState().toJson());
}

TEST_F(SettingsStoreTest, WindowLayoutRoundTrips)
{
    {
        SettingsStore store(iniFile);
        store.saveWindow(QByteArray("geometry\x01\x02", 10), QByteArray("layout"));
    }
    SettingsStore store(iniFile);
    EXPECT_EQ(store.windowGeometry(), QByteArray("geometry\x01\x02", 10));
    EXPECT_EQ(store.windowState(), QByteArray("layout"));
}

TEST_F(SettingsStoreTest, GarbageFileFallsBackToDefaultsAndCanBeSavedOverAfterwards)
{
    QByteArray garbage;
    for (int i = 0; i < 4096; ++i)
        garbage.append(static_cast<char>((i * 7919 + 13) % 256));
    writeRaw(garbage);
    ExplorerState state;
    {
        SettingsStore store(iniFile);
        const auto message = store.loadState(state);
        EXPECT_TRUE(message.has_value());
        EXPECT_EQ(state.toJson(), ExplorerState().toJson());

        ExplorerState changed;
        customise(changed);
        EXPECT_FALSE(store.saveState(changed).has_value());
    }
    // The next start reads what was saved after the damage.
    ExplorerState next;
    SettingsStore store(iniFile);
    EXPECT_FALSE(store.loadState(next).has_value());
    EXPECT_EQ(next.zMax(), 9.5e299);
}

TEST_F(SettingsStoreTest, BadStoredValuesAreRefusedWithAMessage)
{
    const QVariant bad[] = {
        QStringLiteral("{not json"),
        QStringLiteral("[1, 2, 3]"),
        QVariant(42),
        QVariant(QStringList{QStringLiteral("a"), QStringLiteral("b")}),
        QStringLiteral(R"({"version":1,"samples":5000000})"),
        QStringLiteral(R"({"version":1,"epsilon":7})"),
        QStringLiteral(R"({"version":1,"range":[3,-3]})"),
        QStringLiteral(R"({"version":1,"enabled":"relu"})"),
        QStringLiteral(R"({"version":1,"parameters":{"elu":{"alpha":-1}}})"),
        QStringLiteral(R"({"version":99})"),
    };
    for (const QVariant& value : bad) {
        writeStateValue(value);
        ExplorerState state;
        SettingsStore store(iniFile);
        const auto message = store.loadState(state);
        EXPECT_TRUE(message.has_value()) << value.toString().toStdString();
        EXPECT_EQ(state.toJson(), ExplorerState().toJson()) << value.toString().toStdString();
    }
}

TEST_F(SettingsStoreTest, KeysGivenTwiceAreRefusedAndTinyNumbersRoundTowardsZero)
{
    for (const QString& twice :
         {QStringLiteral(R"({"version":99,"version":1})"),
          QStringLiteral(R"({"version":1,"parameters":{"elu":{"alpha":3,"alpha":1}}})"),
          QStringLiteral(R"({"version":1,"charts":{"style":"print","style":"screen"}})")}) {
        writeStateValue(twice);
        ExplorerState state;
        SettingsStore store(iniFile);
        const auto message = store.loadState(state);
        ASSERT_TRUE(message.has_value()) << twice.toStdString();
        EXPECT_TRUE(message->contains(QLatin1String("given twice"))) << message->toStdString();
        EXPECT_EQ(state.toJson(), ExplorerState().toJson());
    }
    writeStateValue(QStringLiteral(R"({"version":1,"parameters":{"leaky_relu":{"alpha":1e-5000}}})"));
    ExplorerState state;
    SettingsStore store(iniFile);
    const auto message = store.loadState(state);
    EXPECT_FALSE(message.has_value()) << message.value_or(QString()).toStdString();
    EXPECT_EQ(state.parameters(QStringLiteral("leaky_relu"))[0], 0.0);
}

TEST_F(SettingsStoreTest, AFullDiskIsReportedWhenSavingAndKeepsTheSavedSettings)
{
    ax::test::FullFilesystem disk;
    if (!disk.mounted()) GTEST_SKIP() << disk.reason();
    const QString onDisk = disk.filePath(QStringLiteral("settings.ini"));
    {
        ExplorerState state;
        SettingsStore store(onDisk);
        ASSERT_FALSE(store.saveState(customise(state)));
    }
    QFile saved(onDisk);
    ASSERT_TRUE(saved.open(QIODevice::ReadOnly));
    const QByteArray before = saved.readAll();
    ASSERT_TRUE(before.contains("state="));
    disk.fill();
    // A small file, the kind that fits in a write buffer and so is written only at the end.
    ExplorerState state;
    state.setTheme(Theme::Dark);
    SettingsStore store(onDisk);
    const auto message = store.saveState(state);
    ASSERT_TRUE(message.has_value()) << "saving on a full disk passed";
    EXPECT_FALSE(message->contains(QLatin1Char('\n')));
    // The settings saved before are still there, byte for byte.
    QFile after(onDisk);
    ASSERT_TRUE(after.open(QIODevice::ReadOnly));
    EXPECT_EQ(after.readAll(), before);
}

// The window itself, through the application's own settings location.
class WindowSettingsTest : public ::testing::Test {
protected:
    // The saved state is read off the GUI thread (its custom activations take symbolic builds).
    static void waitForSavedState(const MainWindow& window)
    {
        for (int i = 0; i < 2000 && window.stateLoader()->isLoading(); ++i)
            QTest::qWait(5);
        ASSERT_FALSE(window.stateLoader()->isLoading());
    }

    void SetUp() override
    {
        ASSERT_TRUE(directory.isValid());
        previousOrganisation = QCoreApplication::organizationName();
        previousApplication = QCoreApplication::applicationName();
        QCoreApplication::setOrganizationName(QStringLiteral("activation-explorer-test"));
        QCoreApplication::setApplicationName(QStringLiteral("window-settings"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, directory.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, directory.path());
    }

    void TearDown() override
    {
        QCoreApplication::setOrganizationName(previousOrganisation);
        QCoreApplication::setApplicationName(previousApplication);
    }

    QTemporaryDir directory;
    QString previousOrganisation;
    QString previousApplication;
};

TEST_F(WindowSettingsTest, StateAndSizeSurviveARestart)
{
    QJsonObject expected;
    {
        MainWindow window;
        customise(window.state());
        window.state().setTheme(Theme::Light);
        window.resize(1111, 777);
        window.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
        expected = window.state().toJson();
        window.close();
    }
    MainWindow window;
    waitForSavedState(window);
    EXPECT_EQ(QJsonDocument(window.state().toJson()).toJson().toStdString(),
              QJsonDocument(expected).toJson().toStdString());
    // The size comes back as far as this screen has room for it (the offscreen screen is small).
    const QSize room = window.screen()->availableGeometry().size();
    EXPECT_EQ(window.size(), QSize(1111, 777).boundedTo(room).expandedTo(window.minimumSize()));
    EXPECT_LE(window.width(), std::max(room.width(), window.minimumWidth()));
    window.state().restoreDefaults();
    window.close();
}

// Custom activations in the saved state are built off the GUI thread at start-up: the window is
// there at once, and they arrive when built.
TEST_F(WindowSettingsTest, SavedCustomActivationsArriveAfterTheWindowIsUp)
{
    const QString heavy =
        QStringLiteral("sigmoid(").repeated(9) + QStringLiteral("z") + QStringLiteral(")").repeated(9);
    {
        MainWindow window;
        waitForSavedState(window);
        for (int i = 0; i < 8; ++i)
            ASSERT_FALSE(
                window.state()
                    .addCustomActivation({QStringLiteral("saved_%1").arg(i).toStdString(),
                                          "",
                                          QStringLiteral("%1*").arg(i + 1).append(heavy).toStdString(),
                                          {}})
                    .has_value());
        window.close();
    }
    MainWindow window;
    EXPECT_TRUE(window.stateLoader()->isLoading());
    EXPECT_TRUE(window.state().customIds().isEmpty());
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    waitForSavedState(window);
    EXPECT_EQ(window.state().customIds().size(), 8);
    window.state().restoreDefaults();
    for (int i = 0; i < 8; ++i)
        window.state().removeCustomActivation(QStringLiteral("saved_%1").arg(i));
    window.close();
}

// A change made before the saved state has arrived (a slow start: custom activations to build) is the
// user's own; closing the window then saves it rather than keeping the old settings.
TEST_F(WindowSettingsTest, AChangeMadeWhileTheSavedStateLoadsIsSavedOnClose)
{
    const QString heavy =
        QStringLiteral("sigmoid(").repeated(9) + QStringLiteral("z") + QStringLiteral(")").repeated(9);
    {
        MainWindow window;
        waitForSavedState(window);
        for (int i = 0; i < 8; ++i)
            ASSERT_FALSE(
                window.state()
                    .addCustomActivation({QStringLiteral("slow_%1").arg(i).toStdString(),
                                          "",
                                          QStringLiteral("%1*").arg(i + 1).append(heavy).toStdString(),
                                          {}})
                    .has_value());
        window.close();
    }
    {
        MainWindow window;
        ASSERT_TRUE(window.stateLoader()->isLoading());
        ASSERT_FALSE(window.state().setRange(-3.0, 7.0).has_value());
        EXPECT_TRUE(window.stateLoader()->editedWhileLoading());
        window.close();
    }
    MainWindow window;
    waitForSavedState(window);
    EXPECT_EQ(window.state().zMin(), -3.0);
    EXPECT_EQ(window.state().zMax(), 7.0);
    window.state().restoreDefaults();
    window.close();
}

TEST_F(WindowSettingsTest, DamagedSettingsFileStillOpensTheWindowWithDefaultsAndAMessage)
{
    const QString path = QSettings().fileName();
    ASSERT_TRUE(QDir().mkpath(QFileInfo(path).absolutePath()));
    {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(
            QByteArray("\x00\xff[explorer]\nstate=\"{\\\"version\\\":1,\\\"samples\\\":-4\x01\x02", 44));
        file.write(QByteArray(2000, '\xfe'));
    }
    MainWindow window;
    waitForSavedState(window);
    EXPECT_EQ(window.state().toJson(), ExplorerState().toJson());
    EXPECT_FALSE(window.statusBar()->currentMessage().isEmpty());
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.close();
}

}  // namespace
}  // namespace ax::ui
