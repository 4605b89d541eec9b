#include "ui/widgets/custom_activation_actions.h"

#include "ui/widgets/activation_list_panel.h"
#include "ui/widgets/comparison_panel.h"
#include "ui/widgets/convention_actions.h"
#include "ui/widgets/custom_activation_dialog.h"
#include "ui/widgets/main_window.h"

#include <QAction>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>

namespace ax::ui {

CustomActivationActions::CustomActivationActions(MainWindow& window, ConventionActions* conventions)
    : QObject(&window), m_window(window), m_conventions(conventions)
{
    m_new = new QAction(tr("&New Custom Activation…"), this);
    m_new->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_new->setStatusTip(tr("Type a formula in z and explore it like the built-in activations"));
    connect(m_new, &QAction::triggered, this, [this] { newCustomActivation(); });

    m_menu = new QMenu(tr("&Activations"), &window);
    m_menu->addAction(m_new);
    window.menuBar()->insertMenu(window.helpMenu()->menuAction(), m_menu);

    QListWidget* list = window.activationList()->list();
    list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(list, &QListWidget::customContextMenuRequested, this, &CustomActivationActions::showListMenu);
    connect(window.comparisonPanel(), &ComparisonPanel::contextMenuAboutToShow, this,
            [this](QMenu* menu, const QString& id) {
                menu->addSeparator();
                addEntries(*menu, id);
            });
}

void CustomActivationActions::showListMenu(const QPoint& position)
{
    QListWidget* list = m_window.activationList()->list();
    const QListWidgetItem* item = list->itemAt(position);
    QMenu menu(list);
    if (item) addEntries(menu, item->data(Qt::UserRole).toString());
    if (menu.isEmpty()) menu.addAction(m_new);
    menu.exec(list->viewport()->mapToGlobal(position));
}

void CustomActivationActions::addEntries(QMenu& menu, const QString& id)
{
    ExplorerState& state = m_window.state();
    const core::Activation* a = state.activation(id);
    if (!a) return;
    const QString name = QString::fromStdString(a->name);
    if (state.isCustom(id)) {
        connect(menu.addAction(tr("Edit “%1”…").arg(name)), &QAction::triggered, this,
                [this, id] { editCustomActivation(id); });
        connect(menu.addAction(tr("Remove “%1”").arg(name)), &QAction::triggered, this,
                [this, id] { removeCustomActivation(id); });
    } else {
        connect(menu.addAction(tr("Duplicate “%1” as Custom…").arg(name)), &QAction::triggered, this,
                [this, id] { duplicateAsCustom(id); });
    }
    menu.addAction(m_new);
    if (m_conventions) m_conventions->addEntries(menu, id);
}

CustomActivationDialog* CustomActivationActions::newCustomActivation()
{
    core::CustomActivationSpec spec;
    spec.id = m_window.state().nextCustomId().toStdString();
    return openDialog(spec, false);
}

CustomActivationDialog* CustomActivationActions::duplicateAsCustom(const QString& catalogId)
{
    auto spec =
        core::duplicateAsCustom(catalogId.toStdString(), m_window.state().nextCustomId().toStdString());
    if (!spec) return nullptr;
    // The copy starts from the values on the sliders now, not only the catalog's defaults.
    const core::ParameterValues values = m_window.state().parameters(catalogId);
    const core::Activation* original = m_window.state().activation(catalogId);
    for (core::CustomParameterSpec& p : spec->parameters) {
        const int index = original ? original->parameterIndex(p.name) : -1;
        if (index < 0) continue;
        const double value = values[static_cast<std::size_t>(index)];
        p.defaultValue = value;
        p.sliderMin = std::min(p.sliderMin, value);
        p.sliderMax = std::max(p.sliderMax, value);
    }
    spec->name = tr("%1 (copy)").arg(QString::fromStdString(spec->name)).toStdString();
    return openDialog(*spec, false);
}

CustomActivationDialog* CustomActivationActions::editCustomActivation(const QString& id)
{
    const core::CustomActivation* custom = m_window.state().customActivation(id);
    if (!custom) return nullptr;
    return openDialog(custom->spec, true);
}

void CustomActivationActions::removeCustomActivation(const QString& id)
{
    const core::Activation* a = m_window.state().activation(id);
    if (!a || !m_window.state().isCustom(id)) return;
    const QString name = QString::fromStdString(a->name);
    m_window.state().removeCustomActivation(id);
    m_window.showStatus(tr("Removed the custom activation “%1”.").arg(name));
}

CustomActivationDialog* CustomActivationActions::openDialog(const core::CustomActivationSpec& initial,
                                                            bool replacing)
{
    auto* dialog = new CustomActivationDialog(initial, &m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    if (replacing) dialog->setWindowTitle(tr("Edit Custom Activation"));
    connect(dialog, &QDialog::accepted, this, [this, dialog, replacing] {
        // OK is enabled only once the background check has built exactly these fields.
        if (!dialog->built()) return;
        const core::CustomActivation& built = *dialog->built();
        const core::CustomActivationSpec spec = built.spec;
        ExplorerState& state = m_window.state();
        const auto error =
            replacing ? state.replaceWithBuiltCustomActivation(built) : state.addBuiltCustomActivation(built);
        if (error) {
            QMessageBox::warning(&m_window, tr("Custom Activation"), *error);
            return;
        }
        m_window.showStatus(tr("“%1” is on the charts.").arg(QString::fromStdString(spec.name)));
    });
    dialog->open();
    return dialog;
}

}  // namespace ax::ui
