#include "app/commands/lesson_command.h"

#include "app/commands/command_line.h"
#include "app/commands/local_path.h"
#include "app/commands/named_file.h"
#include "app/commands/option_values.h"
#include "app/commands/platform.h"
#include "ui/model/atomic_file.h"
#include "ui/model/lesson_file.h"
#include "ui/model/quoted_text.h"
#include "ui/render/lesson_export.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QSet>

#include <cstdlib>
#include <vector>

namespace ax::app {

namespace {

using ui::FigureFormat;

// What one run writes, in memory before the first byte reaches the disk.
struct Rendered {
    QString path;
    QByteArray bytes;
};

ui::Lesson readLesson(const LessonArguments& arguments)
{
    auto read = arguments.lesson ? ui::LessonFile::open(LocalFile(*arguments.lesson).qtPath())
                                 : ui::LessonFile::shipped();
    if (auto* error = std::get_if<QString>(&read))
        throw BadInput{arguments.lesson
                           ? LessonCommand::tr("--lesson: %1").arg(*error)
                           : LessonCommand::tr("The shipped lesson cannot be read: %1").arg(*error)};
    return std::get<ui::Lesson>(std::move(read));
}

std::vector<FigureFormat> readFormats(const QString& list)
{
    std::vector<FigureFormat> formats;
    for (const QString& raw : list.split(QLatin1Char(','))) {
        const QString name = raw.trimmed();
        const auto format = ui::figureFormatFromName(name);
        if (!format || *format == FigureFormat::Pdf)
            throw BadInput{
                LessonCommand::tr("--format: with --export-lesson, the images are png or svg, not %1 (a "
                                  "PDF is one file: --export-lesson FILE.pdf without --format).")
                    .arg(ui::quoted(name))};
        for (const FigureFormat seen : formats)
            if (seen == *format)
                throw BadInput{LessonCommand::tr("--format: %1 is listed twice.").arg(ui::quoted(name))};
        formats.push_back(*format);
    }
    return formats;
}

// The folder exists or can be created (its parent exists), and no file the run would replace is
// someone else's.
void checkFolder(const QString& folder, const QStringList& paths)
{
    if (folder.isEmpty()) throw BadInput{LessonCommand::tr("--export-lesson needs a file or folder name.")};
    const QFileInfo info(folder);
    if (info.exists() && !info.isDir())
        throw BadInput{LessonCommand::tr("--export-lesson: %1 is a file; with --format it takes a folder.")
                           .arg(ui::quoted(folder))};
    if (!info.exists() && !QFileInfo(info.absolutePath()).isDir())
        throw BadInput{
            LessonCommand::tr("--export-lesson: cannot create %1 because %2 is not an existing directory.")
                .arg(ui::quoted(folder), ui::quoted(QDir::toNativeSeparators(info.absolutePath())))};
    if (info.exists() && !info.isWritable())
        throw BadInput{LessonCommand::tr("--export-lesson: %1 is not writable.").arg(ui::quoted(folder))};
    for (const QString& path : paths) {
        const QFileInfo file(path);
        if ((file.exists() || file.isSymLink()) && (file.isSymLink() || !ui::isExportedFile(path)))
            throw BadInput{
                LessonCommand::tr("--export-lesson: %1 already exists and was not written by an export of "
                                  "this program; it is left alone (move it or choose another folder).")
                    .arg(ui::quoted(path))};
    }
}

}  // namespace

LessonOptions::LessonOptions()
    : m_exportLesson(
          QStringLiteral("export-lesson"),
          tr("Writes a lesson as a handout and prints the paths written; needs no display. Without "
             "--format, <path> is a PDF file with one step per page (its title, charts, caption and "
             "comparison-table row); with --format png,svg, <path> is a folder (created when missing) "
             "that gets one image per step, step-01-sigmoid.png and so on. Takes --lesson."),
          tr("path")),
      m_lesson(
          QStringLiteral("lesson"),
          tr("With --export-lesson: the lesson file (.actx-lesson.json) to hand out instead of the shipped "
             "\"From sigmoid to Mish\"."),
          tr("file"))
{
}

void LessonOptions::addTo(QCommandLineParser& parser) const
{
    parser.addOptions({m_exportLesson, m_lesson});
}

bool LessonOptions::isRequested(const QCommandLineParser& parser) const
{
    return parser.isSet(m_exportLesson);
}

QString LessonOptions::misuse(const QCommandLineParser& parser) const
{
    const QStringList given = parser.optionNames();
    for (const QCommandLineOption* option : {&m_exportLesson, &m_lesson}) {
        const QString name = option->names().constFirst();
        if (given.count(name) > 1) return tr("--%1 is given more than once.").arg(name);
    }
    if (!isRequested(parser) && parser.isSet(m_lesson))
        return tr("--lesson is used only with --export-lesson.");
    return {};
}

LessonArguments LessonOptions::read(const QCommandLineParser& parser) const
{
    LessonArguments arguments;
    arguments.target = parser.value(m_exportLesson);
    arguments.lesson = OptionValues::valueIfSet(parser, m_lesson);
    return arguments;
}

int LessonCommand::run(const LessonArguments& arguments, std::FILE* output)
{
    const LocalFile target(arguments.target);
    ui::Lesson lesson;
    std::vector<FigureFormat> formats;
    QString folder;
    QStringList paths;
    try {
        if (target.problem()) throw BadInput{tr("--export-lesson: %1.").arg(*target.problem())};
        if (arguments.formats) {
            formats = readFormats(*arguments.formats);
        } else {
            NamedFile::checkWritablePath(QStringLiteral("export-lesson"), target.qtPath());
            if (!target.qtPath().endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
                throw BadInput{
                    tr("--export-lesson writes a PDF, so the file's name must end in .pdf (or give "
                       "--format png,svg for a folder of images); got %1.")
                        .arg(ui::quoted(arguments.target))};
        }
        lesson = readLesson(arguments);
        if (arguments.formats) {
            folder = QDir::cleanPath(target.qtPath());
            for (qsizetype i = 0; i < lesson.steps.size(); ++i)
                for (const FigureFormat format : formats)
                    paths << QDir(folder).filePath(ui::LessonExport::stepFileName(lesson, i, format));
            checkFolder(target.qtPath().isEmpty() ? QString() : folder, paths);
        } else {
            paths << target.qtPath();
        }
    } catch (const BadInput& bad) {
        reportError(bad.message);
        return kBadInputExitCode;
    }

    // Everything in memory first, so a painting failure leaves the disk untouched.
    std::vector<Rendered> files;
    if (formats.empty()) {
        QByteArray bytes = ui::LessonExport::renderPdf(lesson);
        if (bytes.isEmpty()) {
            reportError(tr("The lesson could not be rendered as PDF."));
            return EXIT_FAILURE;
        }
        files.push_back({paths.constFirst(), std::move(bytes)});
    } else {
        qsizetype next = 0;
        for (qsizetype i = 0; i < lesson.steps.size(); ++i) {
            for (const FigureFormat format : formats) {
                QByteArray bytes = ui::LessonExport::renderStep(lesson, i, format);
                if (bytes.isEmpty()) {
                    reportError(tr("Step %1 could not be rendered as %2.")
                                    .arg(i + 1)
                                    .arg(ui::figureFormatName(format)));
                    return EXIT_FAILURE;
                }
                files.push_back({paths.at(next++), std::move(bytes)});
            }
        }
    }

    QSet<QString> existedBefore;
    for (const Rendered& file : files)
        if (QFileInfo::exists(file.path)) existedBefore.insert(file.path);
    const bool createdFolder = !folder.isEmpty() && !QFileInfo::exists(folder);
    QStringList written;
    const auto fail = [&](const QString& message) {
        for (const QString& path : written)
            if (!existedBefore.contains(path)) QFile::remove(path);
        if (createdFolder) QDir().rmdir(folder);
        reportError(message);
        return EXIT_FAILURE;
    };
    if (createdFolder && !QDir().mkdir(folder))
        return fail(tr("Cannot create the directory %1.").arg(ui::quoted(folder)));
    for (const Rendered& file : files) {
        if (auto error = ui::writeFileAtomically(file.path, file.bytes)) return fail(*error);
        written << file.path;
    }
    QByteArray text;
    for (const QString& path : written)
        text += localBytes(path) + '\n';
    if (auto error = writeOutput(output, text)) {
        reportError(tr("The files were written, but their list was not: %1").arg(*error));
        return EXIT_FAILURE;
    }
    return EXIT_SUCCESS;
}

int runLessonCommand(char** argv, const LessonArguments& arguments)
{
    useOffscreenPlatformWithoutDisplay();
    keepOnlyCriticalQtMessages();
    // Only the program name: the options were read already.
    int qtArgc = 1;
    const QGuiApplication app(qtArgc, argv);
    return LessonCommand::run(arguments, stdout);
}

}  // namespace ax::app
