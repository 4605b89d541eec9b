#pragma once
// The window's Export dialog: one chart or the combined figure as PNG, SVG or PDF, or a parameter
// sweep as an animated GIF or a numbered PNG sequence.

#include "ui/render/figure_export.h"
#include "ui/render/sweep_export.h"
#include "ui/widgets/depth_lab_view.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace ax::ui {

class DepthLabView;
class ExplorerState;

class ExportDialog : public QDialog {
    Q_OBJECT

public:
    enum class Page { Figure, Animation };

    explicit ExportDialog(ExplorerState& state, QWidget* parent = nullptr);

    // Adds the depth lab's four charts to the chart choices, rendered from view.
    void setDepthLab(DepthLabView* view);

    void showPage(Page page);
    [[nodiscard]] Page currentPage() const;
    [[nodiscard]] QString path() const;
    void setPath(const QString& path);
    // The file name follows the content; the folder and the figure format are what a user last chose.
    void setFolder(const QString& folder);
    void setFigureFormat(FigureFormat format);
    // The animation's output: "gif", or "png" for a numbered PNG sequence; other names change nothing.
    [[nodiscard]] QString animationFormatName() const;
    void setAnimationFormatName(const QString& name);

    // What the controls describe now.
    [[nodiscard]] FigureOptions figureOptions() const;
    [[nodiscard]] FigureFormat figureFormat() const;
    // The depth lab chart chosen, if the choice is one.
    [[nodiscard]] std::optional<Chart> depthChart() const;
    [[nodiscard]] std::optional<SweepAnimation> sweepAnimation() const;

    // Writes what the controls describe; returns the error message (also shown in the dialog).
    std::optional<QString> exportNow();

    void accept() override;

private:
    void buildFigurePage(QWidget* page);
    void buildAnimationPage(QWidget* page);
    QWidget* buildLookGroup();
    void fillSweepParameters();
    void sweepParameterChanged();
    void sizePresetChanged();
    void updateControls();
    void updatePathSuffix();
    void browse();
    void copyToClipboard();
    void showMessage(const QString& message, bool error);
    [[nodiscard]] QString defaultFileName() const;
    std::optional<QString> exportAnimation();

    ExplorerState& m_state;
    DepthLabView* m_depthLab = nullptr;
    QTabWidget* m_tabs = nullptr;
    QComboBox* m_chart = nullptr;
    QComboBox* m_format = nullptr;
    QComboBox* m_sizePreset = nullptr;
    QSpinBox* m_width = nullptr;
    QSpinBox* m_height = nullptr;
    QComboBox* m_scale = nullptr;
    QCheckBox* m_transparent = nullptr;
    QComboBox* m_style = nullptr;
    QComboBox* m_sweepParameter = nullptr;
    QDoubleSpinBox* m_sweepFrom = nullptr;
    QDoubleSpinBox* m_sweepTo = nullptr;
    QSpinBox* m_frames = nullptr;
    QDoubleSpinBox* m_fps = nullptr;
    QComboBox* m_animationFormat = nullptr;
    QLineEdit* m_path = nullptr;
    QPushButton* m_exportButton = nullptr;
    QPushButton* m_copyButton = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_message = nullptr;
    bool m_busy = false;
    bool m_cancelRequested = false;
};

}  // namespace ax::ui
