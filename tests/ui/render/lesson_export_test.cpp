// A lesson handed out: the PDF has one page per step, each step's image has the slide's size, and the
// file names number the steps and name what they bring in.

#include "ui/render/lesson_export.h"
#include "ui/model/lesson_file.h"

#include <QImage>
#include <QRegularExpression>

#include <gtest/gtest.h>

namespace ax::ui {
namespace {

Lesson twoSteps()
{
    auto read =
        LessonFile::fromBytes(R"({"format": "activation-explorer-lesson", "version": 1, "title": "Two",
  "steps": [
    {"title": "ReLU", "caption": "Dead on the left.", "view": "charts", "introduces": "leaky_relu",
     "session": {"format": "activation-explorer-session", "version": 1, "enabled": ["relu", "leaky_relu"]}},
    {"title": "The depth lab, at 30 layers!", "caption": "Deep.", "view": "depthLab",
     "session": {"format": "activation-explorer-session", "version": 1, "enabled": ["selu"]}}
  ]})");
    if (auto* error = std::get_if<QString>(&read)) ADD_FAILURE() << error->toStdString();
    return std::get<Lesson>(read);
}

TEST(LessonExport, ThePdfHasOnePagePerStep)
{
    const QByteArray pdf = LessonExport::renderPdf(twoSteps());
    ASSERT_TRUE(pdf.startsWith("%PDF-"));
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page(?![s])"));
    int pages = 0;
    for (auto it = page.globalMatch(QString::fromLatin1(pdf)); it.hasNext(); it.next())
        ++pages;
    EXPECT_EQ(pages, 2);
}

TEST(LessonExport, EachStepIsASlideImage)
{
    const Lesson lesson = twoSteps();
    const QImage image = QImage::fromData(LessonExport::renderStep(lesson, 1, FigureFormat::Png), "PNG");
    EXPECT_EQ(image.size(), QSize(1920, 1080));
    const QByteArray svg = LessonExport::renderStep(lesson, 0, FigureFormat::Svg);
    EXPECT_TRUE(svg.contains("<path"));
    EXPECT_TRUE(svg.contains("Dead on the left."));
}

TEST(LessonExport, FileNamesNumberTheStepsAndNameWhatTheyBringIn)
{
    const Lesson lesson = twoSteps();
    EXPECT_EQ(LessonExport::stepFileName(lesson, 0, FigureFormat::Png),
              QStringLiteral("step-01-leaky-relu.png"));
    EXPECT_EQ(LessonExport::stepFileName(lesson, 1, FigureFormat::Svg),
              QStringLiteral("step-02-the-depth-lab-at-30-layers.svg"));
}

}  // namespace
}  // namespace ax::ui
