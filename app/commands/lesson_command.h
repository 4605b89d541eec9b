#pragma once
// The headless --export-lesson command: a lesson as a printable PDF, or one image per step for slides.

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>

#include <cstdio>
#include <optional>

namespace ax::app {

// The text of the lesson options as given, before any of it is checked; --format is declared with
// --export and shared.
struct LessonArguments {
    QString target;  // FILE.pdf, or a folder with --format
    std::optional<QString> lesson;
    std::optional<QString> formats;
};

// Declares --export-lesson and --lesson and reads them.
class LessonOptions {
    Q_DECLARE_TR_FUNCTIONS(LessonOptions)

public:
    LessonOptions();

    void addTo(QCommandLineParser& parser) const;
    [[nodiscard]] bool isRequested(const QCommandLineParser& parser) const;
    // Not empty when one of them is given more than once, or --lesson without --export-lesson.
    [[nodiscard]] QString misuse(const QCommandLineParser& parser) const;
    // formats is filled in by the command line, which reads the shared --format.
    [[nodiscard]] LessonArguments read(const QCommandLineParser& parser) const;

private:
    QCommandLineOption m_exportLesson;
    QCommandLineOption m_lesson;
};

class LessonCommand {
    Q_DECLARE_TR_FUNCTIONS(LessonCommand)

public:
    // Needs a QGuiApplication. Checks the lesson, the formats and the path before anything is
    // written; prints the written paths, errors as one line on stderr. Returns 0, kBadInputExitCode
    // for bad input, or 1 when writing failed (no file of the run is left behind).
    [[nodiscard]] static int run(const LessonArguments& arguments, std::FILE* output);
};

// Creates the application (on the offscreen platform when there is no display) and runs the command.
[[nodiscard]] int runLessonCommand(char** argv, const LessonArguments& arguments);

}  // namespace ax::app
