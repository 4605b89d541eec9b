#pragma once
// The window's ways to make, edit, duplicate and remove custom activations: an Activations menu
// and context menus on the activation list and the comparison table.

#include "core/formula/custom_activation.h"

#include <QObject>

class QAction;
class QMenu;
class QPoint;

namespace ax::ui {

class ConventionActions;
class CustomActivationDialog;
class MainWindow;

class CustomActivationActions : public QObject {
    Q_OBJECT

public:
    // conventions, when given, adds its entries to the same context menus.
    CustomActivationActions(MainWindow& window, ConventionActions* conventions);

    [[nodiscard]] QAction* newAction() const noexcept { return m_new; }
    [[nodiscard]] QMenu* menu() const noexcept { return m_menu; }

    // Each opens the dialog (window-modal, not blocking) and applies it when accepted.
    CustomActivationDialog* newCustomActivation();
    CustomActivationDialog* duplicateAsCustom(const QString& catalogId);
    CustomActivationDialog* editCustomActivation(const QString& id);
    void removeCustomActivation(const QString& id);

    // The entries offered for the activation id (list rows, table rows).
    void addEntries(QMenu& menu, const QString& id);

private:
    CustomActivationDialog* openDialog(const core::CustomActivationSpec& initial, bool replacing);
    void showListMenu(const QPoint& position);

    MainWindow& m_window;
    ConventionActions* m_conventions = nullptr;
    QMenu* m_menu = nullptr;
    QAction* m_new = nullptr;
};

}  // namespace ax::ui
