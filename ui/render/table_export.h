#pragma once
// Writing the comparison table, as shown (filtered and sorted), to CSV, Markdown, LaTeX and HTML.

#include <QString>
#include <QStringList>

#include <optional>

class QAbstractItemModel;

namespace ax::ui {

class ExplorerState;

enum class TableFormat { Csv, Markdown, Latex, Html };

// The format named by a file's extension (.csv, .md, .tex, .html/.htm), if it is one of these.
[[nodiscard]] std::optional<TableFormat> tableFormatForPath(const QString& path);

// Every row and column of model (display text, full length) in the given format.
[[nodiscard]] QString renderTable(const QAbstractItemModel& model, TableFormat format);

// Writes model to path (format from the extension) through QSaveFile; returns a message on error.
[[nodiscard]] std::optional<QString> writeTable(const QAbstractItemModel& model, const QString& path);

// The window's default table (catalog order, no filter) for state, written to path. With columns
// (keys, see ComparisonModel::columnKey), only those, in the table's order; state's hidden
// columns otherwise. An unknown key is refused with a message before anything is written.
[[nodiscard]] std::optional<QString> exportComparisonTable(ExplorerState& state, const QString& path,
                                                           const std::optional<QStringList>& columns = {});

// The message for the first unknown key of a --columns list, if any.
[[nodiscard]] std::optional<QString> checkTableColumns(const QStringList& keys);

}  // namespace ax::ui
