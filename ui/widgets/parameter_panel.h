#pragma once
// The parameter controls: one group per enabled parameterised activation, with a reset button, and
// the sweep speed shared by every play button; any user input pauses a running sweep.

#include "ui/render/sweep_export.h"
#include "ui/widgets/number_box.h"

#include <QHash>
#include <QWidget>

#include <vector>

class QGroupBox;
class QPushButton;

namespace ax::ui {

class ExplorerState;
class ParameterEditor;
struct StateChange;

class ParameterPanel : public QWidget {
    Q_OBJECT

public:
    explicit ParameterPanel(ExplorerState& state, QWidget* parent = nullptr);
    ~ParameterPanel() override;

    // The group of the activation id; nullptr when it has no parameters.
    [[nodiscard]] QGroupBox* group(const QString& id) const;
    [[nodiscard]] QPushButton* resetButton(const QString& id) const;
    [[nodiscard]] ParameterEditor* editor(const QString& id, int index) const;
    [[nodiscard]] QList<ParameterEditor*> editors() const;
    [[nodiscard]] NumberBox* sweepSecondsBox() const noexcept { return m_sweepSeconds; }

    // Stops every running sweep.
    void pauseSweeps();
    [[nodiscard]] bool anySweeping() const;
    // The running sweeps, each over its parameter's slider range.
    [[nodiscard]] std::vector<SweepAnimation> sweeps() const;

signals:
    // A sweep started or stopped.
    void sweepsChanged();
    void statusMessage(const QString& message);
    void problemSolved(const QString& message);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    // from the UI
    void onSweepingChanged();
    // from the state
    void onStateChanged(const StateChange& change);
    void updateVisibility();
    void addGroups();
    void rebuildGroups();
    // Names, parameters and slider ranges of the activations: editors are rebuilt only when it moves.
    [[nodiscard]] QString groupsSignature() const;

    ExplorerState& m_state;
    QHash<QString, QGroupBox*> m_groups;
    QHash<QString, QPushButton*> m_resets;
    QList<ParameterEditor*> m_editors;
    NumberBox* m_sweepSeconds = nullptr;
    QWidget* m_emptyHint = nullptr;
    bool m_filtering = false;
    QString m_groupsSignature;
};

}  // namespace ax::ui
