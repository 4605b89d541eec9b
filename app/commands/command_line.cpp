#include "app/commands/command_line.h"

#include "app/commands/option_values.h"
#include "core/command_line_syntax.h"
#include "ui/model/comparison_model.h"
#include "ui/model/explorer_state.h"
#include "ui/model/quoted_text.h"

#include <QByteArray>

#include <fcntl.h>
#include <unistd.h>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace ax::app {

CommandLine::CommandLine()
    // Not addHelpOption(): its --help-all lists Qt's platform options, which this program does not take.
    : m_helpOption({QStringLiteral("h"), QStringLiteral("help"), QStringLiteral("?")},
                   tr("Displays this help.")),
      m_versionOption({QStringLiteral("v"), QStringLiteral("version")}, tr("Displays version information.")),
      m_eval(QStringLiteral("eval"),
             tr("Reads z values from standard input, one per line, and prints z, f(z), f'(z) and "
                "f''(z) separated by tabs, with 17 significant digits. <spec> is an activation id, "
                "optionally with parameters: elu:alpha=0.5 or selu:lambda=1,alpha=1.5. Accepts nan, inf "
                "and -inf; at inf and -inf it prints the limits (nan where there is none)."),
             tr("spec")),
      m_list(QStringLiteral("list"),
             tr("Prints the catalog of activations as JSON: ids, names, formulas, families, parameters "
                "(default, domain, slider range, meaning), kinks and properties at the defaults, and "
                "references.")),
      m_saturation(QStringLiteral("saturation"),
                   tr("Prints the intervals where the activation <spec> is dead (f' is exactly 0) or "
                      "saturated (|f'| < epsilon), one per line as kind, lo and hi separated by tabs."),
                   tr("spec")),
      m_range(QStringLiteral("range"),
              tr("The input range of --saturation (default: %1,%2).")
                  .arg(ui::ExplorerState::kDefaultZMin)
                  .arg(ui::ExplorerState::kDefaultZMax),
              tr("min,max")),
      m_epsilon(QStringLiteral("epsilon"),
                tr("The saturation threshold of --saturation: a point is saturated where |f'| < "
                   "epsilon (default: %1).")
                    .arg(ui::ExplorerState::kDefaultEpsilon),
                tr("e")),
      m_screenshot(QStringLiteral("screenshot"),
                   tr("Renders the window in its default state (not the saved settings) to the PNG <file>, "
                      "prints its path and exits; needs no display. Takes --size and --theme."),
                   tr("file")),
      m_exportTable(QStringLiteral("export-table"),
                    tr("Writes the comparison table (all activations, in catalog order, with the "
                       "formula, strengths and weaknesses, problem, solution and mathematics of each) to "
                       "<file> and prints its path; the format follows the extension: .csv, .md, .tex "
                       "(LaTeX booktabs) or .html. Takes --columns. Needs no display."),
                    tr("file")),
      m_columns(QStringLiteral("columns"),
                tr("The columns of --export-table, comma-separated, from: %1 (default: all).")
                    .arg(ui::ComparisonModel::columnKeys().join(QStringLiteral(","))),
                tr("list"))
{
    m_parser.setApplicationDescription(
        tr("Explore how neural-network activation functions behave. Without options it opens the "
           "window, or the session file given; --eval, --list, --saturation, --export, --export-table, "
           "--train, --export-lesson and --screenshot need no display."));
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_parser.addOptions({m_helpOption, m_versionOption, m_eval, m_list, m_saturation, m_range, m_epsilon,
                         m_screenshot, m_exportTable, m_columns});
    m_exportOptions.addTo(m_parser);
    m_trainOptions.addTo(m_parser);
    m_lessonOptions.addTo(m_parser);
    m_parser.addPositionalArgument(QStringLiteral("session"),
                                   tr("A session file (.actx.json) to open in the window."), tr("[session]"));
}

Invocation CommandLine::read(const QStringList& arguments)
{
    Invocation invocation;
    if (!m_parser.parse(arguments)) {
        // QCommandLineParser's own message repeats an unknown option whole: quote it as the rest do.
        const QStringList unknown = m_parser.unknownOptionNames();
        if (unknown.isEmpty()) {
            invocation.error = m_parser.errorText();
        } else {
            QStringList names;
            for (const QString& name : unknown)
                names << ui::quoted(name);
            invocation.error = (names.size() == 1 ? tr("Unknown option %1 (see --help).")
                                                  : tr("Unknown options %1 (see --help)."))
                                   .arg(names.join(QStringLiteral(", ")));
        }
        return invocation;
    }
    if (m_parser.isSet(m_helpOption)) {
        invocation.command = Command::Help;
        return invocation;
    }
    if (m_parser.isSet(m_versionOption)) {
        invocation.command = Command::Version;
        return invocation;
    }

    for (const QCommandLineOption* option :
         {&m_eval, &m_list, &m_saturation, &m_range, &m_epsilon, &m_screenshot, &m_exportTable, &m_columns}) {
        const QString name = option->names().constFirst();
        if (m_parser.optionNames().count(name) > 1) {
            invocation.error = tr("--%1 is given more than once.").arg(name);
            return invocation;
        }
    }

    QStringList commands;
    if (m_parser.isSet(m_eval)) {
        invocation.command = Command::Eval;
        invocation.activationSpec = m_parser.value(m_eval);
        commands << QStringLiteral("--eval");
    }
    if (m_parser.isSet(m_list)) {
        invocation.command = Command::List;
        commands << QStringLiteral("--list");
    }
    if (m_parser.isSet(m_saturation)) {
        invocation.command = Command::Saturation;
        invocation.activationSpec = m_parser.value(m_saturation);
        commands << QStringLiteral("--saturation");
    }
    if (m_exportOptions.isRequested(m_parser)) {
        invocation.command = Command::Export;
        invocation.exportArguments = m_exportOptions.read(m_parser);
        commands << QStringLiteral("--export");
    }
    if (m_parser.isSet(m_screenshot)) {
        invocation.command = Command::Screenshot;
        invocation.outputPath = m_parser.value(m_screenshot);
        commands << QStringLiteral("--screenshot");
    }
    if (m_parser.isSet(m_exportTable)) {
        invocation.command = Command::ExportTable;
        invocation.outputPath = m_parser.value(m_exportTable);
        commands << QStringLiteral("--export-table");
    }
    const bool training = m_trainOptions.isRequested(m_parser);
    if (training) {
        invocation.command = Command::Train;
        invocation.trainArguments = m_trainOptions.read(m_parser);
        TrainArguments& train = invocation.trainArguments;
        m_exportOptions.readShared(m_parser, train.session, train.activations, train.formats, train.size,
                                   train.scale, train.theme);
        commands << QStringLiteral("--train");
    }
    const bool lesson = m_lessonOptions.isRequested(m_parser);
    if (lesson) {
        invocation.command = Command::ExportLesson;
        invocation.lessonArguments = m_lessonOptions.read(m_parser);
        invocation.lessonArguments.formats =
            OptionValues::valueIfSet(m_parser, m_exportOptions.formatOption());
        commands << QStringLiteral("--export-lesson");
    }
    // A screenshot takes the figure's --size and --theme; with --export as well, the clash of
    // commands below is the message that helps.
    const bool screenshot = m_parser.isSet(m_screenshot);
    if (const QString misuse = m_exportOptions.misuse(m_parser, screenshot, training, lesson);
        !misuse.isEmpty()) {
        invocation.error = misuse;
        return invocation;
    }
    if (const QString misuse = m_trainOptions.misuse(m_parser); !misuse.isEmpty()) {
        invocation.error = misuse;
        return invocation;
    }
    if (const QString misuse = m_lessonOptions.misuse(m_parser); !misuse.isEmpty()) {
        invocation.error = misuse;
        return invocation;
    }
    if (commands.size() > 1) {
        invocation.error =
            tr("%1 cannot be used together; choose one command.").arg(commands.join(QStringLiteral(" and ")));
        return invocation;
    }

    if (screenshot) {
        if (m_parser.isSet(m_exportOptions.sizeOption()))
            invocation.size = m_parser.value(m_exportOptions.sizeOption());
        if (m_parser.isSet(m_exportOptions.themeOption()))
            invocation.theme = m_parser.value(m_exportOptions.themeOption());
    }

    if (m_parser.isSet(m_columns)) {
        if (invocation.command != Command::ExportTable) {
            invocation.error = tr("--columns is used only with --export-table.");
            return invocation;
        }
        invocation.columns = m_parser.value(m_columns);
    }

    if (m_parser.isSet(m_range)) invocation.range = m_parser.value(m_range);
    if (m_parser.isSet(m_epsilon)) invocation.epsilon = m_parser.value(m_epsilon);
    invocation.exportArguments.range = invocation.range;
    invocation.exportArguments.epsilon = invocation.epsilon;
    if ((invocation.range || invocation.epsilon) && invocation.command != Command::Saturation &&
        invocation.command != Command::Export) {
        invocation.error = tr("--%1 is used only with --saturation or --export.")
                               .arg(invocation.range ? QStringLiteral("range") : QStringLiteral("epsilon"));
        return invocation;
    }

    const QStringList positional = m_parser.positionalArguments();
    if (positional.size() > 1) {
        invocation.error = tr("Only one session file can be opened; %1 were given.").arg(positional.size());
        return invocation;
    }
    if (!positional.isEmpty()) {
        if (invocation.command != Command::Window) {
            invocation.error = tr("A session file is opened only in the window, not with %1; got %2.")
                                   .arg(commands.constFirst(), ui::quoted(positional.constFirst()));
            return invocation;
        }
        invocation.sessionPath = positional.constFirst();
    }
    return invocation;
}

namespace {

// Set by guardStandardStreams(): the program was started with standard output closed.
bool standardOutputWasClosed = false;

// Longer than any message of the program: only a forgotten quote could reach it.
constexpr qsizetype kLongestMessageBytes = 1000;

}  // namespace

void guardStandardStreams()
{
    for (const int fd : {STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO}) {
        if (fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
        if (fd == STDOUT_FILENO) standardOutputWasClosed = true;
        // Holds the number, so the next file the program opens cannot become its standard output.
        const int null = open("/dev/null", fd == STDIN_FILENO ? O_RDONLY : O_WRONLY);
        if (null != -1 && null != fd) {
            dup2(null, fd);
            close(null);
        }
    }
}

std::optional<QString> writeOutput(std::FILE* output, QByteArrayView text)
{
    if (output == stdout && standardOutputWasClosed)
        return QCoreApplication::translate("CommandLine", "Cannot write to standard output: it is closed.");
    errno = 0;
    const bool written = std::fwrite(text.data(), 1, static_cast<std::size_t>(text.size()), output) ==
                             static_cast<std::size_t>(text.size()) &&
                         std::fflush(output) == 0;
    if (written) return std::nullopt;
    const int error = errno;
    std::clearerr(output);
    if (error == 0) return QCoreApplication::translate("CommandLine", "Cannot write to standard output.");
    return QCoreApplication::translate("CommandLine", "Cannot write to standard output: %1.")
        .arg(QString::fromLocal8Bit(std::strerror(error)));
}

void reportError(const QString& message)
{
    // The last word on every message: whatever it quotes, it is one line of bounded length.
    QByteArray text = QString::fromStdString(core::escapeControlBytes(message.toStdString())).toLocal8Bit();
    if (text.size() > kLongestMessageBytes) {
        qsizetype cut = kLongestMessageBytes;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
            --cut;
        text = text.left(cut) + "...";
    }
    const QByteArray line = QCoreApplication::applicationName().toLocal8Bit() + ": error: " + text + '\n';
    std::fwrite(line.constData(), 1, static_cast<std::size_t>(line.size()), stderr);
    std::fflush(stderr);
}

void CommandLine::showHelp()
{
    m_parser.showHelp(0);
}

void CommandLine::showVersion()
{
    m_parser.showVersion();
}

}  // namespace ax::app
