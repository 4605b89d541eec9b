#pragma once
// Paints the comparison table's cells: formulas typeset from the explanations' rich text (serif,
// italics, superscripts), every other cell as wrapped plain text.

#include <QStyledItemDelegate>

#include <memory>

class QTextDocument;

namespace ax::ui {

class ComparisonCellDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    // Clicks on the name's check box find it on the first line, where it is drawn.
    bool editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
                     const QModelIndex& index) override;

    // The typeset formula of index laid out at the width of option.rect; its height is what the cell
    // needs. Null when the cell has no rich text.
    [[nodiscard]] static std::unique_ptr<QTextDocument> formulaDocument(const QStyleOptionViewItem& option,
                                                                        const QModelIndex& index);
    // Margin around a typeset formula, on each side.
    static constexpr int kPadding = 4;
};

}  // namespace ax::ui
