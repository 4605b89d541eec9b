// Lesson files: what is saved opens as the same lesson and saves as the same bytes; anything bad
// refuses the whole file with one line naming the step and the field.

#include "ui/model/lesson_file.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace ax::ui {
namespace {

// A lesson of two steps; %1 is put in the second step, %2 in its session.
QByteArray lessonText(const QString& stepExtra = {}, const QString& sessionExtra = {})
{
    return QStringLiteral(R"({"format": "activation-explorer-lesson", "version": 1, "title": "Two steps",
  "steps": [
    {"title": "One", "caption": "<b>first</b>", "view": "charts", "introduces": "relu",
     "session": {"format": "activation-explorer-session", "version": 1, "enabled": ["relu"]}},
    {"title": "Two", "caption": "second", "view": "depthLab"%1,
     "session": {"format": "activation-explorer-session", "version": 1, "enabled": ["selu"]%2}}
  ]})")
        .arg(stepExtra, sessionExtra)
        .toUtf8();
}

QString refusal(const QByteArray& bytes)
{
    auto read = LessonFile::fromBytes(bytes);
    if (std::holds_alternative<Lesson>(read)) return {};
    return std::get<QString>(read);
}

TEST(LessonFile, ReadsWhatItSays)
{
    auto read = LessonFile::fromBytes(lessonText());
    ASSERT_TRUE(std::holds_alternative<Lesson>(read)) << std::get<QString>(read).toStdString();
    const Lesson& lesson = std::get<Lesson>(read);
    EXPECT_EQ(lesson.title, QStringLiteral("Two steps"));
    ASSERT_EQ(lesson.steps.size(), 2);
    EXPECT_EQ(lesson.steps[0].introduces, QStringLiteral("relu"));
    EXPECT_EQ(lesson.steps[0].session.enabled, QStringList{QStringLiteral("relu")});
    EXPECT_EQ(lesson.steps[1].view, LessonView::DepthLab);
    EXPECT_TRUE(lesson.steps[1].introduces.isEmpty());
}

TEST(LessonFile, SaveOpenSaveGivesTheSameBytes)
{
    auto shipped = LessonFile::shipped();
    ASSERT_TRUE(std::holds_alternative<Lesson>(shipped)) << std::get<QString>(shipped).toStdString();
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString first = dir.filePath(QStringLiteral("a.actx-lesson.json"));
    const QString second = dir.filePath(QStringLiteral("b.actx-lesson.json"));
    ASSERT_EQ(LessonFile::save(std::get<Lesson>(shipped), first), std::nullopt);
    auto reopened = LessonFile::open(first);
    ASSERT_TRUE(std::holds_alternative<Lesson>(reopened)) << std::get<QString>(reopened).toStdString();
    EXPECT_EQ(std::get<Lesson>(reopened), std::get<Lesson>(shipped));
    ASSERT_EQ(LessonFile::save(std::get<Lesson>(reopened), second), std::nullopt);
    QFile a(first);
    QFile b(second);
    ASSERT_TRUE(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    const QByteArray bytes = a.readAll();
    EXPECT_FALSE(bytes.isEmpty());
    EXPECT_EQ(bytes, b.readAll());
}

TEST(LessonFile, RefusesTheWholeFileNamingTheStepAndTheField)
{
    const std::vector<std::pair<QByteArray, const char*>> cases = {
        {"[]", "does not hold a lesson"},
        {"{\"format\": \"activation-explorer-session\", \"version\": 1}",
         "not an Activation Explorer lesson"},
        {lessonText().replace("\"version\": 1, \"title\"", "\"version\": 2, \"title\""),
         "written by a newer version (format 2"},
        {lessonText().replace("\"version\": 1, \"title\"", "\"version\": 1.5, \"title\""),
         "1.5 is not valid"},
        {lessonText().replace("\"title\": \"Two steps\"", "\"title\": \"Two steps\", \"title\": \"Again\""),
         "given twice"},
        {lessonText(QStringLiteral(", \"caption\": \"again\"")), "given twice"},
        {lessonText(QStringLiteral(", \"notes\": 1")), "Step 2, unknown key \"notes\""},
        {lessonText().replace("\"title\": \"Two\"", "\"title\": 2"), "Step 2, \"title\" must be text."},
        {lessonText().replace("\"title\": \"Two\"", "\"title\": \"  \""),
         "Step 2, \"title\" must not be empty."},
        {lessonText().replace("\"caption\": \"second\"", "\"caption\": [\"second\"]"),
         "Step 2, \"caption\" must be text."},
        {lessonText().replace("\"caption\": \"second\"", "\"caption\": \"<script>x</script>\""),
         "Step 2, \"caption\": the tag \"<script>\" at character 1 is not allowed"},
        {lessonText().replace("\"caption\": \"second\"",
                              "\"caption\": \"" + QByteArray(Lesson::kMaxCaptionLength + 1, 'x') + "\""),
         "Step 2, \"caption\" is 4001 characters long; at most 4000 are allowed."},
        {lessonText().replace("\"view\": \"depthLab\"", "\"view\": \"slides\""), "Step 2, \"view\" must be"},
        {lessonText().replace("\"view\": \"depthLab\",", ""), "Step 2, \"view\" is missing."},
        {lessonText(QStringLiteral(", \"introduces\": \"relu\"")),
         "Step 2, \"introduces\" names \"relu\", which the step's session does not show."},
        {lessonText(QStringLiteral(", \"introduces\": \"nope\"")),
         "Step 2, \"introduces\" names the unknown activation \"nope\"."},
        {lessonText({}, QStringLiteral(", \"range\": [3, -3]")), "Step 2, \"session\": "},
        {lessonText().replace("[\"selu\"]", "[\"nope\"]"),
         "Step 2, \"session\": Unknown activation \"nope\" in \"enabled\"."},
        {lessonText({}, QStringLiteral(", \"epsilon\": \"small\"")),
         "Step 2, \"session\": \"epsilon\" must be a number."},
        {lessonText({}, QStringLiteral(", \"samples\": NaN")), "not valid JSON"},
        {lessonText({}, QStringLiteral(", \"range\": [-1e999, 1]")), "not valid JSON"},
        {lessonText({}, QStringLiteral(", \"depthLab\": {\"depth\": 500}")), "Step 2, \"session\": "},
        {lessonText().replace(", \"version\": 1, \"enabled\": [\"selu\"]", ", \"enabled\": [\"selu\"]"),
         "Step 2, \"session\": The file has no format version."},
        {lessonText().replace(
             "\"format\": \"activation-explorer-session\", \"version\": 1, \"enabled\": [\"selu\"]",
             "\"version\": 1, \"enabled\": [\"selu\"]"),
         "Step 2, \"session\": The file is not an Activation Explorer session"},
        {lessonText().replace("\"steps\": [", "\"steps\": [1, "), "Step 1, must be an object."},
    };
    for (const auto& [bytes, message] : cases) {
        const QString error = refusal(bytes);
        EXPECT_TRUE(error.contains(QString::fromUtf8(message)))
            << message << "\n  got: " << error.toStdString();
        EXPECT_FALSE(error.contains(QLatin1Char('\n'))) << error.toStdString();
    }
}

TEST(LessonFile, RefusesTooManyStepsAndNone)
{
    auto valid = LessonFile::fromBytes(lessonText());
    ASSERT_TRUE(std::holds_alternative<Lesson>(valid));
    QJsonObject json = LessonFile::toJson(std::get<Lesson>(valid));
    QJsonArray steps = json.value(QStringLiteral("steps")).toArray();
    while (steps.size() <= Lesson::kMaxSteps)
        steps.append(steps.first());
    json.insert(QStringLiteral("steps"), steps);
    auto read = LessonFile::fromJson(json);
    ASSERT_TRUE(std::holds_alternative<QString>(read));
    EXPECT_EQ(std::get<QString>(read), QStringLiteral("The lesson has 65 steps; at most 64 are allowed."));
    json.insert(QStringLiteral("steps"), QJsonArray());
    read = LessonFile::fromJson(json);
    ASSERT_TRUE(std::holds_alternative<QString>(read));
    EXPECT_EQ(std::get<QString>(read), QStringLiteral("The lesson has no steps."));
}

TEST(LessonFile, RefusesAHugeFileBeforeReadingIt)
{
    QByteArray bytes = lessonText();
    bytes.append(QByteArray(LessonFile::kMaxBytes, ' '));
    EXPECT_TRUE(refusal(bytes).contains(QStringLiteral("too large to be a lesson")));
}

TEST(LessonFile, OpeningNamesTheFile)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.actx-lesson.json"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(lessonText().replace("\"view\": \"depthLab\"", "\"view\": 3"));
    file.close();
    auto read = LessonFile::open(path);
    ASSERT_TRUE(std::holds_alternative<QString>(read));
    EXPECT_TRUE(std::get<QString>(read).startsWith(QStringLiteral("bad.actx-lesson.json: Step 2, \"view\"")))
        << std::get<QString>(read).toStdString();
}

}  // namespace
}  // namespace ax::ui
