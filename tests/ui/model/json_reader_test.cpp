// The JSON reader of sessions and settings: what QJsonDocument reads it reads the same, a key given
// twice is refused wherever it is, and numbers follow the command line's rules.

#include "ui/model/json_reader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

#include <cmath>

namespace {

using ax::ui::JsonReader;

QJsonDocument readOk(const QByteArray& bytes)
{
    const auto result = JsonReader::read(bytes);
    if (const auto* error = std::get_if<QString>(&result)) {
        ADD_FAILURE() << bytes.toStdString() << ": " << error->toStdString();
        return {};
    }
    return std::get<QJsonDocument>(result);
}

QString readError(const QByteArray& bytes)
{
    const auto result = JsonReader::read(bytes);
    if (const auto* error = std::get_if<QString>(&result)) return *error;
    ADD_FAILURE() << bytes.toStdString() << " was accepted";
    return {};
}

TEST(JsonReader, ReadsWhatQJsonDocumentReads)
{
    for (const QByteArray& text :
         {QByteArray(
              R"({"a": [1, -2.5e3, 0, true, false, null, "x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"], "b": {}})"),
          QByteArray("[]"), QByteArray(" {\"nested\": [[[{\"deep\": [1]}]]]} \n"),
          QByteArray(R"({"unicode": "α ≥ 0, ∞"})")}) {
        EXPECT_EQ(readOk(text), QJsonDocument::fromJson(text)) << text.toStdString();
    }
}

TEST(JsonReader, RefusesAKeyGivenTwiceAtAnyLevel)
{
    for (const QByteArray& text :
         {QByteArray(R"({"version": 99, "version": 1})"), QByteArray(R"({"a": {"b": {"c": 1, "c": 1}}})"),
          QByteArray(R"({"list": [{"x": 1}, {"y": 1, "y": 2}]})"), QByteArray(R"({"k": 1, "\u006b": 2})")}) {
        const QString error = readError(text);
        EXPECT_TRUE(error.contains(QLatin1String("given twice"))) << error.toStdString();
        EXPECT_TRUE(error.contains(QLatin1String("at byte"))) << error.toStdString();
    }
    // The same key in different objects is fine.
    EXPECT_TRUE(readOk(R"([{"x": 1}, {"x": 2}])").isArray());
}

TEST(JsonReader, RoundsTinyNumbersTowardsZeroAndRefusesHugeOnes)
{
    const QJsonObject tiny = readOk(R"({"a": 1e-5000, "b": -1e-400, "c": 4.9e-324})").object();
    EXPECT_EQ(tiny.value(QStringLiteral("a")).toDouble(-1), 0.0);
    EXPECT_EQ(tiny.value(QStringLiteral("b")).toDouble(-1), 0.0);
    EXPECT_GT(tiny.value(QStringLiteral("c")).toDouble(-1), 0.0);
    EXPECT_TRUE(readError(R"({"a": 1e400})").contains(QLatin1String("out of the range of double precision")));
}

TEST(JsonReader, RefusesWhatIsNotJson)
{
    for (const QByteArray& text :
         {QByteArray(""), QByteArray("{"), QByteArray("{\"a\" 1}"), QByteArray("{\"a\": 01}"),
          QByteArray("[1,]"), QByteArray("{\"a\": .5}"), QByteArray("{\"a\": 1.}"), QByteArray("{\"a\": 1e}"),
          QByteArray("{\"a\": +1}"), QByteArray("{\"a\": nan}"), QByteArray("{\"a\": \"\x01\"}"),
          QByteArray("{\"a\": \"\\x\"}"), QByteArray("{\"a\": \"\\ud800\"}"), QByteArray("{\"a\": \"\xff\"}"),
          QByteArray("{} {}"), QByteArray("{\"a\": tru}"), QByteArray(2000, '[')}) {
        EXPECT_FALSE(readError(text).isEmpty()) << text.left(40).toStdString();
    }
}

}  // namespace
