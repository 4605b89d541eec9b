#pragma once
// The comparison table's data: one row per activation, its live properties at the current
// parameters, its measured cost and its teaching text.

#include "core/activation.h"
#include "core/output_statistics.h"
#include "ui/model/explanation_library.h"

#include <QAbstractTableModel>
#include <QFuture>
#include <QFutureWatcher>
#include <QStringList>

#include <optional>
#include <vector>

namespace ax::ui {

class ExplorerState;
struct StateChange;

class ComparisonModel : public QAbstractTableModel {
    Q_OBJECT

public:
    // The name and its family, the article's columns (formula, comparison, problem, solution,
    // mathematics), then the properties, the cost and the paper.
    enum class Column {
        Name,
        Family,
        Formula,
        Introduced,
        Strengths,
        Weaknesses,
        Problem,
        Solution,
        Maths,
        Range,
        Monotonic,
        Smooth,
        Mean,
        Variance,
        ZeroCentred,
        Bounded,
        Saturates,
        DeadRegion,
        SelfNormalising,
        Cost,
        Year,
        Paper,
        Count,
    };

    enum Role {
        SortRole = Qt::UserRole + 1,  // typed key: number, bool, text, or [lo, hi] for ranges
        IdRole,                       // the activation's id, in every column
        SearchRole,                   // all of a row's words, for the filter
        RichTextRole,                 // the cell as rich text (typeset formulas), where it has markup
        SuccessorsRole,               // Solution: the successors' ids, "next" ones first
        ColumnKeyRole,                // header: the column's stable key, e.g. "zero_centred"
        FamilyRole,                   // the family's id ("rectifier"), in every column
    };

    explicit ComparisonModel(ExplorerState& state, QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    [[nodiscard]] QString idAt(int row) const;
    [[nodiscard]] int rowOf(const QString& id) const;  // -1 if unknown
    [[nodiscard]] const ExplanationLibrary& explanations() const noexcept { return m_library; }
    // Cost relative to ReLU, measured off the GUI thread when the list of activations is set; waits
    // for that measurement. The table shows "…" until it is done.
    [[nodiscard]] double relativeCost(int row) const;
    // How often a custom activation's properties were measured over the range: once per change that
    // can alter them, however often the table asks.
    [[nodiscard]] int propertyMeasurements() const noexcept { return m_measurements; }

    [[nodiscard]] static int column(Column c) noexcept { return static_cast<int>(c); }
    // The stable key of a column, as --columns and session files name it.
    [[nodiscard]] static QString columnKey(Column c);
    // The column a key names, if any.
    [[nodiscard]] static std::optional<Column> columnForKey(const QString& key);
    [[nodiscard]] static QStringList columnKeys();
    // Columns whose cells hold paragraphs; they wrap at the column's width.
    [[nodiscard]] static bool isParagraph(Column c) noexcept;

private:
    void onStateChanged(const StateChange& change);
    [[nodiscard]] QVariant displayText(int row, Column column) const;
    [[nodiscard]] QVariant sortKey(int row, Column column) const;
    [[nodiscard]] core::Properties propertiesAt(int row) const;
    void measureCosts();
    [[nodiscard]] std::optional<double> measuredCost(int row) const;  // nullopt while measuring
    [[nodiscard]] const core::OutputStatistics& statisticsAt(int row) const;

    ExplorerState& m_state;
    QStringList m_ids;
    ExplanationLibrary m_library;
    // Measured properties of custom rows, dropped when a change announces that row again.
    mutable std::vector<std::optional<core::Properties>> m_measured;
    mutable int m_measurements = 0;
    // Gaussian moments and saturation sides per row, computed when first shown after a change.
    mutable std::vector<std::optional<core::OutputStatistics>> m_statistics;
    QFuture<std::vector<double>> m_costs;
    QFutureWatcher<std::vector<double>> m_costWatcher;
};

}  // namespace ax::ui
