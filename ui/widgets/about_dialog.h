#pragma once
// The About box: what the app is, its version and licence, and the papers behind the catalog.

#include <QDialog>
#include <QString>

namespace ax::ui {

class AboutDialog : public QDialog {
    Q_OBJECT

public:
    explicit AboutDialog(QWidget* parent = nullptr);

    // One entry per catalog activation with a paper (authors, year, title, venue, arXiv and
    // DOI links), then the classical functions that have none, as rich text.
    [[nodiscard]] static QString referencesHtml();

private:
    [[nodiscard]] QWidget* createAboutPage();
    [[nodiscard]] QWidget* createReferencesPage();
    [[nodiscard]] QWidget* createLicencePage();
};

}  // namespace ax::ui
