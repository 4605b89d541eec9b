// The --export command on its own, in a program that links no widgets: the depth lab's charts and
// a sweep are drawn without building a window, and Qt Widgets is not even loaded.

#include "app/commands/export_command.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cstdio>

namespace ax::app {
namespace {

// Whether a library whose file name contains name is mapped into this process.
bool loaded(const QByteArray& name)
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (!maps.open(QIODevice::ReadOnly)) return false;
    return maps.readAll().contains(name);
}

class ExportCommandTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(dir.isValid()); }

    int run(ExportArguments arguments)
    {
        arguments.directory = dir.path();
        std::FILE* out = std::tmpfile();
        const int status = ExportCommand::run(arguments, out);
        std::fclose(out);
        return status;
    }

    QTemporaryDir dir;
};

TEST_F(ExportCommandTest, DepthChartsAreDrawnWithoutAWidget)
{
    ExportArguments arguments;
    arguments.activations = QStringLiteral("relu,selu");
    arguments.charts = QStringLiteral("depth-variance,depth-gradient,depth-dead,selu-phase");
    arguments.formats = QStringLiteral("png,svg");
    ASSERT_EQ(run(arguments), 0);
    for (const QString& chart : {QStringLiteral("depth-variance"), QStringLiteral("depth-gradient"),
                                 QStringLiteral("depth-dead"), QStringLiteral("selu-phase")}) {
        for (const QString& format : {QStringLiteral("png"), QStringLiteral("svg")}) {
            QFile file(QDir(dir.path()).filePath(chart + QLatin1Char('.') + format));
            ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << file.fileName().toStdString();
            EXPECT_GT(file.size(), 1000) << file.fileName().toStdString();
        }
    }
    QFile svg(QDir(dir.path()).filePath(QStringLiteral("depth-variance.svg")));
    ASSERT_TRUE(svg.open(QIODevice::ReadOnly));
    EXPECT_TRUE(svg.readAll().contains("ReLU"));
    EXPECT_FALSE(loaded("libQt6Widgets")) << "the export pulled in Qt Widgets";
}

TEST_F(ExportCommandTest, FiguresAndSweepsAreDrawnWithoutAWidget)
{
    ExportArguments figures;
    figures.activations = QStringLiteral("elu");
    figures.charts = QStringLiteral("combined");
    ASSERT_EQ(run(figures), 0);
    EXPECT_TRUE(QFile::exists(QDir(dir.path()).filePath(QStringLiteral("combined.png"))));

    ExportArguments sweep;
    sweep.activations = QStringLiteral("elu");
    sweep.sweep = QStringLiteral("elu.alpha=0.1:2");
    sweep.frames = QStringLiteral("3");
    sweep.size = QStringLiteral("320x180");
    ASSERT_EQ(run(sweep), 0);
    EXPECT_TRUE(QFile::exists(QDir(dir.path()).filePath(QStringLiteral("sweep-elu-alpha.gif"))));
    EXPECT_FALSE(loaded("libQt6Widgets"));
}

}  // namespace
}  // namespace ax::app

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    const QGuiApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
