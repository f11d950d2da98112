#include "ReferenceData.h"

#include <QFile>

namespace wardroll::model {

QByteArray ReferenceData::bytes(const QString& resourcePath)
{
    QFile file(resourcePath);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("Reference data %s is missing from the build", qPrintable(resourcePath));
    return file.readAll();
}

QList<QStringList> ReferenceData::csv(const QString& resourcePath)
{
    const QString text = QString::fromUtf8(bytes(resourcePath));
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    qsizetype i = text.startsWith(QChar(0xFEFF)) ? 1 : 0;
    const qsizetype n = text.size();
    auto endRow = [&] {
        row.append(field);
        field.clear();
        if (!(row.size() == 1 && row.first().isEmpty()))
            rows.append(row);
        row.clear();
    };
    for (; i < n; ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < n && text[i + 1] == u'"') {
                    field.append(c);
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field.append(c);
            }
        } else if (c == u'"' && field.isEmpty()) {
            quoted = true;
        } else if (c == u',') {
            row.append(field);
            field.clear();
        } else if (c == u'\n') {
            endRow();
        } else if (c != u'\r') {
            field.append(c);
        }
    }
    if (!field.isEmpty() || !row.isEmpty())
        endRow();
    return rows;
}

QStringList ReferenceData::lines(const QString& resourcePath)
{
    QStringList out;
    const QString text = QString::fromUtf8(bytes(resourcePath));
    for (QStringView line : QStringView(text).split(u'\n')) {
        line = line.trimmed();
        if (line.startsWith(QChar(0xFEFF)))
            line = line.mid(1);
        if (!line.isEmpty())
            out.append(line.toString());
    }
    return out;
}

} // namespace wardroll::model
