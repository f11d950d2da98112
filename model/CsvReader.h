#pragma once

#include "Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

class QIODevice;

namespace wardroll::model {

// Streams RFC 4180 records from a device holding UTF-8 text: quoted fields with embedded commas,
// doubled quotes and line breaks; CRLF, LF or CR line ends; a leading BOM. Lenient where files
// in the wild are: spaces before an opening quote, text after a closing quote, and blank lines
// (skipped) are accepted. A record that cannot be read (invalid UTF-8, a quote left open at the
// end of the file) is still returned, with problem() saying why, so that the caller can report
// it by line and go on. Only the device failing is an error.
//
// Works on bytes in large chunks and decodes a field only once its record is complete, so that
// it reads hundreds of megabytes per second.
class CsvReader
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::model::CsvReader)
public:
    // The device must be open for reading; it is read from its current position.
    explicit CsvReader(QIODevice& device);

    // Reads the next record: true when there is one, false at the end of the input; an error
    // when the device fails or a file became shorter while it was read.
    [[nodiscard]] Result<bool> readNext();

    // The current record's fields, as written (quotes removed, not trimmed). When the record is
    // not valid UTF-8, invalid bytes show as U+FFFD.
    [[nodiscard]] const QStringList& fields() const { return m_fields; }
    // Why the current record cannot be read; empty when it can.
    [[nodiscard]] const QString& problem() const { return m_problem; }
    // 1-based line on which the current record starts (a record may span several lines).
    [[nodiscard]] qint64 line() const { return m_recordLine; }
    // Bytes consumed up to the end of the current record, and the device's size (-1 when
    // unknown): for progress.
    [[nodiscard]] qint64 bytesDone() const { return m_consumedBefore + m_pos; }
    [[nodiscard]] qint64 bytesTotal() const { return m_total; }

    // Whether `bytes` is well-formed UTF-8 (no overlong forms, surrogates or values > U+10FFFF).
    [[nodiscard]] static bool isValidUtf8(const char* bytes, qsizetype size);

private:
    struct Span
    {
        qsizetype begin; // offset in m_buffer
        qsizetype end;
        bool quoted;
    };
    enum class Scan { Complete, NeedMore };

    [[nodiscard]] Scan scanRecord(bool atEnd);
    [[nodiscard]] Status fill();
    void decodeRecord();

    QIODevice& m_device;
    QByteArray m_buffer;
    qsizetype m_size = 0; // valid bytes in m_buffer
    qsizetype m_pos = 0; // start of the unread part
    qint64 m_consumedBefore = 0; // bytes dropped from the front of m_buffer
    qint64 m_total = -1;
    qint64 m_line = 1; // line of m_pos
    bool m_eof = false;
    bool m_started = false;

    QList<Span> m_spans;
    bool m_unterminated = false;
    qsizetype m_recordBegin = 0;
    qsizetype m_recordEnd = 0;
    qint64 m_recordLine = 0;
    QStringList m_fields;
    QString m_problem;
};

} // namespace wardroll::model
