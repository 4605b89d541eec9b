// Parameter sweeps as animations: the GIF has the frames asked for, starts and ends at the sweep's
// ends, and every frame says which value it shows.

#include "core/formula/custom_activation.h"
#include "ui/model/explorer_state.h"
#include "ui/render/figure_export.h"
#include "ui/render/sweep_export.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QTemporaryDir>

#include <gif_lib.h>
#include <gtest/gtest.h>

#include <cmath>

namespace {

using ax::ui::ExplorerState;
using ax::ui::FigureOptions;
using ax::ui::SweepAnimation;

SweepAnimation eluSweep(int frames)
{
    SweepAnimation sweep;
    sweep.id = QStringLiteral("elu");
    sweep.parameterIndex = 0;
    sweep.from = 0.1;
    sweep.to = 2.0;
    sweep.frames = frames;
    sweep.fps = 10.0;
    return sweep;
}

FigureOptions smallFrames()
{
    FigureOptions options;
    options.size = QSizeF(320, 180);
    options.theme = ax::ui::Theme::Light;
    return options;
}

// Mean absolute difference per channel between two images of the same size.
double meanDifference(const QImage& a, const QImage& b)
{
    const QImage x = a.convertToFormat(QImage::Format_RGB32);
    const QImage y = b.convertToFormat(QImage::Format_RGB32);
    double sum = 0.0;
    for (int row = 0; row < x.height(); ++row)
        for (int col = 0; col < x.width(); ++col) {
            const QRgb p = x.pixel(col, row);
            const QRgb q = y.pixel(col, row);
            sum +=
                std::abs(qRed(p) - qRed(q)) + std::abs(qGreen(p) - qGreen(q)) + std::abs(qBlue(p) - qBlue(q));
        }
    return sum / (3.0 * x.width() * x.height());
}

TEST(ExportSweep, EachFrameIsTheSessionWithOnlyTheSweptParameterChanged)
{
    ExplorerState state;
    ASSERT_FALSE(state.setRange(-2.0, 5.0).has_value());
    state.setTheme(ax::ui::Theme::Dark);
    state.setEnabled(QStringLiteral("elu"), false);
    const SweepAnimation sweep = eluSweep(5);
    for (int frame = 0; frame < sweep.frames; ++frame) {
        ax::ui::Session expected = state.session();
        expected.enabled << QStringLiteral("elu");
        expected.parameterValues.insert(QStringLiteral("elu"), {sweep.value(frame)});
        EXPECT_EQ(ax::ui::sweepFrameSession(state, sweep, frame), expected) << "frame " << frame;
    }
}

TEST(ExportSweep, ACustomFormulaIsBuiltOnceForTheWholeSweep)
{
    ExplorerState state;
    ASSERT_FALSE(
        state.addCustomActivation({"custom_1", "My swish", "z * sigmoid(b*z)", {{"b", 1.0, -4.0, 8.0}}})
            .has_value());
    SweepAnimation sweep;
    sweep.id = QStringLiteral("custom_1");
    sweep.parameterIndex = 0;
    sweep.from = 0.5;
    sweep.to = 3.0;
    sweep.frames = 4;
    sweep.fps = 10.0;
    ASSERT_FALSE(ax::ui::validateSweep(state, sweep).has_value());
    // Every frame holds the activation the state built: no frame differentiates the formula again.
    const auto* built = state.customActivation(QStringLiteral("custom_1"));
    for (int frame = 0; frame < sweep.frames; ++frame) {
        const ax::ui::Session session = ax::ui::sweepFrameSession(state, sweep, frame);
        ASSERT_EQ(session.customs.count(QStringLiteral("custom_1")), 1U);
        EXPECT_EQ(session.customs.at(QStringLiteral("custom_1")).get(), built) << "frame " << frame;
        EXPECT_EQ(session.parameters(QStringLiteral("custom_1")),
                  ax::core::ParameterValues{sweep.value(frame)});
    }
    const QImage first = ax::ui::renderSweepFrame(state, sweep, smallFrames(), 0);
    const QImage last = ax::ui::renderSweepFrame(state, sweep, smallFrames(), sweep.frames - 1);
    EXPECT_GT(meanDifference(first, last), 0.0);
}

TEST(ExportSweep, ValuesReachBothEndsExactly)
{
    const SweepAnimation sweep = eluSweep(7);
    EXPECT_EQ(sweep.value(0), 0.1);
    EXPECT_EQ(sweep.value(6), 2.0);
    for (int frame = 1; frame < 7; ++frame)
        EXPECT_GT(sweep.value(frame), sweep.value(frame - 1));
}

TEST(ExportSweep, GifHasTheRequestedFramesSizeAndMarker)
{
    QTemporaryDir dir;
    ExplorerState state;
    const QString path = dir.filePath(QStringLiteral("sweep.gif"));
    ASSERT_FALSE(ax::ui::exportSweepGif(state, eluSweep(5), smallFrames(), path));

    int error = 0;
    GifFileType* gif = DGifOpenFileName(QFile::encodeName(path).constData(), &error);
    ASSERT_NE(gif, nullptr);
    ASSERT_EQ(DGifSlurp(gif), GIF_OK);
    EXPECT_EQ(gif->ImageCount, 5);
    EXPECT_EQ(gif->SWidth, 320);
    EXPECT_EQ(gif->SHeight, 180);
    DGifCloseFile(gif, &error);
    EXPECT_TRUE(ax::ui::isExportedFile(path));
}

TEST(ExportSweep, FirstAndLastGifFramesShowTheSweepEnds)
{
    QTemporaryDir dir;
    ExplorerState state;
    state.setEnabledIds({QStringLiteral("elu")});
    const SweepAnimation sweep = eluSweep(4);
    const QString path = dir.filePath(QStringLiteral("ends.gif"));
    ASSERT_FALSE(ax::ui::exportSweepGif(state, sweep, smallFrames(), path));

    QImageReader reader(path, "gif");
    if (!reader.canRead()) GTEST_SKIP() << "Qt's GIF reader is not installed";
    QList<QImage> frames;
    while (reader.canRead())
        frames << reader.read();
    ASSERT_EQ(frames.size(), 4);

    const QImage first = ax::ui::renderSweepFrame(state, sweep, smallFrames(), 0);
    const QImage last = ax::ui::renderSweepFrame(state, sweep, smallFrames(), 3);
    // Reducing to 256 colours changes pixels a little; the other end differs far more.
    EXPECT_LT(meanDifference(frames.first(), first), meanDifference(frames.first(), last));
    EXPECT_LT(meanDifference(frames.last(), last), meanDifference(frames.last(), first));
    EXPECT_GT(meanDifference(first, last), 0.05) << "α from 0.1 to 2 must change the picture";
}

TEST(ExportSweep, EachFrameCaptionShowsTheValue)
{
    ExplorerState state;
    const SweepAnimation sweep = eluSweep(3);
    const QImage first = ax::ui::renderSweepFrame(state, sweep, smallFrames(), 0);
    const QImage middle = ax::ui::renderSweepFrame(state, sweep, smallFrames(), 1);
    const QImage last = ax::ui::renderSweepFrame(state, sweep, smallFrames(), 2);
    EXPECT_TRUE(first.text(QStringLiteral("Title")).contains(QStringLiteral("ELU (α = 0.1)")));
    EXPECT_TRUE(middle.text(QStringLiteral("Title")).contains(QStringLiteral("ELU (α = 1.05)")));
    EXPECT_TRUE(last.text(QStringLiteral("Title")).contains(QStringLiteral("ELU (α = 2)")));
    // The state itself is not touched by rendering frames.
    EXPECT_EQ(state.parameters(QStringLiteral("elu"))[0], 1.0);
}

TEST(ExportSweep, PngSequenceIsNumberedFromOne)
{
    QTemporaryDir dir;
    ExplorerState state;
    const SweepAnimation sweep = eluSweep(3);
    const QString base = ax::ui::sweepBaseName(state, sweep, ax::ui::Chart::Combined);
    EXPECT_EQ(base, QStringLiteral("sweep-elu-alpha"));
    EXPECT_EQ(ax::ui::sweepBaseName(state, sweep, ax::ui::Chart::Function),
              QStringLiteral("sweep-elu-alpha-function"));
    QStringList written;
    ASSERT_FALSE(ax::ui::exportSweepPngSequence(state, sweep, smallFrames(), dir.path(), base, &written));
    const QStringList expected{QStringLiteral("sweep-elu-alpha-0001.png"),
                               QStringLiteral("sweep-elu-alpha-0002.png"),
                               QStringLiteral("sweep-elu-alpha-0003.png")};
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files, QDir::Name), expected);
    ASSERT_EQ(written.size(), 3);
    for (const QString& path : written) {
        EXPECT_TRUE(ax::ui::isExportedFile(path));
        EXPECT_EQ(QImage(path).size(), QSize(320, 180));
    }
}

TEST(ExportSweep, CancellingRemovesTheFramesItWrote)
{
    QTemporaryDir dir;
    ExplorerState state;
    const auto error =
        ax::ui::exportSweepPngSequence(state, eluSweep(5), smallFrames(), dir.path(), QStringLiteral("cut"),
                                       nullptr, [](int done, int) { return done < 2; });
    ASSERT_TRUE(error);
    EXPECT_TRUE(QDir(dir.path()).entryList(QDir::Files).isEmpty());
    EXPECT_TRUE(ax::ui::exportSweepGif(state, eluSweep(5), smallFrames(),
                                       dir.filePath(QStringLiteral("cut.gif")),
                                       [](int done, int) { return done < 2; }));
    EXPECT_TRUE(QDir(dir.path()).entryList(QDir::Files).isEmpty());
}

TEST(ExportSweep, RefusesSweepsThatCannotBeShown)
{
    ExplorerState state;
    SweepAnimation sweep = eluSweep(10);
    EXPECT_FALSE(ax::ui::validateSweep(state, sweep));
    sweep.id = QStringLiteral("nonesuch");
    EXPECT_TRUE(ax::ui::validateSweep(state, sweep));
    sweep.id = QStringLiteral("relu");  // no parameter
    EXPECT_TRUE(ax::ui::validateSweep(state, sweep));
    sweep = eluSweep(10);
    sweep.from = -1.0;  // ELU's α must be positive
    EXPECT_TRUE(ax::ui::validateSweep(state, sweep));
    sweep = eluSweep(10);
    sweep.to = sweep.from;
    EXPECT_TRUE(ax::ui::validateSweep(state, sweep));
    sweep = eluSweep(1);
    EXPECT_TRUE(ax::ui::validateSweep(state, sweep));
    sweep = eluSweep(10);
    sweep.fps = 0.0;
    EXPECT_TRUE(ax::ui::validateSweep(state, sweep));
    sweep.fps = 500.0;
    EXPECT_TRUE(ax::ui::validateSweep(state, sweep));
}

}  // namespace

namespace {

SweepAnimation wideEluSweep(int frames)
{
    SweepAnimation sweep = eluSweep(frames);
    sweep.to = 3.0;
    return sweep;
}

TEST(ExportSweep, TheAxesHoldStillForTheWholeSweep)
{
    ExplorerState state;
    for (const bool second : {false, true}) {
        state.setShowSecondDerivative(second);
        const SweepAnimation sweep = wideEluSweep(60);
        const ax::ui::ChartLayout first = ax::ui::sweepFrameLayout(state, sweep, smallFrames(), 0);
        ASSERT_GE(first.panels.size(), second ? 3u : 2u);
        bool framesOnTheirOwnDiffer = false;
        for (int frame = 1; frame < sweep.frames; ++frame) {
            const ax::ui::ChartLayout layout = ax::ui::sweepFrameLayout(state, sweep, smallFrames(), frame);
            ASSERT_EQ(layout.panels.size(), first.panels.size());
            for (std::size_t p = 0; p < layout.panels.size(); ++p) {
                EXPECT_EQ(layout.panels[p].yMin, first.panels[p].yMin) << "frame " << frame << " panel " << p;
                EXPECT_EQ(layout.panels[p].yMax, first.panels[p].yMax) << "frame " << frame << " panel " << p;
            }
            // The same frame drawn on its own fits its axes to itself (what the sweep used to do).
            ExplorerState alone;
            ASSERT_FALSE(alone.fromJson(state.toJson()));
            ASSERT_FALSE(alone.setParameter(sweep.id, sweep.parameterIndex, sweep.value(frame)));
            const ax::ui::ChartLayout own = ax::ui::figureLayout(alone, smallFrames());
            for (std::size_t p = 0; p < own.panels.size() && p < first.panels.size(); ++p) {
                EXPECT_LE(first.panels[p].yMin, own.panels[p].yMin) << "the held axes cover frame " << frame;
                EXPECT_GE(first.panels[p].yMax, own.panels[p].yMax) << "the held axes cover frame " << frame;
                framesOnTheirOwnDiffer = framesOnTheirOwnDiffer ||
                                         own.panels[p].yMin != first.panels[p].yMin ||
                                         own.panels[p].yMax != first.panels[p].yMax;
            }
        }
        EXPECT_TRUE(framesOnTheirOwnDiffer) << "this sweep must move some auto-fitted axis";
    }
}

TEST(ExportSweep, GifColoursOfTheThemeAndHatchingAreExactInEveryFrame)
{
    for (const ax::ui::Theme theme : {ax::ui::Theme::Light, ax::ui::Theme::Dark}) {
        QTemporaryDir dir;
        ExplorerState state;
        state.setEnabledIds({QStringLiteral("elu"), QStringLiteral("sigmoid"), QStringLiteral("relu")});
        const SweepAnimation sweep = wideEluSweep(6);
        FigureOptions options = smallFrames();
        options.theme = theme;
        const QString path = dir.filePath(QStringLiteral("colours.gif"));
        ASSERT_FALSE(ax::ui::exportSweepGif(state, sweep, options, path));
        QImageReader reader(path, "gif");
        if (!reader.canRead()) GTEST_SKIP() << "Qt's GIF reader is not installed";
        for (int frame = 0; frame < sweep.frames; ++frame) {
            const QImage gif = reader.read().convertToFormat(QImage::Format_RGB32);
            const QImage drawn =
                ax::ui::renderSweepFrame(state, sweep, options, frame).convertToFormat(QImage::Format_RGB32);
            ASSERT_EQ(gif.size(), drawn.size());
            // Every colour that covers a visible area of the frame (background, hatching, lanes,
            // axes) comes out exactly: not a nearby brown or grey.
            QHash<QRgb, int> counts;
            for (int y = 0; y < drawn.height(); ++y)
                for (int x = 0; x < drawn.width(); ++x)
                    ++counts[drawn.pixel(x, y)];
            const int area = drawn.width() * drawn.height() / 400;
            int checkedColours = 0;
            for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
                if (it.value() < area) continue;
                ++checkedColours;
                int wrong = 0;
                for (int y = 0; y < drawn.height(); ++y)
                    for (int x = 0; x < drawn.width(); ++x)
                        if (drawn.pixel(x, y) == it.key() && gif.pixel(x, y) != it.key()) ++wrong;
                EXPECT_EQ(wrong, 0) << "colour " << std::hex << it.key() << " frame " << std::dec << frame;
            }
            EXPECT_GE(checkedColours, 3);
            EXPECT_EQ(gif.pixel(0, 0), drawn.pixel(0, 0)) << "the background";
        }
    }
}

}  // namespace
