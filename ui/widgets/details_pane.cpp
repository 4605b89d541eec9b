#include "ui/widgets/details_pane.h"

#include "core/measurements.h"
#include "core/output_statistics.h"
#include "ui/model/activation_palette.h"
#include "ui/model/convention_notes.h"
#include "ui/model/explanation_library.h"
#include "ui/model/explorer_state.h"
#include "ui/model/property_text.h"

#include <QDesktopServices>
#include <QEvent>
#include <QScrollBar>
#include <QShowEvent>
#include <QUrl>

#include <cmath>

namespace ax::ui {

namespace {

constexpr auto kActivationScheme = "activation";

QString escaped(const std::string& text)
{
    return QString::fromStdString(text).toHtmlEscaped();
}

QString section(const QString& title, const QString& body)
{
    return QStringLiteral(
               "<h3 style='margin-top:12px; margin-bottom:4px'>%1</h3><p style='margin-top:0'>%2</p>")
        .arg(title.toHtmlEscaped(), body);
}

QString propertyRow(const QString& name, const QString& value)
{
    return QStringLiteral("<tr><td style='padding-right:16px'>%1</td><td>%2</td></tr>")
        .arg(name.toHtmlEscaped(), value.toHtmlEscaped());
}

}  // namespace

DetailsPane::DetailsPane(ExplorerState& state, const ExplanationLibrary& library, QWidget* parent)
    : QTextBrowser(parent), m_state(state), m_library(library)
{
    setOpenLinks(false);
    setAccessibleName(tr("Explanation of the selected activation"));
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        // Links to other activations move the highlight there; the rest are papers.
        if (url.scheme() == QLatin1String(kActivationScheme))
            m_state.setHighlightedId(url.path());
        else
            QDesktopServices::openUrl(url);
    });
    connect(&m_state, &ExplorerState::changed, this, &DetailsPane::onStateChanged);
    refresh();
}

void DetailsPane::showActivation(const QString& id)
{
    if (id == m_id) return;
    m_id = id;
    refresh();
}

void DetailsPane::changeEvent(QEvent* event)
{
    QTextBrowser::changeEvent(event);
    // The page's colours come from the palette, so a theme switch rebuilds it.
    if (event->type() == QEvent::PaletteChange) refresh();
}

void DetailsPane::onStateChanged(const StateChange& change)
{
    if (m_id.isEmpty()) return;
    if (change.touches(StateChange::Definitions) || change.touches(StateChange::Theme) ||
        change.touches(StateChange::Epsilon) ||
        (change.touches(StateChange::Range) && (m_state.isCustom(m_id) || ConventionNotes::applies(m_id))) ||
        (change.touches(StateChange::Parameters) && (change.ids.isEmpty() || change.ids.contains(m_id))))
        refresh();
}

void DetailsPane::showEvent(QShowEvent* event)
{
    QTextBrowser::showEvent(event);
    if (m_stale) rebuild();
}

void DetailsPane::refresh()
{
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    rebuild();
}

void DetailsPane::rebuild()
{
    m_stale = false;
    if (m_id.isEmpty() || !m_state.activation(m_id)) {
        setHtml(QStringLiteral("<p style='color:%1'>%2</p>")
                    .arg(palette().color(QPalette::PlaceholderText).name(),
                         tr("Select a row to read where the activation came from, why it behaves as "
                            "it does and when to use it.")
                             .toHtmlEscaped()));
        return;
    }
    const int scroll = verticalScrollBar()->value();
    setHtml(pageHtml(m_id));
    verticalScrollBar()->setValue(scroll);
}

QString DetailsPane::pageHtml(const QString& id) const
{
    const core::Activation* a = m_state.activation(id);
    if (!a) return {};
    const Explanation* text = m_library.find(id);
    const core::ParameterValues values = m_state.parameters(id);
    const core::Properties p = m_state.isCustom(id)
                                   ? core::measureProperties(*a, values, m_state.zMin(), m_state.zMax())
                               : a->properties ? a->properties(values)
                                               : core::Properties{};
    const QString link = palette().color(QPalette::Link).name();
    const QString muted = palette().color(QPalette::PlaceholderText).name();

    QString html;
    html += QStringLiteral("<h2 style='margin-bottom:2px'><span style='color:%1'>&#9632;</span> %2</h2>")
                .arg(activationColour(m_state.session(), id).name(), escaped(a->name));
    if (text) {
        html += QStringLiteral(
                    "<p style='font-family:\"DejaVu Serif\",\"Cambria Math\",serif; font-size:large; "
                    "margin-left:12px'>%1<br/>%2</p>")
                    .arg(typesetFormula(text->formulaHtml), typesetFormula(text->derivativeHtml));
    } else if (const core::CustomActivation* custom = m_state.customActivation(id)) {
        // The symbolic derivatives, in the same notation the formula was typed in.
        html += QStringLiteral(
                    "<p style='font-family:monospace; margin-left:12px'>f(z) = %1<br/>f′(z) = %2<br/>"
                    "f″(z) = %3</p>")
                    .arg(escaped(custom->spec.formula), escaped(custom->derivativeText),
                         escaped(custom->secondDerivativeText));
    } else {
        html += QStringLiteral("<p>%1</p>").arg(escaped(a->formula));
    }

    if (!a->parameters.empty()) {
        QStringList shown;
        for (std::size_t i = 0; i < a->parameters.size(); ++i)
            shown << QStringLiteral("<i>%1</i> = %2")
                         .arg(escaped(a->parameters[i].symbol), mathNumber(values[i]).toHtmlEscaped());
        html += QStringLiteral("<p style='color:%1'>%2 %3</p>")
                    .arg(muted, tr("At").toHtmlEscaped(), shown.join(", "));
    }

    if (text) {
        html += section(tr("Why it was introduced"), text->introduced);
        const auto bullets = [](const QStringList& items) {
            QString list = QStringLiteral("<ul style='margin-top:0; margin-bottom:0'>");
            for (const QString& item : items)
                list += QStringLiteral("<li>%1</li>").arg(item);
            return list + QStringLiteral("</ul>");
        };
        html += section(tr("Strengths"), bullets(text->strengths));
        html += section(tr("Weaknesses"), bullets(text->weaknesses));
        html += section(tr("The problem"), text->problem);
        QString next = text->solution;
        QStringList links;
        for (const Successor& successor : text->successors)
            if (const auto* s = m_state.activation(successor.id))
                links << QStringLiteral("<a href='%1:%2' style='color:%3'>%4</a>%5")
                             .arg(QLatin1String(kActivationScheme), successor.id, link, escaped(s->name),
                                  successor.relation == Successor::Relation::Related
                                      ? QStringLiteral(" (%1)").arg(tr("related").toHtmlEscaped())
                                      : QString());
        if (!links.isEmpty())
            next += QStringLiteral("<br/>%1 %2").arg(tr("See:").toHtmlEscaped(), links.join(", "));
        html += section(tr("What came next"), next);
        html += section(tr("The mathematics"), text->maths);
        html += section(tr("In practice"), text->practice);
        // These sentences are verified against the computed curves by the test suite.
        QStringList checked;
        for (const NumericClaim& claim : text->claims)
            if (claim.parameters.isEmpty())
                checked << QStringLiteral("<li>%1</li>").arg(claim.text.toHtmlEscaped());
        if (!checked.isEmpty())
            html +=
                QStringLiteral(
                    "<h3 style='margin-top:12px; margin-bottom:4px'>%1</h3><ul style='margin-top:0'>%2</ul>")
                    .arg(tr("Numbers to check on the charts, at the default parameters").toHtmlEscaped(),
                         checked.join(QString()));
    }

    html += QStringLiteral("<h3 style='margin-top:12px; margin-bottom:4px'>%1</h3><table>")
                .arg(tr("Properties at these parameters").toHtmlEscaped());
    html += propertyRow(tr("Output range"), rangeText(p.range));
    html += propertyRow(tr("Monotonic"), yesNo(p.monotonic));
    html += propertyRow(tr("Smoothness"), smoothnessText(p.smoothness));
    // The table's rules: the mean a standard-normal input gives, and the charts' ε for saturation.
    const core::OutputStatistics statistics = core::outputStatistics(*a, values, m_state.epsilon());
    // Three decimals as in the table; a rounding residue such as −1e−17 reads as 0.000.
    const auto moment = [](double value) {
        return QString::number(std::abs(value) < 5e-4 ? 0.0 : value, 'f', 3)
            .replace(QLatin1Char('-'), QChar(0x2212));
    };
    html += propertyRow(tr("Mean, variance of f(z), z ~ N(0, 1)"),
                        QStringLiteral("%1, %2").arg(moment(statistics.mean), moment(statistics.variance)));
    html += propertyRow(tr("Zero-centred"), yesNo(statistics.zeroCentred));
    html += propertyRow(tr("Bounded"), boundedText(p));
    html += propertyRow(tr("Saturates (|f′| < ε = %1)").arg(m_state.epsilon()),
                        saturationText(statistics.saturates));
    html += propertyRow(tr("Dead region"), yesNo(p.deadRegion));
    html += propertyRow(tr("Self-normalising"), yesNo(p.selfNormalising));
    if (a->kinks) {
        QStringList kinkPoints;
        for (const core::Kink& kink : a->kinks(values))
            kinkPoints << QStringLiteral("z = %1").arg(mathNumber(kink.z));
        html += propertyRow(tr("Kinks"), kinkPoints.isEmpty() ? tr("none") : kinkPoints.join(", "));
    }
    html += QStringLiteral("</table>");
    html += ConventionNotes::html(m_state, id, muted);

    const core::Reference& r = a->reference;
    QString origin = text ? text->origin : QString();
    if (!r.title.empty()) {
        QString citation = QStringLiteral("%1 (%2). <i>%3</i>.")
                               .arg(escaped(r.authors))
                               .arg(r.year > 0 ? QString::number(r.year) : tr("n.d."))
                               .arg(escaped(r.title));
        if (!r.venue.empty()) citation += QStringLiteral(" %1.").arg(escaped(r.venue));
        if (!r.arxiv.empty())
            citation += QStringLiteral(" <a href='https://arxiv.org/abs/%1' style='color:%2'>arXiv:%1</a>")
                            .arg(escaped(r.arxiv), link);
        if (!r.doi.empty())
            citation += QStringLiteral(" <a href='https://doi.org/%1' style='color:%2'>doi:%1</a>")
                            .arg(escaped(r.doi), link);
        origin += (origin.isEmpty() ? QString() : QStringLiteral("<br/>")) + citation;
    }
    if (!origin.isEmpty()) html += section(tr("Origin"), origin);
    return html;
}

}  // namespace ax::ui
