#include "ui/widgets/getting_started_dialog.h"

#include <QDialogButtonBox>
#include <QKeySequence>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace ax::ui {

namespace {

QString keys(const QKeySequence& sequence)
{
    return QStringLiteral("<b>%1</b>").arg(sequence.toString(QKeySequence::NativeText).toHtmlEscaped());
}

QString row(const QString& what, const QString& how)
{
    return QStringLiteral(
               "<tr><td style='padding:2px 12px 2px 0'>%1</td><td style='padding:2px 0'>%2</td></tr>")
        .arg(what, how);
}

}  // namespace

GettingStartedDialog::GettingStartedDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Getting Started"));
    setObjectName(QStringLiteral("gettingStartedDialog"));

    QString html =
        tr("<h2>Getting started</h2>"
           "<p>Switch activations on in the list on the left (or pick <i>The story</i>), move "
           "their parameters with the sliders or type exact values, and watch f(z), f′(z) and "
           "the saturation lanes follow. Hover a chart for the exact values at that z.</p>");
    html += tr("<h3>In the charts</h3>");
    html += QStringLiteral("<table>");
    html += row(tr("<b>Mouse wheel</b>"), tr("Zooms the z range in or out around the pointer"));
    html += row(tr("<b>Drag</b>"), tr("Pans the z range"));
    html += row(tr("<b>Shift</b>-drag"), tr("Zooms to the z range you drag across"));
    html += row(tr("Click a curve, lane or legend entry"),
                tr("Highlights that activation; click it again or press <b>Esc</b> to stop"));
    html +=
        row(keys(QKeySequence(Qt::CTRL | Qt::Key_0)), tr("Resets the view: z from −6 to 6, y axes that fit"));
    html += row(tr("%1 / %2").arg(keys(QKeySequence::ZoomIn), keys(QKeySequence::ZoomOut)),
                tr("Zooms in or out around the centre"));
    html += row(tr("<b>←</b> <b>→</b> / <b>↑</b> <b>↓</b>"),
                tr("With the charts focused: pan, and zoom in or out"));
    html += QStringLiteral("</table>");
    html += tr("<h3>Parameters</h3>");
    html += QStringLiteral("<table>");
    html +=
        row(tr("<b>▶</b> beside a parameter"), tr("Sweeps it back and forth between the ends of its slider"));
    html += row(tr("Pausing a sweep"), tr("Click <b>▶</b> again, press any key or click anywhere"));
    html += row(tr("Number boxes"),
                tr("Take decimal or scientific notation (2.5e-3); a value outside the range is refused "
                   "with a message in the status bar"));
    html += row(tr("Mouse wheel over the controls"),
                tr("Scrolls the panel; a slider or box takes the wheel only after a click or <b>Tab</b>"));
    html += QStringLiteral("</table>");
    html += tr("<h3>Everywhere</h3>");
    html += QStringLiteral("<table>");
    html += row(keys(QKeySequence::HelpContents), tr("Opens this page"));
    html += row(keys(QKeySequence::Open), tr("Opens a session"));
    html += row(keys(QKeySequence::Save), tr("Saves the session"));
    html += row(keys(QKeySequence::FullScreen), tr("Full screen"));
    html += row(keys(QKeySequence(Qt::Key_F9)), tr("Hides the side panels so the charts fill the window; "
                                                   "again brings them back"));
    html += row(keys(QKeySequence(Qt::Key_F5)),
                tr("Presents the lesson; <b>Page Down</b>, <b>→</b> or <b>Space</b> go on, <b>Page Up</b> or "
                   "<b>←</b> go back, <b>Esc</b> leaves"));
    html += row(keys(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P)),
                tr("Presentation style: text and lines for the back of a lecture hall"));
    html += row(keys(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_A)),
                tr("Adds what the window shows to the lesson as its next step"));
    html += row(keys(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S)), tr("Saves the lesson"));
    html += row(tr("<b>Tab</b>"), tr("Moves through the controls in the order they are shown"));
    html += QStringLiteral("</table>");

    m_page = new QTextBrowser(this);
    m_page->setObjectName(QStringLiteral("gettingStartedPage"));
    m_page->setAccessibleName(tr("Getting started"));
    m_page->setAccessibleDescription(tr("What the window shows and its shortcuts"));
    m_page->setOpenExternalLinks(true);
    m_page->setHtml(html);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_page, 1);
    layout->addWidget(buttons);
    resize(620, 560);
}

}  // namespace ax::ui
