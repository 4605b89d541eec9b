#include "app/commands/export_options.h"

#include "app/commands/option_values.h"

namespace ax::app {

ExportOptions::ExportOptions()
    : m_export(QStringLiteral("export"),
               tr("Writes the charts as image files into <dir> and prints each path it wrote, one per line; "
                  "needs no display. <dir> is created when missing (its parent must exist). Existing files "
                  "are replaced only when an earlier export wrote them; anything else is refused. Starts "
                  "from the default state (not the window's saved settings); the options below change it. "
                  "Files are named after the chart and format: function.png, combined.svg, …"),
               tr("dir")),
      m_session(QStringLiteral("session"),
                tr("With --export or --train: starts from this session file (.actx.json); with --train its "
                   "training lab and shown activations set the race."),
                tr("file")),
      m_activations(QStringLiteral("activations"),
                    tr("With --export: the activations to show, as comma-separated ids (default: those of "
                       "the default state or the session). With --train: the activations to race."),
                    tr("ids")),
      m_param(QStringLiteral("param"),
              tr("With --export: sets one parameter, e.g. elu.alpha=0.5; may be given several times."),
              tr("id.name=value")),
      m_samples(QStringLiteral("samples"), tr("With --export: the number of samples per curve."), tr("n")),
      m_charts(QStringLiteral("charts"),
               tr("With --export: the charts to write, comma-separated from function, derivative, second, "
                  "saturation and combined (default: these five; with --sweep: combined), and the depth "
                  "lab's depth-variance, depth-gradient, depth-dead and selu-phase."),
               tr("list")),
      m_format(
          QStringLiteral("format"),
          tr("With --export: the formats, comma-separated from png, svg and pdf (default: png); with "
             "--sweep from gif and png (default: gif), png giving numbered frames. With --train: as without "
             "--sweep."),
          tr("list")),
      m_size(QStringLiteral("size"),
             tr("With --export: the figure size in pixels, WxH, or a4 for an A4 landscape page at 300 dpi "
                "(default: 1920x1080; with --sweep: 960x540). SVG and PDF take it at 96 pixels per inch. "
                "With --train: likewise. With --screenshot: the window's size, WxH (default: %1x%2).")
                 .arg(kDefaultScreenshotSize.width())
                 .arg(kDefaultScreenshotSize.height()),
             tr("size")),
      m_scale(QStringLiteral("scale"),
              tr("With --export: multiplies the pixel size of PNG and GIF output, e.g. 2 for high-DPI "
                 "slides (default: 1)."),
              tr("s")),
      m_style(QStringLiteral("style"),
              tr("With --export: screen; print for a white background, black axes, thicker lines, larger "
                 "fonts and dashed curves; or presentation for text and lines read from the back of a "
                 "lecture hall (default: the state's style)."),
              tr("style")),
      m_theme(QStringLiteral("theme"),
              tr("With --export and --train: light or dark (default: light). With --screenshot: light or "
                 "dark (default: "
                 "the system's)."),
              tr("theme")),
      m_sweep(QStringLiteral("sweep"),
              tr("With --export: an animation that moves one parameter, e.g. elu.alpha=0.1:2, written as "
                 "sweep-elu-alpha.gif (or numbered sweep-elu-alpha-0001.png frames); each frame's caption "
                 "shows the value."),
              tr("id.name=from:to")),
      m_frames(QStringLiteral("frames"), tr("With --sweep: the number of frames (default: 60)."), tr("n")),
      m_fps(QStringLiteral("fps"), tr("With --sweep: frames per second (default: 15)."), tr("f"))
{
}

void ExportOptions::addTo(QCommandLineParser& parser) const
{
    parser.addOptions({m_export, m_session, m_activations, m_param, m_samples, m_charts, m_format, m_size,
                       m_scale, m_style, m_theme, m_sweep, m_frames, m_fps});
}

bool ExportOptions::isRequested(const QCommandLineParser& parser) const
{
    return parser.isSet(m_export);
}

QString ExportOptions::misuse(const QCommandLineParser& parser, bool lookUsedElsewhere, bool training,
                              bool lesson) const
{
    const QStringList given = parser.optionNames();
    for (const QCommandLineOption* option :
         {&m_export, &m_session, &m_activations, &m_samples, &m_charts, &m_format, &m_size, &m_scale,
          &m_style, &m_theme, &m_sweep, &m_frames, &m_fps}) {
        const QString name = option->names().constFirst();
        if (given.count(name) > 1) return tr("--%1 is given more than once.").arg(name);
    }
    if (isRequested(parser)) {
        if (!parser.isSet(m_sweep) && (parser.isSet(m_frames) || parser.isSet(m_fps)))
            return tr("--%1 is used only with --sweep.")
                .arg(parser.isSet(m_frames) ? QStringLiteral("frames") : QStringLiteral("fps"));
        return {};
    }
    for (const QCommandLineOption* option :
         {&m_session, &m_activations, &m_param, &m_samples, &m_charts, &m_format, &m_size, &m_scale, &m_style,
          &m_theme, &m_sweep, &m_frames, &m_fps}) {
        if ((option == &m_size || option == &m_theme) && lookUsedElsewhere) continue;
        if (training && (option == &m_session || option == &m_activations || option == &m_format ||
                         option == &m_size || option == &m_scale || option == &m_theme))
            continue;
        if (lesson && option == &m_format) continue;
        if (parser.isSet(*option))
            return tr("--%1 is used only with --export.").arg(option->names().constFirst());
    }
    return {};
}

void ExportOptions::readShared(const QCommandLineParser& parser, std::optional<QString>& session,
                               std::optional<QString>& activations, std::optional<QString>& formats,
                               std::optional<QString>& size, std::optional<QString>& scale,
                               std::optional<QString>& theme) const
{
    session = OptionValues::valueIfSet(parser, m_session);
    activations = OptionValues::valueIfSet(parser, m_activations);
    formats = OptionValues::valueIfSet(parser, m_format);
    size = OptionValues::valueIfSet(parser, m_size);
    scale = OptionValues::valueIfSet(parser, m_scale);
    theme = OptionValues::valueIfSet(parser, m_theme);
}

ExportArguments ExportOptions::read(const QCommandLineParser& parser) const
{
    ExportArguments arguments;
    arguments.directory = parser.value(m_export);
    arguments.session = OptionValues::valueIfSet(parser, m_session);
    arguments.activations = OptionValues::valueIfSet(parser, m_activations);
    arguments.parameters = parser.values(m_param);
    arguments.samples = OptionValues::valueIfSet(parser, m_samples);
    arguments.charts = OptionValues::valueIfSet(parser, m_charts);
    arguments.formats = OptionValues::valueIfSet(parser, m_format);
    arguments.size = OptionValues::valueIfSet(parser, m_size);
    arguments.scale = OptionValues::valueIfSet(parser, m_scale);
    arguments.style = OptionValues::valueIfSet(parser, m_style);
    arguments.theme = OptionValues::valueIfSet(parser, m_theme);
    arguments.sweep = OptionValues::valueIfSet(parser, m_sweep);
    arguments.frames = OptionValues::valueIfSet(parser, m_frames);
    arguments.fps = OptionValues::valueIfSet(parser, m_fps);
    return arguments;
}

}  // namespace ax::app
