#include "ui/widgets/activation_list_panel.h"

#include "ui/model/activation_palette.h"
#include "ui/model/explorer_state.h"

#include "core/activation.h"

#include <QHBoxLayout>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTimer>
#include <QVBoxLayout>

#include <utility>

namespace ax::ui {

namespace {

constexpr int kIdRole = Qt::UserRole;
constexpr int kGroupRole = Qt::UserRole + 1;   // on every row: the group it belongs to
constexpr int kHeaderRole = Qt::UserRole + 2;  // true on the group headers

const QString kCustomGroup = QStringLiteral("custom");

bool isHeader(const QListWidgetItem* entry)
{
    return entry->data(kHeaderRole).toBool();
}

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
    connect(m_list, &QListWidget::itemClicked, this, &ActivationListPanel::onItemClicked);
    connect(m_all, &QPushButton::clicked, this, [this] { setShownEnabled(true); });
    connect(m_none, &QPushButton::clicked, this, [this] { setShownEnabled(false); });
    connect(m_story, &QPushButton::clicked, this,
            [this] { m_state.setEnabledIds(ExplorerState::storyIds()); });
    connect(&m_state, &ExplorerState::changed, this, &ActivationListPanel::onStateChanged);
}

QListWidgetItem* ActivationListPanel::item(const QString& id) const
{
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem* entry = m_list->item(row);
        if (!isHeader(entry) && entry->data(kIdRole).toString() == id) return entry;
    }
    return nullptr;
}

QListWidgetItem* ActivationListPanel::groupHeader(const QString& group) const
{
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem* entry = m_list->item(row);
        if (isHeader(entry) && entry->data(kGroupRole).toString() == group) return entry;
    }
    return nullptr;
}

QStringList ActivationListPanel::groups() const
{
    QStringList names;
    for (int row = 0; row < m_list->count(); ++row)
        if (isHeader(m_list->item(row))) names << m_list->item(row)->data(kGroupRole).toString();
    return names;
}

QString ActivationListPanel::groupOf(const QString& id) const
{
    const core::Activation* activation = m_state.activation(id);
    if (m_state.isCustom(id) || !activation) return kCustomGroup;
    return QString::fromUtf8(core::familyName(activation->family).data(),
                             static_cast<qsizetype>(core::familyName(activation->family).size()));
}

// The filter decides which activations are shown; a folded group still counts its matches, so
// All and None reach them too.
QStringList ActivationListPanel::shownIds() const
{
    QStringList ids;
    for (int row = 0; row < m_list->count(); ++row) {
        const QListWidgetItem* entry = m_list->item(row);
        if (!isHeader(entry) && matchesFilter(entry)) ids << entry->data(kIdRole).toString();
    }
    return ids;
}

bool ActivationListPanel::matchesFilter(const QListWidgetItem* entry) const
{
    const QString needle = m_filter->text().trimmed();
    return needle.isEmpty() || entry->text().contains(needle, Qt::CaseInsensitive) ||
           entry->data(kIdRole).toString().contains(needle, Qt::CaseInsensitive);
}

void ActivationListPanel::setGroupFolded(const QString& group, bool folded)
{
    if (folded)
        m_folded.insert(group);
    else
        m_folded.remove(group);
    updateHeaders();
    updateVisibility();
}

void ActivationListPanel::setGroupEnabled(const QString& group, bool enabled)
{
    QStringList ids;
    for (const QString& id : m_state.activationIds())
        if (groupOf(id) == group ? enabled : m_state.isEnabled(id)) ids << id;
    m_state.setEnabledIds(ids);
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
    if (isHeader(item)) {
        // A click on a partly ticked header ticks the whole group, as the box then shows.
        m_headerJustTicked = item;
        QTimer::singleShot(0, this, [this] { m_headerJustTicked = nullptr; });
        setGroupEnabled(item->data(kGroupRole).toString(), item->checkState() != Qt::Unchecked);
        return;
    }
    m_state.setEnabled(item->data(kIdRole).toString(), item->checkState() == Qt::Checked);
}

void ActivationListPanel::onItemClicked(QListWidgetItem* item)
{
    if (!isHeader(item)) return;
    if (std::exchange(m_headerJustTicked, nullptr) == item) return;
    const QString group = item->data(kGroupRole).toString();
    setGroupFolded(group, !isGroupFolded(group));
}

void ActivationListPanel::applyFilter(const QString&)
{
    updateVisibility();
}

void ActivationListPanel::updateVisibility()
{
    // While a filter is typed, folded groups open: a match hidden under a fold would look like none.
    const bool filtering = !m_filter->text().trimmed().isEmpty();
    QHash<QString, int> matches;
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem* entry = m_list->item(row);
        if (isHeader(entry)) continue;
        const QString group = entry->data(kGroupRole).toString();
        const bool match = matchesFilter(entry);
        if (match) ++matches[group];
        entry->setHidden(!match || (!filtering && m_folded.contains(group)));
    }
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem* entry = m_list->item(row);
        if (isHeader(entry)) entry->setHidden(matches.value(entry->data(kGroupRole).toString()) == 0);
    }
    fitListHeight();
}

void ActivationListPanel::updateHeaders()
{
    const QSignalBlocker blocker(m_list);
    QHash<QString, int> members;
    QHash<QString, int> ticked;
    for (int row = 0; row < m_list->count(); ++row) {
        const QListWidgetItem* entry = m_list->item(row);
        if (isHeader(entry)) continue;
        const QString group = entry->data(kGroupRole).toString();
        ++members[group];
        if (m_state.isEnabled(entry->data(kIdRole).toString())) ++ticked[group];
    }
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem* entry = m_list->item(row);
        if (!isHeader(entry)) continue;
        const QString group = entry->data(kGroupRole).toString();
        const int count = members.value(group);
        const int on = ticked.value(group);
        entry->setCheckState(on == 0 ? Qt::Unchecked : on == count ? Qt::Checked : Qt::PartiallyChecked);
        const bool folded = m_folded.contains(group);
        // ▸ folded, ▾ open: the arrow says what a click on the header does.
        const QString title = group == kCustomGroup ? tr("Custom") : group.left(1).toUpper() + group.mid(1);
        entry->setText(tr("%1 %2 (%3 of %4 shown)")
                           .arg(folded ? QStringLiteral("▸") : QStringLiteral("▾"), title)
                           .arg(on)
                           .arg(count));
        entry->setToolTip(
            folded ? tr("Click to open the %1 group; its box shows or hides all of it").arg(title)
                   : tr("Click to fold the %1 group; its box shows or hides all of it").arg(title));
    }
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
    // Families in their fixed order, each header followed by its members in catalog order; the
    // custom activations last.
    QStringList order;
    for (const core::Family family : core::allFamilies())
        order << QString::fromUtf8(core::familyName(family).data(),
                                   static_cast<qsizetype>(core::familyName(family).size()));
    order << kCustomGroup;
    const QStringList ids = m_state.activationIds();
    QFont headerFont = m_list->font();
    headerFont.setBold(true);
    for (const QString& group : order) {
        QStringList members;
        for (const QString& id : ids)
            if (groupOf(id) == group) members << id;
        if (members.isEmpty()) continue;
        auto* header = new QListWidgetItem(m_list);
        header->setData(kGroupRole, group);
        header->setData(kHeaderRole, true);
        header->setFont(headerFont);
        header->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        for (const QString& id : members)
            addEntry(id, group);
    }
    updateHeaders();
    applyFilter(m_filter->text());
}

void ActivationListPanel::addEntry(const QString& id, const QString& group)
{
    {
        const auto* activation = m_state.activation(id);
        const QString name = activation ? QString::fromStdString(activation->name) : id;
        auto* entry = new QListWidgetItem(swatch(activationColour(m_state.session(), id)), name, m_list);
        entry->setData(kIdRole, id);
        entry->setData(kGroupRole, group);
        entry->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        entry->setCheckState(m_state.isEnabled(id) ? Qt::Checked : Qt::Unchecked);
        entry->setToolTip(
            activation ? tr("%1: f(z) = %2").arg(name, QString::fromStdString(activation->formula)) : name);
    }
}

void ActivationListPanel::syncChecks()
{
    const QSignalBlocker blocker(m_list);
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem* entry = m_list->item(row);
        if (isHeader(entry)) continue;
        entry->setCheckState(m_state.isEnabled(entry->data(kIdRole).toString()) ? Qt::Checked
                                                                                : Qt::Unchecked);
    }
    updateHeaders();
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
