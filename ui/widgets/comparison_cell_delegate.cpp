#include "ui/widgets/comparison_cell_delegate.h"

#include "ui/model/comparison_model.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QPainter>
#include <QTextDocument>

#include <algorithm>
#include <cmath>
#include <memory>

namespace ax::ui {

std::unique_ptr<QTextDocument> ComparisonCellDelegate::formulaDocument(const QStyleOptionViewItem& option,
                                                                       const QModelIndex& index)
{
    const QString html = index.data(ComparisonModel::RichTextRole).toString();
    if (html.isEmpty()) return nullptr;
    auto document = std::make_unique<QTextDocument>();
    QFont serif = option.font;
    // The details pane's face: a serif with real italics, where the prime of f′ is visible.
    serif.setFamilies(
        {QStringLiteral("DejaVu Serif"), QStringLiteral("Cambria Math"), QStringLiteral("serif")});
    document->setDefaultFont(serif);
    document->setDocumentMargin(kPadding);
    document->setHtml(html);
    document->setTextWidth(option.rect.width());
    return document;
}

void ComparisonCellDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                   const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    auto document = formulaDocument(opt, index);
    const QStyle* style = opt.widget ? opt.widget->style() : QApplication::style();
    if (!document && opt.features.testFlag(QStyleOptionViewItem::HasCheckIndicator)) {
        // The name's check box and swatch stay on its first line, level with the row's other text,
        // however tall the row is: the background fills the cell, the item draws in one line.
        QStyleOptionViewItem background = opt;
        background.text.clear();
        background.features &=
            ~(QStyleOptionViewItem::HasCheckIndicator | QStyleOptionViewItem::HasDecoration);
        style->drawControl(QStyle::CE_ItemViewItem, &background, painter, opt.widget);
        QStyleOptionViewItem line = opt;
        line.rect.setHeight(
            std::min(opt.rect.height(), QStyledItemDelegate::sizeHint(option, index).height()));
        line.backgroundBrush = Qt::NoBrush;
        line.state &= ~QStyle::State_HasFocus;
        style->drawControl(QStyle::CE_ItemViewItem, &line, painter, opt.widget);
        return;
    }
    if (!document) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // Background and selection from the style, then the typeset text in the palette's colour.
    opt.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
    painter->save();
    painter->translate(opt.rect.topLeft());
    painter->setClipRect(opt.rect.translated(-opt.rect.topLeft()));
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette = opt.palette;
    const bool selected = opt.state.testFlag(QStyle::State_Selected);
    context.palette.setColor(QPalette::Text,
                             opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    document->documentLayout()->draw(painter, context);
    painter->restore();
}

bool ComparisonCellDelegate::editorEvent(QEvent* event, QAbstractItemModel* model,
                                         const QStyleOptionViewItem& option, const QModelIndex& index)
{
    QStyleOptionViewItem line = option;
    if (index.flags().testFlag(Qt::ItemIsUserCheckable))
        line.rect.setHeight(
            std::min(option.rect.height(), QStyledItemDelegate::sizeHint(option, index).height()));
    return QStyledItemDelegate::editorEvent(event, model, line, index);
}

QSize ComparisonCellDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    if (auto document = formulaDocument(opt, index))
        return {static_cast<int>(std::ceil(document->idealWidth())),
                static_cast<int>(std::ceil(document->size().height()))};
    return QStyledItemDelegate::sizeHint(option, index) + QSize(0, 2);
}

}  // namespace ax::ui
