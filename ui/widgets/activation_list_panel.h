#pragma once
// The list of every activation with its colour and a checkbox that shows or hides it, grouped by
// family under headers that fold and whose own tick box (ticked, partly ticked, clear) switches the
// whole group, plus a filter and the All / None / story presets.

#include <QSet>
#include <QString>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace ax::ui {

class ExplorerState;
struct StateChange;

class ActivationListPanel : public QWidget {
    Q_OBJECT

public:
    explicit ActivationListPanel(ExplorerState& state, QWidget* parent = nullptr);

    [[nodiscard]] QListWidget* list() const noexcept { return m_list; }
    [[nodiscard]] QLineEdit* filterEdit() const noexcept { return m_filter; }
    [[nodiscard]] QPushButton* allButton() const noexcept { return m_all; }
    [[nodiscard]] QPushButton* noneButton() const noexcept { return m_none; }
    [[nodiscard]] QPushButton* storyButton() const noexcept { return m_story; }
    // "No matches" when the filter hides every activation.
    [[nodiscard]] QLabel* noMatchesLabel() const noexcept { return m_noMatches; }
    // The ids the filter lets through, in catalog order.
    [[nodiscard]] QStringList shownIds() const;
    // The row of the activation id; nullptr if unknown.
    [[nodiscard]] QListWidgetItem* item(const QString& id) const;
    // The header row of a group: a family's display name ("smooth rectifier") or "custom".
    [[nodiscard]] QListWidgetItem* groupHeader(const QString& group) const;
    // The groups in the order the list shows them.
    [[nodiscard]] QStringList groups() const;
    [[nodiscard]] bool isGroupFolded(const QString& group) const { return m_folded.contains(group); }
    void setGroupFolded(const QString& group, bool folded);

private:
    // from the UI
    void onItemChanged(QListWidgetItem* item);
    void onItemClicked(QListWidgetItem* item);
    void setGroupEnabled(const QString& group, bool enabled);
    [[nodiscard]] QString groupOf(const QString& id) const;
    [[nodiscard]] bool matchesFilter(const QListWidgetItem* entry) const;
    void updateHeaders();
    // All and None: only the rows the filter shows change; hidden ones keep their state.
    void setShownEnabled(bool enabled);
    void applyFilter(const QString& text);
    // from the state
    void onStateChanged(const StateChange& change);
    void rebuild();
    void addEntry(const QString& id, const QString& group);
    void syncChecks();
    void fitListHeight();
    void updateVisibility();

    ExplorerState& m_state;
    QLineEdit* m_filter = nullptr;
    QListWidget* m_list = nullptr;
    QPushButton* m_all = nullptr;
    QPushButton* m_none = nullptr;
    QPushButton* m_story = nullptr;
    QLabel* m_noMatches = nullptr;
    QSet<QString> m_folded;
    // The header whose tick box the current click changed: that click does not also fold it.
    QListWidgetItem* m_headerJustTicked = nullptr;
};

}  // namespace ax::ui
