#pragma once
// The options of the --export command, declared in the program's one QCommandLineParser.

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>

namespace ax::app {

// The window size --screenshot draws at unless --size says otherwise.
inline constexpr QSize kDefaultScreenshotSize{1600, 900};

// The text of the --export options as given, before any of it is checked.
struct ExportArguments {
    QString directory;
    std::optional<QString> session;
    std::optional<QString> activations;
    QStringList parameters;  // every --param, in order
    std::optional<QString> range;
    std::optional<QString> epsilon;
    std::optional<QString> samples;
    std::optional<QString> charts;
    std::optional<QString> formats;
    std::optional<QString> size;
    std::optional<QString> scale;
    std::optional<QString> style;
    std::optional<QString> theme;
    std::optional<QString> sweep;
    std::optional<QString> frames;
    std::optional<QString> fps;
};

// Declares the --export options and reads them; --range and --epsilon are shared with
// --saturation and declared by the command line itself.
class ExportOptions {
    Q_DECLARE_TR_FUNCTIONS(ExportOptions)

public:
    ExportOptions();

    void addTo(QCommandLineParser& parser) const;
    [[nodiscard]] bool isRequested(const QCommandLineParser& parser) const;
    // Not empty when an option of --export is given more than once or without --export.
    // lookUsedElsewhere: another command of the run (a screenshot) takes --size and --theme too.
    // training: --train runs, which takes --session, --activations, --format, --size, --scale and
    // --theme too.
    // lesson: --export-lesson runs, which takes --format too.
    [[nodiscard]] QString misuse(const QCommandLineParser& parser, bool lookUsedElsewhere = false,
                                 bool training = false, bool lesson = false) const;
    [[nodiscard]] const QCommandLineOption& sizeOption() const noexcept { return m_size; }
    [[nodiscard]] const QCommandLineOption& themeOption() const noexcept { return m_theme; }
    [[nodiscard]] const QCommandLineOption& formatOption() const noexcept { return m_format; }
    [[nodiscard]] ExportArguments read(const QCommandLineParser& parser) const;
    // The values of the options --train shares.
    void readShared(const QCommandLineParser& parser, std::optional<QString>& session,
                    std::optional<QString>& activations, std::optional<QString>& formats,
                    std::optional<QString>& size, std::optional<QString>& scale,
                    std::optional<QString>& theme) const;

private:
    QCommandLineOption m_export;
    QCommandLineOption m_session;
    QCommandLineOption m_activations;
    QCommandLineOption m_param;
    QCommandLineOption m_samples;
    QCommandLineOption m_charts;
    QCommandLineOption m_format;
    QCommandLineOption m_size;
    QCommandLineOption m_scale;
    QCommandLineOption m_style;
    QCommandLineOption m_theme;
    QCommandLineOption m_sweep;
    QCommandLineOption m_frames;
    QCommandLineOption m_fps;
};

}  // namespace ax::app
