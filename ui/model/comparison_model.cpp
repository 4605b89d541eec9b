#include "ui/model/comparison_model.h"

#include "core/cost.h"
#include "core/measurements.h"
#include "ui/model/activation_palette.h"
#include "ui/model/explorer_state.h"
#include "ui/model/property_text.h"

#include <QColor>
#include <QVariantList>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>
#include <iterator>

namespace ax::ui {

namespace {

using Column = ComparisonModel::Column;

constexpr int kColumnCount = static_cast<int>(Column::Count);

struct ColumnName {
    Column column;
    const char* key;
};

// Stable keys: --columns, session files and exported files name columns by them.
constexpr ColumnName kColumnKeys[] = {
    {Column::Name, "name"},
    {Column::Family, "family"},
    {Column::Formula, "formula"},
    {Column::Introduced, "introduced"},
    {Column::Strengths, "strengths"},
    {Column::Weaknesses, "weaknesses"},
    {Column::Problem, "problem"},
    {Column::Solution, "solution"},
    {Column::Maths, "maths"},
    {Column::Range, "range"},
    {Column::Monotonic, "monotonic"},
    {Column::Smooth, "smooth"},
    {Column::Mean, "mean"},
    {Column::Variance, "variance"},
    {Column::ZeroCentred, "zero_centred"},
    {Column::Bounded, "bounded"},
    {Column::Saturates, "saturates"},
    {Column::DeadRegion, "dead_region"},
    {Column::SelfNormalising, "self_normalising"},
    {Column::Cost, "cost"},
    {Column::Year, "year"},
    {Column::Paper, "paper"},
};
static_assert(std::size(kColumnKeys) == static_cast<std::size_t>(Column::Count));

bool isTextColumn(Column column)
{
    return ComparisonModel::isParagraph(column) || column == Column::Name;
}

QString bulletList(const QStringList& items)
{
    QStringList lines;
    for (const QString& item : items)
        lines << QStringLiteral("• ") + plainTextOf(item);
    return lines.join(QLatin1Char('\n'));
}

// Three decimals with a proper minus sign; a rounding residue such as −1e−17 reads as 0.000.
QString numberText(double value)
{
    const double shown = std::abs(value) < 5e-4 ? 0.0 : value;
    return QString::number(shown, 'f', 3).replace(QLatin1Char('-'), QChar(0x2212));
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
    m_statistics.resize(static_cast<std::size_t>(m_ids.size()));
    measureCosts();
}

QString ComparisonModel::columnKey(Column c)
{
    for (const ColumnName& name : kColumnKeys)
        if (name.column == c) return QString::fromLatin1(name.key);
    return {};
}

std::optional<ComparisonModel::Column> ComparisonModel::columnForKey(const QString& key)
{
    for (const ColumnName& name : kColumnKeys)
        if (key == QLatin1String(name.key)) return name.column;
    return std::nullopt;
}

QStringList ComparisonModel::columnKeys()
{
    QStringList keys;
    for (const ColumnName& name : kColumnKeys)
        keys << QString::fromLatin1(name.key);
    return keys;
}

bool ComparisonModel::isParagraph(Column c) noexcept
{
    return c == Column::Formula || c == Column::Introduced || c == Column::Strengths ||
           c == Column::Weaknesses || c == Column::Problem || c == Column::Solution || c == Column::Maths ||
           c == Column::Paper;
}

const core::OutputStatistics& ComparisonModel::statisticsAt(int row) const
{
    auto& statistics = m_statistics.at(static_cast<std::size_t>(row));
    if (!statistics) {
        const QString id = idAt(row);
        const auto* a = m_state.activation(id);
        statistics = a ? core::outputStatistics(*a, m_state.parameters(id), m_state.epsilon())
                       : core::OutputStatistics{};
    }
    return *statistics;
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
    // The result is there a moment before the future counts as finished; relativeCost() may have
    // waited for exactly that moment.
    if (!m_costs.isResultReadyAt(0)) return std::nullopt;
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
        case Column::Family: {
            // "Smooth rectifier": a heading's capital, as the activation list's groups read.
            QString name = QString::fromUtf8(core::familyName(a->family));
            if (!name.isEmpty()) name[0] = name[0].toUpper();
            return name;
        }
        case Column::Formula:
            if (text)
                return plainTextOf(text->formulaHtml) + QLatin1Char('\n') + plainTextOf(text->derivativeHtml);
            return QString::fromStdString(a->formula);
        case Column::Year:
            return a->reference.year > 0 ? QString::number(a->reference.year) : tr("—");
        case Column::Paper:
            if (a->reference.title.empty()) return tr("—");
            return tr("%1: %2").arg(QString::fromStdString(a->reference.authors),
                                    QString::fromStdString(a->reference.title));
        case Column::Cost:
            if (const auto cost = measuredCost(row)) return tr("%1×").arg(*cost, 0, 'f', 1);
            return QStringLiteral("…");
        case Column::Introduced:
            return text ? plainTextOf(text->introduced) : tr("—");
        case Column::Strengths:
            return text ? bulletList(text->strengths) : tr("—");
        case Column::Weaknesses:
            return text ? bulletList(text->weaknesses) : tr("—");
        case Column::Problem:
            return text ? plainTextOf(text->problem) : tr("—");
        case Column::Solution: {
            if (!text) return tr("—");
            QStringList next;
            QStringList related;
            for (const Successor& successor : text->successors)
                if (const auto* s = m_state.activation(successor.id))
                    (successor.relation == Successor::Relation::Next ? next : related)
                        << QString::fromStdString(s->name);
            QString cell = plainTextOf(text->solution);
            if (!next.isEmpty())
                cell += QLatin1Char('\n') + tr("Next: %1").arg(next.join(QStringLiteral(", ")));
            if (!related.isEmpty())
                cell += QLatin1Char('\n') + tr("Related: %1").arg(related.join(QStringLiteral(", ")));
            return cell;
        }
        case Column::Maths:
            return text ? plainTextOf(text->maths) : tr("—");
        case Column::Mean:
            return numberText(statisticsAt(row).mean);
        case Column::Variance:
            return numberText(statisticsAt(row).variance);
        case Column::ZeroCentred:
            return yesNo(statisticsAt(row).zeroCentred);
        case Column::Saturates:
            return saturationText(statisticsAt(row).saturates);
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
        case Column::Bounded:
            return boundedText(p);
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
        case Column::Family:
            // In the order of the activation list's groups; within a family, catalog order.
            return static_cast<int>(a->family);
        case Column::Year:
            return a->reference.year;
        case Column::Cost:
            return measuredCost(row).value_or(0.0);
        case Column::Mean:
            return statisticsAt(row).mean;
        case Column::Variance:
            return statisticsAt(row).variance;
        case Column::ZeroCentred:
            // Closest to zero first: the column's answer, with its degree.
            return std::abs(statisticsAt(row).mean);
        case Column::Saturates:
            return static_cast<int>(statisticsAt(row).saturates);
        default:
            break;
    }
    if (isParagraph(column)) return displayText(row, column).toString().toCaseFolded();
    const core::Properties p = propertiesAt(row);
    switch (column) {
        case Column::Range:
            return QVariantList{p.range.lo, p.range.hi};
        case Column::Monotonic:
            return p.monotonic;
        case Column::Smooth:
            return smoothnessOrder(p.smoothness);
        case Column::Bounded:
            return boundedKey(p);
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
            if (column == Column::Mean || column == Column::Variance || column == Column::ZeroCentred) {
                const core::OutputStatistics& st = statisticsAt(row);
                return tr("For z ~ N(0, 1): mean of f(z) %1, variance %2")
                    .arg(QString::number(st.mean, 'g', 6), QString::number(st.variance, 'g', 6));
            }
            return {};
        }
        case RichTextRole: {
            const Explanation* text = m_library.find(id);
            if (column == Column::Formula && text)
                return typesetFormula(text->formulaHtml) + QStringLiteral("<br/>") +
                       typesetFormula(text->derivativeHtml);
            return {};
        }
        case SuccessorsRole: {
            QStringList ids;
            if (const Explanation* text = m_library.find(id); text && column == Column::Solution) {
                for (const Successor& successor : text->successors)
                    if (successor.relation == Successor::Relation::Next) ids << successor.id;
                for (const Successor& successor : text->successors)
                    if (successor.relation == Successor::Relation::Related) ids << successor.id;
            }
            return ids;
        }
        case Qt::DecorationRole:
            if (column == Column::Name) return activationColour(m_state.session(), id);
            return {};
        case Qt::CheckStateRole:
            if (column == Column::Name) return m_state.isEnabled(id) ? Qt::Checked : Qt::Unchecked;
            return {};
        case Qt::TextAlignmentRole:
            if (column == Column::Cost || column == Column::Year)
                return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
            if (column == Column::Mean || column == Column::Variance)
                return QVariant::fromValue(Qt::AlignRight | Qt::AlignTop);
            if (!isTextColumn(column) && column != Column::Range)
                return QVariant::fromValue(Qt::AlignHCenter | Qt::AlignTop);
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignTop);
        case SortRole:
            return sortKey(row, column);
        case IdRole:
            return id;
        case FamilyRole: {
            const auto* a = m_state.activation(id);
            return a ? QString::fromUtf8(core::familyId(a->family)) : QString();
        }
        case SearchRole: {
            const auto* a = m_state.activation(id);
            QStringList words{id};
            if (a)
                words << QString::fromStdString(a->name) << QString::fromUtf8(core::familyName(a->family))
                      << QString::fromStdString(a->formula) << QString::fromStdString(a->reference.authors)
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
    if (role == ColumnKeyRole) return columnKey(column);
    if (role == Qt::DisplayRole) {
        switch (column) {
            case Column::Name:
                return tr("Activation");
            case Column::Family:
                return tr("Family");
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
            case Column::Introduced:
                return tr("Why it was introduced");
            case Column::Strengths:
                return tr("Strengths");
            case Column::Weaknesses:
                return tr("Weaknesses");
            case Column::Problem:
                return tr("Problem");
            case Column::Solution:
                return tr("Solution");
            case Column::Maths:
                return tr("Mathematics");
            case Column::Mean:
                return tr("Mean");
            case Column::Variance:
                return tr("Variance");
            case Column::Paper:
                return tr("Paper");
            case Column::Count:
                break;
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (column) {
            case Column::Name:
                return tr("Tick an activation to show it on the charts");
            case Column::Family:
                return tr(
                    "The kind of function it is: rectifier, sigmoid, gated and so on, as the activation "
                    "list groups them");
            case Column::Formula:
                return tr("The definition of f(z)");
            case Column::Range:
                return tr("Every value f takes over the real line, at the current parameters");
            case Column::Monotonic:
                return tr("Whether f never decreases as z grows");
            case Column::Smooth:
                return tr("How many times f can be differentiated continuously");
            case Column::ZeroCentred:
                return tr("Whether the mean output for a standard-normal input is within ±%1 of zero")
                    .arg(core::kZeroCentredMeanLimit);
            case Column::Bounded:
                return tr("Whether f stays above a floor, below a ceiling, or both");
            case Column::Saturates:
                return tr("On which side |f′| stays below ε = %1 beyond some point, the rule the charts' "
                          "saturation lanes use")
                    .arg(m_state.epsilon());
            case Column::DeadRegion:
                return tr("Whether f′ is exactly zero on a whole interval");
            case Column::SelfNormalising:
                return tr("Whether it keeps activations at mean 0 and variance 1 by itself");
            case Column::Cost:
                return tr("Time for f, f′ and f″ at one point, relative to ReLU, measured on this computer");
            case Column::Year:
                return tr("Year of the paper that introduced it");
            case Column::Introduced:
                return tr("The problem of earlier activations it was introduced to solve");
            case Column::Strengths:
                return tr("What it does well");
            case Column::Weaknesses:
                return tr("What it does badly");
            case Column::Problem:
                return tr("The weakness that motivated what came next");
            case Column::Solution:
                return tr("What followed and how it answers the problem; click to go to its row");
            case Column::Maths:
                return tr("The derivation behind its behaviour");
            case Column::Mean:
                return tr("Mean of f(z) for z ~ N(0, 1), at the current parameters");
            case Column::Variance:
                return tr("Variance of f(z) for z ~ N(0, 1), at the current parameters");
            case Column::Paper:
                return tr("The paper that introduced it");
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
        m_statistics.assign(static_cast<std::size_t>(m_ids.size()), std::nullopt);
        measureCosts();
        endResetModel();
        return;
    }
    if (change.touches(StateChange::Epsilon) && !m_ids.isEmpty()) {
        for (auto& statistics : m_statistics)
            statistics.reset();
        const int saturates = column(Column::Saturates);
        emit dataChanged(index(0, saturates), index(static_cast<int>(m_ids.size()) - 1, saturates));
        emit headerDataChanged(Qt::Horizontal, saturates, saturates);
    }
    const bool all = change.parts == StateChange::All;
    for (int row = 0; row < m_ids.size(); ++row) {
        const bool named = change.ids.contains(m_ids.at(row)) ||
                           (change.touches(StateChange::Range) && m_state.isCustom(m_ids.at(row)));
        if (all || ((change.touches(StateChange::Parameters) || change.touches(StateChange::Range)) &&
                    (named || (change.ids.isEmpty() && change.touches(StateChange::Parameters))))) {
            m_measured[static_cast<std::size_t>(row)].reset();
            m_statistics[static_cast<std::size_t>(row)].reset();
            emit dataChanged(index(row, 0), index(row, kColumnCount - 1));
        } else if (change.touches(StateChange::Shown) && (named || change.ids.isEmpty()))
            emit dataChanged(index(row, 0), index(row, 0), {Qt::CheckStateRole});
    }
}

}  // namespace ax::ui
