#include "ui/model/convention_notes.h"

#include "core/framework_conventions.h"
#include "core/measurements.h"
#include "ui/model/explorer_state.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

namespace ax::ui {

namespace {

// This unit's strings, in one translation context of their own.
struct ConventionNotesText {
    Q_DECLARE_TR_FUNCTIONS(ax::ui::ConventionNotes)
};

QString nameOf(core::Framework framework)
{
    const std::string_view name = core::frameworkName(framework);
    return QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
}

QString intervalText(const core::Interval& interval)
{
    return QStringLiteral("[%1, %2]").arg(formatNumber(interval.lo, 4), formatNumber(interval.hi, 4));
}

}  // namespace

bool ConventionNotes::applies(const QString& id)
{
    const auto ids = core::conventionIds();
    return std::find(ids.begin(), ids.end(), id.toStdString()) != ids.end();
}

QString ConventionNotes::html(const ExplorerState& state, const QString& id, const QString& mutedColour)
{
    if (!applies(id)) return {};
    QString html =
        QStringLiteral("<h3 style='margin-top:12px; margin-bottom:4px'>%1</h3><ul style='margin-top:0'>")
            .arg(ConventionNotesText::tr("In the frameworks").toHtmlEscaped());
    for (const core::Framework framework : core::frameworks()) {
        const auto variant = core::conventionVariant(framework, id.toStdString());
        if (!variant) {
            html += QStringLiteral("<li><b>%1</b>: %2</li>")
                        .arg(nameOf(framework).toHtmlEscaped(),
                             ConventionNotesText::tr("no built-in function").toHtmlEscaped());
            continue;
        }
        const bool current = framework == state.convention();
        html += QStringLiteral("<li>%1%2: %3<br/><span style='color:%4'>%5</span></li>")
                    .arg(QStringLiteral("<b>%1</b>").arg(nameOf(framework).toHtmlEscaped()),
                         current ? ConventionNotesText::tr(" (used now)").toHtmlEscaped() : QString(),
                         QString::fromStdString(variant->note).toHtmlEscaped(), mutedColour,
                         QString::fromStdString(variant->citation).toHtmlEscaped());
    }
    html += QStringLiteral("</ul>");

    const auto differences = core::visibleConventionDifferences(id.toStdString(), state.zMin(), state.zMax());
    QStringList lines;
    for (const core::ConventionDifference& d : differences) {
        QStringList where;
        for (const core::Interval& interval : d.intervals)
            where << intervalText(interval);
        lines << QStringLiteral("<li>%1</li>")
                     .arg(
                         ConventionNotesText::tr("%1 and %2 differ in %3 by more than 0.001 on z ∈ %4")
                             .arg(nameOf(d.first), nameOf(d.second),
                                  d.order == 0 ? ConventionNotesText::tr("f") : ConventionNotesText::tr("f′"),
                                  where.join(QStringLiteral(" ∪ ")))
                             .toHtmlEscaped());
    }
    html += QStringLiteral("<p style='margin-bottom:0'>%1</p>")
                .arg(lines.isEmpty()
                         ? ConventionNotesText::tr(
                               "All the frameworks agree within 0.001 over the range shown, at their "
                               "default parameters.")
                               .toHtmlEscaped()
                         : ConventionNotesText::tr("At their default parameters, over the range shown:")
                               .toHtmlEscaped());
    if (!lines.isEmpty())
        html += QStringLiteral("<ul style='margin-top:0'>%1</ul>").arg(lines.join(QString()));
    return html;
}

}  // namespace ax::ui
