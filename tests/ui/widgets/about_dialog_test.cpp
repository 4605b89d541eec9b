#include "ui/widgets/about_dialog.h"

#include "core/activation.h"
#include "core/catalog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QTabWidget>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>

#include <gtest/gtest.h>

namespace {

// Every link target in the document, as a reader clicking through it would find them.
QSet<QString> linkTargets(const QTextDocument& document)
{
    QSet<QString> targets;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat format = it.fragment().charFormat();
            if (format.isAnchor()) targets.insert(format.anchorHref());
        }
    }
    return targets;
}

TEST(AboutDialog, ShowsTheVersionTheProjectWasBuiltAs)
{
    ax::ui::AboutDialog dialog;
    const auto* version = dialog.findChild<QLabel*>(QStringLiteral("version"));
    ASSERT_NE(version, nullptr);
    EXPECT_TRUE(version->text().contains(QStringLiteral(AX_VERSION))) << version->text().toStdString();
    EXPECT_FALSE(QStringLiteral(AX_VERSION).isEmpty());
    EXPECT_TRUE(dialog.windowTitle().contains(QStringLiteral("Activation Explorer")));
}

TEST(AboutDialog, ShowsTheFullMitLicence)
{
    ax::ui::AboutDialog dialog;
    const auto* licence = dialog.findChild<QPlainTextEdit*>(QStringLiteral("licence"));
    ASSERT_NE(licence, nullptr);
    const QString text = licence->toPlainText();
    EXPECT_TRUE(text.startsWith(QStringLiteral("MIT License")));
    EXPECT_TRUE(text.contains(QStringLiteral("Permission is hereby granted, free of charge")));
    EXPECT_TRUE(text.contains(QStringLiteral("WITHOUT WARRANTY OF ANY KIND")));
    EXPECT_TRUE(licence->isReadOnly());
}

TEST(AboutDialog, DescriptionNamesTheLicence)
{
    ax::ui::AboutDialog dialog;
    const auto* description = dialog.findChild<QLabel*>(QStringLiteral("description"));
    ASSERT_NE(description, nullptr);
    EXPECT_TRUE(description->text().contains(QStringLiteral("MIT License")));
}

TEST(AboutDialog, ListsThePaperOfEveryCatalogActivation)
{
    ax::ui::AboutDialog dialog;
    const auto* references = dialog.findChild<QTextBrowser*>(QStringLiteral("references"));
    ASSERT_NE(references, nullptr);
    EXPECT_TRUE(references->openExternalLinks());

    const QString text = references->document()->toPlainText();
    const QSet<QString> links = linkTargets(*references->document());
    ASSERT_FALSE(ax::core::catalog().empty());
    QSet<QString> expectedLinks;
    for (const ax::core::Activation& activation : ax::core::catalog()) {
        SCOPED_TRACE(activation.id);
        const ax::core::Reference& reference = activation.reference;
        EXPECT_TRUE(text.contains(QString::fromStdString(activation.name)));
        if (!reference.title.empty()) {
            EXPECT_TRUE(text.contains(QString::fromStdString(reference.title)));
        }
        if (!reference.authors.empty()) {
            EXPECT_TRUE(text.contains(QString::fromStdString(reference.authors)));
        }
        if (reference.year > 0) {
            EXPECT_TRUE(text.contains(QString::number(reference.year)));
        }
        if (!reference.arxiv.empty()) {
            expectedLinks.insert(QStringLiteral("https://arxiv.org/abs/") +
                                 QString::fromStdString(reference.arxiv));
        }
        if (!reference.doi.empty()) {
            expectedLinks.insert(QStringLiteral("https://doi.org/") + QString::fromStdString(reference.doi));
        }
    }
    EXPECT_FALSE(expectedLinks.isEmpty());
    EXPECT_EQ(links, expectedLinks);
}

TEST(AboutDialog, CloseButtonDismissesTheDialog)
{
    ax::ui::AboutDialog dialog;
    dialog.show();
    auto* buttons = dialog.findChild<QDialogButtonBox*>();
    ASSERT_NE(buttons, nullptr);
    QPushButton* close = buttons->button(QDialogButtonBox::Close);
    ASSERT_NE(close, nullptr);
    close->click();
    EXPECT_FALSE(dialog.isVisible());
    EXPECT_EQ(dialog.result(), QDialog::Rejected);
}

TEST(AboutDialog, OffersAboutReferencesAndLicenceTabs)
{
    ax::ui::AboutDialog dialog;
    const auto* tabs = dialog.findChild<QTabWidget*>();
    ASSERT_NE(tabs, nullptr);
    ASSERT_EQ(tabs->count(), 3);
    EXPECT_EQ(tabs->tabText(1), QStringLiteral("References"));
    EXPECT_EQ(tabs->tabText(2), QStringLiteral("Licence"));
}

}  // namespace
