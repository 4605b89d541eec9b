#include "ui/model/explanation_library.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

#include <cmath>

namespace ax::ui {

namespace {

// Every text field the details pane and the table show; an explanation missing any is incomplete.
const QStringList& requiredTextFields()
{
    static const QStringList fields{"formula_html", "derivative_html", "introduced", "problem",
                                    "solution",     "maths",           "practice",   "origin"};
    return fields;
}

// Every field schema 2 knows; anything else is a typo or a file written for another schema.
const QStringList& knownFields()
{
    static const QStringList fields =
        requiredTextFields() +
        QStringList{"id", "strengths", "weaknesses", "successors", "reference", "declared", "claims"};
    return fields;
}

// Markup stored escaped shows its tags literally in the details pane ("4&lt;i&gt;e…").
bool holdsEscapedMarkup(const QString& text)
{
    static const QRegularExpression kEscapedTag(QStringLiteral("&lt;/?(i|b|sub|sup|br)\\b"));
    return kEscapedTag.match(text).hasMatch();
}

// A list of 'least' to 'most' short sentences; returns the message for the first problem.
std::optional<QString> readBullets(const QJsonObject& object, const QString& field, int least, int most,
                                   QStringList* bullets)
{
    const QJsonValue value = object.value(field);
    if (!value.isArray())
        return QObject::tr("the field \"%1\" must be a list of %2 to %3 sentences")
            .arg(field)
            .arg(least)
            .arg(most);
    const QJsonArray array = value.toArray();
    if (array.size() < least || array.size() > most)
        return QObject::tr("the field \"%1\" holds %2 sentences, not %3 to %4")
            .arg(field)
            .arg(array.size())
            .arg(least)
            .arg(most);
    for (const QJsonValue item : array) {
        const QString text = item.toString().trimmed();
        if (text.isEmpty())
            return QObject::tr("the field \"%1\" holds an empty or non-text entry").arg(field);
        if (holdsEscapedMarkup(text)) return QObject::tr("the field \"%1\" holds escaped markup").arg(field);
        bullets->append(text);
    }
    return std::nullopt;
}

std::optional<QString> readSuccessors(const QJsonValue& value, QList<Successor>* successors)
{
    if (!value.isArray()) return QObject::tr("the field \"successors\" must be a list");
    for (const QJsonValue item : value.toArray()) {
        const QJsonObject object = item.toObject();
        Successor successor;
        successor.id = object.value("id").toString();
        if (successor.id.isEmpty()) return QObject::tr("a successor has no id");
        const QString relation = object.value("relation").toString();
        if (relation == QLatin1String("next"))
            successor.relation = Successor::Relation::Next;
        else if (relation == QLatin1String("related"))
            successor.relation = Successor::Relation::Related;
        else
            return QObject::tr("the successor \"%1\" has the relation \"%2\", not \"next\" or \"related\"")
                .arg(successor.id, relation);
        successors->append(successor);
    }
    return std::nullopt;
}

const QStringList& knownClaimKinds()
{
    static const QStringList kinds{
        "value",          "derivative",  "second_derivative", "minimum",     "maximum",
        "max_derivative", "lower_bound", "upper_bound",       "fixed_point", "mean_squared_derivative"};
    return kinds;
}

std::optional<NumericClaim> parseClaim(const QJsonValue& value, QString* error)
{
    const QJsonObject object = value.toObject();
    NumericClaim claim;
    claim.what = object.value("what").toString();
    if (!knownClaimKinds().contains(claim.what)) {
        *error = QObject::tr("unknown claim kind \"%1\"").arg(claim.what);
        return std::nullopt;
    }
    if (!object.value("value").isDouble()) {
        *error = QObject::tr("claim \"%1\" has no numeric value").arg(claim.what);
        return std::nullopt;
    }
    claim.value = object.value("value").toDouble();
    if (object.contains("at")) claim.at = object.value("at").toDouble();
    if (object.contains("variance")) claim.variance = object.value("variance").toDouble();
    if (object.contains("tolerance")) claim.tolerance = object.value("tolerance").toDouble();
    const QJsonObject parameters = object.value("parameters").toObject();
    for (auto it = parameters.begin(); it != parameters.end(); ++it)
        claim.parameters.insert(it.key(), it->toDouble());
    claim.text = object.value("text").toString().trimmed();
    const bool needsPoint = claim.what == "value" || claim.what == "derivative" ||
                            claim.what == "second_derivative" || claim.what == "minimum" ||
                            claim.what == "maximum" || claim.what == "max_derivative";
    if (needsPoint && std::isnan(claim.at)) {
        *error = QObject::tr("claim \"%1\" needs the point \"at\"").arg(claim.what);
        return std::nullopt;
    }
    if (claim.what == "fixed_point" && std::isnan(claim.variance)) {
        *error = QObject::tr("claim \"fixed_point\" needs a variance");
        return std::nullopt;
    }
    if (claim.text.isEmpty()) {
        *error = QObject::tr("claim \"%1\" has no text").arg(claim.what);
        return std::nullopt;
    }
    if (!(claim.tolerance > 0.0)) {
        *error = QObject::tr("claim \"%1\" has a tolerance that is not positive").arg(claim.what);
        return std::nullopt;
    }
    return claim;
}

}  // namespace

QString Explanation::searchText() const
{
    QStringList parts{id,    formulaHtml, derivativeHtml, introduced, problem, solution,
                      maths, practice,    origin,         arxiv,      doi};
    parts << strengths << weaknesses;
    for (QString& part : parts)
        part = plainTextOf(part);
    if (year > 0) parts << QString::number(year);
    return parts.join(QLatin1Char('\n'));
}

QString typesetFormula(const QString& html)
{
    QString text = html;
    text.replace(QStringLiteral("</i>′"), QStringLiteral("</i>&#8202;′"));
    text.replace(QStringLiteral("</i>″"), QStringLiteral("</i>&#8202;″"));
    return text;
}

QString plainTextOf(const QString& richText)
{
    if (!richText.contains(QLatin1Char('<')) && !richText.contains(QLatin1Char('&'))) return richText;
    // The explanations use a small, known set of tags and entities; stripping them by hand keeps
    // this usable without a GUI application (the headless table export).
    static const QRegularExpression kTag(QStringLiteral("<[^>]*>"));
    QString text = richText;
    text.replace(QStringLiteral("<br/>"), QStringLiteral("\n")).remove(kTag);
    text.replace(QStringLiteral("&nbsp;"), QStringLiteral(" "))
        .replace(QStringLiteral("&#8202;"), QString())
        .replace(QStringLiteral("&lt;"), QStringLiteral("<"))
        .replace(QStringLiteral("&gt;"), QStringLiteral(">"))
        .replace(QStringLiteral("&quot;"), QStringLiteral("\""))
        .replace(QStringLiteral("&#39;"), QStringLiteral("'"))
        .replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    return text;
}

std::optional<Explanation> ExplanationLibrary::parse(const QByteArray& json, const QString& expectedId,
                                                     QString* error)
{
    QString ignored;
    QString& message = error ? *error : ignored;
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        message = QObject::tr("%1: not valid JSON at offset %2 (%3)")
                      .arg(expectedId)
                      .arg(parseError.offset)
                      .arg(parseError.errorString());
        return std::nullopt;
    }
    if (!document.isObject()) {
        message = QObject::tr("%1: the file does not hold a JSON object").arg(expectedId);
        return std::nullopt;
    }
    const QJsonObject object = document.object();
    Explanation explanation;
    explanation.id = object.value("id").toString();
    if (explanation.id != expectedId) {
        message = QObject::tr("%1: the file names the id \"%2\"").arg(expectedId, explanation.id);
        return std::nullopt;
    }
    if (object.contains(QStringLiteral("weakness"))) {
        message = QObject::tr(
                      "%1: the field \"weakness\" belongs to the old schema; schema %2 splits it into "
                      "\"weaknesses\" and \"problem\"")
                      .arg(expectedId)
                      .arg(kSchema);
        return std::nullopt;
    }
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!knownFields().contains(it.key())) {
            message = QObject::tr("%1: unknown field \"%2\"").arg(expectedId, it.key());
            return std::nullopt;
        }
    }
    for (const QString& field : requiredTextFields()) {
        const QString text = object.value(field).toString().trimmed();
        if (text.isEmpty()) {
            message = QObject::tr("%1: the field \"%2\" is missing or empty").arg(expectedId, field);
            return std::nullopt;
        }
        if (holdsEscapedMarkup(text)) {
            message = QObject::tr("%1: the field \"%2\" holds escaped markup").arg(expectedId, field);
            return std::nullopt;
        }
    }
    explanation.formulaHtml = object.value("formula_html").toString().trimmed();
    explanation.derivativeHtml = object.value("derivative_html").toString().trimmed();
    explanation.introduced = object.value("introduced").toString().trimmed();
    explanation.problem = object.value("problem").toString().trimmed();
    explanation.solution = object.value("solution").toString().trimmed();
    explanation.maths = object.value("maths").toString().trimmed();
    explanation.practice = object.value("practice").toString().trimmed();
    explanation.origin = object.value("origin").toString().trimmed();
    std::optional<QString> problem =
        readBullets(object, QStringLiteral("strengths"), 2, 4, &explanation.strengths);
    if (!problem) problem = readBullets(object, QStringLiteral("weaknesses"), 1, 4, &explanation.weaknesses);
    if (!problem) problem = readSuccessors(object.value("successors"), &explanation.successors);
    if (problem) {
        message = QStringLiteral("%1: %2").arg(expectedId, *problem);
        return std::nullopt;
    }
    const QJsonObject reference = object.value("reference").toObject();
    explanation.year = reference.value("year").toInt();
    explanation.arxiv = reference.value("arxiv").toString();
    explanation.doi = reference.value("doi").toString();
    explanation.declared = object.value("declared").toObject();
    if (explanation.declared.isEmpty()) {
        message = QObject::tr("%1: the declared properties are missing").arg(expectedId);
        return std::nullopt;
    }
    const QJsonArray claims = object.value("claims").toArray();
    if (claims.isEmpty()) {
        message = QObject::tr("%1: there is no numeric claim to check").arg(expectedId);
        return std::nullopt;
    }
    for (const QJsonValue value : claims) {
        QString claimError;
        auto claim = parseClaim(value, &claimError);
        if (!claim) {
            message = QStringLiteral("%1: %2").arg(expectedId, claimError);
            return std::nullopt;
        }
        explanation.claims << *claim;
    }
    return explanation;
}

ExplanationLibrary ExplanationLibrary::load(const QStringList& ids)
{
    ExplanationLibrary library;
    for (const QString& id : ids) {
        QFile file(QString::fromLatin1(kResourceDirectory) + id + QStringLiteral(".json"));
        if (!file.open(QIODevice::ReadOnly)) {
            library.m_errors << QObject::tr("%1: no explanation in the resources").arg(id);
            continue;
        }
        QString error;
        if (auto explanation = parse(file.readAll(), id, &error)) {
            library.m_explanations.insert(id, *explanation);
            library.m_order << id;
        } else {
            library.m_errors << error;
        }
    }
    return library;
}

const Explanation* ExplanationLibrary::find(const QString& id) const
{
    const auto it = m_explanations.constFind(id);
    return it == m_explanations.constEnd() ? nullptr : &*it;
}

}  // namespace ax::ui
