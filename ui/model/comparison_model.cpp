#include "ui/model/comparison_model.h"

#include "core/cost.h"
#include "core/measurements.h"
#include "ui/model/activation_palette.h"
#include "ui/model/explorer_state.h"
#include "ui/model/property_text.h"

#include <QColor>
#include <QVariantList>
#include <QtConcurrent/QtConcurrentRun>

namespace ax::ui {

namespace {

using Column = ComparisonModel::Column;

constexpr int kColumnCount = static_cast<int>(Column::Count);

// Text columns long enough that the view elides them; their tooltip carries the whole text.
bool isLongText(Column column)
{
    return column == Column::Formula || column == Column::Problem || column == Column::Solution ||
           column == Column::Name;
}

}  // namespace

ComparisonModel::ComparisonModel(ExplorerState& state, QObject* parent)
    : QAbstractTableModel(parent),
      m_state(state),
      m_ids(state.activationIds()),
      m_library(ExplanationLibrary::load(state.activationIds()))
{
    connect(&m_state, &ExplorerState::changed, this, &ComparisonModel::onStateChanged);
    connect(&m_costWatcher, &QFutureWatcher<std::vector<double>>::finished, this, [this] {
        const int cost = column(Column::Cost);
        if (!m_ids.isEmpty())
            emit dataChanged(index(0, cost), index(static_cast<int>(m_ids.size()) - 1, cost));
    });
    m_measured.resize(static_cast<std::size_t>(m_ids.size()));
    measureCosts();
}

void ComparisonModel::measureCosts()
{
    // Measured together so every ratio shares one ReLU reference and one machine state; the
    // benchmark takes a while, so it runs off the GUI thread, on copies.
    std::vector<core::Activation> activations;
    activations.reserve(static_cast<std::size_t>(m_ids.size()));
    for (const QString& id : m_ids)
        if (const auto* a = m_state.activation(id)) activations.push_back(*a);
    m_costs =
        QtConcurrent::run([activations = std::move(activations), keepAlive = m_state.customActivations()] {
            return core::relativeCosts(activations);
        });
    m_costWatcher.setFuture(m_costs);
}

std::optional<double> ComparisonModel::measuredCost(int row) const
{
    if (!m_costs.isFinished()) return std::nullopt;
    return relativeCost(row);
}

int ComparisonModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_ids.size());
}

int ComparisonModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : kColumnCount;
}

QString ComparisonModel::idAt(int row) const
{
    return row >= 0 && row < m_ids.size() ? m_ids.at(row) : QString();
}

int ComparisonModel::rowOf(const QString& id) const
{
    return static_cast<int>(m_ids.indexOf(id));
}

double ComparisonModel::relativeCost(int row) const
{
    const std::vector<double> costs = m_costs.result();
    return row >= 0 && static_cast<std::size_t>(row) < costs.size() ? costs[static_cast<std::size_t>(row)]
                                                                    : 0.0;
}

core::Properties ComparisonModel::propertiesAt(int row) const
{
    const QString id = idAt(row);
    const auto* a = m_state.activation(id);
    if (!a || !a->properties) return {};
    // A typed formula has no declared properties: they are measured over the range on the charts.
    if (m_state.isCustom(id)) {
        auto& measured = m_measured.at(static_cast<std::size_t>(row));
        if (!measured) {
            measured = core::measureProperties(*a, m_state.parameters(id), m_state.zMin(), m_state.zMax());
            ++m_measurements;
        }
        return *measured;
    }
    return a->properties(m_state.parameters(id));
}

QVariant ComparisonModel::displayText(int row, Column column) const
{
    const QString id = idAt(row);
    const auto* a = m_state.activation(id);
    if (!a) return {};
    const Explanation* text = m_library.find(id);
    switch (column) {
        case Column::Name:
            return QString::fromStdString(a->name);
        case Column::Formula:
            return QString::fromStdString(a->formula);
        case Column::Year:
            return a->reference.year > 0 ? QString::number(a->reference.year) : tr("—");
        case Column::Cost:
            if (const auto cost = measuredCost(row)) return tr("%1×").arg(*cost, 0, 'f', 1);
            return QStringLiteral("…");
        case Column::Problem:
            return text ? plainTextOf(text->problem) : QString();
        case Column::Solution:
            return text ? plainTextOf(text->solution) : QString();
        default:
            break;
    }
    const core::Properties p = propertiesAt(row);
    switch (column) {
        case Column::Range:
            return rangeText(p.range);
        case Column::Monotonic:
            return yesNo(p.monotonic);
        case Column::Smooth:
            return smoothnessText(p.smoothness);
        case Column::ZeroCentred:
            return yesNo(p.zeroCentred);
        case Column::Bounded:
            return boundedText(p);
        case Column::Saturates:
            return saturationText(p.saturates);
        case Column::DeadRegion:
            return yesNo(p.deadRegion);
        case Column::SelfNormalising:
            return yesNo(p.selfNormalising);
        default:
            return {};
    }
}

QVariant ComparisonModel::sortKey(int row, Column column) const
{
    const auto* a = m_state.activation(idAt(row));
    if (!a) return {};
    switch (column) {
        case Column::Name:
            return QString::fromStdString(a->name).toCaseFolded();
        case Column::Year:
            return a->reference.year;
        case Column::Cost:
            return measuredCost(row).value_or(0.0);
        case Column::Formula:
        case Column::Problem:
        case Column::Solution:
            return displayText(row, column).toString().toCaseFolded();
        default:
            break;
    }
    const core::Properties p = propertiesAt(row);
    switch (column) {
        case Column::Range:
            return QVariantList{p.range.lo, p.range.hi};
        case Column::Monotonic:
            return p.monotonic;
        case Column::Smooth:
            return smoothnessOrder(p.smoothness);
        case Column::ZeroCentred:
            return p.zeroCentred;
        case Column::Bounded:
            return boundedKey(p);
        case Column::Saturates:
            return static_cast<int>(p.saturates);
        case Column::DeadRegion:
            return p.deadRegion;
        case Column::SelfNormalising:
            return p.selfNormalising;
        default:
            return {};
    }
}

QVariant ComparisonModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= kColumnCount) return {};
    const int row = index.row();
    const auto column = static_cast<Column>(index.column());
    const QString id = idAt(row);
    switch (role) {
        case Qt::DisplayRole:
            return displayText(row, column);
        case Qt::ToolTipRole: {
            if (column == Column::Name) {
                const auto* a = m_state.activation(id);
                return a ? tr("%1: tick to show it on the charts").arg(m_state.caption(id)) : QVariant();
            }
            if (column == Column::Cost)
                return tr("Time for f, f′ and f″ at one point, relative to ReLU, measured on this computer");
            if (isLongText(column)) return displayText(row, column);
            return {};
        }
        case Qt::DecorationRole:
            if (column == Column::Name) return activationColour(m_state.catalogIndex(id));
            return {};
        case Qt::CheckStateRole:
            if (column == Column::Name) return m_state.isEnabled(id) ? Qt::Checked : Qt::Unchecked;
            return {};
        case Qt::TextAlignmentRole:
            if (column == Column::Cost || column == Column::Year)
                return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
            if (!isLongText(column) && column != Column::Range)
                return QVariant::fromValue(Qt::AlignHCenter | Qt::AlignVCenter);
            return {};
        case SortRole:
            return sortKey(row, column);
        case IdRole:
            return id;
        case SearchRole: {
            const auto* a = m_state.activation(id);
            QStringList words{id};
            if (a)
                words << QString::fromStdString(a->name) << QString::fromStdString(a->formula)
                      << QString::fromStdString(a->reference.authors)
                      << QString::fromStdString(a->reference.title);
            if (const Explanation* text = m_library.find(id)) words << text->searchText();
            return words.join(QLatin1Char('\n'));
        }
        default:
            return {};
    }
}

QVariant ComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= kColumnCount) return {};
    const auto column = static_cast<Column>(section);
    if (role == Qt::DisplayRole) {
        switch (column) {
            case Column::Name:
                return tr("Activation");
            case Column::Formula:
                return tr("Formula");
            case Column::Range:
                return tr("Output range");
            case Column::Monotonic:
                return tr("Monotonic");
            case Column::Smooth:
                return tr("Smooth");
            case Column::ZeroCentred:
                return tr("Zero-centred");
            case Column::Bounded:
                return tr("Bounded");
            case Column::Saturates:
                return tr("Saturates");
            case Column::DeadRegion:
                return tr("Dead region");
            case Column::SelfNormalising:
                return tr("Self-normalising");
            case Column::Cost:
                return tr("Cost");
            case Column::Year:
                return tr("Year");
            case Column::Problem:
                return tr("Problem it solved");
            case Column::Solution:
                return tr("What came next");
            case Column::Count:
                break;
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (column) {
            case Column::Name:
                return tr("Tick an activation to show it on the charts");
            case Column::Formula:
                return tr("The definition of f(z)");
            case Column::Range:
                return tr("Every value f takes over the real line, at the current parameters");
            case Column::Monotonic:
                return tr("Whether f never decreases as z grows");
            case Column::Smooth:
                return tr("How many times f can be differentiated continuously");
            case Column::ZeroCentred:
                return tr("Whether f(0) = 0 with outputs of both signs");
            case Column::Bounded:
                return tr("Whether f stays above a floor, below a ceiling, or both");
            case Column::Saturates:
                return tr("On which side f′ fades to zero as |z| grows");
            case Column::DeadRegion:
                return tr("Whether f′ is exactly zero on a whole interval");
            case Column::SelfNormalising:
                return tr("Whether it keeps activations at mean 0 and variance 1 by itself");
            case Column::Cost:
                return tr("Time for f, f′ and f″ at one point, relative to ReLU, measured on this computer");
            case Column::Year:
                return tr("Year of the paper that introduced it");
            case Column::Problem:
                return tr("The problem it was introduced to solve");
            case Column::Solution:
                return tr("Which activation answered its weakness, and why");
            case Column::Count:
                break;
        }
    }
    return {};
}

Qt::ItemFlags ComparisonModel::flags(const QModelIndex& index) const
{
    if (!index.isValid()) return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == column(Column::Name)) f |= Qt::ItemIsUserCheckable;
    return f;
}

bool ComparisonModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || role != Qt::CheckStateRole || index.column() != column(Column::Name))
        return false;
    // The state emits the change; onStateChanged then refreshes the check box.
    m_state.setEnabled(idAt(index.row()), value.value<Qt::CheckState>() == Qt::Checked);
    return true;
}

void ComparisonModel::onStateChanged(const StateChange& change)
{
    if (change.touches(StateChange::Definitions)) {
        beginResetModel();
        m_ids = m_state.activationIds();
        m_library = ExplanationLibrary::load(m_ids);
        m_measured.assign(static_cast<std::size_t>(m_ids.size()), std::nullopt);
        measureCosts();
        endResetModel();
        return;
    }
    const bool all = change.parts == StateChange::All;
    for (int row = 0; row < m_ids.size(); ++row) {
        const bool named = change.ids.contains(m_ids.at(row)) ||
                           (change.touches(StateChange::Range) && m_state.isCustom(m_ids.at(row)));
        if (all || ((change.touches(StateChange::Parameters) || change.touches(StateChange::Range)) &&
                    (named || (change.ids.isEmpty() && change.touches(StateChange::Parameters))))) {
            m_measured[static_cast<std::size_t>(row)].reset();
            emit dataChanged(index(row, 0), index(row, kColumnCount - 1));
        } else if (change.touches(StateChange::Shown) && (named || change.ids.isEmpty()))
            emit dataChanged(index(row, 0), index(row, 0), {Qt::CheckStateRole});
    }
}

}  // namespace ax::ui
