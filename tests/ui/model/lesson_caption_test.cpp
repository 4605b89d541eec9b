// A caption's rich text: the safe subset passes, anything that could fetch, run or style something is
// refused with its position.

#include "ui/model/lesson_caption.h"

#include <gtest/gtest.h>

namespace ax::ui {
namespace {

TEST(LessonCaption, TheSubsetPasses)
{
    for (const char* text :
         {"plain", "<b>bold</b> and <i>z</i><sup>2</sup>", "a<br>b<br/>c<br />",
          "<p>one</p><ul><li>x</li><li>y</li></ul>", "&lt;&gt;&amp;&quot;&#x3C3;&#963;&nbsp;", "σ′ ≤ 1/4"}) {
        EXPECT_EQ(LessonCaption::validate(QString::fromUtf8(text)), std::nullopt) << text;
    }
}

TEST(LessonCaption, EverythingElseIsRefusedWithItsPlace)
{
    const std::vector<std::pair<const char*, const char*>> cases = {
        {"<script>alert(1)</script>", "the tag \"<script>\" at character 1 is not allowed"},
        {"x <img src=a.png>", "\"<img src=a.png>\" at character 3: tags take no attributes"},
        {"<b style=\"color:red\">x</b>", "tags take no attributes"},
        {"<a href=x>y</a>", "tags take no attributes"},
        {"<b>x</i>", "</i> at character 5 closes <b>"},
        {"<b>x", "<b> is never closed"},
        {"x</b>", "</b> at character 2 closes nothing"},
        {"1 < 2", "a \"<\" that opens no tag at character 3"},
        {"R&D", "a \"&\" that starts no entity at character 2"},
        {"&foo;", "the entity \"&foo;\" at character 1 is not allowed"},
        {"&#0;", "is not allowed"},
        {"&#xD800;", "is not allowed"},
        {"<i/>", "only br closes itself"},
        {"bell\a", "a control character at character 5"},
    };
    for (const auto& [text, message] : cases) {
        const auto error = LessonCaption::validate(QString::fromUtf8(text));
        ASSERT_TRUE(error.has_value()) << text;
        EXPECT_TRUE(error->contains(QString::fromUtf8(message))) << text << ": " << error->toStdString();
        EXPECT_FALSE(error->contains(QLatin1Char('\n')));
    }
}

TEST(LessonCaption, PlainTextDropsTagsAndResolvesEntities)
{
    EXPECT_EQ(LessonCaption::plainText(QStringLiteral("<b>f</b>(<i>z</i>) &lt; 1&#x3C3;")),
              QStringLiteral("f(z) < 1σ"));
}

}  // namespace
}  // namespace ax::ui
