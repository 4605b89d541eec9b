// The activation list grouped by family: a header per family in a fixed order, each activation
// under its own family's header, a tick box per header that is ticked, partly ticked or clear as its
// group is, and that switches the whole group; a click on a header folds it. The story stays one
// click away.

#include "core/catalog.h"
#include "tests/ui/widgets/main_window_fixture.h"
#include "ui/model/explorer_state.h"
#include "ui/widgets/activation_list_panel.h"
#include "ui/widgets/main_window.h"

#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTest>

#include <gtest/gtest.h>

namespace ax::ui {
namespace {

class ActivationListGroups : public MainWindowFixture {
protected:
    [[nodiscard]] ActivationListPanel* panel() const { return window->activationList(); }

    // The ids listed under group, in list order.
    [[nodiscard]] QStringList membersOf(const QString& group) const
    {
        QStringList ids;
        QListWidget* list = panel()->list();
        const int start = list->row(panel()->groupHeader(group));
        for (int row = start + 1; row < list->count(); ++row) {
            QListWidgetItem* entry = list->item(row);
            if (panel()->groups().contains(entry->data(Qt::UserRole + 1).toString()) &&
                entry == panel()->groupHeader(entry->data(Qt::UserRole + 1).toString()))
                break;
            ids << entry->data(Qt::UserRole).toString();
        }
        return ids;
    }

    void clickText(QListWidgetItem* entry) const
    {
        QListWidget* list = panel()->list();
        list->scrollToItem(entry);
        const QRect rect = list->visualItemRect(entry);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, QPoint(rect.right() - 10, rect.center().y()));
    }
};

TEST_F(ActivationListGroups, EveryFamilyHasAHeaderAndEveryActivationSitsUnderItsOwn)
{
    const QStringList expected{QStringLiteral("linear"),           QStringLiteral("threshold"),
                               QStringLiteral("sigmoid"),          QStringLiteral("rectifier"),
                               QStringLiteral("smooth rectifier"), QStringLiteral("gated"),
                               QStringLiteral("radial"),           QStringLiteral("periodic"),
                               QStringLiteral("shrinkage"),        QStringLiteral("other")};
    EXPECT_EQ(panel()->groups(), expected);
    int listed = 0;
    for (const core::Activation& a : core::catalog()) {
        const QString family = QString::fromUtf8(core::familyName(a.family).data());
        EXPECT_TRUE(membersOf(family).contains(QString::fromStdString(a.id))) << a.id;
        ++listed;
    }
    EXPECT_EQ(listed, 43);
    EXPECT_EQ(membersOf(QStringLiteral("shrinkage")),
              (QStringList{QStringLiteral("hard_shrink"), QStringLiteral("soft_shrink"),
                           QStringLiteral("tanh_shrink")}));
    EXPECT_TRUE(panel()
                    ->groupHeader(QStringLiteral("smooth rectifier"))
                    ->text()
                    .contains(QStringLiteral("Smooth rectifier")));
}

TEST_F(ActivationListGroups, HeaderTickBoxFollowsAndSwitchesItsGroup)
{
    panel()->storyButton()->click();  // one click: sigmoid, ReLU, leaky ReLU, ELU, SELU, GELU, swish, mish
    EXPECT_EQ(state().enabledIds(), ExplorerState::storyIds());
    QListWidgetItem* sigmoids = panel()->groupHeader(QStringLiteral("sigmoid"));
    QListWidgetItem* periodic = panel()->groupHeader(QStringLiteral("periodic"));
    EXPECT_EQ(sigmoids->checkState(), Qt::PartiallyChecked);
    EXPECT_EQ(periodic->checkState(), Qt::Unchecked);
    EXPECT_TRUE(sigmoids->text().contains(QStringLiteral("1 of 10 shown"))) << sigmoids->text().toStdString();

    sigmoids->setCheckState(Qt::Checked);  // what a click on a partly ticked box does
    for (const QString& id : membersOf(QStringLiteral("sigmoid")))
        EXPECT_TRUE(state().isEnabled(id)) << id.toStdString();
    EXPECT_TRUE(state().isEnabled(QStringLiteral("relu")));  // the other groups keep their state
    EXPECT_FALSE(state().isEnabled(QStringLiteral("sine")));
    EXPECT_EQ(sigmoids->checkState(), Qt::Checked);

    sigmoids->setCheckState(Qt::Unchecked);
    for (const QString& id : membersOf(QStringLiteral("sigmoid")))
        EXPECT_FALSE(state().isEnabled(id)) << id.toStdString();
    EXPECT_TRUE(state().isEnabled(QStringLiteral("relu")));

    // Ticking the last member by hand ticks the header.
    for (const QString& id : membersOf(QStringLiteral("periodic")))
        panel()->item(id)->setCheckState(Qt::Checked);
    EXPECT_EQ(periodic->checkState(), Qt::Checked);
}

TEST_F(ActivationListGroups, ClickOnAHeaderFoldsItAndAFilterOpensTheFold)
{
    QListWidgetItem* gated = panel()->groupHeader(QStringLiteral("gated"));
    ASSERT_TRUE(gated->text().startsWith(QStringLiteral("▾")));
    clickText(gated);
    EXPECT_TRUE(panel()->isGroupFolded(QStringLiteral("gated")));
    EXPECT_TRUE(gated->text().startsWith(QStringLiteral("▸")));
    EXPECT_TRUE(panel()->item(QStringLiteral("mish"))->isHidden());
    EXPECT_FALSE(panel()->item(QStringLiteral("elu"))->isHidden());
    // A folded group still answers to All and None.
    panel()->noneButton()->click();
    panel()->allButton()->click();
    EXPECT_TRUE(state().isEnabled(QStringLiteral("mish")));

    panel()->filterEdit()->setText(QStringLiteral("mish"));
    EXPECT_FALSE(panel()->item(QStringLiteral("mish"))->isHidden());
    EXPECT_TRUE(panel()->groupHeader(QStringLiteral("sigmoid"))->isHidden());  // no match in it
    panel()->filterEdit()->clear();
    EXPECT_TRUE(panel()->item(QStringLiteral("mish"))->isHidden());

    clickText(gated);
    EXPECT_FALSE(panel()->isGroupFolded(QStringLiteral("gated")));
    EXPECT_FALSE(panel()->item(QStringLiteral("mish"))->isHidden());
}

}  // namespace
}  // namespace ax::ui
