#pragma once
// The headless --train command: races networks that differ only in their activation on one of the
// training lab's data sets, then writes the measurements as CSV and the four training charts.

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>

#include <cstdio>
#include <optional>

namespace ax::app {

// The text of the --train options as given, before any of it is checked. --session, --activations,
// --format, --size, --scale and --theme are declared with --export and shared.
struct TrainArguments {
    QString directory;
    std::optional<QString> session;
    std::optional<QString> dataset;
    std::optional<QString> depth;
    std::optional<QString> width;
    std::optional<QString> steps;
    std::optional<QString> seed;
    std::optional<QString> optimiser;
    std::optional<QString> learningRate;
    std::optional<QString> batch;
    std::optional<QString> l2;
    std::optional<QString> initialisation;
    std::optional<QString> activations;
    std::optional<QString> formats;
    std::optional<QString> size;
    std::optional<QString> scale;
    std::optional<QString> theme;
};

// Declares the options only --train takes and reads them.
class TrainOptions {
    Q_DECLARE_TR_FUNCTIONS(TrainOptions)

public:
    TrainOptions();

    void addTo(QCommandLineParser& parser) const;
    [[nodiscard]] bool isRequested(const QCommandLineParser& parser) const;
    // Not empty when one of them is given more than once or without --train.
    [[nodiscard]] QString misuse(const QCommandLineParser& parser) const;
    // The shared options' values are filled in by the command line.
    [[nodiscard]] TrainArguments read(const QCommandLineParser& parser) const;

private:
    QCommandLineOption m_train;
    QCommandLineOption m_dataset;
    QCommandLineOption m_depth;
    QCommandLineOption m_width;
    QCommandLineOption m_steps;
    QCommandLineOption m_seed;
    QCommandLineOption m_optimiser;
    QCommandLineOption m_learningRate;
    QCommandLineOption m_batch;
    QCommandLineOption m_l2;
    QCommandLineOption m_init;
};

class TrainCommand {
    Q_DECLARE_TR_FUNCTIONS(TrainCommand)

public:
    // Needs a QGuiApplication. Checks every option before it trains; prints the written paths and,
    // last, the race's speed on output, errors as one line on stderr. Returns 0, kBadInputExitCode
    // for bad input, or 1 when writing failed (no file of the run is left behind).
    [[nodiscard]] static int run(const TrainArguments& arguments, std::FILE* output);
};

}  // namespace ax::app
