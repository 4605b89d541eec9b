#include "ui/widgets/convention_actions.h"

#include "core/catalog.h"
#include "core/framework_conventions.h"
#include "ui/widgets/main_window.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>

#include <algorithm>

namespace ax::ui {

namespace {

QString nameOf(core::Framework framework)
{
    const std::string_view name = core::frameworkName(framework);
    return QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
}

}  // namespace

ConventionActions::ConventionActions(MainWindow& window) : QObject(&window), m_window(window)
{
    m_menu = window.viewMenu()->addMenu(tr("Framework &Convention"));
    m_menu->setStatusTip(tr("Which framework's definitions and defaults the charts and table use"));
    m_group = new QActionGroup(this);
    m_group->setExclusive(true);
    for (const core::Framework framework : core::frameworks()) {
        QAction* action = m_menu->addAction(nameOf(framework));
        action->setCheckable(true);
        action->setStatusTip(tr("Use %1's definitions where the frameworks disagree").arg(nameOf(framework)));
        m_group->addAction(action);
        m_frameworks << action;
        connect(action, &QAction::triggered, this,
                [this, framework] { m_window.state().setConvention(framework); });
    }
    m_menu->addSeparator();
    m_stop = m_menu->addAction(tr("&Stop Comparing Conventions"));
    connect(m_stop, &QAction::triggered, this, [this] { m_window.state().setComparedConventionId({}); });
    connect(&window.state(), &ExplorerState::changed, this, &ConventionActions::onStateChanged);
    sync();
}

void ConventionActions::addEntries(QMenu& menu, const QString& id)
{
    const auto ids = core::conventionIds();
    if (std::find(ids.begin(), ids.end(), id.toStdString()) == ids.end()) return;
    const core::Activation* a = core::findActivation(id.toStdString());
    menu.addSeparator();
    QAction* compare =
        menu.addAction(tr("Compare Framework Conventions of “%1”").arg(QString::fromStdString(a->name)));
    compare->setCheckable(true);
    compare->setChecked(m_window.state().comparedConventionId() == id);
    connect(compare, &QAction::triggered, this,
            [this, id](bool on) { m_window.state().setComparedConventionId(on ? id : QString()); });
}

void ConventionActions::onStateChanged(const StateChange& change)
{
    if (change.touches(StateChange::Definitions) || change.touches(StateChange::ChartOptions)) sync();
}

void ConventionActions::sync()
{
    const auto all = core::frameworks();
    for (std::size_t i = 0; i < all.size(); ++i)
        m_frameworks[static_cast<qsizetype>(i)]->setChecked(all[i] == m_window.state().convention());
    m_stop->setEnabled(!m_window.state().comparedConventionId().isEmpty());
}

}  // namespace ax::ui
