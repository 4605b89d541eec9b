// The Export dialog driven as a user would: pick a format and a file, press Export.

#include "ui/widgets/export_dialog.h"
#include "ui/model/explorer_state.h"
#include "ui/render/figure_export.h"
#include "ui/widgets/depth_lab_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>

#include <gif_lib.h>
#include <gtest/gtest.h>

namespace {

using ax::ui::ExplorerState;
using ax::ui::ExportDialog;

template <typename T>
T* child(const ExportDialog& dialog, const char* name)
{
    T* widget = dialog.findChild<T*>(QString::fromLatin1(name));
    EXPECT_NE(widget, nullptr) << name;
    return widget;
}

void chooseData(QComboBox* box, int data)
{
    box->setCurrentIndex(box->findData(data));
}

TEST(ExportDialog, ExportButtonWritesTheChosenSvg)
{
    QTemporaryDir dir;
    ExplorerState state;
    ExportDialog dialog(state);
    dialog.show();
    chooseData(child<QComboBox>(dialog, "exportFormat"), static_cast<int>(ax::ui::FigureFormat::Svg));
    chooseData(child<QComboBox>(dialog, "exportChart"), static_cast<int>(ax::ui::Chart::Function));
    EXPECT_TRUE(dialog.path().endsWith(QStringLiteral("function.svg"))) << dialog.path().toStdString();
    const QString path = dir.filePath(QStringLiteral("slide.svg"));
    dialog.setPath(path);
    QTest::mouseClick(child<QPushButton>(dialog, "exportButton"), Qt::LeftButton);
    EXPECT_EQ(dialog.result(), QDialog::Accepted)
        << child<QLabel>(dialog, "exportMessage")->text().toStdString();
    ASSERT_TRUE(QFileInfo::exists(path));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_TRUE(QSvgRenderer(file.readAll()).isValid());
}

// The depth lab's charts are offered beside the others and written as the user chose: here the
// dead-unit chart as a PNG of the preset size, with ReLU's theory line in it.
TEST(ExportDialog, DepthLabChartsExportFromTheDialog)
{
    QTemporaryDir dir;
    ExplorerState state;
    state.setEnabledIds({QStringLiteral("relu")});
    ax::ui::DepthLabView depthLab(state);
    ExportDialog dialog(state);
    auto* chart = child<QComboBox>(dialog, "exportChart");
    const int before = chart->count();
    dialog.setDepthLab(&depthLab);
    EXPECT_GT(chart->count(), before + 3);
    dialog.show();
    chooseData(child<QComboBox>(dialog, "exportFormat"), static_cast<int>(ax::ui::FigureFormat::Png));
    chart->setCurrentIndex(chart->findText(QStringLiteral("Depth lab: dead units")));
    ASSERT_EQ(dialog.depthChart(), ax::ui::Chart::DepthDead);
    EXPECT_TRUE(dialog.path().endsWith(QStringLiteral("depth-dead.png"))) << dialog.path().toStdString();
    const QString path = dir.filePath(QStringLiteral("dead.png"));
    dialog.setPath(path);
    QTest::mouseClick(child<QPushButton>(dialog, "exportButton"), Qt::LeftButton);
    EXPECT_EQ(dialog.result(), QDialog::Accepted)
        << child<QLabel>(dialog, "exportMessage")->text().toStdString();
    const QImage image(path);
    ASSERT_FALSE(image.isNull());
    const ax::ui::FigureOptions options = dialog.figureOptions();
    EXPECT_EQ(image.size(), (options.size * options.scale).toSize());
    // The export completed the theory first: the dead-unit line is there, not only the others.
    const auto& series = depthLab.chartContent(ax::ui::Chart::DepthDead).series;
    ASSERT_EQ(series.size(), 1u);
    EXPECT_GT(series.front().line.back().y(), 0.3);
}

TEST(ExportDialog, PresetsAndScaleSetThePngSize)
{
    QTemporaryDir dir;
    ExplorerState state;
    ExportDialog dialog(state);
    child<QComboBox>(dialog, "exportSizePreset")->setCurrentIndex(1);  // 1280 × 720
    child<QComboBox>(dialog, "exportScale")->setCurrentIndex(1);       // ×2
    child<QCheckBox>(dialog, "exportTransparent")->setChecked(true);
    const QString path = dir.filePath(QStringLiteral("hd.png"));
    dialog.setPath(path);
    ASSERT_FALSE(dialog.exportNow());
    const QImage image(path);
    EXPECT_EQ(image.size(), QSize(2560, 1440));
    EXPECT_EQ(qAlpha(image.pixel(image.width() - 1, image.height() - 1)), 0);

    child<QComboBox>(dialog, "exportSizePreset")->setCurrentIndex(3);  // A4 landscape, 300 dpi
    child<QComboBox>(dialog, "exportScale")->setCurrentIndex(0);
    EXPECT_EQ(child<QSpinBox>(dialog, "exportWidth")->value(), 3508);
    const QString a4 = dir.filePath(QStringLiteral("a4.png"));
    dialog.setPath(a4);
    ASSERT_FALSE(dialog.exportNow());
    const QImage page(a4);
    EXPECT_EQ(page.size(), QSize(3508, 2480));
    EXPECT_NEAR(page.dotsPerMeterX() * 0.0254, 300.0, 0.5);
}

TEST(ExportDialog, AnUnwritablePathIsReportedAndNothingIsWritten)
{
    QTemporaryDir dir;
    ExplorerState state;
    ExportDialog dialog(state);
    dialog.show();
    const QString path = dir.filePath(QStringLiteral("missing/folder/figure.png"));
    dialog.setPath(path);
    QTest::mouseClick(child<QPushButton>(dialog, "exportButton"), Qt::LeftButton);
    EXPECT_NE(dialog.result(), QDialog::Accepted);
    EXPECT_TRUE(dialog.isVisible());
    EXPECT_FALSE(child<QLabel>(dialog, "exportMessage")->text().isEmpty());
    EXPECT_FALSE(QFileInfo::exists(path));
}

TEST(ExportDialog, AnimationPageWritesAGifOfTheChosenSweep)
{
    QTemporaryDir dir;
    ExplorerState state;
    ExportDialog dialog(state);
    dialog.showPage(ExportDialog::Page::Animation);
    auto* parameter = child<QComboBox>(dialog, "sweepParameter");
    int elu = -1;
    for (int i = 0; i < parameter->count(); ++i)
        if (parameter->itemData(i).toStringList().value(0) == QStringLiteral("elu")) elu = i;
    ASSERT_GE(elu, 0);
    parameter->setCurrentIndex(elu);
    child<QSpinBox>(dialog, "sweepFrames")->setValue(3);
    child<QComboBox>(dialog, "exportSizePreset")->setCurrentIndex(4);  // custom
    child<QSpinBox>(dialog, "exportWidth")->setValue(320);
    child<QSpinBox>(dialog, "exportHeight")->setValue(200);
    EXPECT_TRUE(dialog.path().endsWith(QStringLiteral("sweep-elu-alpha.gif"))) << dialog.path().toStdString();
    const QString path = dir.filePath(QStringLiteral("elu.gif"));
    dialog.setPath(path);
    ASSERT_FALSE(dialog.exportNow());

    int error = 0;
    GifFileType* gif = DGifOpenFileName(QFile::encodeName(path).constData(), &error);
    ASSERT_NE(gif, nullptr);
    ASSERT_EQ(DGifSlurp(gif), GIF_OK);
    EXPECT_EQ(gif->ImageCount, 3);
    EXPECT_EQ(gif->SWidth, 320);
    EXPECT_EQ(gif->SHeight, 200);
    DGifCloseFile(gif, &error);
}

}  // namespace
