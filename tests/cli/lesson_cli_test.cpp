// The headless --export-lesson command as a script would run it: a PDF with one page per step drawn
// as vectors, one PNG and SVG per step, and for every bad input one line, exit code 2 and nothing
// written.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include "tests/cli/program_run.h"

#include <gtest/gtest.h>

namespace {

using namespace ax::test;

// A lesson of two steps: one on the charts, one on the comparison table.
const QByteArray kTwoSteps = R"({"format": "activation-explorer-lesson", "version": 1, "title": "Two",
  "steps": [
    {"title": "ReLU", "caption": "Its slope is <b>exactly</b> 0 on the left.", "view": "charts",
     "introduces": "relu",
     "session": {"format": "activation-explorer-session", "version": 1, "enabled": ["relu"]}},
    {"title": "The table", "caption": "Side by side.", "view": "comparison",
     "session": {"format": "activation-explorer-session", "version": 1, "enabled": ["relu", "elu"]}}
  ]})";

// The page objects of a PDF (not its /Pages tree).
int pageCount(const QByteArray& pdf)
{
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page(?![s])"));
    int count = 0;
    for (auto it = page.globalMatch(QString::fromLatin1(pdf)); it.hasNext(); it.next())
        ++count;
    return count;
}

// The content streams of a PDF, inflated where they are Flate-compressed.
QList<QByteArray> streams(const QByteArray& pdf)
{
    QList<QByteArray> result;
    qsizetype at = 0;
    while ((at = pdf.indexOf("stream\n", at)) >= 0) {
        const qsizetype begin = at + 7;
        const qsizetype end = pdf.indexOf("endstream", begin);
        if (end < 0) break;
        const QByteArray raw = pdf.mid(begin, end - begin);
        // qUncompress wants the inflated size first; any size large enough will do.
        QByteArray sized(4, '\0');
        sized[0] = 0x7f;
        // Flate streams start with a zlib header; the rest are stored as they are.
        const QByteArray inflated = raw.startsWith('\x78') ? qUncompress(sized + raw) : QByteArray();
        result << (inflated.isEmpty() ? raw : inflated);
        at = end;
    }
    return result;
}

class LessonCli : public ::testing::Test {
protected:
    [[nodiscard]] QString path(const QString& name) const { return m_dir.filePath(name); }

    void write(const QString& name, const QByteArray& bytes) const
    {
        QFile file(path(name));
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }

    void expectRefused(const QStringList& arguments, const char* part) const
    {
        expectRefusedLeavingFolderAlone(arguments, m_dir.path(), part);
    }

    QTemporaryDir m_dir;
};

TEST_F(LessonCli, TheShippedLessonIsAPdfWithOnePageOfVectorsPerStep)
{
    const RunResult result =
        run({QStringLiteral("--export-lesson"), QStringLiteral("hand.pdf")}, m_dir.path());
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_EQ(result.out, "hand.pdf\n");
    const QByteArray pdf = readAll(path(QStringLiteral("hand.pdf")));
    ASSERT_TRUE(pdf.startsWith("%PDF-"));
    EXPECT_EQ(pageCount(pdf), 14);
    // Curves are paths (moveto, lineto or curveto, then a stroke), not one picture per page.
    int vectorStreams = 0;
    for (const QByteArray& stream : streams(pdf))
        if (stream.contains(" m\n") && (stream.contains(" l\n") || stream.contains(" c\n")) &&
            stream.contains("S\n"))
            ++vectorStreams;
    EXPECT_GE(vectorStreams, 14);

    // Each page is its step: the title and the caption's text as a reader finds them in the PDF.
    const QJsonArray steps = QJsonDocument::fromJson(readAll(QStringLiteral(AX_SHIPPED_LESSON)))
                                 .object()
                                 .value(QLatin1String("steps"))
                                 .toArray();
    ASSERT_EQ(steps.size(), 14);
    const auto words = [](QString text) {
        text.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
        // The PDF's text keeps the typeface's ligatures (ﬁ, ﬀ); compatibility form spells them out.
        return text.normalized(QString::NormalizationForm_KC).simplified();
    };
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const QString page = QString::number(i + 1);
        const RunResult text =
            runShell(QStringLiteral("pdftotext -f %1 -l %1 hand.pdf page.txt").arg(page), m_dir.path());
        ASSERT_EQ(text.exitCode, 0) << text.err.toStdString();
        const QString onPage = words(QString::fromUtf8(readAll(path(QStringLiteral("page.txt")))));
        const QJsonObject step = steps[i].toObject();
        EXPECT_TRUE(onPage.contains(words(step.value(QLatin1String("title")).toString())))
            << "page " << page.toStdString();
        // The caption's last words: the whole caption was laid out on the page before them.
        const QStringList caption =
            words(step.value(QLatin1String("caption")).toString()).split(QLatin1Char(' '));
        const QString ending = caption.mid(std::max<qsizetype>(0, caption.size() - 4)).join(QLatin1Char(' '));
        EXPECT_TRUE(onPage.contains(ending)) << "page " << page.toStdString() << ": " << ending.toStdString();
    }
}

TEST_F(LessonCli, ALessonFileGivesItsOwnPagesAndOneImagePerStep)
{
    write(QStringLiteral("two.actx-lesson.json"), kTwoSteps);
    RunResult result = run({QStringLiteral("--export-lesson"), QStringLiteral("two.pdf"),
                            QStringLiteral("--lesson"), QStringLiteral("two.actx-lesson.json")},
                           m_dir.path());
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_EQ(pageCount(readAll(path(QStringLiteral("two.pdf")))), 2);

    result =
        run({QStringLiteral("--export-lesson"), QStringLiteral("slides"), QStringLiteral("--format"),
             QStringLiteral("png,svg"), QStringLiteral("--lesson"), QStringLiteral("two.actx-lesson.json")},
            m_dir.path());
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_EQ(result.out,
              "slides/step-01-relu.png\nslides/step-01-relu.svg\nslides/step-02-the-table.png\n"
              "slides/step-02-the-table.svg\n");
    EXPECT_EQ(pngSize(readAll(path(QStringLiteral("slides/step-01-relu.png")))), QSize(1920, 1080));
    const QByteArray svg = readAll(path(QStringLiteral("slides/step-01-relu.svg")));
    EXPECT_TRUE(svg.contains("<path")) << "the curves as paths";
    EXPECT_TRUE(svg.contains("exactly")) << "the caption as text";
    // A second run replaces its own files.
    result = run({QStringLiteral("--export-lesson"), QStringLiteral("slides"), QStringLiteral("--format"),
                  QStringLiteral("png"), QStringLiteral("--lesson"), QStringLiteral("two.actx-lesson.json")},
                 m_dir.path());
    EXPECT_EQ(result.exitCode, 0) << result.err.toStdString();
}

TEST_F(LessonCli, BadInputIsRefusedWithOneLineAndNothingWritten)
{
    write(QStringLiteral("bad.actx-lesson.json"),
          QByteArray(kTwoSteps).replace("\"enabled\": [\"relu\", \"elu\"]",
                                        "\"enabled\": [\"relu\", \"nope\"]"));
    write(QStringLiteral("html.actx-lesson.json"),
          QByteArray(kTwoSteps).replace("Side by side.", "<img src=x>"));
    QDir(m_dir.path()).mkpath(QStringLiteral("foreign"));
    write(QStringLiteral("foreign/step-01-relu.png"), "not ours");
    write(QStringLiteral("good.actx-lesson.json"), kTwoSteps);
    const QString lesson = QStringLiteral("--lesson");
    const QString exportLesson = QStringLiteral("--export-lesson");
    expectRefused({exportLesson, QStringLiteral("d"), QStringLiteral("--format"), QStringLiteral("gif")},
                  "--format: with --export-lesson, the images are png or svg, not \"gif\"");
    expectRefused({exportLesson, QStringLiteral("d"), QStringLiteral("--format"), QStringLiteral("png,png")},
                  "\"png\" is listed twice");
    expectRefused({exportLesson, QStringLiteral("hand.png")}, "the file's name must end in .pdf");
    expectRefused({exportLesson, QStringLiteral("missing/hand.pdf")}, "is not an existing directory");
    expectRefused(
        {exportLesson, QStringLiteral("missing/d"), QStringLiteral("--format"), QStringLiteral("png")},
        "is not an existing directory");
    expectRefused({exportLesson, QStringLiteral("good.actx-lesson.json"), QStringLiteral("--format"),
                   QStringLiteral("png"), lesson, QStringLiteral("good.actx-lesson.json")},
                  "is a file; with --format it takes a folder");
    expectRefused({exportLesson, QStringLiteral("foreign"), QStringLiteral("--format"), QStringLiteral("png"),
                   lesson, QStringLiteral("good.actx-lesson.json")},
                  "was not written by an export of this program");
    expectRefused(
        {exportLesson, QStringLiteral("h.pdf"), lesson, QStringLiteral("bad.actx-lesson.json")},
        "--lesson: bad.actx-lesson.json: Step 2, \"session\": Unknown activation \"nope\" in \"enabled\".");
    expectRefused({exportLesson, QStringLiteral("h.pdf"), lesson, QStringLiteral("html.actx-lesson.json")},
                  "Step 2, \"caption\": \"<img src=x>\" at character 1: tags take no attributes");
    expectRefused({exportLesson, QStringLiteral("h.pdf"), lesson, QStringLiteral("none.actx-lesson.json")},
                  "--lesson: Cannot open none.actx-lesson.json");
    expectRefused({lesson, QStringLiteral("good.actx-lesson.json")},
                  "--lesson is used only with --export-lesson.");
    expectRefused(
        {exportLesson, QStringLiteral("h.pdf"), QStringLiteral("--size"), QStringLiteral("800x600")},
        "--size is used only with --export.");
    expectRefused({exportLesson, QStringLiteral("h.pdf"), QStringLiteral("--export"), QStringLiteral("d")},
                  "cannot be used together");
}

}  // namespace
