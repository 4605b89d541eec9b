#include "ui/model/lesson_file.h"

#include "ui/model/atomic_file.h"
#include "ui/model/json_reader.h"
#include "ui/model/lesson_caption.h"
#include "ui/model/quoted_text.h"
#include "ui/model/session_file.h"
#include "ui/model/session_json.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <cmath>
#include <limits>

namespace ax::ui {

namespace {

const QString kFormat = QStringLiteral("activation-explorer-lesson");

// Refuses any key not in known: a misspelt "caption" would otherwise vanish without a word.
std::optional<QString> unknownKey(const QJsonObject& json, const QStringList& known)
{
    for (auto it = json.begin(); it != json.end(); ++it)
        if (!known.contains(it.key()))
            return LessonFile::tr("unknown key %1 (expected %2)")
                .arg(quoted(it.key()), known.join(QStringLiteral(", ")));
    return std::nullopt;
}

// A plain-text title: a string, not empty, on one line, of bounded length.
std::optional<QString> readTitle(const QJsonValue& value, QString& out)
{
    if (!value.isString()) return LessonFile::tr("must be text");
    const QString title = value.toString();
    if (title.trimmed().isEmpty()) return LessonFile::tr("must not be empty");
    if (title.size() > Lesson::kMaxTitleLength)
        return LessonFile::tr("is %1 characters long; at most %2 are allowed")
            .arg(title.size())
            .arg(Lesson::kMaxTitleLength);
    for (const QChar c : title)
        if (c.unicode() < 0x20 || c.unicode() == 0x7F) return LessonFile::tr("must be one line of text");
    out = title;
    return std::nullopt;
}

std::optional<QString> readVersion(const QJsonValue& version)
{
    if (version.isUndefined()) return LessonFile::tr("The file has no format version.");
    const double number = version.toDouble(std::numeric_limits<double>::quiet_NaN());
    if (!version.isDouble()) return LessonFile::tr("The format version must be a whole number from 1.");
    const QString written = QString::number(number, 'g', QLocale::FloatingPointShortest);
    if (!std::isfinite(number) || number != std::floor(number) || number < 1)
        return LessonFile::tr("The format version %1 is not valid: it must be a whole number from 1.")
            .arg(written);
    if (number > LessonFile::kFormatVersion)
        return LessonFile::tr(
                   "The lesson was written by a newer version (format %1; this version reads up to %2).")
            .arg(written)
            .arg(LessonFile::kFormatVersion);
    return std::nullopt;
}

// One step, or the message naming its field (the caller names the step).
std::variant<LessonStep, QString> readStep(const QJsonValue& value)
{
    if (!value.isObject()) return LessonFile::tr("must be an object");
    const QJsonObject json = value.toObject();
    const QStringList keys{QStringLiteral("title"), QStringLiteral("caption"), QStringLiteral("view"),
                           QStringLiteral("introduces"), QStringLiteral("session")};
    if (auto error = unknownKey(json, keys)) return *error;
    for (const QString& key : keys)
        if (key != QLatin1String("introduces") && !json.contains(key))
            return LessonFile::tr("%1 is missing").arg(quoted(key));

    LessonStep step;
    if (auto error = readTitle(json.value(QStringLiteral("title")), step.title))
        return LessonFile::tr("\"title\" %1").arg(*error);

    const QJsonValue caption = json.value(QStringLiteral("caption"));
    if (!caption.isString()) return LessonFile::tr("\"caption\" must be text");
    step.caption = caption.toString();
    if (step.caption.size() > Lesson::kMaxCaptionLength)
        return LessonFile::tr("\"caption\" is %1 characters long; at most %2 are allowed")
            .arg(step.caption.size())
            .arg(Lesson::kMaxCaptionLength);
    if (auto error = LessonCaption::validate(step.caption))
        return LessonFile::tr("\"caption\": %1").arg(*error);

    const QJsonValue view = json.value(QStringLiteral("view"));
    const auto parsedView = lessonViewFromKey(view.toString());
    if (!view.isString() || !parsedView)
        return LessonFile::tr("\"view\" must be \"charts\", \"depthLab\", \"comparison\" or \"trainingLab\"");
    step.view = *parsedView;

    const QJsonValue session = json.value(QStringLiteral("session"));
    if (!session.isObject()) return LessonFile::tr("\"session\" must be an object");
    // Read exactly as a session file is: the same format check, the same reader.
    if (auto problem = sessionFormatProblem(session.toObject()))
        return LessonFile::tr("\"session\": %1").arg(*problem);
    auto read = sessionFromJson(session.toObject());
    if (auto* error = std::get_if<QString>(&read)) return LessonFile::tr("\"session\": %1").arg(*error);
    step.session = std::get<Session>(std::move(read));

    if (const QJsonValue introduces = json.value(QStringLiteral("introduces")); !introduces.isUndefined()) {
        if (!introduces.isString() || introduces.toString().isEmpty())
            return LessonFile::tr("\"introduces\" must be an activation id");
        step.introduces = introduces.toString();
        if (!step.session.activation(step.introduces))
            return LessonFile::tr("\"introduces\" names the unknown activation %1")
                .arg(quoted(step.introduces));
        if (!step.session.enabled.contains(step.introduces))
            return LessonFile::tr("\"introduces\" names %1, which the step's session does not show")
                .arg(quoted(step.introduces));
    }
    return step;
}

}  // namespace

QJsonObject LessonFile::toJson(const Lesson& lesson)
{
    QJsonArray steps;
    for (const LessonStep& step : lesson.steps) {
        QJsonObject json{{QStringLiteral("title"), step.title},
                         {QStringLiteral("caption"), step.caption},
                         {QStringLiteral("view"), lessonViewKey(step.view)},
                         {QStringLiteral("session"), sessionToJson(step.session)}};
        if (!step.introduces.isEmpty()) json.insert(QStringLiteral("introduces"), step.introduces);
        steps.append(json);
    }
    return {{QStringLiteral("format"), kFormat},
            {QStringLiteral("version"), kFormatVersion},
            {QStringLiteral("title"), lesson.title},
            {QStringLiteral("steps"), steps}};
}

QByteArray LessonFile::toBytes(const Lesson& lesson)
{
    return QJsonDocument(toJson(lesson)).toJson(QJsonDocument::Indented);
}

std::variant<Lesson, QString> LessonFile::fromJson(const QJsonObject& json)
{
    if (json.value(QStringLiteral("format")).toString() != kFormat)
        return tr("The file is not an Activation Explorer lesson (its \"format\" is missing or different).");
    if (auto error = readVersion(json.value(QStringLiteral("version")))) return *error;
    if (auto error = unknownKey(json, {QStringLiteral("format"), QStringLiteral("version"),
                                       QStringLiteral("title"), QStringLiteral("steps")}))
        return tr("The lesson has an %1.").arg(*error);
    Lesson lesson;
    if (auto error = readTitle(json.value(QStringLiteral("title")), lesson.title))
        return tr("The lesson's \"title\" %1.").arg(*error);
    const QJsonValue steps = json.value(QStringLiteral("steps"));
    if (!steps.isArray()) return tr("\"steps\" must be a list of steps.");
    const QJsonArray list = steps.toArray();
    if (list.isEmpty()) return tr("The lesson has no steps.");
    if (list.size() > Lesson::kMaxSteps)
        return tr("The lesson has %1 steps; at most %2 are allowed.").arg(list.size()).arg(Lesson::kMaxSteps);
    for (qsizetype i = 0; i < list.size(); ++i) {
        auto step = readStep(list[i]);
        if (auto* error = std::get_if<QString>(&step)) {
            QString message = tr("Step %1, %2").arg(i + 1).arg(*error);
            if (!message.endsWith(QLatin1Char('.'))) message += QLatin1Char('.');
            return message;
        }
        lesson.steps << std::get<LessonStep>(std::move(step));
    }
    return lesson;
}

std::variant<Lesson, QString> LessonFile::fromBytes(const QByteArray& bytes)
{
    if (bytes.size() > kMaxBytes)
        return tr("The file is too large to be a lesson (%1 bytes; lessons are at most 4 MiB).")
            .arg(bytes.size());
    const JsonReadResult read = JsonReader::read(bytes);
    if (const auto* error = std::get_if<QString>(&read))
        return tr("The file is not valid JSON (%1).").arg(*error);
    const QJsonDocument& document = std::get<QJsonDocument>(read);
    if (!document.isObject()) return tr("The file does not hold a lesson (expected a JSON object).");
    return fromJson(document.object());
}

std::optional<QString> LessonFile::save(const Lesson& lesson, const QString& path)
{
    return writeFileAtomically(path, toBytes(lesson));
}

std::variant<Lesson, QString> LessonFile::open(const QString& path)
{
    QFile file(path);
    const QString name = QFileInfo(path).fileName();
    if (!file.open(QIODevice::ReadOnly)) return tr("Cannot open %1: %2").arg(name, file.errorString());
    if (file.size() > kMaxBytes)
        return tr("%1 is too large to be a lesson (%2 bytes; lessons are at most 4 MiB).")
            .arg(name)
            .arg(file.size());
    auto lesson = fromBytes(file.read(kMaxBytes + 1));
    if (auto* error = std::get_if<QString>(&lesson)) return tr("%1: %2").arg(name, *error);
    return lesson;
}

std::variant<Lesson, QString> LessonFile::shipped()
{
    return open(QString::fromLatin1(kShippedPath));
}

}  // namespace ax::ui
