#pragma once
// The window's framework-convention controls: View → Framework Convention to switch definitions,
// and "Compare conventions" to overlay one activation's variants on the charts.

#include <QObject>

class QAction;
class QActionGroup;
class QMenu;

namespace ax::ui {

class MainWindow;
struct StateChange;

class ConventionActions : public QObject {
    Q_OBJECT

public:
    explicit ConventionActions(MainWindow& window);

    [[nodiscard]] QMenu* menu() const noexcept { return m_menu; }
    // The checkable action of each framework, in the order of core::frameworks().
    [[nodiscard]] const QList<QAction*>& frameworkActions() const noexcept { return m_frameworks; }
    [[nodiscard]] QAction* stopComparingAction() const noexcept { return m_stop; }

    // "Compare conventions of …" for ids the frameworks define; nothing for the others.
    void addEntries(QMenu& menu, const QString& id);

private:
    void onStateChanged(const StateChange& change);
    void sync();

    MainWindow& m_window;
    QMenu* m_menu = nullptr;
    QActionGroup* m_group = nullptr;
    QList<QAction*> m_frameworks;
    QAction* m_stop = nullptr;
};

}  // namespace ax::ui
