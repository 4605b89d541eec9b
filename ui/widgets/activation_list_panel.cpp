#include "ui/widgets/activation_list_panel.h"

#include "ui/model/activation_palette.h"
#include "ui/model/explorer_state.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace ax::ui {

namespace {

constexpr int kIdRole = Qt::UserRole;

QIcon swatch(const QColor& colour)
{
    // Drawn at twice the size so it stays crisp on high-DPI screens.
    QPixmap pixmap(28, 28);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(colour.darker(140), 2));
    painter.setBrush(colour);
    painter.drawRoundedRect(QRectF(3, 3, 22, 22), 5, 5);
    return QIcon(pixmap);
}

}  // namespace

ActivationListPanel::ActivationListPanel(ExplorerState& state, QWidget* parent)
    : QWidget(parent), m_state(state)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter activations"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter activations"));
    m_filter->setAccessibleDescription(tr("Shows only the activations whose name or id contains this text"));
    layout->addWidget(m_filter);

    auto* presets = new QHBoxLayout;
    m_all = new QPushButton(tr("All"), this);
    m_all->setAccessibleName(tr("Show all activations"));
    m_all->setAccessibleDescription(tr("Switches every activation the filter shows on"));
    m_all->setToolTip(tr("Show every activation in the list (with a filter: those it shows)"));
    m_none = new QPushButton(tr("None"), this);
    m_none->setAccessibleName(tr("Hide all activations"));
    m_none->setAccessibleDescription(tr("Switches every activation the filter shows off"));
    m_none->setToolTip(tr("Hide every activation in the list (with a filter: those it shows)"));
    m_story = new QPushButton(tr("The story"), this);
    m_story->setAccessibleName(tr("Show the story's activations"));
    m_story->setAccessibleDescription(
        tr("Shows the activations that tell the history from sigmoid to Mish, in order"));
    m_story->setToolTip(tr("Sigmoid, ReLU, Leaky ReLU, ELU, SELU, GELU, Swish and Mish"));
    for (auto* button : {m_all, m_none, m_story})
        presets->addWidget(button);
    layout->addLayout(presets);

    m_list = new QListWidget(this);
    m_list->setUniformItemSizes(true);
    m_list->setIconSize(QSize(14, 14));
    m_list->setAccessibleName(tr("Activations"));
    m_list->setAccessibleDescription(
        tr("Each checked activation is drawn in the charts; Space toggles the current one"));
    m_list->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    layout->addWidget(m_list);

    m_noMatches = new QLabel(tr("No matches"), this);
    m_noMatches->setAlignment(Qt::AlignCenter);
    m_noMatches->setEnabled(false);
    m_noMatches->setAccessibleName(tr("No matches"));
    m_noMatches->hide();
    layout->addWidget(m_noMatches);

    setTabOrder(m_filter, m_all);
    setTabOrder(m_all, m_none);
    setTabOrder(m_none, m_story);
    setTabOrder(m_story, m_list);

    rebuild();

    connect(m_filter, &QLineEdit::textChanged, this, &ActivationListPanel::applyFilter);
    connect(m_list, &QListWidget::itemChanged, this, &ActivationListPanel::onItemChanged);
    connect(m_all, &QPushButton::clicked, this, [this] { setShownEnabled(true); });
    connect(m_none, &QPushButton::clicked, this, [this] { setShownEnabled(false); });
    connect(m_story, &QPushButton::clicked, this,
            [this] { m_state.setEnabledIds(ExplorerState::storyIds()); });
    connect(&m_state, &ExplorerState::changed, this, &ActivationListPanel::onStateChanged);
}

QListWidgetItem* ActivationListPanel::item(const QString& id) const
{
    for (int row = 0; row < m_list->count(); ++row)
        if (m_list->item(row)->data(kIdRole).toString() == id) return m_list->item(row);
    return nullptr;
}

QStringList ActivationListPanel::shownIds() const
{
    QStringList ids;
    for (int row = 0; row < m_list->count(); ++row)
        if (!m_list->item(row)->isHidden()) ids << m_list->item(row)->data(kIdRole).toString();
    return ids;
}

void ActivationListPanel::setShownEnabled(bool enabled)
{
    const QStringList shown = shownIds();
    QStringList ids;
    for (const QString& id : m_state.activationIds())
        if (shown.contains(id) ? enabled : m_state.isEnabled(id)) ids << id;
    m_state.setEnabledIds(ids);
}

void ActivationListPanel::onItemChanged(QListWidgetItem* item)
{
    m_state.setEnabled(item->data(kIdRole).toString(), item->checkState() == Qt::Checked);
}

void ActivationListPanel::applyFilter(const QString& text)
{
    const QString needle = text.trimmed();
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem* entry = m_list->item(row);
        const bool match = needle.isEmpty() || entry->text().contains(needle, Qt::CaseInsensitive) ||
                           entry->data(kIdRole).toString().contains(needle, Qt::CaseInsensitive);
        entry->setHidden(!match);
    }
    fitListHeight();
}

void ActivationListPanel::onStateChanged(const StateChange& change)
{
    if (change.touches(StateChange::Definitions))
        rebuild();
    else if (change.touches(StateChange::Shown))
        syncChecks();
}

void ActivationListPanel::rebuild()
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const QString& id : m_state.activationIds()) {
        const auto* activation = m_state.activation(id);
        const QString name = activation ? QString::fromStdString(activation->name) : id;
        auto* entry = new QListWidgetItem(swatch(activationColour(m_state.catalogIndex(id))), name, m_list);
        entry->setData(kIdRole, id);
        entry->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        entry->setCheckState(m_state.isEnabled(id) ? Qt::Checked : Qt::Unchecked);
        entry->setToolTip(
            activation ? tr("%1: f(z) = %2").arg(name, QString::fromStdString(activation->formula)) : name);
    }
    applyFilter(m_filter->text());
}

void ActivationListPanel::syncChecks()
{
    const QSignalBlocker blocker(m_list);
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem* entry = m_list->item(row);
        entry->setCheckState(m_state.isEnabled(entry->data(kIdRole).toString()) ? Qt::Checked
                                                                                : Qt::Unchecked);
    }
}

void ActivationListPanel::fitListHeight()
{
    // The side panel scrolls as a whole; a list with its own scroll bar inside it would be a trap for
    // the mouse wheel, so the list is as tall as its visible rows.
    int rows = 0;
    for (int row = 0; row < m_list->count(); ++row)
        if (!m_list->item(row)->isHidden()) ++rows;
    const int rowHeight = m_list->count() > 0 ? m_list->sizeHintForRow(0) : fontMetrics().height();
    const int frame = 2 * m_list->frameWidth();
    m_list->setFixedHeight(std::max(rows, 1) * rowHeight + frame + 2);
    // An empty list looks like a fault; say that the filter matched nothing.
    m_list->setVisible(rows > 0);
    m_noMatches->setVisible(rows == 0);
}

}  // namespace ax::ui
