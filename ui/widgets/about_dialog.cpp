#include "ui/widgets/about_dialog.h"

#include "core/activation.h"
#include "core/catalog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPlainTextEdit>
#include <QStringList>
#include <QTabWidget>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

namespace ax::ui {

namespace {

constexpr auto kIconPath = ":/icons/org.activationexplorer.ActivationExplorer.svg";
constexpr auto kLicencePath = ":/LICENSE";
constexpr int kIconSize = 64;

QString htmlText(const std::string& text)
{
    return QString::fromStdString(text).toHtmlEscaped();
}

// DOIs may hold characters that are not allowed in a URL as they stand.
QString doiUrl(const std::string& doi)
{
    return QStringLiteral("https://doi.org/") +
           QString::fromLatin1(QUrl::toPercentEncoding(QString::fromStdString(doi), "/:;()._-"));
}

QString arxivUrl(const std::string& arxiv)
{
    return QStringLiteral("https://arxiv.org/abs/") +
           QString::fromLatin1(QUrl::toPercentEncoding(QString::fromStdString(arxiv), "/.-"));
}

bool hasPaper(const core::Reference& reference)
{
    return !reference.authors.empty() || !reference.title.empty() || !reference.arxiv.empty() ||
           !reference.doi.empty();
}

QString referenceEntry(const core::Activation& activation)
{
    const core::Reference& reference = activation.reference;
    QStringList parts;
    if (!reference.authors.empty()) {
        parts << (reference.year > 0
                      ? AboutDialog::tr("%1 (%2).").arg(htmlText(reference.authors)).arg(reference.year)
                      : htmlText(reference.authors) + QLatin1Char('.'));
    } else if (reference.year > 0) {
        parts << AboutDialog::tr("(%1).").arg(reference.year);
    }
    if (!reference.title.empty()) parts << QStringLiteral("<i>%1</i>.").arg(htmlText(reference.title));
    if (!reference.venue.empty()) parts << htmlText(reference.venue) + QLatin1Char('.');
    if (!reference.arxiv.empty()) {
        parts << QStringLiteral("<a href=\"%1\">arXiv:%2</a>")
                     .arg(arxivUrl(reference.arxiv).toHtmlEscaped(), htmlText(reference.arxiv));
    }
    if (!reference.doi.empty()) {
        parts << QStringLiteral("<a href=\"%1\">doi:%2</a>")
                     .arg(doiUrl(reference.doi).toHtmlEscaped(), htmlText(reference.doi));
    }
    return QStringLiteral("<p><b>%1</b>: %2</p>")
        .arg(htmlText(activation.name), parts.join(QLatin1Char(' ')));
}

}  // namespace

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("About Activation Explorer"));

    auto* icon = new QLabel(this);
    icon->setPixmap(QIcon(QString::fromLatin1(kIconPath)).pixmap(kIconSize, kIconSize));
    icon->setAccessibleName(tr("Activation Explorer icon"));

    auto* name = new QLabel(QStringLiteral("<h2>%1</h2>").arg(tr("Activation Explorer")), this);
    auto* version = new QLabel(tr("Version %1").arg(QStringLiteral(AX_VERSION)), this);
    version->setObjectName(QStringLiteral("version"));
    version->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* titleColumn = new QVBoxLayout;
    titleColumn->addWidget(name);
    titleColumn->addWidget(version);
    titleColumn->addStretch();

    auto* header = new QHBoxLayout;
    header->addWidget(icon, 0, Qt::AlignTop);
    header->addLayout(titleColumn, 1);

    auto* tabs = new QTabWidget(this);
    tabs->addTab(createAboutPage(), tr("About"));
    tabs->addTab(createReferencesPage(), tr("References"));
    tabs->addTab(createLicencePage(), tr("Licence"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(tabs, 1);
    layout->addWidget(buttons);

    resize(640, 520);
}

QString AboutDialog::referencesHtml()
{
    QString html;
    QStringList classical;
    for (const core::Activation& activation : core::catalog()) {
        if (hasPaper(activation.reference))
            html += referenceEntry(activation);
        else
            classical << htmlText(activation.name);
    }
    if (!classical.isEmpty()) {
        html += QStringLiteral("<p>%1</p>")
                    .arg(tr("Classical functions with no single paper of origin: %1.")
                             .arg(classical.join(QStringLiteral(", "))));
    }
    return html;
}

QWidget* AboutDialog::createAboutPage()
{
    auto* text = new QLabel(this);
    text->setObjectName(QStringLiteral("description"));
    text->setWordWrap(true);
    text->setMargin(8);
    text->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    text->setText(
        QStringLiteral("<p>%1</p><p>%2</p><p>%3</p><p>%4</p>")
            .arg(tr("Activation Explorer shows how the activation functions of neural networks behave: "
                    "their values, their first and second derivatives, and the regions where their "
                    "gradient vanishes, with every parameter on a slider."),
                 tr("It is meant for teaching: compare the functions side by side, read why each one "
                    "was introduced and what replaced it, and export the charts for slides and notes."),
                 tr("Copyright \u00a9 2026 The Activation Explorer developers. "
                    "Released under the MIT License (see the Licence tab)."),
                 tr("Built with Qt %1, running on Qt %2.").arg(QStringLiteral(QT_VERSION_STR), qVersion())));
    return text;
}

QWidget* AboutDialog::createReferencesPage()
{
    auto* view = new QTextBrowser(this);
    view->setObjectName(QStringLiteral("references"));
    view->setOpenExternalLinks(true);
    view->setAccessibleName(tr("References of the activation functions"));
    view->setHtml(referencesHtml());
    return view;
}

QWidget* AboutDialog::createLicencePage()
{
    auto* view = new QPlainTextEdit(this);
    view->setObjectName(QStringLiteral("licence"));
    view->setReadOnly(true);
    view->setAccessibleName(tr("Licence text"));
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    QFile licence(QString::fromLatin1(kLicencePath));
    if (licence.open(QIODevice::ReadOnly | QIODevice::Text))
        view->setPlainText(QString::fromUtf8(licence.readAll()));
    else
        view->setPlainText(tr("MIT License"));
    return view;
}

}  // namespace ax::ui
