#include "ui/widgets/export_dialog.h"

#include "ui/render/depth_chart_export.h"

#include "ui/model/explorer_state.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QVBoxLayout>

#include <cmath>

namespace ax::ui {

namespace {

// Size presets in layout pixels, with the density that turns them into output pixels at ×1.
struct SizePreset {
    const char* label;
    double width;
    double height;
    double density;
};

constexpr double kA4Density = 300.0 / kLayoutDpi;
constexpr int kCustomPreset = 4;

const SizePreset kPresets[] = {
    {QT_TRANSLATE_NOOP("ax::ui::ExportDialog", "1920 × 1080 (Full HD slide)"), 1920.0, 1080.0, 1.0},
    {QT_TRANSLATE_NOOP("ax::ui::ExportDialog", "1280 × 720 (HD slide)"), 1280.0, 720.0, 1.0},
    {QT_TRANSLATE_NOOP("ax::ui::ExportDialog", "1080 × 1080 (square)"), 1080.0, 1080.0, 1.0},
    {QT_TRANSLATE_NOOP("ax::ui::ExportDialog", "A4 landscape, 300 dpi"), kA4WidthPx, kA4HeightPx, kA4Density},
};

QString formatFilter(FigureFormat format)
{
    switch (format) {
        case FigureFormat::Png:
            return ExportDialog::tr("PNG images (*.png)");
        case FigureFormat::Svg:
            return ExportDialog::tr("SVG vector figures (*.svg)");
        case FigureFormat::Pdf:
            break;
    }
    return ExportDialog::tr("PDF documents (*.pdf)");
}

}  // namespace

ExportDialog::ExportDialog(ExplorerState& state, QWidget* parent) : QDialog(parent), m_state(state)
{
    setWindowTitle(tr("Export"));
    setObjectName(QStringLiteral("exportDialog"));

    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("exportPath"));
    m_path->setAccessibleName(tr("File to write"));
    auto* browseButton = new QPushButton(tr("&Browse…"), this);
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browseButton);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("exportProgress"));
    m_progress->setVisible(false);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("exportMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_exportButton = buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_exportButton->setDefault(true);
    m_copyButton = buttons->addButton(tr("&Copy to Clipboard"), QDialogButtonBox::ActionRole);
    m_copyButton->setObjectName(QStringLiteral("copyButton"));

    m_tabs = new QTabWidget(this);
    auto* figurePage = new QWidget(m_tabs);
    auto* animationPage = new QWidget(m_tabs);
    buildFigurePage(figurePage);
    buildAnimationPage(animationPage);
    m_tabs->addTab(figurePage, tr("&Figure"));
    m_tabs->addTab(animationPage, tr("&Animation"));

    QWidget* look = buildLookGroup();
    fillSweepParameters();

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(look);
    auto* pathForm = new QFormLayout;
    auto* pathLabel = new QLabel(tr("&File:"), this);
    pathLabel->setBuddy(m_path);
    pathForm->addRow(pathLabel, pathRow);
    layout->addLayout(pathForm);
    layout->addWidget(m_progress);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, [this] {
        if (m_busy)
            m_cancelRequested = true;
        else
            reject();
    });
    connect(m_copyButton, &QPushButton::clicked, this, &ExportDialog::copyToClipboard);
    connect(browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        updateControls();
        updatePathSuffix();
    });

    const QString pictures = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    m_path->setText(QDir(pictures.isEmpty() ? QDir::homePath() : pictures).filePath(defaultFileName()));
    updateControls();
}

namespace {
}  // namespace

void ExportDialog::setDepthLab(DepthLabView* view)
{
    if (m_depthLab != nullptr || view == nullptr) return;
    m_depthLab = view;
    m_chart->insertSeparator(m_chart->count());
    const QStringList titles = {tr("Depth lab: variance of pre-activations"), tr("Depth lab: gradient norm"),
                                tr("Depth lab: dead units"), tr("Depth lab: SELU's mean/variance map")};
    for (const Chart chart : kDepthCharts)
        m_chart->addItem(titles[static_cast<int>(depthChartIndex(chart))], static_cast<int>(chart));
}

std::optional<Chart> ExportDialog::depthChart() const
{
    // The depth charts share the chart box with the figure charts; an item's data is its chart.
    const auto chart = static_cast<Chart>(m_chart->currentData().toInt());
    if (currentPage() != Page::Figure || m_depthLab == nullptr || !isDepthChart(chart)) return std::nullopt;
    return chart;
}

void ExportDialog::buildFigurePage(QWidget* page)
{
    m_chart = new QComboBox(page);
    m_chart->setObjectName(QStringLiteral("exportChart"));
    for (const Chart chart : kFigureCharts)
        m_chart->addItem(chart == Chart::Combined ? tr("Combined figure (every chart, legend and caption)")
                                                  : figureChartTitle(chart),
                         static_cast<int>(chart));
    m_chart->setCurrentIndex(m_chart->findData(static_cast<int>(Chart::Combined)));
    m_chart->setToolTip(
        tr("The combined figure stacks f(z), f′(z), f″(z) when shown, and the saturation lanes."));

    m_format = new QComboBox(page);
    m_format->setObjectName(QStringLiteral("exportFormat"));
    m_format->addItem(tr("PNG image"), static_cast<int>(FigureFormat::Png));
    m_format->addItem(tr("SVG vector figure"), static_cast<int>(FigureFormat::Svg));
    m_format->addItem(tr("PDF document (vector)"), static_cast<int>(FigureFormat::Pdf));

    auto* form = new QFormLayout(page);
    form->addRow(tr("C&hart:"), m_chart);
    form->addRow(tr("F&ormat:"), m_format);

    connect(m_chart, &QComboBox::currentIndexChanged, this, &ExportDialog::updatePathSuffix);
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        updateControls();
        updatePathSuffix();
    });
}

void ExportDialog::buildAnimationPage(QWidget* page)
{
    m_sweepParameter = new QComboBox(page);
    m_sweepParameter->setObjectName(QStringLiteral("sweepParameter"));
    m_sweepParameter->setAccessibleName(tr("Parameter to sweep"));
    m_sweepFrom = new QDoubleSpinBox(page);
    m_sweepFrom->setObjectName(QStringLiteral("sweepFrom"));
    m_sweepTo = new QDoubleSpinBox(page);
    m_sweepTo->setObjectName(QStringLiteral("sweepTo"));
    for (QDoubleSpinBox* box : {m_sweepFrom, m_sweepTo}) {
        box->setDecimals(4);
        box->setSingleStep(0.1);
    }
    m_frames = new QSpinBox(page);
    m_frames->setObjectName(QStringLiteral("sweepFrames"));
    m_frames->setRange(SweepAnimation::kMinFrames, SweepAnimation::kMaxFrames);
    m_frames->setValue(60);
    m_fps = new QDoubleSpinBox(page);
    m_fps->setObjectName(QStringLiteral("sweepFps"));
    m_fps->setRange(SweepAnimation::kMinFps, SweepAnimation::kMaxFps);
    m_fps->setDecimals(1);
    m_fps->setValue(15.0);
    m_fps->setSuffix(tr(" frames/s"));
    m_animationFormat = new QComboBox(page);
    m_animationFormat->setObjectName(QStringLiteral("animationFormat"));
    m_animationFormat->addItem(tr("Animated GIF"));
    m_animationFormat->addItem(tr("Numbered PNG sequence"));
    m_animationFormat->setToolTip(
        tr("A PNG sequence writes NAME-0001.png, NAME-0002.png, … beside the chosen name."));

    auto* form = new QFormLayout(page);
    form->addRow(tr("&Parameter:"), m_sweepParameter);
    form->addRow(tr("F&rom:"), m_sweepFrom);
    form->addRow(tr("&To:"), m_sweepTo);
    form->addRow(tr("Fra&mes:"), m_frames);
    form->addRow(tr("Frame &rate:"), m_fps);
    form->addRow(tr("&Output:"), m_animationFormat);

    connect(m_sweepParameter, &QComboBox::currentIndexChanged, this, &ExportDialog::sweepParameterChanged);
    connect(m_animationFormat, &QComboBox::currentIndexChanged, this, &ExportDialog::updatePathSuffix);
}

QWidget* ExportDialog::buildLookGroup()
{
    auto* group = new QGroupBox(tr("Size and look"), this);
    m_sizePreset = new QComboBox(group);
    m_sizePreset->setObjectName(QStringLiteral("exportSizePreset"));
    for (const SizePreset& preset : kPresets)
        m_sizePreset->addItem(tr(preset.label));
    m_sizePreset->addItem(tr("Custom"));
    m_width = new QSpinBox(group);
    m_width->setObjectName(QStringLiteral("exportWidth"));
    m_height = new QSpinBox(group);
    m_height->setObjectName(QStringLiteral("exportHeight"));
    for (QSpinBox* box : {m_width, m_height}) {
        box->setRange(160, kMaxRasterSide);
        box->setSuffix(tr(" px"));
    }
    m_width->setAccessibleName(tr("Width"));
    m_height->setAccessibleName(tr("Height"));
    auto* sizeRow = new QHBoxLayout;
    sizeRow->addWidget(m_sizePreset, 1);
    sizeRow->addWidget(m_width);
    sizeRow->addWidget(new QLabel(QStringLiteral("×"), group));
    sizeRow->addWidget(m_height);

    m_scale = new QComboBox(group);
    m_scale->setObjectName(QStringLiteral("exportScale"));
    for (int factor = 1; factor <= 3; ++factor)
        m_scale->addItem(tr("×%1").arg(factor), factor);
    m_scale->setToolTip(
        tr("Multiplies the pixels of PNG and GIF output, for sharp figures on high-density screens."));
    m_transparent = new QCheckBox(tr("Transparent &background"), group);
    m_transparent->setObjectName(QStringLiteral("exportTransparent"));
    m_style = new QComboBox(group);
    m_style->setObjectName(QStringLiteral("exportStyle"));
    m_style->addItem(tr("Screen (the window's colours)"), static_cast<int>(ChartStyle::Screen));
    m_style->addItem(tr("Print (white, black axes, dashed lines, larger text)"),
                     static_cast<int>(ChartStyle::Print));
    m_style->addItem(tr("Presentation (text and lines for the back of a lecture hall)"),
                     static_cast<int>(ChartStyle::Presentation));
    m_style->setCurrentIndex(m_style->findData(static_cast<int>(m_state.chartStyle())));

    auto* form = new QFormLayout(group);
    auto* sizeLabel = new QLabel(tr("&Size:"), group);
    sizeLabel->setBuddy(m_sizePreset);
    form->addRow(sizeLabel, sizeRow);
    form->addRow(tr("Sc&ale:"), m_scale);
    form->addRow(QString(), m_transparent);
    auto* styleLabel = new QLabel(tr("St&yle:"), group);
    styleLabel->setBuddy(m_style);
    form->addRow(styleLabel, m_style);

    connect(m_sizePreset, &QComboBox::currentIndexChanged, this, &ExportDialog::sizePresetChanged);
    sizePresetChanged();
    return group;
}

void ExportDialog::fillSweepParameters()
{
    // Enabled activations first: those are what the user is looking at.
    QStringList ids = m_state.enabledIds();
    for (const QString& id : m_state.activationIds())
        if (!ids.contains(id)) ids << id;
    for (const QString& id : ids) {
        const core::Activation* activation = m_state.activation(id);
        if (!activation) continue;
        for (std::size_t i = 0; i < activation->parameters.size(); ++i) {
            const core::Parameter& parameter = activation->parameters[i];
            m_sweepParameter->addItem(
                QStringLiteral("%1 · %2 (%3)")
                    .arg(QString::fromStdString(activation->name), QString::fromStdString(parameter.symbol),
                         QString::fromStdString(parameter.name)),
                QStringList{id, QString::number(i)});
        }
    }
    sweepParameterChanged();
}

void ExportDialog::sweepParameterChanged()
{
    const QStringList data = m_sweepParameter->currentData().toStringList();
    if (data.size() != 2) return;
    const core::Activation* activation = m_state.activation(data[0]);
    const int index = data[1].toInt();
    if (!activation || index < 0 || index >= static_cast<int>(activation->parameters.size())) return;
    const core::Parameter& parameter = activation->parameters[static_cast<std::size_t>(index)];
    // The spin boxes span the slider's range; values outside the domain are refused on export.
    const double span = parameter.sliderMax - parameter.sliderMin;
    for (QDoubleSpinBox* box : {m_sweepFrom, m_sweepTo}) {
        box->setRange(
            std::isfinite(parameter.domainMin) ? parameter.domainMin : parameter.sliderMin - 10.0 * span,
            std::isfinite(parameter.domainMax) ? parameter.domainMax : parameter.sliderMax + 10.0 * span);
        box->setSingleStep(span / 100.0);
    }
    m_sweepFrom->setValue(parameter.sliderMin);
    m_sweepTo->setValue(parameter.sliderMax);
    updatePathSuffix();
}

void ExportDialog::sizePresetChanged()
{
    const int index = m_sizePreset->currentIndex();
    const bool custom = index == kCustomPreset;
    m_width->setEnabled(custom);
    m_height->setEnabled(custom);
    if (!custom && index >= 0 && index < kCustomPreset) {
        const SizePreset& preset = kPresets[index];
        m_width->setValue(static_cast<int>(std::lround(preset.width * preset.density)));
        m_height->setValue(static_cast<int>(std::lround(preset.height * preset.density)));
    }
}

void ExportDialog::updateControls()
{
    const bool animation = currentPage() == Page::Animation;
    const FigureFormat format = figureFormat();
    const bool raster = animation || format == FigureFormat::Png;
    m_scale->setEnabled(raster);
    // GIF frames are always opaque; a PDF page has no background to leave out.
    m_transparent->setEnabled(animation ? m_animationFormat->currentIndex() == 1
                                        : format != FigureFormat::Pdf);
    m_copyButton->setEnabled(!animation);
    m_sweepParameter->setEnabled(m_sweepParameter->count() > 0);
}

QString ExportDialog::defaultFileName() const
{
    if (currentPage() == Page::Animation) {
        const auto sweep = sweepAnimation();
        const QString base =
            sweep ? sweepBaseName(m_state, *sweep, Chart::Combined) : QStringLiteral("sweep");
        return base +
               (m_animationFormat->currentIndex() == 0 ? QStringLiteral(".gif") : QStringLiteral(".png"));
    }
    const QString chart = depthChart() ? chartName(*depthChart())
                                       : chartName(static_cast<Chart>(m_chart->currentData().toInt()));
    return chart + QLatin1Char('.') + figureFormatName(figureFormat());
}

void ExportDialog::updatePathSuffix()
{
    // Keep the folder the user chose; the name follows the content, as the command line names it.
    const QFileInfo info(m_path->text());
    const QString directory = m_path->text().isEmpty() ? QDir::homePath() : info.path();
    m_path->setText(QDir(directory).filePath(defaultFileName()));
    updateControls();
}

void ExportDialog::showPage(Page page)
{
    m_tabs->setCurrentIndex(page == Page::Figure ? 0 : 1);
}

ExportDialog::Page ExportDialog::currentPage() const
{
    return m_tabs->currentIndex() == 1 ? Page::Animation : Page::Figure;
}

QString ExportDialog::path() const
{
    return m_path->text();
}

void ExportDialog::setPath(const QString& path)
{
    m_path->setText(path);
}

void ExportDialog::setFolder(const QString& folder)
{
    m_path->setText(QDir(folder).filePath(defaultFileName()));
}

void ExportDialog::setFigureFormat(FigureFormat format)
{
    const int index = m_format->findData(static_cast<int>(format));
    if (index >= 0) m_format->setCurrentIndex(index);
}

QString ExportDialog::animationFormatName() const
{
    return m_animationFormat->currentIndex() == 0 ? QStringLiteral("gif") : QStringLiteral("png");
}

void ExportDialog::setAnimationFormatName(const QString& name)
{
    if (name == QLatin1String("gif")) m_animationFormat->setCurrentIndex(0);
    if (name == QLatin1String("png")) m_animationFormat->setCurrentIndex(1);
}

FigureOptions ExportDialog::figureOptions() const
{
    FigureOptions options;
    options.chart = currentPage() == Page::Animation || depthChart()
                        ? Chart::Combined
                        : static_cast<Chart>(m_chart->currentData().toInt());
    const int preset = m_sizePreset->currentIndex();
    const double density = preset >= 0 && preset < kCustomPreset ? kPresets[preset].density : 1.0;
    if (preset >= 0 && preset < kCustomPreset)
        options.size = QSizeF(kPresets[preset].width, kPresets[preset].height);
    else
        options.size = QSizeF(m_width->value(), m_height->value());
    options.scale = density * (m_scale->isEnabled() ? m_scale->currentData().toDouble() : 1.0);
    options.transparent = m_transparent->isEnabled() && m_transparent->isChecked();
    options.style = static_cast<ChartStyle>(m_style->currentData().toInt());
    options.theme = m_state.theme();
    return options;
}

FigureFormat ExportDialog::figureFormat() const
{
    return static_cast<FigureFormat>(m_format->currentData().toInt());
}

std::optional<SweepAnimation> ExportDialog::sweepAnimation() const
{
    const QStringList data = m_sweepParameter->currentData().toStringList();
    if (data.size() != 2) return std::nullopt;
    SweepAnimation sweep;
    sweep.id = data[0];
    sweep.parameterIndex = data[1].toInt();
    sweep.from = m_sweepFrom->value();
    sweep.to = m_sweepTo->value();
    sweep.frames = m_frames->value();
    sweep.fps = m_fps->value();
    return sweep;
}

void ExportDialog::browse()
{
    QString filter;
    if (currentPage() == Page::Animation)
        filter =
            m_animationFormat->currentIndex() == 0 ? tr("Animated GIF (*.gif)") : tr("PNG images (*.png)");
    else
        filter = formatFilter(figureFormat());
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Export to"), m_path->text(), filter);
    if (!chosen.isEmpty()) m_path->setText(chosen);
}

void ExportDialog::showMessage(const QString& message, bool error)
{
    m_message->setText(message);
    m_message->setStyleSheet(error ? QStringLiteral("color: #c0392b;") : QString());
}

void ExportDialog::copyToClipboard()
{
    const FigureOptions options = figureOptions();
    if (auto error = validateFigureOptions(options)) {
        showMessage(*error, true);
        return;
    }
    if (const auto chart = depthChart()) {
        m_depthLab->completeTheory();
        QImage image;
        image.loadFromData(renderDepthChartBytes(m_depthLab->model(), *chart, options, FigureFormat::Png),
                           "PNG");
        QGuiApplication::clipboard()->setImage(image);
        showMessage(tr("The chart is on the clipboard (as an image)."), false);
        return;
    }
    copyFigureToClipboard(m_state, options);
    showMessage(tr("The figure is on the clipboard (as PNG and SVG)."), false);
}

std::optional<QString> ExportDialog::exportAnimation()
{
    const auto sweep = sweepAnimation();
    if (!sweep) return tr("Choose a parameter to sweep.");
    const FigureOptions options = figureOptions();
    m_busy = true;
    m_cancelRequested = false;
    m_progress->setRange(0, sweep->frames);
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_exportButton->setEnabled(false);
    const SweepProgress progress = [this](int done, int total) {
        // A GIF draws its frames twice (colours first), so the total is the export's, not the frames'.
        m_progress->setMaximum(total);
        m_progress->setValue(done);
        // Keeps the dialog responsive, so Cancel can stop a long export.
        QCoreApplication::processEvents();
        return !m_cancelRequested;
    };
    std::optional<QString> error;
    const QFileInfo target(path());
    if (m_animationFormat->currentIndex() == 0) {
        error = exportSweepGif(m_state, *sweep, options, path(), progress);
    } else {
        error = exportSweepPngSequence(m_state, *sweep, options, target.path(), target.completeBaseName(),
                                       nullptr, progress);
    }
    m_busy = false;
    m_progress->setVisible(false);
    m_exportButton->setEnabled(true);
    return error;
}

std::optional<QString> ExportDialog::exportNow()
{
    if (m_busy) return tr("An export is already running.");
    if (path().trimmed().isEmpty()) {
        showMessage(tr("Choose a file to write."), true);
        return tr("Choose a file to write.");
    }
    std::optional<QString> error;
    if (currentPage() == Page::Animation) {
        if (const auto sweep = sweepAnimation(); sweep) error = validateSweep(m_state, *sweep);
        if (!error) error = exportAnimation();
    } else if (const auto chart = depthChart()) {
        error = validateFigureOptions(figureOptions());
        if (!error) {
            m_depthLab->completeTheory();
            const QByteArray bytes =
                renderDepthChartBytes(m_depthLab->model(), *chart, figureOptions(), figureFormat());
            error = bytes.isEmpty() ? std::optional<QString>(tr("The chart could not be rendered."))
                                    : writeFileAtomically(path(), bytes);
        }
    } else {
        error = exportFigure(m_state, figureOptions(), figureFormat(), path());
    }
    if (error)
        showMessage(*error, true);
    else
        showMessage(tr("Saved %1.").arg(QDir::toNativeSeparators(path())), false);
    return error;
}

void ExportDialog::accept()
{
    if (!exportNow()) QDialog::accept();
}

}  // namespace ax::ui
