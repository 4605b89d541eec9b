#pragma once
// The explanation of one activation, typeset: formula and derivative, the story of the problem it
// solved and the one it left, the mathematics, practical advice, the paper, and live properties.

#include <QTextBrowser>

namespace ax::ui {

class ExplorerState;
class ExplanationLibrary;
struct StateChange;

class DetailsPane : public QTextBrowser {
    Q_OBJECT

public:
    DetailsPane(ExplorerState& state, const ExplanationLibrary& library, QWidget* parent = nullptr);

    void showActivation(const QString& id);  // empty: the hint to pick a row
    [[nodiscard]] QString shownId() const { return m_id; }
    // The page for id at the state's current parameters.
    [[nodiscard]] QString pageHtml(const QString& id) const;

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void onStateChanged(const StateChange& change);
    // Rebuilds the page now when it is seen, else when it is next shown: a hidden page (its dock
    // closed, another tab in front, a lesson presented) would otherwise redo its framework
    // comparison on every step of a drag.
    void refresh();
    void rebuild();

    ExplorerState& m_state;
    const ExplanationLibrary& m_library;
    QString m_id;
    bool m_stale = false;
};

}  // namespace ax::ui
