#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace wardroll::model {

// Reads the reference files compiled in as Qt resources (resources/README.md). A missing or
// unreadable resource is a build error, not a user error: it is reported with qFatal.
class ReferenceData
{
public:
    // The rows of a CSV file (RFC 4180: quoted fields, doubled quotes, CRLF or LF), header
    // included, UTF-8 with or without BOM. Fields are not trimmed.
    [[nodiscard]] static QList<QStringList> csv(const QString& resourcePath);
    // Non-empty lines of a text file, trimmed.
    [[nodiscard]] static QStringList lines(const QString& resourcePath);
    // The whole file.
    [[nodiscard]] static QByteArray bytes(const QString& resourcePath);
};

} // namespace wardroll::model
